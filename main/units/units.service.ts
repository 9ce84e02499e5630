import type { z } from 'zod';
import { AppError } from '../../shared/errors.js';
import type { EducationValues, FigureValues, UnitDetail, UnitDto, UnitFields } from '../../shared/units.js';
import type { AppContext } from '../app/context.js';
import { assertRevision, inTransaction, insertRecord, tombstoneRecord, updateRecord, type ReadDb, type Tx } from '../db/records.js';
import { assertUnreferenced } from '../db/references.js';
import { assertTreePlacement } from '../db/trees.js';
import type { UnitsTable } from './units.tables.js';
import { indexForSearch } from '../search/index.js';
import { countLiveChildren, findLiveUnitByCode, loadLiveUnit, loadUnitPath, loadUnitTree } from './units.repo.js';
import { loadUnitYearly } from './unit-yearly.service.js';

type Fields = z.output<typeof UnitFields>;

async function assertCodeFree(db: ReadDb, code: string, exceptId: string | null): Promise<void> {
  const existing = await findLiveUnitByCode(db, code);
  if (existing && existing.id !== exceptId) {
    throw new AppError('CONFLICT', `Mã đơn vị "${code}" đã được dùng cho ${existing.type} ${existing.name}.`, {
      issues: [{ path: ['code'], message: `Mã "${code}" đã được dùng` }],
    });
  }
}

/**
 * Indexes a unit by its own name and code (the chain above is shown, not
 * searched, or "tan" would find every hamlet); the territory is also found by its province.
 */
async function indexUnit(tx: Tx, row: UnitsTable): Promise<void> {
  const path = await loadUnitPath(tx, row.id);
  const office = await tx.selectFrom('office').select('provinceName').executeTakeFirst();
  const province = office?.provinceName ? `tỉnh ${office.provinceName}` : '';
  const above = path.slice(0, -1).map((p) => `${p.type} ${p.name}`).reverse();
  const detail = [...above, province].filter(Boolean).join(', ');
  const text = row.parentId === null ? `${row.code} ${province}` : row.code;
  await indexForSearch(tx, { entity: 'unit', recordId: row.id, label: `${row.type} ${row.name}`, detail, text });
}

async function toUnitDto(db: ReadDb, row: UnitsTable): Promise<UnitDto> {
  const { deletedAt: _deleted, ...dto } = row;
  return { ...dto, depth: (await loadUnitPath(db, row.id)).length - 1 };
}

/** Creates a unit inside a caller's transaction (office setup, imports, demo). */
export async function createUnitInTx(tx: Tx, ctx: AppContext, input: Fields & { parentId: string | null }): Promise<UnitDto> {
  await assertCodeFree(tx, input.code, null);
  await assertTreePlacement(tx, { table: 'units', id: null, parentId: input.parentId, noun: 'đơn vị' });
  const row = await insertRecord(tx, ctx, 'units', { parentId: input.parentId, code: input.code, name: input.name, type: input.type });
  await indexUnit(tx, row);
  return toUnitDto(tx, row);
}

/** Refreshes a unit's search entry after something it is found by changed (its province, its parent). */
export async function reindexUnitTree(tx: Tx, id: string): Promise<void> {
  await indexUnit(tx, await loadLiveUnit(tx, id));
  await reindexDescendants(tx, id);
}

export function createUnit(ctx: AppContext, input: Fields & { parentId: string }): Promise<UnitDto> {
  return inTransaction(ctx, (tx) => createUnitInTx(tx, ctx, input));
}

export async function updateUnitInTx(tx: Tx, ctx: AppContext, before: UnitsTable, changes: Partial<Pick<UnitsTable, 'code' | 'name' | 'type' | 'parentId'>>): Promise<UnitsTable> {
  const after = await updateRecord(tx, ctx, 'units', before, changes);
  await indexUnit(tx, after);
  return after;
}

export function updateUnit(ctx: AppContext, input: Fields & { id: string; rev: number }): Promise<UnitDto> {
  return inTransaction(ctx, async (tx) => {
    const before = await loadLiveUnit(tx, input.id);
    assertRevision(before, input.rev, 'Đơn vị');
    await assertCodeFree(tx, input.code, input.id);
    const after = await updateUnitInTx(tx, ctx, before, { code: input.code, name: input.name, type: input.type });
    return toUnitDto(tx, after);
  });
}

export function moveUnit(ctx: AppContext, input: { id: string; rev: number; parentId: string }): Promise<UnitDto> {
  return inTransaction(ctx, async (tx) => {
    const before = await loadLiveUnit(tx, input.id);
    assertRevision(before, input.rev, 'Đơn vị');
    if (before.parentId === null) throw new AppError('VALIDATION', 'Không thể chuyển địa bàn gốc của cơ quan.');
    await assertTreePlacement(tx, { table: 'units', id: input.id, parentId: input.parentId, noun: 'đơn vị' });
    const after = await updateUnitInTx(tx, ctx, before, { parentId: input.parentId });
    await reindexDescendants(tx, after.id);
    return toUnitDto(tx, after);
  });
}

async function reindexDescendants(tx: Tx, id: string): Promise<void> {
  const children = await tx.selectFrom('units').selectAll().where('parentId', '=', id).where('deletedAt', 'is', null).execute();
  for (const child of children) {
    await indexUnit(tx, child);
    await reindexDescendants(tx, child.id);
  }
}

/** Leaves a tombstone so the deletion travels; refused while anything still refers to the unit. */
export function deleteUnit(ctx: AppContext, input: { id: string; rev: number }): Promise<{ id: string }> {
  return inTransaction(ctx, async (tx) => {
    const before = await loadLiveUnit(tx, input.id);
    assertRevision(before, input.rev, 'Đơn vị');
    if (before.parentId === null) throw new AppError('IN_USE', 'Không thể xóa địa bàn gốc của cơ quan.');
    await assertUnreferenced(tx, 'units', input.id, `${before.type} ${before.name}`);
    await tombstoneRecord(tx, ctx, 'units', before);
    return { id: input.id };
  });
}

export async function getUnitDetail(db: ReadDb, id: string): Promise<UnitDetail> {
  const row = await loadLiveUnit(db, id);
  const path = await loadUnitPath(db, id);
  const { figures, education } = await loadUnitYearly(db, id);
  return {
    unit: await toUnitDto(db, row),
    path: path.map(({ id: pid, name, type }) => ({ id: pid, name, type })),
    figures,
    education,
    childCount: await countLiveChildren(db, id),
  };
}

export { loadUnitTree };
export type { FigureValues, EducationValues };
