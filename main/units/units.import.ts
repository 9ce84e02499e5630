import type Database from 'better-sqlite3';
import { AppError, type FieldIssue } from '../../shared/errors.js';
import { MAX_REPORTED_ISSUES } from '../../shared/jobs.js';
import { formatVietnameseNumber } from '../../shared/numbers.js';
import { unitTypesOfLevel } from '../../shared/office.js';
import { foldText } from '../../shared/text.js';
import { MAX_TREE_DEPTH, checkTreeBatch, depthOf, subtreeHeight } from '../../shared/tree-rules.js';
import { FigureValues, MAX_IMPORT_BYTES, MAX_IMPORT_ROWS, UnitCode, UnitFields, type UnitImportResult } from '../../shared/units.js';
import { BulkRecordWriter } from '../db/bulk-records.js';
import type { CancelToken, Progress } from '../jobs/index.js';
import { bulkIndexForSearch } from '../search/index.js';
import { cellNumber, cellText, openBoundedSheet, type CellValue } from '../xlsx/index.js';
import { unitSearchEntry } from './unit-search-entry.js';
import type { UnitFiguresTable, UnitsTable } from './units.tables.js';

/**
 * Units from an .xlsx, run inside the import worker on its own connection:
 * read (bounded, streamed), check every row against the same limits as the
 * forms, check the tree the sheet and the stored units make together, and
 * write everything in one transaction or nothing at all.
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

export interface UnitImportOptions {
  dryRun: boolean;
  at: string;
  actor: string;
  officeId: string;
}

interface SheetUnit {
  row: number;
  code: string;
  name: string;
  level: string;
  parentCode: string;
  year: number | null;
  figures: FigureValues | null;
}

/** The first MAX_REPORTED_ISSUES problems with their place, and how many there were in all. */
class Issues {
  readonly list: FieldIssue[] = [];
  count = 0;
  constructor(readonly sheet: string) {}
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
const quote = (text: string) => `"${text.length > 40 ? `${text.slice(0, 40)}…` : text}"`;

export async function importUnits(sqlite: Database.Database, content: Buffer, options: UnitImportOptions, progress: Progress, cancel: CancelToken): Promise<UnitImportResult> {
  progress('checking', 0, null);
  if (content.length > MAX_IMPORT_BYTES) throw new AppError('IMPORT_INVALID', 'Tệp quá lớn (tối đa 10 MB).');
  const sheet = await openBoundedSheet(content, { maxRows: MAX_IMPORT_ROWS + 1, maxColumns: MAX_COLUMNS }, { cancel });
  const issues = new Issues(sheet.name);
  const total = sheet.declaredRows === null ? null : sheet.declaredRows - 1;

  progress('reading', 0, total);
  const units: SheetUnit[] = [];
  let positions: Map<Column, number> | null = null;
  let read = 0;
  for await (const { row, cells } of sheet.rows()) {
    if (positions === null) {
      positions = headerPositions(row, cells, issues);
      if (issues.count > 0) throw issues.refuse();
      continue;
    }
    const unit = readRow(row, cells, positions, issues);
    if (unit) units.push(unit);
    progress('reading', ++read, total);
  }
  if (positions === null) issues.add(1, 'code', 'Bảng tính không có dòng tiêu đề');
  else if (units.length === 0 && issues.count === 0) issues.add(2, 'code', 'Bảng tính không có dòng dữ liệu nào');
  if (issues.count > 0) throw issues.refuse();

  progress('validating', 0, units.length);
  // The plan is made and written under one lock, so what was checked is what is written.
  sqlite.exec(options.dryRun ? 'BEGIN' : 'BEGIN IMMEDIATE');
  try {
    const plan = planImport(sqlite, units, issues);
    if (issues.count > 0) throw issues.refuse();
    const figureRows = units.filter((u) => u.figures !== null).length;
    const counts = { created: plan.units.filter((p) => p.existing === null).length, updated: plan.changed.size, unchanged: plan.unchangedCount };
    if (options.dryRun) return { ...counts, figureRows, applied: false };
    writePlan(sqlite, plan, units, options, progress, cancel);
    cancel.commitNow();
    sqlite.exec('COMMIT');
    return { ...counts, figureRows, applied: true };
  } finally {
    if (sqlite.inTransaction) sqlite.exec('ROLLBACK');
  }
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

interface PlannedUnit {
  code: string;
  name: string;
  type: string;
  /** Null only for the office's own territory, which the sheet cannot name. */
  parentCode: string;
  existing: UnitsTable | null;
  depth: number;
}

interface ImportPlan {
  /** Parents before children. */
  units: PlannedUnit[];
  /** Codes of stored units whose name, type or parent the sheet changes. */
  changed: Set<string>;
  unchangedCount: number;
  provinceName: string;
  existingByCode: Map<string, UnitsTable>;
  existingById: Map<string, UnitsTable>;
}

/** Resolves parents, levels and the tree rules against the stored units and the sheet itself; every problem becomes an issue. */
function planImport(sqlite: Database.Database, units: SheetUnit[], issues: Issues): ImportPlan {
  const office = sqlite.prepare('SELECT levelNames, rootUnitId, provinceName FROM office').get() as { levelNames: string; rootUnitId: string; provinceName: string } | undefined;
  if (!office) throw new AppError('NOT_SET_UP', 'Cơ quan chưa được thiết lập.');
  const levelNames = JSON.parse(office.levelNames) as string[];
  const stored = sqlite.prepare('SELECT * FROM units WHERE deletedAt IS NULL').all() as UnitsTable[];
  const existingById = new Map(stored.map((u) => [u.id, u]));
  const existingByCode = new Map(stored.map((u) => [u.code, u]));
  const root = existingById.get(office.rootUnitId);
  if (!root) throw new Error('The office root unit is missing');

  const firstRow = new Map<string, SheetUnit>();
  const figureYears = new Map<string, number>();
  for (const u of units) {
    const seen = firstRow.get(u.code);
    if (!seen) firstRow.set(u.code, u);
    else if (seen.name !== u.name || seen.parentCode !== u.parentCode || seen.level !== u.level) {
      issues.add(u.row, 'code', `Mã ${quote(u.code)} đã có ở dòng ${seen.row} với tên, cấp hoặc đơn vị cha khác`);
    }
    if (u.year !== null) {
      const key = `${u.code}\u0000${u.year}`;
      const previous = figureYears.get(key);
      if (previous !== undefined) issues.add(u.row, 'year', `Số liệu năm ${u.year} của mã ${quote(u.code)} đã có ở dòng ${previous}`);
      else figureYears.set(key, u.row);
    }
  }

  const parentCodeOf = (u: SheetUnit) => (u.parentCode === '' ? root.code : u.parentCode);
  const candidates: SheetUnit[] = [];
  for (const u of firstRow.values()) {
    if (u.code === root.code) issues.add(u.row, 'code', `Mã ${quote(u.code)} là địa bàn gốc của cơ quan, không nhập lại được`);
    else if (!firstRow.has(parentCodeOf(u)) && !existingByCode.has(parentCodeOf(u))) {
      issues.add(u.row, 'parentCode', `Không có đơn vị mã ${quote(parentCodeOf(u))} trong bảng tính hay trong dữ liệu`);
    } else candidates.push(u);
  }

  // The tree the sheet and the stored units make together, keyed by code.
  const storedParentCode = (code: string) => {
    const unit = existingByCode.get(code);
    return unit?.parentId ? existingById.get(unit.parentId)?.code : null;
  };
  const sheetParent = new Map(candidates.map((u) => [u.code, parentCodeOf(u)]));
  const parentOf = (code: string) => (sheetParent.has(code) ? sheetParent.get(code) : storedParentCode(code));
  const problems = checkTreeBatch(
    storedParentCode,
    candidates.map((u) => ({ id: u.code, parentId: parentCodeOf(u) })),
  );
  const refused = new Set<string>();
  for (const problem of problems) {
    const u = candidates[problem.index]!;
    refused.add(u.code);
    if (problem.kind === 'cycle') issues.add(u.row, 'parentCode', `Đơn vị cha tạo thành vòng lặp: ${cycleOf(parentOf, u.code)}`);
    else if (problem.kind === 'under-cycle') issues.add(u.row, 'parentCode', `Đơn vị cha ${quote(parentCodeOf(u))} nằm trong một vòng lặp`);
    else if (problem.kind === 'too-deep') issues.add(u.row, 'parentCode', `Đơn vị nằm ở cấp thứ ${problem.depth} dưới địa bàn gốc; tối đa ${MAX_TREE_DEPTH} cấp`);
  }

  // A stored unit moved by the sheet takes its stored subtree along: the deepest of it must still fit.
  const moved = candidates.filter((u) => !refused.has(u.code) && existingByCode.has(u.code) && storedParentCode(u.code) !== parentCodeOf(u));
  if (moved.length > 0) {
    const children = new Map<string, string[]>();
    for (const code of new Set([...existingByCode.keys(), ...sheetParent.keys()])) {
      const parent = parentOf(code);
      if (parent) children.set(parent, [...(children.get(parent) ?? []), code]);
    }
    for (const u of moved) {
      const depth = depthOf(parentOf, u.code) + subtreeHeight((code) => children.get(code) ?? [], u.code);
      if (depth > MAX_TREE_DEPTH) {
        refused.add(u.code);
        issues.add(u.row, 'parentCode', `Chuyển đơn vị này đưa các đơn vị trực thuộc xuống cấp thứ ${Number.isFinite(depth) ? depth : `hơn ${MAX_TREE_DEPTH}`}; tối đa ${MAX_TREE_DEPTH} cấp`);
      }
    }
  }

  const planned: PlannedUnit[] = [];
  const changed = new Set<string>();
  let unchangedCount = 0;
  for (const u of candidates) {
    if (refused.has(u.code)) continue;
    const depth = depthOf(parentOf, u.code);
    const type = matchType(u.level, levelNames[depth]);
    if (type === null) {
      issues.add(u.row, 'level', `Cấp ${quote(u.level)} không khớp cấp ${depth} của cây đơn vị: ${levelNames[depth] ?? '(không có cấp này)'}`);
      continue;
    }
    const existing = existingByCode.get(u.code) ?? null;
    planned.push({ code: u.code, name: u.name, type, parentCode: parentCodeOf(u), existing, depth });
    if (existing) {
      if (existing.name !== u.name || existing.type !== type || storedParentCode(u.code) !== parentCodeOf(u)) changed.add(u.code);
      else unchangedCount++;
    }
  }
  planned.sort((a, b) => a.depth - b.depth);
  return { units: planned, changed, unchangedCount, provinceName: office.provinceName, existingByCode, existingById };
}

/** "870-07 → 870-08 → 870-07", at most ten steps. */
function cycleOf(parentOf: (code: string) => string | null | undefined, start: string): string {
  const chain = [start];
  for (let cur = parentOf(start); cur && chain.length <= 10; cur = parentOf(cur)) {
    chain.push(cur);
    if (cur === start) break;
  }
  return chain.map(quote).join(' → ');
}

/** The unit type a "cấp" cell names at this depth: one of the level's types, or the level's own name. */
function matchType(cell: string, levelName: string | undefined): string | null {
  if (levelName === undefined) return cell;
  const folded = foldText(cell);
  if (folded === foldText(levelName)) return unitTypesOfLevel(levelName)[0] ?? cell;
  return unitTypesOfLevel(levelName).find((t) => foldText(t) === folded) ?? null;
}

/** Rows are written in chunks between cancel checks and progress reports. */
const CHUNK = 2000;

function writePlan(sqlite: Database.Database, plan: ImportPlan, units: SheetUnit[], options: UnitImportOptions, progress: Progress, cancel: CancelToken): void {
  const writer = new BulkRecordWriter(sqlite, { at: options.at, actor: options.actor, operation: 'units.importXlsx', officeId: options.officeId });
  const index = bulkIndexForSearch(sqlite);
  const figureRows = units.filter((u) => u.figures !== null && u.year !== null);
  const total = plan.units.length + figureRows.length;
  let done = 0;
  const step = () => {
    if (++done % CHUNK === 0) {
      cancel.throwIfCancelled();
      progress('writing', done, total);
    }
  };

  // Every unit by code after the write: stored ones, updated ones and new ones.
  const byCode = new Map<string, UnitsTable>(plan.existingByCode);
  const reindex = new Set<string>();
  for (const p of plan.units) {
    const parentId = byCode.get(p.parentCode)!.id;
    if (p.existing === null) {
      byCode.set(p.code, writer.insert('units', { parentId, code: p.code, name: p.name, type: p.type }));
      reindex.add(p.code);
    } else if (plan.changed.has(p.code)) {
      byCode.set(p.code, writer.update('units', p.existing, { name: p.name, type: p.type, parentId }) ?? p.existing);
      reindex.add(p.code);
    }
    step();
  }

  const findFigures = sqlite.prepare('SELECT * FROM unitFigures WHERE unitId = ? AND year = ? AND deletedAt IS NULL');
  for (const u of figureRows) {
    const unit = byCode.get(u.code)!;
    const stored = plan.existingByCode.has(u.code) ? (findFigures.get(unit.id, u.year) as UnitFiguresTable | undefined) : undefined;
    if (stored) writer.update('unitFigures', stored, u.figures!);
    else writer.insert('unitFigures', { unitId: unit.id, year: u.year!, ...u.figures! });
    step();
  }

  // A renamed or moved unit changes the path every unit below it is shown with.
  if (plan.changed.size > 0) {
    const childrenById = new Map<string, UnitsTable[]>();
    for (const unit of byCode.values()) if (unit.parentId) childrenById.set(unit.parentId, [...(childrenById.get(unit.parentId) ?? []), unit]);
    const queue = [...plan.changed].map((code) => byCode.get(code)!);
    while (queue.length) {
      for (const child of childrenById.get(queue.pop()!.id) ?? []) {
        if (!reindex.has(child.code)) queue.push(child);
        reindex.add(child.code);
      }
    }
  }
  const byId = new Map([...byCode.values()].map((u) => [u.id, u]));
  for (const code of reindex) {
    const unit = byCode.get(code)!;
    const ancestors: UnitsTable[] = [];
    for (let p = unit.parentId ? byId.get(unit.parentId) : undefined; p && ancestors.length <= MAX_TREE_DEPTH + 1; p = p.parentId ? byId.get(p.parentId) : undefined) ancestors.push(p);
    index(unitSearchEntry(unit, ancestors, plan.provinceName));
  }
  progress('writing', total, total);
}
