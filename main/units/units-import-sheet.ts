import { AppError, type FieldIssue } from '../../shared/errors.js';
import { MAX_REPORTED_ISSUES } from '../../shared/jobs.js';
import { formatVietnameseNumber } from '../../shared/numbers.js';
import { foldText } from '../../shared/text.js';
import { FigureValues, MAX_IMPORT_BYTES, MAX_IMPORT_ROWS, UnitCode, UnitFields } from '../../shared/units.js';
import type { CancelToken } from '../jobs/index.js';
import { cellNumber, cellText, openBoundedSheet, type CellValue } from '../xlsx/index.js';

/**
 * The reading half of the units import: the sheet opened within its bounds,
 * the header found, and every row checked against the same limits as the
 * forms. It knows nothing of the database, so it runs in its own thread
 * while the import worker writes (main/units/units-import-reader.worker.ts),
 * or in the import worker itself for a dry run.
 */

/** Columns of the sheet, by their folded header; the first four are required. */
const COLUMNS = {
  code: { header: 'mã', aliases: ['ma', 'ma don vi'] },
  name: { header: 'tên', aliases: ['ten', 'ten don vi'] },
  level: { header: 'cấp', aliases: ['cap', 'loai', 'loai don vi'] },
  parentCode: { header: 'mã đơn vị cha', aliases: ['ma don vi cha', 'ma cha', 'don vi cha'] },
  year: { header: 'năm', aliases: ['nam'] },
  households: { header: 'hộ gia đình', aliases: ['ho gia dinh', 'so ho'] },
  clans: { header: 'dòng họ', aliases: ['dong ho'] },
  adults: { header: 'người lớn', aliases: ['nguoi lon'] },
  workingAge: { header: 'độ tuổi lao động', aliases: ['do tuoi lao dong', 'trong do tuoi lao dong'] },
  officials: { header: 'cán bộ', aliases: ['can bo', 'can bo cc vc', 'can bo cong chuc vien chuc'] },
  organisations: { header: 'cơ quan, tổ chức', aliases: ['co quan to chuc', 'to chuc', 'co quan'] },
} as const;
type Column = keyof typeof COLUMNS;
const REQUIRED: Column[] = ['code', 'name', 'level', 'parentCode'];
const FIGURE_COLUMNS = ['households', 'clans', 'adults', 'workingAge', 'officials', 'organisations'] as const;
/** Columns beyond the known ones are allowed (notes), up to this many. */
const MAX_COLUMNS = 64;

export interface SheetUnit {
  row: number;
  code: string;
  name: string;
  level: string;
  parentCode: string;
  year: number | null;
  figures: FigureValues | null;
}

/** The first MAX_REPORTED_ISSUES problems with their place, and how many there were in all. */
export class Issues {
  readonly list: FieldIssue[] = [];
  count = 0;
  constructor(readonly sheet: string) {}
  /** The problems another thread found, to be added to. */
  static of(sheet: string, list: FieldIssue[], count: number): Issues {
    const issues = new Issues(sheet);
    issues.list.push(...list);
    issues.count = count;
    return issues;
  }
  add(row: number, column: Column | string, message: string): void {
    this.count++;
    if (this.list.length < MAX_REPORTED_ISSUES) this.list.push({ path: [this.sheet, row, column in COLUMNS ? COLUMNS[column as Column].header : column], message });
  }
  refuse(): AppError {
    const shown = this.count > this.list.length ? ` Dưới đây là ${this.list.length} lỗi đầu tiên.` : '';
    return new AppError('IMPORT_INVALID', `Bảng tính có ${formatVietnameseNumber(this.count)} lỗi; chưa có gì được ghi.${shown}`, {
      issues: this.list,
      issueCount: this.count,
    });
  }
}

/** Quotes a cell in a message without letting a 10 MB cell into the message. */
export const quote = (text: string) => `"${text.length > 40 ? `${text.slice(0, 40)}…` : text}"`;

/** Rows travel in batches of this many read: a message per row would cost more than the row. */
export const ROW_BATCH = 1000;

/** Values per unit in a packed batch: row, code, name, level, parentCode, year, then the six figures (null when it has none). */
const PACKED_WIDTH = 12;

/**
 * A batch as one flat array of values, to cross between threads: a structured
 * clone of objects writes every key of every unit again (thirteen per row),
 * and reading them back builds a string for each.
 */
export function packUnits(units: readonly SheetUnit[]): (string | number | null)[] {
  const packed: (string | number | null)[] = [];
  for (const u of units) {
    const f = u.figures;
    packed.push(u.row, u.code, u.name, u.level, u.parentCode, u.year);
    if (f) packed.push(f.households, f.clans, f.adults, f.workingAge, f.officials, f.organisations);
    else packed.push(null, null, null, null, null, null);
  }
  return packed;
}

/** The units of a packed batch, as they were checked. */
export function unpackUnits(packed: readonly (string | number | null)[]): SheetUnit[] {
  const units: SheetUnit[] = [];
  for (let i = 0; i < packed.length; i += PACKED_WIDTH) {
    const figures: FigureValues | null =
      packed[i + 6] === null
        ? null
        : {
            households: packed[i + 6] as number,
            clans: packed[i + 7] as number,
            adults: packed[i + 8] as number,
            workingAge: packed[i + 9] as number,
            officials: packed[i + 10] as number,
            organisations: packed[i + 11] as number,
          };
    units.push({ row: packed[i] as number, code: packed[i + 1] as string, name: packed[i + 2] as string, level: packed[i + 3] as string, parentCode: packed[i + 4] as string, year: packed[i + 5] as number | null, figures });
  }
  return units;
}

export interface RowBatch {
  units: SheetUnit[];
  read: number;
}

export interface UnitSheet {
  sheetName: string;
  /** Data rows the sheet declares, for progress; null when it declares none. */
  total: number | null;
  /** Every problem found so far; complete once `batches` has ended. */
  issues: Issues;
  /** The checked rows, in sheet order (a row with a problem is left out, and reported), with how many rows were read so far. */
  batches(): AsyncGenerator<RowBatch>;
}

/** Opens the sheet (bounded) and reads its rows in batches; a header problem refuses the file at once. */
export async function openUnitSheet(content: Buffer, cancel: CancelToken): Promise<UnitSheet> {
  if (content.length > MAX_IMPORT_BYTES) throw new AppError('IMPORT_INVALID', 'Tệp quá lớn (tối đa 10 MB).');
  const sheet = await openBoundedSheet(content, { maxRows: MAX_IMPORT_ROWS + 1, maxColumns: MAX_COLUMNS }, { cancel });
  const issues = new Issues(sheet.name);
  async function* batches(): AsyncGenerator<RowBatch> {
    let positions: Map<Column, number> | null = null;
    let batch: SheetUnit[] = [];
    let read = 0;
    let kept = 0;
    for await (const { row, cells } of sheet.rows()) {
      if (positions === null) {
        positions = headerPositions(row, cells, issues);
        if (issues.count > 0) throw issues.refuse();
        continue;
      }
      const unit = readRow(row, cells, positions, issues);
      read++;
      if (unit) {
        batch.push(unit);
        kept++;
      }
      if (read % ROW_BATCH === 0) {
        yield { units: batch, read };
        batch = [];
      }
    }
    yield { units: batch, read };
    if (positions === null) issues.add(1, 'code', 'Bảng tính không có dòng tiêu đề');
    else if (kept === 0 && issues.count === 0) issues.add(2, 'code', 'Bảng tính không có dòng dữ liệu nào');
  }
  return { sheetName: sheet.name, total: sheet.declaredRows === null ? null : sheet.declaredRows - 1, issues, batches };
}

function headerPositions(row: number, cells: CellValue[], issues: Issues): Map<Column, number> {
  const positions = new Map<Column, number>();
  cells.forEach((cell, index) => {
    const folded = foldText(cellText(cell).slice(0, 200));
    for (const [key, spec] of Object.entries(COLUMNS) as [Column, (typeof COLUMNS)[Column]][]) {
      if (folded === foldText(spec.header) || (spec.aliases as readonly string[]).includes(folded)) positions.set(key, index);
    }
  });
  for (const key of REQUIRED) if (!positions.has(key)) issues.add(row, key, `Thiếu cột "${COLUMNS[key].header}" ở dòng tiêu đề`);
  return positions;
}

function readRow(row: number, cells: CellValue[], positions: Map<Column, number>, issues: Issues): SheetUnit | null {
  const cell = (key: Column): CellValue => {
    const index = positions.get(key);
    return index === undefined ? null : (cells[index] ?? null);
  };
  const text = (key: Column) => cellText(cell(key)).trim();
  if ((Object.keys(COLUMNS) as Column[]).every((k) => text(k) === '')) return null;
  const before = issues.count;
  const fail = (column: Column, message: string) => issues.add(row, column, message);
  const firstMessage = (result: { success: boolean; error?: { issues: { message: string }[] } }) => (result.success ? null : (result.error?.issues[0]?.message ?? 'Không hợp lệ'));

  const code = text('code');
  const codeProblem = firstMessage(UnitCode.safeParse(code));
  if (codeProblem) fail('code', codeProblem);
  const nameProblem = firstMessage(UnitFields.shape.name.safeParse(text('name')));
  if (nameProblem) fail('name', nameProblem);
  const levelProblem = text('level') === '' ? 'Thiếu cấp của đơn vị' : firstMessage(UnitFields.shape.type.safeParse(text('level')));
  if (levelProblem) fail('level', levelProblem);
  const parentCode = text('parentCode');
  const parentProblem = parentCode === '' ? null : firstMessage(UnitCode.safeParse(parentCode));
  if (parentProblem) fail('parentCode', parentProblem.replace('Mã đơn vị', 'Mã đơn vị cha'));

  const number = (key: Column): number | null | undefined => {
    const parsed = cellNumber(cell(key));
    if (parsed.kind === 'number') return parsed.value;
    if (parsed.kind === 'empty') return null;
    fail(key, parsed.message);
    return undefined;
  };
  const hasFigures = FIGURE_COLUMNS.some((k) => text(k) !== '');
  let year: number | null = null;
  const yearValue = number('year');
  if (yearValue === null && hasFigures) fail('year', 'Có số liệu thì phải ghi năm');
  else if (typeof yearValue === 'number') {
    if (Number.isInteger(yearValue) && yearValue >= 2000 && yearValue <= 2100) year = yearValue;
    else fail('year', `Năm ${quote(formatVietnameseNumber(yearValue))} không hợp lệ (2000–2100)`);
  }
  let figures: FigureValues | null = null;
  if (hasFigures) {
    const values: Record<string, number | undefined> = {};
    for (const key of FIGURE_COLUMNS) values[key] = number(key) ?? 0;
    if (FIGURE_COLUMNS.every((k) => values[k] !== undefined)) {
      const parsed = FigureValues.safeParse(values);
      if (parsed.success) figures = parsed.data;
      else
        for (const issue of parsed.error.issues) {
          const key = issue.path[0] as (typeof FIGURE_COLUMNS)[number];
          const value = values[key]!;
          // Shows the number as it was read: 980,7 is refused as 980,7, never silently as 9.807.
          fail(key, Number.isInteger(value) ? issue.message : `${issue.message} (ô ghi ${formatVietnameseNumber(value)})`);
        }
    }
  }
  if (issues.count > before) return null;
  return { row, code, name: text('name'), level: text('level'), parentCode, year, figures };
}

