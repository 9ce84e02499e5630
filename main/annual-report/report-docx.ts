import { AlignmentType, Document, Packer, Paragraph, Table, TableCell, TableRow, TextRun, VerticalAlign, WidthType } from 'docx';
import {
  DUTY_STANDING_LABELS,
  fillPlaceholders,
  paragraphsOf,
  placeholderValues,
  TASK_STANDING_LABELS,
  type AnnualReportFigures,
  type AnnualReportTemplate,
  type TaskStanding,
} from '../../shared/annual-report.js';
import { formatDateVi, officialDateLine } from '../../shared/dates.js';
import { body, line, ND30_PAGE, nd30Closing, nd30Header, nd30Styles, pt, rule, TEXT_WIDTH } from '../printing/nd30-docx.js';

/** Section headings as the report prints them; tests read them back. */
export const HEADINGS = {
  results: (year: number) => `I. KẾT QUẢ THỰC HIỆN NĂM ${year}`,
  targets: '1. Các chỉ tiêu của kế hoạch',
  communes: '2. Kết quả theo xã, thị trấn',
  tasks: '3. Thực hiện nhiệm vụ',
  duties: '4. Thực hiện chế độ báo cáo',
  titles: '5. Danh hiệu học tập và giấy công nhận',
  assessment: 'II. ĐÁNH GIÁ CHUNG',
  shortcomings: 'Tồn tại, hạn chế',
  nextYear: (year: number) => `III. PHƯƠNG HƯỚNG, NHIỆM VỤ NĂM ${year + 1}`,
  proposals: 'IV. KIẾN NGHỊ, ĐỀ XUẤT',
} as const;

const TABLE_PT = 11;
const n = (v: number) => v.toLocaleString('vi-VN');

const heading = (text: string, level: 1 | 2 = 1) =>
  new Paragraph({ spacing: { before: 200, after: 100 }, indent: { firstLine: level === 2 ? 567 : 0 }, keepNext: true, children: [new TextRun({ text, bold: true, italics: level === 2 })] });

const prose = (text: string) => paragraphsOf(text).map((p) => body([new TextRun(p)]));

/** A plain sentence before a table or instead of one. */
const note = (text: string) => body([new TextRun(text)]);

/** A bordered data table with a repeated header row; widths in percent of the text width; numbers centred. */
function grid(headers: string[], widths: number[], rows: string[][], leftColumns: number[]): Table {
  const width = (i: number) => Math.round((TEXT_WIDTH * widths[i]!) / 100);
  const gridCell = (text: string, i: number, bold = false) =>
    new TableCell({
      width: { size: width(i), type: WidthType.DXA },
      verticalAlign: VerticalAlign.CENTER,
      margins: { left: 60, right: 60 },
      children: text
        .split('\n')
        .map((l) => new Paragraph({ alignment: !bold && leftColumns.includes(i) ? AlignmentType.LEFT : AlignmentType.CENTER, children: [new TextRun({ text: l, bold, size: pt(TABLE_PT) })] })),
    });
  return new Table({
    width: { size: TEXT_WIDTH, type: WidthType.DXA },
    columnWidths: widths.map((_, i) => width(i)),
    rows: [
      new TableRow({ tableHeader: true, children: headers.map((h, i) => gridCell(h, i, true)) }),
      ...rows.map((r) => new TableRow({ cantSplit: true, children: r.map((t, i) => gridCell(t, i)) })),
    ],
  });
}

/** A small gap after a table, so the next paragraph does not touch its border. */
const gap = () => new Paragraph({ spacing: { after: 120 }, children: [] });

function targetsBlock(f: AnnualReportFigures): (Paragraph | Table)[] {
  if (f.targets.length === 0) return [note('Các kế hoạch đang theo dõi chưa có chỉ tiêu nào.')];
  const rows = f.targets.map((t, i) => [
    String(i + 1),
    `${t.code ? `${t.code} ` : ''}${t.text}`,
    t.milestones.join('\n'),
    t.communesMet !== null ? `${t.actual ? `${t.actual}\n` : ''}${n(t.communesMet)}/${n(f.communeCount)} xã đạt` : t.actual || 'Chưa có số liệu',
    t.statusLabel,
  ]);
  return [grid(['TT', 'Chỉ tiêu', 'Mốc', `Kết quả năm ${f.year}`, 'Đánh giá'], [6, 40, 20, 17, 17], rows, [1, 2]), gap()];
}

function communesBlock(f: AnnualReportFigures): (Paragraph | Table)[] {
  const total = f.communes[0]?.total ?? 0;
  if (f.communes.length === 0) return [note('Địa bàn chưa có xã, thị trấn nào.')];
  if (total === 0) return [note('Các kế hoạch chưa có chỉ tiêu tính theo từng xã, thị trấn.')];
  const rows = f.communes.map((c, i) => [String(i + 1), c.name, n(c.achieved), n(c.onTrack), n(c.behind), n(c.noData), n(c.total)]);
  return [
    note(`Có ${n(f.communesMeetingAll)}/${n(f.communeCount)} xã, thị trấn đạt tất cả ${n(total)} chỉ tiêu tính theo xã.`),
    grid(['TT', 'Xã, thị trấn', 'Đạt', 'Đúng tiến độ', 'Chưa đạt', 'Chưa có số liệu', 'Tổng số chỉ tiêu'], [6, 30, 12, 13, 13, 13, 13], rows, [1]),
    gap(),
  ];
}

function taskList(f: AnnualReportFigures, standing: TaskStanding, title: string): (Paragraph | Table)[] {
  const tasks = f.tasks.filter((t) => t.standing === standing);
  if (tasks.length === 0) return [];
  const rows = tasks.map((t, i) => [String(i + 1), `${t.outlineNumber ? `${t.outlineNumber}. ` : ''}${t.text}`, t.lead || '—', formatDateVi(t.dueDate) || '—', t.percent === null ? '' : `${n(t.percent)}%`]);
  return [heading(`${title} (${n(tasks.length)})`, 2), grid(['TT', 'Nhiệm vụ', 'Cơ quan chủ trì', 'Thời hạn', 'Tiến độ'], [6, 50, 22, 12, 10], rows, [1, 2]), gap()];
}

function tasksBlock(f: AnnualReportFigures): (Paragraph | Table)[] {
  const c = f.taskCounts;
  if (c.total === 0) return [note('Các kế hoạch đang theo dõi chưa giao nhiệm vụ nào (chưa có cơ quan chủ trì hoặc thời hạn).')];
  const leads = f.leads.map((l, i) => [String(i + 1), l.lead, n(l.total), n(l.done), n(l.in_progress), n(l.overdue), n(l.waiting)]);
  leads.push(['', 'Tổng cộng', n(c.total), n(c.done), n(c.in_progress), n(c.overdue), n(c.waiting)]);
  return [
    note(
      `Tổng số ${n(c.total)} nhiệm vụ đã giao: hoàn thành ${n(c.done)}; đang thực hiện ${n(c.in_progress)}; quá hạn ${n(c.overdue)}; chưa thực hiện hoặc tạm dừng ${n(c.waiting)} (tính đến ngày ${formatDateVi(f.asOf)}).`,
    ),
    grid(['TT', 'Cơ quan chủ trì', 'Số nhiệm vụ', TASK_STANDING_LABELS.done, TASK_STANDING_LABELS.in_progress, TASK_STANDING_LABELS.overdue, 'Chưa thực hiện'], [6, 34, 12, 12, 12, 12, 12], leads, [1]),
    gap(),
    ...taskList(f, 'done', 'Nhiệm vụ hoàn thành'),
    ...taskList(f, 'in_progress', 'Nhiệm vụ đang thực hiện'),
    ...taskList(f, 'overdue', 'Nhiệm vụ quá hạn'),
  ];
}

function dutiesBlock(f: AnnualReportFigures): (Paragraph | Table)[] {
  if (f.duties.length === 0) return [note(`Không có báo cáo định kỳ nào đến hạn trong năm ${f.year}.`)];
  const delivered = f.duties.filter((d) => d.deliveredOn !== null).length;
  const onTime = f.duties.filter((d) => d.standing === 'on_time').length;
  const rows = f.duties.map((d, i) => [
    String(i + 1),
    `${d.title}${d.period ? ` (${d.period})` : ''}`,
    `${d.from || '—'} → ${d.to || '—'}`,
    formatDateVi(d.dueDate),
    formatDateVi(d.deliveredOn) || '—',
    DUTY_STANDING_LABELS[d.standing],
  ]);
  return [
    note(`Năm ${f.year} có ${n(f.duties.length)} báo cáo định kỳ đến hạn; đã gửi, nhận ${n(delivered)}, trong đó đúng hạn ${n(onTime)}.`),
    grid(['TT', 'Báo cáo', 'Nơi gửi → nơi nhận', 'Hạn', 'Ngày gửi, nhận', 'Đánh giá'], [6, 32, 24, 12, 13, 13], rows, [1, 2]),
    gap(),
  ];
}

function titlesBlock(f: AnnualReportFigures): (Paragraph | Table)[] {
  if (f.titles.length === 0) return [note(`Năm ${f.year} chưa có quyết định công nhận danh hiệu học tập nào.`)];
  const rows = f.titles.map((t, i) => [String(i + 1), t.label, n(t.recognised), t.decisions.join('\n') || '—', n(t.certificates)]);
  rows.push(['', 'Tổng cộng', n(f.titles.reduce((s, t) => s + t.recognised, 0)), '', n(f.titles.reduce((s, t) => s + t.certificates, 0))]);
  return [grid(['TT', 'Danh hiệu', 'Số được công nhận', 'Quyết định công nhận', 'Giấy công nhận đã cấp'], [6, 30, 16, 32, 16], rows, [1, 3]), gap()];
}

/** The yearly report as a Word document: the office's wording filled in, the tables from the data. */
export async function buildReportDocx(template: AnnualReportTemplate, f: AnnualReportFigures, today: string): Promise<Buffer> {
  const values = placeholderValues(f);
  const fill = (text: string) => fillPlaceholders(text, values);
  const optional = (title: string, text: string) => (paragraphsOf(text).length === 0 ? [] : [heading(title), ...prose(fill(text))]);
  const doc = new Document({
    creator: 'XHHT',
    title: `Báo cáo năm ${f.year}`,
    styles: nd30Styles(14),
    sections: [
      {
        properties: ND30_PAGE,
        children: [
          nd30Header({
            parentLines: paragraphsOf(fill(template.parentAgency)),
            issuerLines: paragraphsOf(fill(template.issuer)),
            number: fill(template.numberPattern).trimEnd(),
            dateLine: officialDateLine(fill(template.place), today),
          }),
          line('BÁO CÁO', { bold: true, size: pt(14) }, { spacing: { before: 360 } }),
          line(fill(template.subject), { bold: true, size: pt(14) }),
          rule(40, 165),
          ...prose(fill(template.opening)),
          heading(HEADINGS.results(f.year)),
          heading(HEADINGS.targets),
          ...targetsBlock(f),
          heading(HEADINGS.communes),
          ...communesBlock(f),
          heading(HEADINGS.tasks),
          ...tasksBlock(f),
          heading(HEADINGS.duties),
          ...dutiesBlock(f),
          heading(HEADINGS.titles),
          ...titlesBlock(f),
          ...(paragraphsOf(template.assessment).length + paragraphsOf(template.shortcomings).length === 0
            ? []
            : [heading(HEADINGS.assessment), ...prose(fill(template.assessment)), ...(paragraphsOf(template.shortcomings).length === 0 ? [] : [heading(HEADINGS.shortcomings, 2), ...prose(fill(template.shortcomings))])]),
          ...optional(HEADINGS.nextYear(f.year), template.nextYear),
          ...optional(HEADINGS.proposals, template.proposals),
          new Paragraph({ spacing: { after: 120 }, children: [] }),
          nd30Closing({ recipients: paragraphsOf(fill(template.recipients)), signerLines: paragraphsOf(fill(template.signerTitle)), signerName: fill(template.signerName) }),
        ],
      },
    ],
  });
  return Packer.toBuffer(doc);
}
