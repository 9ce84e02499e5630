import { Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import { AppError } from '../../shared/errors.js';
import { formatVietnameseNumber, parseHumanNumber, type ParsedNumber } from '../../shared/numbers.js';
import { NEVER_CANCELLED, type CancelToken } from '../jobs/index.js';
import { columnLetters, declaredRange, firstSheetOf } from './workbook-parts.js';
import { ElementTooLarge, entryHead, readSharedStrings, sheetXmlRows } from './sheet-xml.js';
import { XLSX_ZIP_LIMITS, readZipDirectory, verifyZipEntries, type ZipEntry, type ZipLimits } from './zip-check.js';

/**
 * Reads the first sheet of an .xlsx with bounded memory: the zip is checked
 * from its directory, the sheet's declared range against the limits, and then
 * rows are streamed one at a time, each checked before the caller sees it: by
 * the lean reader of sheet-xml.ts, or by exceljs's streaming reader when dates
 * are wanted (it reads the styles that tell a date from a number). Nothing here knows what the columns mean; units,
 * titles and any other list import build on it.
 */

export interface SheetLimits {
  /** Largest row number accepted, header included. */
  maxRows: number;
  maxColumns: number;
  zip?: ZipLimits;
}

export type CellValue = string | number | boolean | Date | null;

export interface SheetRow {
  /** 1-based, as Excel numbers rows. */
  row: number;
  /** cells[0] is column A; missing cells are null. */
  cells: CellValue[];
}

export interface BoundedSheet {
  name: string;
  /** The last row the sheet declares (header included), for progress; null when it declares none. */
  declaredRows: number | null;
  rows(): AsyncGenerator<SheetRow>;
}

const WORKBOOK = 'xl/workbook.xml';
const WORKBOOK_RELS = 'xl/_rels/workbook.xml.rels';
/** Where Excel, LibreOffice and exceljs keep the shared strings (exceljs's reader looks nowhere else either). */
const SHARED_STRINGS = 'xl/sharedStrings.xml';
const SMALL_PART_BYTES = 1024 * 1024;
/** The dimension element sits in the first few hundred bytes of a sheet. */
const SHEET_HEAD_BYTES = 64 * 1024;

const notWorkbook = (detail: string) => new AppError('IMPORT_INVALID', `Không đọc được tệp: ${detail}. Tệp phải là bảng tính Excel .xlsx.`);
const count = (n: number) => formatVietnameseNumber(n);

/** Checks the file and opens its first sheet; throws IMPORT_INVALID with the reason, before any large allocation. */
export async function openBoundedSheet(content: Buffer, limits: SheetLimits, options: { cancel?: CancelToken; dates?: boolean } = {}): Promise<BoundedSheet> {
  const cancel = options.cancel ?? NEVER_CANCELLED;
  if (content.length < 22 || content.readUInt32LE(0) !== 0x04034b50) throw notWorkbook('tệp không phải định dạng zip của Excel');
  const entries = readZipDirectory(content, limits.zip ?? XLSX_ZIP_LIMITS);
  const byName = new Map(entries.map((e) => [e.name, e]));
  for (const part of [WORKBOOK, WORKBOOK_RELS]) {
    const entry = byName.get(part);
    if (!entry) throw notWorkbook(`thiếu phần ${part}`);
    if (entry.size > SMALL_PART_BYTES) throw notWorkbook(`phần ${part} quá lớn`);
  }
  const parts = await verifyZipEntries(content, [byName.get(WORKBOOK)!, byName.get(WORKBOOK_RELS)!], { [WORKBOOK]: SMALL_PART_BYTES, [WORKBOOK_RELS]: SMALL_PART_BYTES }, cancel);
  const first = firstSheetOf(parts.get(WORKBOOK)!.toString('utf8'), parts.get(WORKBOOK_RELS)!.toString('utf8'));
  if (!first) throw new AppError('IMPORT_INVALID', 'Tệp không có trang tính nào.');
  // exceljs's streaming reader finds sheets only under this name.
  if (!/^xl\/worksheets\/sheet\d+\.xml$/.test(first.entry) || !byName.has(first.entry)) throw notWorkbook(`không tìm thấy trang tính "${first.name}"`);

  const rest = entries.filter((e) => e.name !== WORKBOOK && e.name !== WORKBOOK_RELS);
  const sheetEntry = byName.get(first.entry)!;
  const lean = options.dates !== true;
  // The lean reader holds the sheet and the shared strings to their declared sizes as it inflates them,
  // so they are not inflated a first time here (for a 100,000-row sheet, 40 MB); only the sheet's head is.
  const verified = lean ? rest.filter((e) => e.name !== first.entry && e.name !== SHARED_STRINGS) : rest;
  const kept = await verifyZipEntries(content, verified, lean ? {} : { [first.entry]: SHEET_HEAD_BYTES }, cancel);
  const head = lean ? await entryHead(content, sheetEntry, SHEET_HEAD_BYTES, cancel) : kept.get(first.entry)!;
  const range = declaredRange(head.toString('utf8'));
  const where = `Trang tính "${first.name}"`;
  if (range && range.lastRow > limits.maxRows) {
    throw new AppError(
      'IMPORT_INVALID',
      `${where} khai báo vùng dữ liệu ${range.ref.slice(0, 40)}, tức đến dòng ${count(range.lastRow)}; tối đa ${count(limits.maxRows)} dòng. Hãy xóa các dòng thừa rồi chọn lại tệp.`,
      { issues: [{ path: [first.name, range.lastRow], message: `Vượt quá ${count(limits.maxRows)} dòng` }] },
    );
  }
  if (range && range.lastColumn > limits.maxColumns) {
    throw new AppError(
      'IMPORT_INVALID',
      `${where} khai báo vùng dữ liệu ${range.ref.slice(0, 40)}, tức đến cột ${columnLetters(range.lastColumn)}; tối đa ${limits.maxColumns} cột.`,
      { issues: [{ path: [first.name, 1, columnLetters(range.lastColumn)], message: `Vượt quá ${limits.maxColumns} cột` }] },
    );
  }
  const rows = lean ? () => leanRows(content, sheetEntry, byName.get(SHARED_STRINGS), first.name, limits, cancel) : () => streamRows(content, first.name, limits, cancel);
  return { name: first.name, declaredRows: range?.lastRow ?? null, rows };
}

/** The checks every streamed row passes before the caller sees it: in increasing order, within the row and column limits. */
function rowChecker(sheetName: string, limits: SheetLimits): { previous: number; check(number: number, cellCount: number): void } {
  let seen = 0;
  const state = {
    previous: 0,
    check(number: number, cellCount: number) {
      if (!Number.isInteger(number) || number <= state.previous) throw notWorkbook(`trang tính "${sheetName}" có dòng sai thứ tự sau dòng ${state.previous}`);
      if (number > limits.maxRows || ++seen > limits.maxRows) {
        throw new AppError('IMPORT_INVALID', `Trang tính "${sheetName}" có dữ liệu ở dòng ${count(number)}; tối đa ${count(limits.maxRows)} dòng.`, {
          issues: [{ path: [sheetName, number], message: `Vượt quá ${count(limits.maxRows)} dòng` }],
        });
      }
      if (cellCount > limits.maxColumns) {
        throw new AppError('IMPORT_INVALID', `Trang tính "${sheetName}", dòng ${number}: có dữ liệu ở cột ${columnLetters(cellCount)}; tối đa ${limits.maxColumns} cột.`, {
          issues: [{ path: [sheetName, number, columnLetters(cellCount)], message: `Vượt quá ${limits.maxColumns} cột` }],
        });
      }
      state.previous = number;
    },
  };
  return state;
}

/**
 * Values only (no styles, so no dates): read by the lean reader of main/xlsx/sheet-xml.ts,
 * which costs a fraction of exceljs's; the limits and messages are the same.
 */
async function* leanRows(content: Buffer, entry: ZipEntry, sharedStringsEntry: ZipEntry | undefined, sheetName: string, limits: SheetLimits, cancel: CancelToken): AsyncGenerator<SheetRow> {
  const rows = rowChecker(sheetName, limits);
  try {
    const sharedStrings = await readSharedStrings(content, sharedStringsEntry, cancel);
    for await (const row of sheetXmlRows(content, entry, sharedStrings, limits.maxColumns, cancel)) {
      const number = row.number ?? rows.previous + 1;
      rows.check(number, row.lastColumn);
      const cells = row.cells;
      for (let i = 0; i < cells.length; i++) {
        const cell = cells[i];
        if (typeof cell === 'string') cells[i] = decodeOoxmlEscapes(cell);
      }
      yield { row: number, cells };
    }
  } catch (error) {
    if (error instanceof AppError || (error as Error).name === 'JobCancelled') throw error;
    if (error instanceof ElementTooLarge) {
      throw new AppError('IMPORT_INVALID', `Trang tính "${sheetName}": dòng sau dòng ${count(rows.previous)} quá lớn; tệp có thể bị hỏng.`, {
        issues: [{ path: [sheetName, rows.previous + 1], message: 'Dòng quá lớn' }],
      });
    }
    throw notWorkbook(`nội dung trang tính "${sheetName}" bị hỏng`);
  }
}

/** With dates: exceljs's reader, which reads the styles that tell a date from a number. */
async function* streamRows(content: Buffer, sheetName: string, limits: SheetLimits, cancel: CancelToken): AsyncGenerator<SheetRow> {
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(Readable.from([content]), {
    worksheets: 'emit',
    sharedStrings: 'cache',
    hyperlinks: 'ignore',
    styles: 'cache',
    entries: 'ignore',
  });
  const rows = rowChecker(sheetName, limits);
  try {
    for await (const worksheet of reader) {
      const isFirst = (worksheet as unknown as { name?: string }).name === sheetName;
      for await (const row of worksheet) {
        cancel.throwIfCancelled();
        if (!isFirst) continue;
        const number = row.number;
        rows.check(number, row.cellCount);
        const cells: CellValue[] = [];
        for (let col = 1; col <= row.cellCount; col++) cells.push(normalize(row.getCell(col).value));
        yield { row: number, cells };
      }
      if (isFirst) return;
    }
  } catch (error) {
    if (error instanceof AppError || (error as Error).name === 'JobCancelled') throw error;
    throw notWorkbook(`nội dung trang tính "${sheetName}" bị hỏng`);
  }
}

/**
 * OOXML writes characters XML cannot carry as _xHHHH_ (Excel stores a NUL typed
 * into a cell as _x0000_, a literal "_x" as _x005F_x). exceljs leaves them; decoded
 * here, so the field checks see the text Excel shows, NUL and half pairs included.
 */
const decodeOoxmlEscapes = (text: string) => (text.includes('_x') ? text.replace(/_x([0-9A-Fa-f]{4})_/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16))) : text);

function normalize(value: ExcelJS.CellValue | undefined): CellValue {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string') return decodeOoxmlEscapes(value);
  if (typeof value === 'number' || typeof value === 'boolean' || value instanceof Date) return value;
  if ('richText' in value) return decodeOoxmlEscapes(value.richText.map((t) => t.text).join(''));
  if ('formula' in value || 'sharedFormula' in value) return normalize((value as { result?: ExcelJS.CellValue }).result);
  if ('error' in value) return String(value.error);
  if ('text' in value) return decodeOoxmlEscapes(String(value.text));
  return null;
}

/** A cell as text: numbers as they were stored ("870"), dates as ISO days, booleans as the Vietnamese word. */
export function cellText(value: CellValue): string {
  if (value === null) return '';
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === 'boolean') return value ? 'Có' : 'Không';
  return String(value);
}

/** A cell as a number: a numeric cell as stored, a text cell read the way people write numbers (shared/numbers.ts). */
export function cellNumber(value: CellValue): ParsedNumber {
  if (value === null) return { kind: 'empty' };
  if (typeof value === 'number') return Number.isFinite(value) ? { kind: 'number', value } : { kind: 'invalid', message: 'Ô không chứa số hợp lệ' };
  if (typeof value === 'string') return parseHumanNumber(value);
  return { kind: 'invalid', message: `Ô chứa ${value instanceof Date ? 'ngày' : 'giá trị đúng/sai'}, cần một số` };
}
