import type Database from 'better-sqlite3';
import { AppError } from '../../shared/errors.js';
import { unitTypesOfLevel } from '../../shared/office.js';
import { foldText } from '../../shared/text.js';
import { MAX_TREE_DEPTH, checkTreeBatch, depthOf, subtreeHeight } from '../../shared/tree-rules.js';
import type { UnitImportResult } from '../../shared/units.js';
import { BulkRecordWriter } from '../db/bulk-records.js';
import type { CancelToken, Progress } from '../jobs/index.js';
import { bulkIndexForSearch, type BulkSearchIndex } from '../search/index.js';
import { unitSearchEntry } from './unit-search-entry.js';
import { quote, type Issues, type SheetUnit, type UnitSheet } from './units-import-sheet.js';
import type { UnitFiguresTable, UnitsTable } from './units.tables.js';

/**
 * Units from an .xlsx, run inside the import worker on its own connection:
 * read (bounded, streamed), check every row against the same limits as the
 * forms, check the tree the sheet and the stored units make together, and
 * write everything in one transaction or nothing at all.
 */

export interface UnitImportOptions {
  dryRun: boolean;
  at: string;
  actor: string;
  officeId: string;
}

export async function importUnits(
  sqlite: Database.Database,
  openSheet: () => Promise<UnitSheet>,
  options: UnitImportOptions,
  progress: Progress,
  cancel: CancelToken,
): Promise<UnitImportResult> {
  progress('checking', 0, null);
  const sheet = await openSheet();
  progress('reading', 0, sheet.total);
  const units: SheetUnit[] = [];
  // The plan is made and written under one lock, so what was checked is what is written. A real
  // import takes it before reading: rows are written as they arrive (see Speculation) and the
  // whole is checked at the end, committed only if it holds.
  sqlite.exec(options.dryRun ? 'BEGIN' : 'BEGIN IMMEDIATE');
  try {
    let stored = loadStored(sqlite);
    const newWriter = () => new BulkRecordWriter(sqlite, { at: options.at, actor: options.actor, operation: 'units.importXlsx', officeId: options.officeId }, { batched: true });
    let writer = newWriter();
    let index = bulkIndexForSearch(sqlite);
    let speculation: Speculation | null = options.dryRun ? null : new Speculation(stored, writer, index);
    for await (const batch of sheet.batches()) {
      cancel.throwIfCancelled();
      for (const unit of batch.units) {
        units.push(unit);
        speculation?.offer(unit);
      }
      progress('reading', batch.read, sheet.total);
    }
    const issues = sheet.issues;
    if (issues.count > 0) throw issues.refuse();

    progress('validating', 0, units.length);
    let plan = planImport(stored, units, issues);
    if (issues.count > 0) throw issues.refuse();
    const figureRows = units.filter((u) => u.figures !== null).length;
    const counts = { created: plan.units.filter((p) => p.existing === null).length, updated: plan.changed.size, unchanged: plan.unchangedCount };
    if (options.dryRun) return { ...counts, figureRows, applied: false };
    if (speculation && !speculation.agreesWith(plan)) {
      // What was written ahead is not what the whole sheet asks for: start again from the plan alone.
      sqlite.exec('ROLLBACK');
      sqlite.exec('BEGIN IMMEDIATE');
      // A fresh writer and index: the old ones may hold rows of what was just rolled back.
      writer = newWriter();
      index = bulkIndexForSearch(sqlite);
      speculation = null;
      stored = loadStored(sqlite);
      plan = planImport(stored, units, issues);
      if (issues.count > 0) throw issues.refuse();
    }
    writePlan(sqlite, plan, units, writer, index, speculation, progress, cancel);
    writer.flush();
    index.flush();
    cancel.commitNow();
    sqlite.exec('COMMIT');
    return { ...counts, figureRows, applied: true };
  } finally {
    if (sqlite.inTransaction) sqlite.exec('ROLLBACK');
  }
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

/** The office's tree as stored when the import took its lock, before anything of the sheet is written. */
interface StoredTree {
  levelNames: string[];
  provinceName: string;
  root: UnitsTable;
  existingByCode: Map<string, UnitsTable>;
  existingById: Map<string, UnitsTable>;
}

function loadStored(sqlite: Database.Database): StoredTree {
  const office = sqlite.prepare('SELECT levelNames, rootUnitId, provinceName FROM office').get() as { levelNames: string; rootUnitId: string; provinceName: string } | undefined;
  if (!office) throw new AppError('NOT_SET_UP', 'Cơ quan chưa được thiết lập.');
  const stored = sqlite.prepare('SELECT * FROM units WHERE deletedAt IS NULL').all() as UnitsTable[];
  const existingById = new Map(stored.map((u) => [u.id, u]));
  const existingByCode = new Map(stored.map((u) => [u.code, u]));
  const root = existingById.get(office.rootUnitId);
  if (!root) throw new Error('The office root unit is missing');
  return { levelNames: JSON.parse(office.levelNames) as string[], provinceName: office.provinceName, root, existingByCode, existingById };
}

/** Resolves parents, levels and the tree rules against the stored units and the sheet itself; every problem becomes an issue. */
function planImport(tree: StoredTree, units: SheetUnit[], issues: Issues): ImportPlan {
  const { levelNames, root, existingByCode, existingById } = tree;

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
  return { units: planned, changed, unchangedCount, provinceName: tree.provinceName, existingByCode, existingById };
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
  // A sheet says "Ấp" a hundred thousand times: each pair is folded and matched once.
  const key = `${levelName}\u0000${cell}`;
  let type = matchedTypes.get(key);
  if (type === undefined) {
    const folded = foldText(cell);
    type = folded === foldText(levelName) ? (unitTypesOfLevel(levelName)[0] ?? cell) : (unitTypesOfLevel(levelName).find((t) => foldText(t) === folded) ?? null);
    if (matchedTypes.size < 1000) matchedTypes.set(key, type);
  }
  return type;
}
const matchedTypes = new Map<string, string | null>();

/** Rows are written in chunks between cancel checks and progress reports. */
const CHUNK = 2000;

function writePlan(
  sqlite: Database.Database,
  plan: ImportPlan,
  units: SheetUnit[],
  writer: BulkRecordWriter,
  index: BulkSearchIndex,
  ahead: Speculation | null,
  progress: Progress,
  cancel: CancelToken,
): void {
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
    const written = p.existing === null ? ahead?.unitOf(p.code) : undefined;
    if (written) byCode.set(p.code, written);
    else if (p.existing === null) {
      const parentId = byCode.get(p.parentCode)!.id;
      byCode.set(p.code, writer.insert('units', { parentId, code: p.code, name: p.name, type: p.type }));
      reindex.add(p.code);
    } else if (plan.changed.has(p.code)) {
      const parentId = byCode.get(p.parentCode)!.id;
      byCode.set(p.code, writer.update('units', p.existing, { name: p.name, type: p.type, parentId }) ?? p.existing);
      reindex.add(p.code);
    }
    step();
  }

  // The stored figures are read back below: what waits in the writer goes in first.
  writer.flush();
  const findFigures = sqlite.prepare('SELECT * FROM unitFigures WHERE unitId = ? AND year = ? AND deletedAt IS NULL');
  for (const u of figureRows) {
    if (ahead?.wroteFigures(u)) {
      step();
      continue;
    }
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
    index.add(unitSearchEntry(unit, ancestorsOf(unit, byId), plan.provinceName));
  }
  progress('writing', total, total);
}

/** From the parent up to the root, as the search entry shows the path. */
function ancestorsOf(unit: UnitsTable, byId: ReadonlyMap<string, UnitsTable>): UnitsTable[] {
  const ancestors: UnitsTable[] = [];
  for (let p = unit.parentId ? byId.get(unit.parentId) : undefined; p && ancestors.length <= MAX_TREE_DEPTH + 1; p = p.parentId ? byId.get(p.parentId) : undefined) ancestors.push(p);
  return ancestors;
}

interface WrittenAhead {
  row: UnitsTable;
  parentCode: string;
  type: string;
  depth: number;
}

/**
 * Writes new units while the sheet is still being read, inside the import's
 * transaction, so the writing overlaps the reading instead of following it.
 * Only what the rest of the sheet cannot change is written ahead: a new code's
 * first row whose parent is the territory, a stored unit or a unit written
 * ahead, at a depth whose level matches, with its figures. At the end the plan
 * of the whole sheet decides: with any problem nothing is committed, and if the
 * plan differs from what was written ahead (the sheet moves or renames a stored
 * unit above it, say) the import starts again from the plan alone.
 */
class Speculation {
  readonly #tree: StoredTree;
  readonly #writer: BulkRecordWriter;
  readonly #index: BulkSearchIndex;
  readonly #firstRow = new Map<string, SheetUnit>();
  readonly #units = new Map<string, WrittenAhead>();
  readonly #byId = new Map<string, UnitsTable>();
  readonly #figureKeys = new Set<string>();
  readonly #figureRows = new Set<SheetUnit>();
  /** Stored units new units were written under, directly. */
  readonly #storedParents = new Set<string>();
  readonly #storedDepth = new Map<string, number>();

  constructor(tree: StoredTree, writer: BulkRecordWriter, index: BulkSearchIndex) {
    this.#tree = tree;
    this.#writer = writer;
    this.#index = index;
    for (const unit of tree.existingById.values()) this.#byId.set(unit.id, unit);
  }

  offer(u: SheetUnit): void {
    const first = this.#firstRow.get(u.code);
    if (!first) {
      this.#firstRow.set(u.code, u);
      this.#unit(u);
    }
    const ahead = this.#units.get(u.code);
    const same = first === undefined || (first.name === u.name && first.parentCode === u.parentCode && first.level === u.level);
    if (ahead && same && u.year !== null && u.figures !== null) {
      const key = `${u.code}\u0000${u.year}`;
      if (this.#figureKeys.has(key)) return;
      this.#figureKeys.add(key);
      this.#writer.insert('unitFigures', { unitId: ahead.row.id, year: u.year, ...u.figures });
      this.#figureRows.add(u);
    }
  }

  unitOf(code: string): UnitsTable | undefined {
    return this.#units.get(code)?.row;
  }

  wroteFigures(u: SheetUnit): boolean {
    return this.#figureRows.has(u);
  }

  /** Whether every unit written ahead is planned as written: new, under the same parent, of the same type, on an unchanged stored path. */
  agreesWith(plan: ImportPlan): boolean {
    const planned = new Map(plan.units.map((p) => [p.code, p]));
    for (const [code, ahead] of this.#units) {
      const p = planned.get(code);
      if (!p || p.existing !== null || p.parentCode !== ahead.parentCode || p.type !== ahead.type || p.depth !== ahead.depth) return false;
    }
    for (const code of this.#storedParents) {
      for (let unit = this.#tree.existingByCode.get(code); unit; unit = unit.parentId ? this.#tree.existingById.get(unit.parentId) : undefined) {
        if (plan.changed.has(unit.code)) return false;
      }
    }
    return true;
  }

  #unit(u: SheetUnit): void {
    const { root, existingByCode, levelNames } = this.#tree;
    if (u.code === root.code || existingByCode.has(u.code)) return;
    const parentCode = u.parentCode === '' ? root.code : u.parentCode;
    const aheadParent = this.#units.get(parentCode);
    const storedParent = aheadParent ? undefined : existingByCode.get(parentCode);
    const parent = aheadParent?.row ?? storedParent;
    if (!parent) return;
    const depth = (aheadParent ? aheadParent.depth : this.#depthOfStored(storedParent!)) + 1;
    if (depth > MAX_TREE_DEPTH) return;
    const type = matchType(u.level, levelNames[depth]);
    if (type === null) return;
    if (storedParent) this.#storedParents.add(storedParent.code);
    const row = this.#writer.insert('units', { parentId: parent.id, code: u.code, name: u.name, type });
    this.#units.set(u.code, { row, parentCode, type, depth });
    this.#byId.set(row.id, row);
    this.#index.add(unitSearchEntry(row, ancestorsOf(row, this.#byId), this.#tree.provinceName));
  }

  #depthOfStored(unit: UnitsTable): number {
    let depth = this.#storedDepth.get(unit.code);
    if (depth === undefined) {
      const { existingById } = this.#tree;
      depth = depthOf((id) => existingById.get(id)?.parentId ?? null, unit.id);
      this.#storedDepth.set(unit.code, depth);
    }
    return depth;
  }
}
