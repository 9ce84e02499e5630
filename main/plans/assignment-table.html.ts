/** One row of the assignment table. */
export interface AssignmentRow {
  content: string;
  lead: string;
  coordinators: string;
  completion: string;
}

export interface AssignmentTable {
  /** "UBND HUYỆN TÂN HỒNG": the issuing body, upper case. */
  issuer: string;
  /** "(Kèm theo Kế hoạch số 4344/KH-UBND ngày 06/10/2021 của ...)". */
  attachedTo: string;
  planTitle: string;
  tasks: AssignmentRow[];
  components: AssignmentRow[];
}

const escapeHtml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

const STYLE = `
@page { size: A4 landscape; margin: 15mm 15mm 15mm 20mm; }
body { font-family: 'Tinos', 'Times New Roman', serif; font-size: 13pt; color: #000; margin: 0; }
.header { width: 100%; border-collapse: collapse; }
.header td { vertical-align: top; text-align: center; border: none; padding: 0; }
.issuer { width: 38%; font-weight: 700; }
.motto { font-weight: 700; }
.motto .line2 { display: inline-block; border-bottom: 1px solid #000; padding-bottom: 1px; }
.rule { display: block; width: 30%; margin: 2px auto 0; border-top: 1px solid #000; }
h1 { font-size: 14pt; font-weight: 700; text-align: center; margin: 14pt 0 2pt; }
.attached { text-align: center; font-style: italic; margin: 0 0 2pt; }
.title { text-align: center; font-style: italic; margin: 0 0 10pt; }
table.grid { width: 100%; border-collapse: collapse; font-size: 12pt; }
table.grid th, table.grid td { border: 1px solid #000; padding: 3pt 4pt; vertical-align: top; }
table.grid th { font-weight: 700; text-align: center; }
table.grid thead { display: table-header-group; }
table.grid tr { page-break-inside: avoid; }
td.stt { text-align: center; width: 5%; }
td.section { font-weight: 700; }
`;

function rowHtml(stt: number, row: AssignmentRow): string {
  return `<tr><td class="stt">${stt}</td><td>${escapeHtml(row.content)}</td><td>${escapeHtml(row.lead)}</td><td>${escapeHtml(row.coordinators)}</td><td>${escapeHtml(row.completion)}</td></tr>`;
}

function bodyRows(table: AssignmentTable): string {
  const rows = table.tasks.map((row, i) => rowHtml(i + 1, row));
  if (table.components.length > 0) {
    rows.push('<tr><td class="stt"></td><td class="section" colspan="4">Kế hoạch, đề án thành phần</td></tr>');
    rows.push(...table.components.map((row, i) => rowHtml(table.tasks.length + i + 1, row)));
  }
  if (rows.length === 0) rows.push('<tr><td colspan="5" style="text-align:center">Chưa có nhiệm vụ được phân công</td></tr>');
  return rows.join('\n');
}

/**
 * The assignment table as a complete A4-landscape page in the official layout
 * (Nghị định 30/2020/NĐ-CP): issuer block left, national motto right, title, table.
 */
export function buildAssignmentTableHtml(table: AssignmentTable, fontFaces: string): string {
  return `<!doctype html>
<html lang="vi"><head><meta charset="utf-8"><title>Bảng phân công nhiệm vụ</title>
<style>${fontFaces}\n${STYLE}</style></head>
<body>
<table class="header"><tr>
<td class="issuer">${escapeHtml(table.issuer)}<span class="rule"></span></td>
<td class="motto">CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM<br><span class="line2">Độc lập - Tự do - Hạnh phúc</span></td>
</tr></table>
<h1>BẢNG PHÂN CÔNG NHIỆM VỤ</h1>
<p class="attached">${escapeHtml(table.attachedTo)}</p>
<p class="title">${escapeHtml(table.planTitle)}</p>
<table class="grid">
<thead><tr><th style="width:5%">Stt</th><th style="width:43%">Nội dung nhiệm vụ</th><th style="width:17%">Cơ quan chủ trì</th><th style="width:20%">Cơ quan phối hợp</th><th style="width:15%">Thời gian hoàn thành</th></tr></thead>
<tbody>
${bodyRows(table)}
</tbody></table>
</body></html>`;
}
