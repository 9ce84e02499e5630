/** One row of the assignment table, numbered as the plan numbers it. */
export interface AssignmentRow {
  /** The plan's own label: "II", "3.1", "a)", "-", or "" for a plain paragraph. */
  number: string;
  /** Nesting below the top level, for the indent of the content. */
  depth: number;
  /** A heading that groups the rows below it; printed bold. */
  heading: boolean;
  content: string;
  lead: string;
  coordinators: string;
  completion: string;
}

/**
 * What heads every annex of a plan (Nghị định 30/2020/NĐ-CP, Phụ lục I):
 * the issuer's name block left, the national motto right.
 */
export interface AnnexHeader {
  /** The managing body above the issuer, printed upright ("UBND TỈNH TÂY NINH"); null when none. */
  parentBody: string | null;
  /** The issuer's full name in capitals, one entry a line ("ỦY BAN NHÂN DÂN", "HUYỆN TÂN HỒNG"). */
  issuerLines: string[];
  /** "Kèm theo Kế hoạch số …/KH-UBND ngày 06 tháng 10 năm 2021 của Ủy ban nhân dân huyện Tân Hồng". */
  attachedTo: string;
}

/** One annex: its number, title and body (a complete table). */
export interface Annex {
  /** "I", "II": annexes are numbered in Roman numerals. */
  numeral: string;
  title: string;
  /** Lines under the attachment line, e.g. the day the figures stand at. */
  subtitle: string;
  tableHtml: string;
}

export const escapeHtml = (text: string) =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/**
 * Margins of Nghị định 30/2020 (top and bottom 20 mm, left 30 mm, right 15 mm);
 * the page number sits centred in the top margin from page 2 on.
 */
const STYLE = `
@page { size: A4 landscape; margin: 20mm 15mm 20mm 30mm;
  @top-center { content: counter(page); font-family: 'Tinos', 'Times New Roman', serif; font-size: 13pt; vertical-align: bottom; padding-bottom: 4mm; } }
@page :first { @top-center { content: none; } }
body { font-family: 'Tinos', 'Times New Roman', serif; font-size: 13pt; color: #000; margin: 0; line-height: 1.2; }
.annex + .annex { break-before: page; }
.header { width: 100%; border-collapse: collapse; }
.header td { vertical-align: top; text-align: center; border: none; padding: 0; }
.issuer { width: 40%; font-size: 12.5pt; }
.issuer .name { font-weight: 700; }
.motto { font-weight: 700; }
.motto .line1 { font-size: 12.5pt; }
.motto .line2 { font-size: 13pt; }
.rule { display: block; margin: 3pt auto 0; border-top: 1px solid #000; height: 0; }
.issuer .rule { width: 30%; }
.motto .rule { width: 45%; }
.annex-label { font-size: 14pt; font-weight: 700; text-align: center; margin: 16pt 0 0; }
h1 { font-size: 14pt; font-weight: 700; text-align: center; margin: 2pt 0 0; }
.attached { text-align: center; font-style: italic; margin: 2pt 0 0; }
.subtitle { text-align: center; font-style: italic; margin: 2pt 0 0; }
.title-rule { display: block; width: 15%; margin: 8pt auto 10pt; border-top: 1px solid #000; height: 0; }
table.grid { width: 100%; border-collapse: collapse; font-size: 12pt; }
table.grid th, table.grid td { border: 1px solid #000; padding: 3pt 4pt; vertical-align: top; }
table.grid th { font-weight: 700; text-align: center; }
table.grid thead { display: table-header-group; }
table.grid tr { break-inside: avoid; }
td.stt { text-align: center; }
tr.heading td { font-weight: 700; }
td.section { font-weight: 700; }
td.empty { text-align: center; font-style: italic; }
`;

function rowHtml(row: AssignmentRow): string {
  const indent = row.depth > 0 ? ` style="padding-left:${4 + Math.min(row.depth, 4) * 8}pt"` : '';
  return `<tr${row.heading ? ' class="heading"' : ''}><td class="stt">${escapeHtml(row.number)}</td><td${indent}>${escapeHtml(row.content)}</td><td>${escapeHtml(row.lead)}</td><td>${escapeHtml(row.coordinators)}</td><td>${escapeHtml(row.completion)}</td></tr>`;
}

/** The assignment table: tasks under their headings, then the component plans numbered 1, 2, …. */
export function assignmentTableHtml(tasks: AssignmentRow[], components: Omit<AssignmentRow, 'number' | 'depth' | 'heading'>[]): string {
  const rows = tasks.map(rowHtml);
  if (components.length > 0) {
    rows.push('<tr><td class="stt"></td><td class="section" colspan="4">Kế hoạch, đề án thành phần</td></tr>');
    rows.push(...components.map((row, i) => rowHtml({ ...row, number: String(i + 1), depth: 0, heading: false })));
  }
  if (rows.length === 0) rows.push('<tr><td class="empty" colspan="5">Chưa có nhiệm vụ được phân công</td></tr>');
  return `<table class="grid">
<colgroup><col style="width:6%"><col style="width:42%"><col style="width:17%"><col style="width:20%"><col style="width:15%"></colgroup>
<thead><tr><th>STT</th><th>Nội dung nhiệm vụ</th><th>Cơ quan chủ trì</th><th>Cơ quan phối hợp</th><th>Thời gian hoàn thành</th></tr></thead>
<tbody>
${rows.join('\n')}
</tbody></table>`;
}

function headerHtml(header: AnnexHeader): string {
  const parent = header.parentBody ? `${escapeHtml(header.parentBody)}<br>` : '';
  return `<table class="header"><tr>
<td class="issuer">${parent}<span class="name">${header.issuerLines.map(escapeHtml).join('<br>')}</span><span class="rule"></span></td>
<td class="motto"><span class="line1">CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM</span><br><span class="line2">Độc lập - Tự do - Hạnh phúc</span><span class="rule"></span></td>
</tr></table>`;
}

/**
 * The annexes of a plan as one A4-landscape document in the layout of Nghị
 * định 30/2020/NĐ-CP: each annex opens a page with the issuer block and motto,
 * "Phụ lục I", its title and "(Kèm theo … )"; table headers repeat on every page.
 */
export function buildAnnexesHtml(header: AnnexHeader, annexes: Annex[], fontFaces: string): string {
  const numbered = annexes.length > 1;
  const sections = annexes.map(
    (annex) => `<section class="annex">
${headerHtml(header)}
<p class="annex-label">Phụ lục${numbered ? ` ${annex.numeral}` : ''}</p>
<h1>${escapeHtml(annex.title)}</h1>
<p class="attached">(${escapeHtml(header.attachedTo)})</p>
${annex.subtitle ? `<p class="subtitle">${escapeHtml(annex.subtitle)}</p>` : ''}
<span class="title-rule"></span>
${annex.tableHtml}
</section>`,
  );
  return `<!doctype html>
<html lang="vi"><head><meta charset="utf-8"><title>Phụ lục kế hoạch</title>
<style>${fontFaces}\n${STYLE}</style></head>
<body>
${sections.join('\n')}
</body></html>`;
}
