import type ExcelJS from 'exceljs';
import { columnLetters } from './workbook-parts.js';

/**
 * A statistical table on a sheet as offices print them: the office's name and
 * the table's title above, a header (one row, or two when columns are
 * grouped), one row per unit, and a total row whose cells are real formulas
 * (SUM over the unit rows, so a figure edited in Excel updates the total) with
 * their result also stored, for readers that do not recalculate. Headers stay
 * frozen on screen and repeat on every printed page; the page is A4, turned
 * landscape when the table is wide, and fitted to one page's width.
 */

/** A cell computed in the sheet (a share of another table's figure): the formula and the value it gives now, null when it gives "". */
export interface TableFormula {
  formula: string;
  result: number | null;
}

export type TableCell = string | number | null | TableFormula;

const isFormula = (v: TableCell): v is TableFormula => typeof v === 'object' && v !== null;
/** The number a cell shows, formulas by their result. */
const numberOf = (v: TableCell): number | null => (typeof v === 'number' ? v : isFormula(v) ? v.result : null);

export interface TableColumn {
  header: string;
  /** Columns with the same group side by side share a header cell above theirs. */
  group?: string;
  /** Excel number format of the data cells; numbers default to '#,##0'. */
  numFmt?: string;
  /**
   * The total row's cell: 'sum' a SUM formula over the rows; a number or text
   * written as it is (a percentage's own figure); absent leaves it empty.
   */
  total?: 'sum' | { value: TableCell; numFmt?: string };
}

export interface TableSheetSpec {
  name: string;
  office: string;
  title: string;
  subtitle?: string;
  columns: TableColumn[];
  rows: TableCell[][];
  /** The label of the total row, written in the first column; absent: no total row. */
  totalLabel?: string;
  /** The leading columns that name the row (kept in view when scrolling right). */
  labelColumns: number;
  /** Lines under the table: what the numbers mean, what is missing. */
  notes?: string[];
}

/** Where the parts of a written table are, 1-based rows. */
export interface TableLayout {
  headerRows: [number, number];
  firstDataRow: number;
  lastDataRow: number;
  totalRow: number | null;
}

/** Widest width a column is given; longer text wraps. */
const MAX_WIDTH = 48;
/** Portrait A4 fitted to width stays legible up to about this many character widths. */
const PORTRAIT_WIDTH = 110;
const TITLE_ROWS = 3;

/**
 * A column's width in characters: wide enough for its longest value and for
 * the longest word of its header (headers wrap, words do not), within bounds.
 */
export function fitColumnWidth(header: string, values: readonly TableCell[], numFmt = '#,##0'): number {
  const longestWord = Math.max(0, ...header.split(/\s+/).map((w) => w.length));
  const shown = (v: TableCell) => (typeof v === 'string' ? Math.max(...v.split('\n').map((l) => l.length)) : numberOf(v) === null ? 0 : formattedLength(numberOf(v)!, numFmt));
  const longestValue = Math.max(0, ...values.map(shown));
  return Math.min(MAX_WIDTH, Math.max(6, longestWord + 2, longestValue + 2, Math.ceil(header.length / 3) + 2));
}

/** Characters a number takes once formatted: digits, group separators, the decimals the format shows. */
function formattedLength(value: number, numFmt: string): number {
  const decimals = /\.(0+|#+)/.exec(numFmt)?.[1]?.length ?? 0;
  const digits = Math.trunc(Math.abs(value)).toString().length;
  const groups = numFmt.includes(',') ? Math.floor((digits - 1) / 3) : 0;
  return digits + groups + (decimals > 0 ? decimals + 1 : 0) + (value < 0 ? 1 : 0) + (numFmt.includes('%') ? 1 : 0);
}

/** Landscape when the table would shrink too much across a portrait page. */
export function orientationFor(totalWidth: number): 'portrait' | 'landscape' {
  return totalWidth > PORTRAIT_WIDTH ? 'landscape' : 'portrait';
}

const THIN: Partial<ExcelJS.Borders> = { top: { style: 'thin' }, left: { style: 'thin' }, bottom: { style: 'thin' }, right: { style: 'thin' } };
const FONT = 'Times New Roman';

/** The row a table's first data row falls on: below the title rows and one header row, or two when columns are grouped. */
export function firstDataRowOf(columns: readonly TableColumn[]): number {
  return TITLE_ROWS + 2 + (columns.some((c) => c.group !== undefined) ? 2 : 1);
}

/** Writes the table on a new sheet of the workbook and says where its parts are. */
export function addTableSheet(book: ExcelJS.Workbook, spec: TableSheetSpec): TableLayout {
  const grouped = spec.columns.some((c) => c.group !== undefined);
  const headerTop = TITLE_ROWS + 2;
  const headerBottom = grouped ? headerTop + 1 : headerTop;
  const firstDataRow = firstDataRowOf(spec.columns);
  const lastDataRow = firstDataRow + spec.rows.length - 1;
  const totalRow = spec.totalLabel !== undefined && spec.rows.length > 0 ? lastDataRow + 1 : null;
  const widths = spec.columns.map((c, i) => fitColumnWidth(c.header, spec.rows.map((r) => r[i] ?? null), c.numFmt));
  const lastLetter = columnLetters(spec.columns.length);

  const sheet = book.addWorksheet(spec.name, {
    views: [{ state: 'frozen', xSplit: spec.labelColumns, ySplit: headerBottom, topLeftCell: `${columnLetters(spec.labelColumns + 1)}${firstDataRow}` }],
    pageSetup: {
      paperSize: 9 as ExcelJS.PaperSize,
      orientation: orientationFor(widths.reduce((a, b) => a + b, 0)),
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      horizontalCentered: true,
      margins: { left: 0.5, right: 0.5, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 },
      printTitlesRow: `${headerTop}:${headerBottom}`,
    },
    headerFooter: { oddFooter: `&L${spec.title}&RTrang &P/&N` },
  });
  sheet.properties.defaultRowHeight = 16;
  // exceljs leaves out a column whose width is exactly its default of 9, and Excel would then show 8.43.
  widths.forEach((w, i) => (sheet.getColumn(i + 1).width = w === 9 ? 9.14 : w));

  const banner = (row: number, text: string, font: Partial<ExcelJS.Font>, align: ExcelJS.Alignment['horizontal']) => {
    sheet.mergeCells(`A${row}:${lastLetter}${row}`);
    const cell = sheet.getCell(`A${row}`);
    cell.value = text;
    cell.font = { name: FONT, ...font };
    cell.alignment = { horizontal: align, vertical: 'middle', wrapText: true };
  };
  banner(1, spec.office, { bold: true, size: 12 }, 'left');
  banner(2, spec.title, { bold: true, size: 14 }, 'center');
  sheet.getRow(2).height = 22;
  if (spec.subtitle) banner(3, spec.subtitle, { italic: true, size: 12 }, 'center');

  writeHeader(sheet, spec.columns, widths, headerTop, grouped);

  spec.rows.forEach((cells, r) => {
    const row = sheet.getRow(firstDataRow + r);
    spec.columns.forEach((c, i) => {
      const cell = row.getCell(i + 1);
      const value = cells[i] ?? null;
      cell.value = isFormula(value) ? { formula: value.formula, result: value.result ?? '' } : value;
      cell.border = THIN;
      cell.font = { name: FONT, size: 12 };
      if (typeof value === 'number' || isFormula(value)) {
        cell.numFmt = c.numFmt ?? '#,##0';
        cell.alignment = { horizontal: 'right', vertical: 'middle' };
      } else {
        cell.alignment = { vertical: 'middle', wrapText: true, horizontal: i < spec.labelColumns && i > 0 ? 'left' : 'center' };
      }
    });
  });

  if (totalRow !== null) {
    const row = sheet.getRow(totalRow);
    spec.columns.forEach((c, i) => {
      const cell = row.getCell(i + 1);
      cell.border = THIN;
      cell.font = { name: FONT, size: 12, bold: true };
      cell.alignment = { vertical: 'middle', horizontal: i === 0 ? 'left' : 'right' };
      if (c.total === 'sum') {
        const letter = columnLetters(i + 1);
        const sum = spec.rows.reduce((n, r) => n + (numberOf(r[i] ?? null) ?? 0), 0);
        cell.value = { formula: `SUM(${letter}${firstDataRow}:${letter}${lastDataRow})`, result: roundLikeExcel(sum) };
        cell.numFmt = c.numFmt ?? '#,##0';
      } else if (c.total) {
        const value = c.total.value;
        cell.value = isFormula(value) ? { formula: value.formula, result: value.result ?? '' } : value;
        if (typeof value === 'number' || isFormula(value)) cell.numFmt = c.total.numFmt ?? c.numFmt ?? '#,##0';
      }
    });
    if (spec.labelColumns > 1) sheet.mergeCells(`A${totalRow}:${columnLetters(spec.labelColumns)}${totalRow}`);
    const label = sheet.getCell(`A${totalRow}`);
    label.value = spec.totalLabel!;
    label.alignment = { horizontal: 'center', vertical: 'middle' };
  }

  // No print area is set: Excel prints the cells in use, which are the table and its notes.
  let noteRow = (totalRow ?? (spec.rows.length > 0 ? lastDataRow : headerBottom)) + 2;
  for (const note of spec.notes ?? []) {
    sheet.mergeCells(`A${noteRow}:${lastLetter}${noteRow}`);
    const cell = sheet.getCell(`A${noteRow}`);
    cell.value = note;
    cell.font = { name: FONT, size: 11, italic: true };
    cell.alignment = { wrapText: true, vertical: 'top' };
    // A merged cell does not grow with its text; give long notes the lines they need.
    const perLine = Math.max(40, widths.reduce((a, b) => a + b, 0));
    sheet.getRow(noteRow).height = 15 * Math.max(1, Math.ceil(note.length / perLine));
    noteRow++;
  }
  return { headerRows: [headerTop, headerBottom], firstDataRow, lastDataRow, totalRow };
}

/** Sums of decimals (percentages) carry float noise; Excel shows 15 significant digits. */
const roundLikeExcel = (n: number) => Number(n.toPrecision(15));

function writeHeader(sheet: ExcelJS.Worksheet, columns: TableColumn[], widths: number[], top: number, grouped: boolean): void {
  const style = (cell: ExcelJS.Cell) => {
    cell.font = { name: FONT, size: 12, bold: true };
    cell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
    cell.border = THIN;
  };
  const bottom = grouped ? top + 1 : top;
  for (let row = top; row <= bottom; row++) for (let i = 1; i <= columns.length; i++) style(sheet.getRow(row).getCell(i));
  // Wrapped headers need height: the lines each text takes over the width of the columns it spans.
  const lines = (text: string, from: number, to: number) => Math.ceil(text.length / Math.max(4, widths.slice(from, to + 1).reduce((a, b) => a + b, 0) - 2));
  const need = { top: 1, bottom: 1 };
  let i = 0;
  while (i < columns.length) {
    const column = columns[i]!;
    const letter = columnLetters(i + 1);
    if (column.group === undefined) {
      sheet.getCell(`${letter}${top}`).value = column.header;
      const n = lines(column.header, i, i);
      if (grouped) {
        sheet.mergeCells(`${letter}${top}:${letter}${bottom}`);
        need.top = Math.max(need.top, Math.ceil(n / 2));
        need.bottom = Math.max(need.bottom, Math.ceil(n / 2));
      } else need.top = Math.max(need.top, n);
      i++;
      continue;
    }
    let end = i;
    while (end + 1 < columns.length && columns[end + 1]!.group === column.group) end++;
    sheet.getCell(`${letter}${top}`).value = column.group;
    if (end > i) sheet.mergeCells(`${letter}${top}:${columnLetters(end + 1)}${top}`);
    need.top = Math.max(need.top, lines(column.group, i, end));
    for (let k = i; k <= end; k++) {
      sheet.getCell(`${columnLetters(k + 1)}${bottom}`).value = columns[k]!.header;
      need.bottom = Math.max(need.bottom, lines(columns[k]!.header, k, k));
    }
    i = end + 1;
  }
  sheet.getRow(top).height = Math.min(120, 16 * need.top + 4);
  if (grouped) sheet.getRow(bottom).height = Math.min(120, 16 * need.bottom + 4);
}
