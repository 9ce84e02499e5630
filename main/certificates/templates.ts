import QRCode from 'qrcode';
import type { CertificateTemplate } from '../../shared/certificate-templates.js';
import { formatDateVi, officialDateLine } from '../../shared/dates.js';

/**
 * The certificate page: one A4 landscape sheet per certificate, fonts
 * embedded, the QR as inline SVG. The preview shows exactly this HTML in a
 * frame, the PDF and the paper print it, so the three cannot drift apart.
 */

/** What one certificate shows, resolved from the register, the decision and the holder. */
export interface CertificateView {
  registerNumber: string;
  titleLabel: string;
  year: number;
  /** A person gets "Năm sinh"; households, clans, organisations and units do not. */
  isPerson: boolean;
  holderName: string;
  birthYear: number | null;
  /** Street address or organisation address as entered; may be empty. */
  address: string;
  hamlet: string;
  commune: string;
  decisionNumber: string;
  /** YYYY-MM-DD */
  decisionDate: string;
  decisionAuthority: string;
  signerTitle: string;
  signerName: string;
  place: string;
  /** Printed date of the certificate (the decision's date). */
  issuedOn: string;
  reprint: boolean;
  /** Empty on a preview of a certificate not printed yet. */
  qrPayload: string;
}

const escapeHtml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
const upper = (s: string) => s.toLocaleUpperCase('vi');

/** Printed width of the QR: a version-11 code has 61 modules, so 34 mm keeps a module above 0.5 mm (3 px at 150 dpi). */
export const QR_SIZE_MM = 34;

/**
 * The payload as an SVG, error correction Q (a stamp or a fold over the code
 * still leaves it readable): one path that strokes each row's runs of dark
 * modules as 1-unit-thick lines, moving relatively within a row. Filled
 * rectangles per run made the code ~13 KB of HTML per page and the largest
 * share of Chromium's parse, layout and PDF time (issue 14's speed target);
 * this is about half, and zbarimg reads it the same at 150 dpi.
 * Built from the module matrix rather than qrcode's string renderer, which is asynchronous.
 */
export function qrSvg(payload: string): string {
  const qr = QRCode.create(payload, { errorCorrectionLevel: 'Q' });
  const { size, data } = qr.modules;
  const quiet = 4;
  let path = '';
  for (let y = 0; y < size; y++) {
    // The pen after the last run of this row, or -1 before the first.
    let pen = -1;
    let x = 0;
    while (x < size) {
      if (!data[y * size + x]) {
        x++;
        continue;
      }
      const start = x;
      while (x < size && data[y * size + x]) x++;
      path += pen < 0 ? `M${start + quiet} ${y + quiet + 0.5}h${x - start}` : `m${start - pen} 0h${x - start}`;
      pen = x;
    }
  }
  const box = size + quiet * 2;
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${box} ${box}" width="${QR_SIZE_MM}mm" height="${QR_SIZE_MM}mm" shape-rendering="crispEdges" role="img" aria-label="Mã QR xác minh"><rect width="${box}" height="${box}" fill="#fff"/><path stroke="#000" stroke-width="1" d="${path}"/></svg>`;
}

const STYLE = `
@page { size: A4 landscape; margin: 0; }
* { box-sizing: border-box; }
html, body { margin: 0; padding: 0; }
body { font-family: 'Tinos', 'Times New Roman', serif; color: #000; background: #fff; }
.cert { position: relative; width: 297mm; height: 210mm; padding: 9mm; overflow: hidden; break-after: page; page-break-after: always; }
.cert:last-child { break-after: auto; page-break-after: auto; }
.frame { position: absolute; inset: 9mm; border: 2.2mm double #8a1c1c; }
.inner { position: absolute; inset: 13mm; border: 0.3mm solid #8a1c1c; padding: 8mm 14mm 6mm; }
.head { display: flex; justify-content: space-between; text-align: center; font-size: 12.5pt; line-height: 1.35; }
.head .body { width: 42%; font-weight: 700; }
.head .body .superior { font-weight: 400; }
.head .nation { width: 55%; font-weight: 700; }
.rule { display: block; width: 36%; margin: 1.5mm auto 0; border-top: 0.3mm solid #000; }
.nation .rule { width: 52%; }
h1 { margin: 9mm 0 2mm; text-align: center; font-size: 30pt; letter-spacing: 1.5pt; color: #8a1c1c; font-weight: 700; }
.reprint { text-align: center; font-size: 12pt; font-weight: 700; font-style: italic; margin-top: -1mm; }
.lead { text-align: center; font-size: 15pt; margin: 4mm 0 1mm; }
.holder { text-align: center; font-size: 22pt; font-weight: 700; margin: 1mm 0 2mm; }
.facts { text-align: center; font-size: 14pt; line-height: 1.45; }
.achievement { text-align: center; font-size: 18pt; font-weight: 700; margin: 3mm 0 1mm; }
.decision { text-align: center; font-size: 13pt; font-style: italic; }
.bottom { position: absolute; left: 8mm; right: 8mm; bottom: 4mm; display: flex; justify-content: space-between; align-items: flex-end; }
.qr { width: 70mm; text-align: center; font-size: 10.5pt; line-height: 1.3; }
.qr svg { display: block; margin: 0 auto 1mm; }
.qr-placeholder { margin: 0 auto 1mm; border: 0.3mm dashed #555; display: flex; align-items: center; justify-content: center; text-align: center; font-style: italic; }
.register { font-size: 12.5pt; font-weight: 700; margin-bottom: 2mm; }
.sign { width: 95mm; text-align: center; font-size: 13.5pt; line-height: 1.35; }
.sign .date { font-style: italic; }
.sign .role { font-weight: 700; }
.sign .seal { height: 26mm; }
.sign .name { font-weight: 700; }
`;

function holderFacts(view: CertificateView): string[] {
  const lines: string[] = [];
  if (view.isPerson && view.birthYear !== null) lines.push(`Năm sinh: ${view.birthYear}`);
  const where = [view.address, view.hamlet, view.commune].map((s) => s.trim()).filter((s) => s.length > 0);
  if (where.length > 0) lines.push(`${view.isPerson ? 'Nơi cư trú' : 'Địa chỉ'}: ${where.join(', ')}`);
  return lines;
}

/** Where the QR goes on a preview of a certificate not printed yet: the payload is signed when its number is given. */
const QR_PLACEHOLDER = `<div class="qr-placeholder" style="width:${QR_SIZE_MM}mm;height:${QR_SIZE_MM}mm">Mã QR được tạo khi in</div>`;

/** One certificate's page, without the document around it. */
export function certificatePage(view: CertificateView, template: CertificateTemplate): string {
  const issuingBody = template.issuingBody || view.decisionAuthority;
  const signerTitle = template.signerTitle || view.signerTitle;
  const signerName = template.signerName || view.signerName;
  const place = template.place || view.place || '........';
  const superior = template.superiorBody ? `<div class="superior">${escapeHtml(upper(template.superiorBody))}</div>` : '';
  const facts = holderFacts(view).map((line) => `<div>${escapeHtml(line)}</div>`).join('');
  return `<section class="cert"><div class="frame"></div><div class="inner">
<div class="head"><div class="body">${superior}${escapeHtml(upper(issuingBody))}<span class="rule"></span></div>
<div class="nation">CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM<br>Độc lập - Tự do - Hạnh phúc<span class="rule"></span></div></div>
<h1>${escapeHtml(template.heading)}</h1>
${view.reprint ? '<div class="reprint">(Bản cấp lại)</div>' : ''}
<div class="lead">${escapeHtml(template.lead)}</div>
<div class="holder">${escapeHtml(view.holderName)}</div>
<div class="facts">${facts}</div>
<div class="achievement">${escapeHtml(template.achievement)} năm ${view.year}</div>
<div class="decision">(Theo Quyết định số ${escapeHtml(view.decisionNumber)} ngày ${escapeHtml(formatDateVi(view.decisionDate))} của ${escapeHtml(view.decisionAuthority)})</div>
<div class="bottom"><div class="qr"><div class="register">Số vào sổ: ${escapeHtml(view.registerNumber)}</div>${view.qrPayload ? qrSvg(view.qrPayload) : QR_PLACEHOLDER}Quét mã để xác minh giấy do XHHT của đơn vị cấp</div>
<div class="sign"><div class="date">${escapeHtml(officialDateLine(place, view.issuedOn))}</div><div class="role">${escapeHtml(upper(signerTitle)).replace(/\n/g, '<br>')}</div><div class="seal"></div><div class="name">${escapeHtml(signerName)}</div></div></div>
</div></section>`;
}

/** A complete document of certificate pages; `fontFaces` from tinosFontFaces(), read once per print. */
export function certificatesDocument(pages: readonly string[], fontFaces: string, documentTitle: string): string {
  return `<!doctype html>
<html lang="vi"><head><meta charset="utf-8"><title>${escapeHtml(documentTitle)}</title>
<style>${fontFaces}\n${STYLE}</style></head>
<body>
${pages.join('\n')}
</body></html>`;
}

/** A made-up certificate in a template's wording, for the settings page (its QR says so). */
export function sampleView(titleLabel: string, isPerson: boolean): CertificateView {
  return {
    registerNumber: '1/2025/MAU',
    titleLabel,
    year: 2025,
    isPerson,
    holderName: isPerson ? 'Nguyễn Văn Mẫu' : 'Hộ ông Nguyễn Văn Mẫu',
    birthYear: isPerson ? 1980 : null,
    address: '',
    hamlet: 'Ấp Mẫu',
    commune: 'xã Mẫu',
    decisionNumber: '01/QĐ-UBND',
    decisionDate: '2025-12-20',
    decisionAuthority: 'Ủy ban nhân dân xã Mẫu',
    signerTitle: 'Chủ tịch',
    signerName: 'Trần Văn Ký',
    place: 'Mẫu',
    issuedOn: '2025-12-20',
    reprint: false,
    qrPayload: 'MAU - KHONG CO GIA TRI XAC MINH',
  };
}
