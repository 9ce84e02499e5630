import { tinosFontFaces } from '../printing/tinos-font.js';
import { formatDateVi, officialDateLine } from '../../shared/dates.js';
import { foldText } from '../../shared/text.js';
import { GENDER_LABELS } from '../../shared/titles.js';
import { TITLE_LABELS } from '../../shared/titles-criteria.js';
import type { AppContext } from '../app/context.js';
import { listEvaluations } from './evaluations.service.js';
import { getDecision } from './decisions.service.js';
import { loadPlaces } from './places.js';


const escapeHtml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

export interface AnnexRow {
  name: string;
  birthYear: string;
  gender: string;
  place: string;
  total: string;
  result: string;
}

export interface DecisionSheet {
  authority: string;
  number: string;
  dateLine: string;
  titleLabel: string;
  year: number;
  signerTitle: string;
  signerName: string;
  /** "(Kèm theo Quyết định số 15/QĐ-UBND ngày 20/12/2025 của Ủy ban nhân dân xã Tân Hộ Cơ)" */
  attachedTo: string;
  rows: AnnexRow[];
}

const STYLE = `
@page { size: A4; margin: 20mm 15mm 20mm 30mm; }
body { font-family: 'Tinos', 'Times New Roman', serif; font-size: 13pt; color: #000; margin: 0; }
.header { width: 100%; border-collapse: collapse; }
.header td { vertical-align: top; text-align: center; border: none; padding: 0; }
.issuer { width: 40%; font-weight: 700; }
.motto { font-weight: 700; }
.motto .line2 { display: inline-block; border-bottom: 1px solid #000; padding-bottom: 1px; }
.rule { display: block; width: 30%; margin: 2px auto 0; border-top: 1px solid #000; }
.number { font-weight: 400; }
.date { font-style: italic; font-weight: 400; }
h1 { font-size: 14pt; font-weight: 700; text-align: center; margin: 16pt 0 0; }
h2 { font-size: 14pt; font-weight: 700; text-align: center; margin: 0 0 12pt; }
p { text-align: justify; text-indent: 1cm; margin: 0 0 6pt; line-height: 1.3; }
.signature { width: 100%; margin-top: 12pt; border-collapse: collapse; }
.signature td { border: none; vertical-align: top; }
.signature .sign { width: 50%; text-align: center; font-weight: 700; }
.signature .name { margin-top: 60pt; }
.annex { page-break-before: always; }
.attached { text-align: center; font-style: italic; text-indent: 0; }
table.grid { width: 100%; border-collapse: collapse; font-size: 12pt; }
table.grid th, table.grid td { border: 1px solid #000; padding: 3pt 4pt; vertical-align: top; }
table.grid th { font-weight: 700; text-align: center; }
table.grid thead { display: table-header-group; }
table.grid tr { page-break-inside: avoid; }
td.c { text-align: center; }
`;

/** "Ủy ban nhân dân xã Tân Hộ Cơ" → "ỦY BAN NHÂN DÂN XÃ TÂN HỘ CƠ", as the issuer block prints it. */
const upper = (s: string) => s.toLocaleUpperCase('vi');

/** The decision and its annex list as complete A4 pages in the official layout (Nghị định 30/2020/NĐ-CP). */
export function buildDecisionHtml(sheet: DecisionSheet, fontFaces: string): string {
  const title = `“${sheet.titleLabel}”`;
  const rows = sheet.rows
    .map(
      (r, i) =>
        `<tr><td class="c">${i + 1}</td><td>${escapeHtml(r.name)}</td><td class="c">${escapeHtml(r.birthYear)}</td><td class="c">${escapeHtml(r.gender)}</td><td>${escapeHtml(r.place)}</td><td class="c">${escapeHtml(r.total)}</td><td class="c">${escapeHtml(r.result)}</td></tr>`,
    )
    .join('\n');
  const header = `<table class="header"><tr>
<td class="issuer">${escapeHtml(upper(sheet.authority))}<span class="rule"></span><div class="number">Số: ${escapeHtml(sheet.number)}</div></td>
<td class="motto">CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM<br><span class="line2">Độc lập - Tự do - Hạnh phúc</span><div class="date">${escapeHtml(sheet.dateLine)}</div></td>
</tr></table>`;
  return `<!doctype html>
<html lang="vi"><head><meta charset="utf-8"><title>Quyết định ${escapeHtml(sheet.number)}</title>
<style>${fontFaces}\n${STYLE}</style></head>
<body>
${header}
<h1>QUYẾT ĐỊNH</h1>
<h2>Về việc công nhận danh hiệu ${escapeHtml(title)} năm ${sheet.year}</h2>
<h2>${escapeHtml(upper(sheet.authority))}</h2>
<p>Căn cứ kết quả đánh giá, xét duyệt và đề nghị công nhận danh hiệu ${escapeHtml(title)} năm ${sheet.year};</p>
<p><b>Điều 1.</b> Công nhận ${sheet.rows.length} đối tượng đạt danh hiệu ${escapeHtml(title)} năm ${sheet.year} (có danh sách kèm theo).</p>
<p><b>Điều 2.</b> Quyết định này có hiệu lực kể từ ngày ký.</p>
<p><b>Điều 3.</b> Các cơ quan, đơn vị có liên quan và các cá nhân, tập thể có tên tại Điều 1 chịu trách nhiệm thi hành Quyết định này./.</p>
<table class="signature"><tr><td></td><td class="sign">${escapeHtml(upper(sheet.signerTitle)).replace(/\n/g, '<br>')}<div class="name">${escapeHtml(sheet.signerName)}</div></td></tr></table>
<div class="annex">
<h1>DANH SÁCH</h1>
<h2>Đối tượng được công nhận danh hiệu ${escapeHtml(title)} năm ${sheet.year}</h2>
<p class="attached">${escapeHtml(sheet.attachedTo)}</p>
<table class="grid">
<thead><tr><th style="width:6%">Stt</th><th style="width:28%">Họ và tên / Tên</th><th style="width:9%">Năm sinh</th><th style="width:9%">Giới tính</th><th>Nơi cư trú / Địa bàn</th><th style="width:8%">Điểm</th><th style="width:11%">Kết quả</th></tr></thead>
<tbody>
${rows}
</tbody></table>
</div>
</body></html>`;
}

/** A recognition decision and its annex as an A4 PDF, base64 for the transport. */
export async function printDecision(ctx: AppContext, id: string): Promise<{ fileName: string; pdfBase64: string }> {
  const decision = await getDecision(ctx.db, id);
  const evaluations = new Map((await listEvaluations(ctx.db, { ids: decision.evaluationIds })).map((e) => [e.id, e]));
  const subjectIds = [...evaluations.values()].flatMap((e) => (e.subjectId ? [e.subjectId] : []));
  const subjects = new Map(
    (await ctx.db.selectFrom('titleSubjects').select(['id', 'birthYear', 'gender', 'unitId']).where('id', 'in', subjectIds.length > 0 ? subjectIds : ['']).execute()).map((s) => [s.id, s]),
  );
  const places = await loadPlaces(ctx.db);
  const rows: AnnexRow[] = decision.evaluationIds.map((evaluationId) => {
    const e = evaluations.get(evaluationId)!;
    const s = e.subjectId ? subjects.get(e.subjectId) : undefined;
    return {
      name: e.subjectName,
      birthYear: s?.birthYear ? String(s.birthYear) : '',
      gender: s?.gender === 'nam' || s?.gender === 'nu' ? GENDER_LABELS[s.gender] : '',
      place: s ? (places.get(s.unitId)?.label ?? '') : e.communeName,
      total: e.total === null ? '' : String(e.total).replace('.', ','),
      result: e.resultLabel,
    };
  });
  const sheet: DecisionSheet = {
    authority: decision.authority,
    number: decision.number,
    dateLine: officialDateLine(decision.place || '........', decision.signedOn),
    titleLabel: TITLE_LABELS[decision.title],
    year: decision.year,
    signerTitle: decision.signerTitle,
    signerName: decision.signerName,
    attachedTo: `(Kèm theo Quyết định số ${decision.number} ngày ${formatDateVi(decision.signedOn)} của ${decision.authority})`,
    rows,
  };
  const pdf = await ctx.printer.printToPdf(buildDecisionHtml(sheet, tinosFontFaces()), { landscape: false });
  return { fileName: `quyet-dinh-${foldText(decision.number).replace(/ /g, '-').slice(0, 50)}.pdf`, pdfBase64: pdf.toString('base64') };
}
