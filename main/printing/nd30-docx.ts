import {
  AlignmentType,
  BorderStyle,
  Paragraph,
  Table,
  TableBorders,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
  type IParagraphOptions,
  type IRunOptions,
  type ISectionOptions,
} from 'docx';

/**
 * The blocks every Word document of the office shares in the Nghị định
 * 30/2020 layout (issuer and national motto header, recipients and signer),
 * so a decision and a report are laid out by one set of rules.
 */

/** Half-points, as Word counts font sizes. */
export const pt = (n: number) => n * 2;
/** Twentieths of a point (twips), as Word counts lengths; 1 mm ≈ 56.7 twips. */
export const mm = (n: number) => Math.round(n * 56.7);

/** A4 less the margins Nghị định 30/2020 sets: 20 mm top and bottom, 30 mm left, 15 mm right. */
export const TEXT_WIDTH = mm(210 - 30 - 15);

/** The page of an ND30 document: A4 with its margins. */
export const ND30_PAGE: NonNullable<ISectionOptions['properties']> = {
  page: { size: { width: mm(210), height: mm(297) }, margin: { top: mm(20), bottom: mm(20), left: mm(30), right: mm(15) } },
};

/** Times New Roman, the official font, at a body size of 13 or 14 pt. */
export const nd30Styles = (bodyPt: 13 | 14) => ({ default: { document: { run: { font: 'Times New Roman', size: pt(bodyPt) } } } });

export const upper = (s: string) => s.toLocaleUpperCase('vi');

export const line = (text: string, run: IRunOptions = {}, paragraph: IParagraphOptions = {}) =>
  new Paragraph({ alignment: AlignmentType.CENTER, ...paragraph, children: [new TextRun({ text, ...run })] });

/** A justified body paragraph with the first line indented, at 1.3 line spacing. */
export const body = (children: TextRun[], options: IParagraphOptions = {}) =>
  new Paragraph({ alignment: AlignmentType.JUSTIFIED, indent: { firstLine: mm(10) }, spacing: { after: 120, line: 312 }, ...options, children });

export const cell = (children: Paragraph[], widthPercent: number) =>
  new TableCell({ children, width: { size: Math.round((TEXT_WIDTH * widthPercent) / 100), type: WidthType.DXA } });

/** A short rule under a heading, as the official layout draws it: a bottom border on an empty, narrow paragraph. */
export const rule = (widthMm: number, containerMm: number) =>
  new Paragraph({
    alignment: AlignmentType.CENTER,
    indent: { left: mm((containerMm - widthMm) / 2), right: mm((containerMm - widthMm) / 2) },
    border: { bottom: { style: BorderStyle.SINGLE, size: 6, color: '000000', space: 1 } },
    spacing: { after: 60 },
    children: [],
  });

export interface Nd30Header {
  /** Cơ quan chủ quản: upper case, not bold; empty when the issuer has none above it. */
  parentLines?: string[];
  /** Cơ quan ban hành: upper case, bold. */
  issuerLines: string[];
  /** "245/QĐ-UBND", written after "Số: ". */
  number: string;
  /** "Tân Hồng, ngày 06 tháng 10 năm 2021". */
  dateLine: string;
}

/** The two-column header: issuer with its number on the left, the national motto and the place and date on the right. */
export function nd30Header(h: Nd30Header): Table {
  const issuer = [
    ...(h.parentLines ?? []).map((l) => line(upper(l), { size: pt(12.5) })),
    ...h.issuerLines.map((l) => line(upper(l), { bold: true, size: pt(12.5) })),
    rule(20, 165 * 0.38),
    line(`Số: ${h.number}`),
  ];
  const motto = [
    line('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', { bold: true, size: pt(12) }),
    line('Độc lập - Tự do - Hạnh phúc', { bold: true, underline: {} }),
    line(h.dateLine, { italics: true }, { spacing: { before: 160 } }),
  ];
  return new Table({
    width: { size: TEXT_WIDTH, type: WidthType.DXA },
    columnWidths: [Math.round(TEXT_WIDTH * 0.38), TEXT_WIDTH - Math.round(TEXT_WIDTH * 0.38)],
    borders: TableBorders.NONE,
    rows: [new TableRow({ children: [cell(issuer, 38), cell(motto, 62)] })],
  });
}

export interface Nd30Closing {
  /** One recipient a line, written after "- ". */
  recipients: string[];
  /** "TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH". */
  signerLines: string[];
  signerName: string;
}

/** Nơi nhận on the left and the signer block on the right, kept on one page. */
export function nd30Closing(c: Nd30Closing): Table {
  const recipients =
    c.recipients.length === 0
      ? [new Paragraph({ children: [] })]
      : [
          new Paragraph({ children: [new TextRun({ text: 'Nơi nhận:', bold: true, italics: true, size: pt(12) })] }),
          ...c.recipients.map((l) => new Paragraph({ children: [new TextRun({ text: `- ${l}`, size: pt(11) })] })),
        ];
  const signer = [...c.signerLines.map((l) => line(upper(l), { bold: true })), line(c.signerName, { bold: true }, { spacing: { before: 1400 } })];
  return new Table({
    width: { size: TEXT_WIDTH, type: WidthType.DXA },
    columnWidths: [Math.round(TEXT_WIDTH * 0.48), TEXT_WIDTH - Math.round(TEXT_WIDTH * 0.48)],
    borders: TableBorders.NONE,
    rows: [new TableRow({ cantSplit: true, children: [cell(recipients, 48), cell(signer, 52)] })],
  });
}
