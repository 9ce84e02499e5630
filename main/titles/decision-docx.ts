import {
  AlignmentType,
  BorderStyle,
  Document,
  Packer,
  PageBreak,
  Paragraph,
  Table,
  TableBorders,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
  type IParagraphOptions,
  type IRunOptions,
} from 'docx';
import type { ReadDb } from '../db/records.js';
import { ANNEX_HEADERS, ARTICLE_THREE, ARTICLE_TWO, articleOne, decisionSubject, defaultBasis, loadDecisionSheet, type DecisionSheet } from './decision-print.js';

/** Half-points, as Word counts font sizes. */
const pt = (n: number) => n * 2;
/** Twentieths of a point (twips), as Word counts lengths; 1 mm ≈ 56.7 twips. */
const mm = (n: number) => Math.round(n * 56.7);

/** A4 less the margins Nghị định 30/2020 sets: 20 mm top and bottom, 30 mm left, 15 mm right. */
const TEXT_WIDTH = mm(210 - 30 - 15);

const upper = (s: string) => s.toLocaleUpperCase('vi');

const line = (text: string, run: IRunOptions = {}, paragraph: IParagraphOptions = {}) =>
  new Paragraph({ alignment: AlignmentType.CENTER, ...paragraph, children: [new TextRun({ text, ...run })] });

const body = (children: TextRun[], options: IParagraphOptions = {}) =>
  new Paragraph({ alignment: AlignmentType.JUSTIFIED, indent: { firstLine: mm(10) }, spacing: { after: 120, line: 312 }, ...options, children });

const cell = (children: Paragraph[], widthPercent: number) =>
  new TableCell({ children, width: { size: Math.round((TEXT_WIDTH * widthPercent) / 100), type: WidthType.DXA } });

/** A short rule under a heading, as the official layout draws it: a bottom border on an empty, narrow paragraph. */
const rule = (widthMm: number, containerMm: number) =>
  new Paragraph({
    alignment: AlignmentType.CENTER,
    indent: { left: mm((containerMm - widthMm) / 2), right: mm((containerMm - widthMm) / 2) },
    border: { bottom: { style: BorderStyle.SINGLE, size: 6, color: '000000', space: 1 } },
    spacing: { after: 60 },
    children: [],
  });

function header(sheet: DecisionSheet): Table {
  const issuer = [...sheet.issuerLines.map((l) => line(upper(l), { bold: true, size: pt(12.5) })), rule(20, 165 * 0.38), line(`Số: ${sheet.number}`)];
  const motto = [
    line('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', { bold: true, size: pt(12) }),
    line('Độc lập - Tự do - Hạnh phúc', { bold: true, underline: {} }),
    line(sheet.dateLine, { italics: true }, { spacing: { before: 160 } }),
  ];
  return new Table({
    width: { size: TEXT_WIDTH, type: WidthType.DXA },
    columnWidths: [Math.round(TEXT_WIDTH * 0.38), TEXT_WIDTH - Math.round(TEXT_WIDTH * 0.38)],
    borders: TableBorders.NONE,
    rows: [new TableRow({ children: [cell(issuer, 38), cell(motto, 62)] })],
  });
}

function closing(sheet: DecisionSheet): Table {
  const recipients =
    sheet.recipients.length === 0
      ? [new Paragraph({ children: [] })]
      : [
          new Paragraph({ children: [new TextRun({ text: 'Nơi nhận:', bold: true, italics: true, size: pt(12) })] }),
          ...sheet.recipients.map((l) => new Paragraph({ children: [new TextRun({ text: `- ${l}`, size: pt(11) })] })),
        ];
  const signer = [...sheet.signerLines.map((l) => line(upper(l), { bold: true })), line(sheet.signerName, { bold: true }, { spacing: { before: 1400 } })];
  return new Table({
    width: { size: TEXT_WIDTH, type: WidthType.DXA },
    columnWidths: [Math.round(TEXT_WIDTH * 0.48), TEXT_WIDTH - Math.round(TEXT_WIDTH * 0.48)],
    borders: TableBorders.NONE,
    rows: [new TableRow({ cantSplit: true, children: [cell(recipients, 48), cell(signer, 52)] })],
  });
}

const ANNEX_WIDTHS = [6, 28, 9, 9, 29, 8, 11];

function annex(sheet: DecisionSheet): Table {
  const gridCell = (text: string, i: number, bold = false) =>
    new TableCell({
      width: { size: Math.round((TEXT_WIDTH * ANNEX_WIDTHS[i]!) / 100), type: WidthType.DXA },
      children: [new Paragraph({ alignment: i === 1 || i === 4 ? AlignmentType.LEFT : AlignmentType.CENTER, children: [new TextRun({ text, bold, size: pt(12) })] })],
    });
  const head = new TableRow({ tableHeader: true, children: ANNEX_HEADERS.map((h, i) => gridCell(h, i, true)) });
  const rows = sheet.rows.map((r, n) => new TableRow({ cantSplit: true, children: [String(n + 1), r.name, r.birthYear, r.gender, r.place, r.total, r.result].map((t, i) => gridCell(t, i)) }));
  return new Table({ width: { size: TEXT_WIDTH, type: WidthType.DXA }, columnWidths: ANNEX_WIDTHS.map((w) => Math.round((TEXT_WIDTH * w) / 100)), rows: [head, ...rows] });
}

/** The decision and its annex list as a Word document in the same official layout as the PDF, Times New Roman 13 pt on A4. */
export async function buildDecisionDocx(sheet: DecisionSheet): Promise<Buffer> {
  const title = `“${sheet.titleLabel}” năm ${sheet.year}`;
  const doc = new Document({
    creator: 'XHHT',
    title: `Quyết định ${sheet.number}`,
    styles: { default: { document: { run: { font: 'Times New Roman', size: pt(13) } } } },
    sections: [
      {
        properties: { page: { size: { width: mm(210), height: mm(297) }, margin: { top: mm(20), bottom: mm(20), left: mm(30), right: mm(15) } } },
        children: [
          header(sheet),
          line('QUYẾT ĐỊNH', { bold: true, size: pt(14) }, { spacing: { before: 360 } }),
          line(decisionSubject(sheet), { bold: true, size: pt(14) }),
          rule(40, 165),
          line(upper(sheet.decider || sheet.authority), { bold: true, size: pt(14) }, { spacing: { before: 120, after: 200 } }),
          ...(sheet.basis.length > 0 ? sheet.basis : defaultBasis(sheet)).map((l) => body([new TextRun({ text: l, italics: true })])),
          line('QUYẾT ĐỊNH:', { bold: true, size: pt(14) }, { spacing: { before: 120, after: 160 } }),
          body([new TextRun({ text: 'Điều 1. ', bold: true }), new TextRun(articleOne(sheet))]),
          body([new TextRun({ text: 'Điều 2. ', bold: true }), new TextRun(ARTICLE_TWO)]),
          body([new TextRun({ text: 'Điều 3. ', bold: true }), new TextRun(ARTICLE_THREE)]),
          closing(sheet),
          new Paragraph({ children: [new PageBreak()] }),
          line('DANH SÁCH', { bold: true, size: pt(14) }),
          line(`Đối tượng được công nhận danh hiệu ${title}`, { bold: true, size: pt(14) }),
          line(sheet.attachedTo, { italics: true }, { spacing: { after: 200 } }),
          annex(sheet),
        ],
      },
    ],
  });
  return Packer.toBuffer(doc);
}

/** The decision as .docx, base64 for the transport. */
export async function decisionDocx(db: ReadDb, id: string): Promise<{ fileName: string; docxBase64: string }> {
  const sheet = await loadDecisionSheet(db, id);
  return { fileName: `${sheet.fileStem}.docx`, docxBase64: (await buildDecisionDocx(sheet)).toString('base64') };
}
