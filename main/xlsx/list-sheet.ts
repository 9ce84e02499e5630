import { PassThrough } from 'node:stream';
import ExcelJS from 'exceljs';
import { formatDateVi, type IsoDate } from '../../shared/dates.js';
import { foldText } from '../../shared/text.js';
import type { XlsxFile } from '../../shared/list-export.js';
import type { ReadDb } from '../db/records.js';
import { columnLetters } from './workbook-parts.js';

/**
 * Every list the app exports is written here, so each one opens the same way
 * in Excel: a heading that says what the list is (office, filters, date), a
 * bold frozen header with an autofilter, dates as real dates and numbers as
 * numbers, ready to print on A4 with the header repeated on each page.
 * Rows are consumed one at a time by exceljs's streaming writer: a list of
 * 100,000 units never sits in memory as a workbook model.
 */

/** A date cell takes an ISO day ("2026-03-31") or a Date; anything else is written as given. */
export type ListCell = string | number | Date | null | undefined;

export interface ListColumn {
  header: string;
  /** Characters, as Excel counts column widths. */
  width: number;
  /** 'date' writes a real date shown dd/mm/yyyy; 'integer' and 'number' keep numbers numeric. */
  type?: 'text' | 'integer' | 'number' | 'date';
  /** Text of several lines (a change list) wraps in its cell instead of running on one line. */
  wrap?: boolean;
}

export interface ListHeading {
  /** The list's name: "Danh sách nhiệm vụ". */
  title: string;
  office: string;
  /** The filters applied, as the page names them: ["Kế hoạch: …", "Trạng thái: Quá hạn"]; none means the whole list. */
  filters: string[];
  /** The day of the export (the officer's calendar day). */
  date: IsoDate;
}

export interface ListSheet {
  name: string;
  /** Left out only where the sheet must read back through an import that takes the header from row 1. */
  heading?: ListHeading;
  columns: ListColumn[];
  rows: Iterable<ListCell[]> | AsyncIterable<ListCell[]>;
  /** Wide lists print landscape; the default follows the summed column widths. */
  landscape?: boolean;
}

const NUMBER_FORMATS = { integer: '#,##0', number: '#,##0.##', date: 'dd/mm/yyyy' } as const;
const A4 = 9;
/** About what fits across an A4 page in portrait at 100%, in Excel's width units. */
const PORTRAIT_WIDTH = 90;

/** An ISO day as the UTC midnight Excel stores for that day (exceljs converts Dates through UTC). */
function dateCell(value: ListCell): ListCell {
  if (typeof value !== 'string') return value;
  const match = /^(\d{4})-(\d{2})-(\d{2})/.exec(value);
  return match ? new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]))) : value;
}

function headingLines(heading: ListHeading): string[] {
  const filters = heading.filters.length ? `Lọc: ${heading.filters.join('; ')}` : 'Lọc: không (toàn bộ danh sách)';
  return [heading.title, heading.office, filters, `Ngày xuất: ${formatDateVi(heading.date)}`];
}

/** Streams the sheets into one .xlsx; the rows of each are read once, in order. */
export async function writeXlsx(sheets: ListSheet[]): Promise<Buffer> {
  const sink = new PassThrough();
  const chunks: Buffer[] = [];
  sink.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<void>((resolve, reject) => (sink.on('end', resolve), sink.on('error', reject)));
  const book = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: sink, useStyles: true, useSharedStrings: false });
  for (const spec of sheets) await writeSheet(book, spec);
  await book.commit();
  await done;
  return Buffer.concat(chunks);
}

async function writeSheet(book: ExcelJS.stream.xlsx.WorkbookWriter, spec: ListSheet): Promise<void> {
  const lines = spec.heading ? headingLines(spec.heading) : [];
  // The heading, then a blank row so the autofilter's region starts clean at the header.
  const headerRow = lines.length ? lines.length + 2 : 1;
  const lastColumn = columnLetters(spec.columns.length);
  const totalWidth = spec.columns.reduce((sum, c) => sum + c.width, 0);
  const sheet = book.addWorksheet(spec.name.slice(0, 31), {
    views: [{ state: 'frozen', ySplit: headerRow }],
    pageSetup: {
      paperSize: A4,
      orientation: (spec.landscape ?? totalWidth > PORTRAIT_WIDTH) ? 'landscape' : 'portrait',
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      printTitlesRow: `${headerRow}:${headerRow}`,
      margins: { left: 0.5, right: 0.5, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 },
    },
    headerFooter: { oddFooter: 'Trang &P / &N' },
  });
  sheet.columns = spec.columns.map((c) => ({
    width: c.width,
    style: {
      ...(c.type && c.type !== 'text' ? { numFmt: NUMBER_FORMATS[c.type] } : {}),
      ...(c.wrap ? { alignment: { wrapText: true, vertical: 'top' as const } } : {}),
    },
  }));
  lines.forEach((text, i) => {
    const row = sheet.getRow(i + 1);
    row.getCell(1).value = text;
    row.font = i === 0 ? { bold: true, size: 14 } : { italic: i > 1 };
    row.commit();
  });
  if (lines.length) sheet.getRow(lines.length + 1).commit();
  const header = sheet.getRow(headerRow);
  header.values = spec.columns.map((c) => c.header);
  header.font = { bold: true };
  header.alignment = { vertical: 'middle', wrapText: true };
  header.eachCell((cell) => {
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFD9E1F2' } };
    cell.border = { bottom: { style: 'thin' } };
  });
  header.commit();
  const dates = spec.columns.map((c) => c.type === 'date');
  let count = 0;
  for await (const cells of spec.rows) {
    const row = sheet.getRow(headerRow + 1 + count);
    row.values = cells.map((v, i) => (dates[i] ? dateCell(v) : v) ?? null);
    row.commit();
    count += 1;
  }
  sheet.autoFilter = `A${headerRow}:${lastColumn}${headerRow + count}`;
  sheet.commit();
}

/** "Danh sách nhiệm vụ — Quá hạn" → "danh-sach-nhiem-vu-qua-han.xlsx". */
export function xlsxFileName(name: string): string {
  const slug = foldText(name).replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');
  return `${slug.slice(0, 120) || 'danh-sach'}.xlsx`;
}

export function xlsxFile(name: string, content: Buffer, rows: number): XlsxFile {
  return { fileName: xlsxFileName(name), contentBase64: content.toString('base64'), rows };
}

/** The office the heading names; a list exported before setup says so rather than naming nobody. */
export async function officeNameOf(db: ReadDb): Promise<string> {
  const row = await db.selectFrom('office').select('name').executeTakeFirst();
  return row?.name ?? 'Cơ quan chưa thiết lập';
}
