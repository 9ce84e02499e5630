import { AlignmentType, Document, Packer, PageBreak, Paragraph, Table, TableCell, TableRow, TextRun, WidthType } from 'docx';
import type { ReadDb } from '../db/records.js';
import { body, line, ND30_PAGE, nd30Closing, nd30Header, nd30Styles, pt, rule, TEXT_WIDTH, upper } from '../printing/nd30-docx.js';
import { ANNEX_HEADERS, ARTICLE_THREE, ARTICLE_TWO, articleOne, decisionSubject, defaultBasis, loadDecisionSheet, type DecisionSheet } from './decision-print.js';

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
    styles: nd30Styles(13),
    sections: [
      {
        properties: ND30_PAGE,
        children: [
          nd30Header({ issuerLines: sheet.issuerLines, number: sheet.number, dateLine: sheet.dateLine }),
          line('QUYẾT ĐỊNH', { bold: true, size: pt(14) }, { spacing: { before: 360 } }),
          line(decisionSubject(sheet), { bold: true, size: pt(14) }),
          rule(40, 165),
          line(upper(sheet.decider || sheet.authority), { bold: true, size: pt(14) }, { spacing: { before: 120, after: 200 } }),
          ...(sheet.basis.length > 0 ? sheet.basis : defaultBasis(sheet)).map((l) => body([new TextRun({ text: l, italics: true })])),
          line('QUYẾT ĐỊNH:', { bold: true, size: pt(14) }, { spacing: { before: 120, after: 160 } }),
          body([new TextRun({ text: 'Điều 1. ', bold: true }), new TextRun(articleOne(sheet))]),
          body([new TextRun({ text: 'Điều 2. ', bold: true }), new TextRun(ARTICLE_TWO)]),
          body([new TextRun({ text: 'Điều 3. ', bold: true }), new TextRun(ARTICLE_THREE)]),
          nd30Closing(sheet),
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
