import { tinosFontFaces } from '../printing/tinos-font.js';
import { formatDateVi, officialDateLine } from '../../shared/dates.js';
import { foldText } from '../../shared/text.js';
import { GENDER_LABELS } from '../../shared/titles.js';
import { TITLE_LABELS } from '../../shared/titles-criteria.js';
import type { AppContext } from '../app/context.js';
import type { ReadDb } from '../db/records.js';
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

/** Everything a printed decision shows, the same for the PDF and the Word document. */
export interface DecisionSheet {
  /** The issuer block, one entry per printed line ("Ủy ban nhân dân", "xã Tân Hộ Cơ"). */
  issuerLines: string[];
  authority: string;
  /** "Chủ tịch Ủy ban nhân dân xã Tân Hộ Cơ"; empty on decisions made before the authority table. */
  decider: string;
  number: string;
  dateLine: string;
  titleLabel: string;
  year: number;
  /** "Căn cứ …" lines. */
  basis: string[];
  /** "Nơi nhận" lines, without their leading dash. */
  recipients: string[];
  /** "KT. Chủ tịch", "Phó Chủ tịch": one entry per printed line. */
  signerLines: string[];
  signerName: string;
  /** "(Kèm theo Quyết định số 15/QĐ-UBND ngày 20/12/2025 của Ủy ban nhân dân xã Tân Hộ Cơ)" */
  attachedTo: string;
  rows: AnnexRow[];
  fileStem: string;
}

/** Lines of a multi-line field, each trimmed, empty ones and leading dashes dropped ("- Như Điều 3;" → "Như Điều 3;"). */
const linesOf = (text: string) =>
  text
    .split('\n')
    .map((l) => l.trim().replace(/^[-–•+]\s*/, ''))
    .filter((l) => l !== '');

/**
 * The issuer block on two lines the way offices set it, "ỦY BAN NHÂN DÂN" over
 * "XÃ BÌNH PHÚ", instead of whatever the column width wraps ("… XÃ BÌNH /
 * PHÚ"). A name typed with its own line break keeps it.
 */
export function issuerLines(issuer: string): string[] {
  if (issuer.includes('\n')) return linesOf(issuer);
  const body = /^((?:ủy|uỷ) ban nhân dân|hội đồng nhân dân|hội khuyến học)\s+(.+)$/iu.exec(issuer.trim());
  return body ? [body[1]!, body[2]!] : [issuer.trim()];
}

const upper = (s: string) => s.toLocaleUpperCase('vi');

const STYLE = `
@page { size: A4; margin: 20mm 15mm 20mm 30mm; }
body { font-family: 'Tinos', 'Times New Roman', serif; font-size: 13pt; color: #000; margin: 0; }
.header { width: 100%; border-collapse: collapse; table-layout: fixed; }
.header td { vertical-align: top; text-align: center; border: none; padding: 0; }
.issuer { width: 38%; font-weight: 700; font-size: 12.5pt; line-height: 1.2; }
.issuer div { text-wrap: balance; }
.motto { font-weight: 700; font-size: 12pt; line-height: 1.2; white-space: nowrap; }
.motto .line2 { font-size: 13pt; display: inline-block; border-bottom: 1px solid #000; padding-bottom: 1px; }
.rule { display: block; width: 35%; margin: 2px auto 6pt; border-top: 1px solid #000; }
.number { font-weight: 400; font-size: 13pt; }
.date { font-style: italic; font-weight: 400; font-size: 13pt; margin-top: 8pt; white-space: normal; }
h1 { font-size: 14pt; font-weight: 700; text-align: center; margin: 18pt 0 0; }
h2 { font-size: 14pt; font-weight: 700; text-align: center; margin: 0; text-wrap: balance; }
.about-rule { display: block; width: 30%; margin: 5pt auto 12pt; border-top: 1px solid #000; }
.decider { font-size: 14pt; font-weight: 700; text-align: center; margin: 6pt 0 10pt; text-wrap: balance; }
.decides { font-size: 14pt; font-weight: 700; text-align: center; margin: 6pt 0 8pt; }
p { text-align: justify; text-indent: 1cm; margin: 0 0 6pt; line-height: 1.3; }
p.basis { font-style: italic; }
.closing { width: 100%; margin-top: 12pt; border-collapse: collapse; table-layout: fixed; page-break-inside: avoid; }
.closing td { border: none; vertical-align: top; padding: 0; }
.recipients { width: 48%; font-size: 11pt; line-height: 1.25; }
.recipients .head { font-size: 12pt; font-weight: 700; font-style: italic; }
.sign { text-align: center; font-weight: 700; font-size: 13pt; line-height: 1.25; }
.sign .name { margin-top: 70pt; }
.annex { page-break-before: always; }
.attached { text-align: center; font-style: italic; text-indent: 0; }
table.grid { width: 100%; border-collapse: collapse; font-size: 12pt; }
table.grid th, table.grid td { border: 1px solid #000; padding: 3pt 4pt; vertical-align: top; }
table.grid th { font-weight: 700; text-align: center; }
table.grid thead { display: table-header-group; }
table.grid tr { page-break-inside: avoid; }
td.c { text-align: center; }
`;

export const decisionSubject = (sheet: Pick<DecisionSheet, 'titleLabel' | 'year'>) => `Về việc công nhận danh hiệu “${sheet.titleLabel}” năm ${sheet.year}`;
export const articleOne = (sheet: Pick<DecisionSheet, 'titleLabel' | 'year' | 'rows'>) =>
  `Công nhận ${sheet.rows.length} đối tượng đạt danh hiệu “${sheet.titleLabel}” năm ${sheet.year} (có danh sách kèm theo).`;
export const ARTICLE_TWO = 'Quyết định này có hiệu lực kể từ ngày ký.';
export const ARTICLE_THREE = 'Các cơ quan, đơn vị có liên quan và các cá nhân, tập thể có tên tại Điều 1 chịu trách nhiệm thi hành Quyết định này./.';
export const ANNEX_HEADERS = ['Stt', 'Họ và tên / Tên', 'Năm sinh', 'Giới tính', 'Nơi cư trú / Địa bàn', 'Điểm', 'Kết quả'] as const;
/** Without a basis of its own a decision still says what it rests on. */
export const defaultBasis = (sheet: Pick<DecisionSheet, 'titleLabel' | 'year'>) => [`Căn cứ kết quả đánh giá, xét duyệt và đề nghị công nhận danh hiệu “${sheet.titleLabel}” năm ${sheet.year};`];

/** The decision and its annex list as complete A4 pages in the official layout (Nghị định 30/2020/NĐ-CP). */
export function buildDecisionHtml(sheet: DecisionSheet, fontFaces: string): string {
  const e = escapeHtml;
  const rows = sheet.rows
    .map(
      (r, i) =>
        `<tr><td class="c">${i + 1}</td><td>${e(r.name)}</td><td class="c">${e(r.birthYear)}</td><td class="c">${e(r.gender)}</td><td>${e(r.place)}</td><td class="c">${e(r.total)}</td><td class="c">${e(r.result)}</td></tr>`,
    )
    .join('\n');
  const header = `<table class="header"><colgroup><col style="width:38%"><col></colgroup><tr>
<td class="issuer">${sheet.issuerLines.map((l) => `<div>${e(upper(l))}</div>`).join('')}<span class="rule"></span><div class="number">Số: ${e(sheet.number)}</div></td>
<td class="motto">CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM<br><span class="line2">Độc lập - Tự do - Hạnh phúc</span><div class="date">${e(sheet.dateLine)}</div></td>
</tr></table>`;
  const basis = (sheet.basis.length > 0 ? sheet.basis : defaultBasis(sheet)).map((l) => `<p class="basis">${e(l)}</p>`).join('\n');
  const recipients = sheet.recipients.map((l) => `<div>- ${e(l)}</div>`).join('');
  const closing = `<table class="closing"><colgroup><col style="width:48%"><col></colgroup><tr>
<td class="recipients">${recipients ? `<div class="head">Nơi nhận:</div>${recipients}` : ''}</td>
<td class="sign">${sheet.signerLines.map((l) => `<div>${e(upper(l))}</div>`).join('')}<div class="name">${e(sheet.signerName)}</div></td>
</tr></table>`;
  const h = ANNEX_HEADERS;
  return `<!doctype html>
<html lang="vi"><head><meta charset="utf-8"><title>Quyết định ${e(sheet.number)}</title>
<style>${fontFaces}\n${STYLE}</style></head>
<body>
${header}
<h1>QUYẾT ĐỊNH</h1>
<h2>${e(decisionSubject(sheet))}</h2>
<span class="about-rule"></span>
<div class="decider">${e(upper(sheet.decider || sheet.authority))}</div>
${basis}
<div class="decides">QUYẾT ĐỊNH:</div>
<p><b>Điều 1.</b> ${e(articleOne(sheet))}</p>
<p><b>Điều 2.</b> ${e(ARTICLE_TWO)}</p>
<p><b>Điều 3.</b> ${e(ARTICLE_THREE)}</p>
${closing}
<div class="annex">
<h1>DANH SÁCH</h1>
<h2>Đối tượng được công nhận danh hiệu “${e(sheet.titleLabel)}” năm ${sheet.year}</h2>
<p class="attached">${e(sheet.attachedTo)}</p>
<table class="grid">
<thead><tr><th style="width:6%">${h[0]}</th><th style="width:28%">${h[1]}</th><th style="width:9%">${h[2]}</th><th style="width:9%">${h[3]}</th><th>${h[4]}</th><th style="width:8%">${h[5]}</th><th style="width:11%">${h[6]}</th></tr></thead>
<tbody>
${rows}
</tbody></table>
</div>
</body></html>`;
}

/** A decision as printed: its stored texts, the annex rows in the decision's order. */
export async function loadDecisionSheet(db: ReadDb, id: string): Promise<DecisionSheet> {
  const decision = await getDecision(db, id);
  const evaluations = new Map((await listEvaluations(db, { ids: decision.evaluationIds })).map((e) => [e.id, e]));
  const subjectIds = [...evaluations.values()].flatMap((e) => (e.subjectId ? [e.subjectId] : []));
  const subjects = new Map(
    (await db.selectFrom('titleSubjects').select(['id', 'birthYear', 'gender', 'unitId']).where('id', 'in', subjectIds.length > 0 ? subjectIds : ['']).execute()).map((s) => [s.id, s]),
  );
  const places = await loadPlaces(db);
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
  return {
    issuerLines: issuerLines(decision.authority),
    authority: decision.authority,
    decider: decision.decider,
    number: decision.number,
    dateLine: officialDateLine(decision.place || '........', decision.signedOn),
    titleLabel: TITLE_LABELS[decision.title],
    year: decision.year,
    basis: linesOf(decision.basis),
    recipients: linesOf(decision.recipients),
    signerLines: linesOf(decision.signerTitle),
    signerName: decision.signerName,
    attachedTo: `(Kèm theo Quyết định số ${decision.number} ngày ${formatDateVi(decision.signedOn)} của ${decision.decider || decision.authority})`,
    rows,
    fileStem: `quyet-dinh-${foldText(decision.number).replace(/ /g, '-').slice(0, 50)}`,
  };
}

/** A recognition decision and its annex as an A4 PDF, base64 for the transport. */
export async function printDecision(ctx: AppContext, id: string): Promise<{ fileName: string; pdfBase64: string }> {
  const sheet = await loadDecisionSheet(ctx.db, id);
  const pdf = await ctx.printer.printToPdf(buildDecisionHtml(sheet, tinosFontFaces()), { landscape: false });
  return { fileName: `${sheet.fileStem}.pdf`, pdfBase64: pdf.toString('base64') };
}
