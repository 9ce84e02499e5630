import { AppError } from '../../shared/errors.js';
import type { UnitDto } from '../../shared/units.js';
import { compareNatural } from '../../shared/text.js';
import type { ReadDb } from '../db/records.js';
import type { UnitsTable } from './units.tables.js';

export async function loadLiveUnit(db: ReadDb, id: string): Promise<UnitsTable> {
  const row = await db.selectFrom('units').selectAll().where('id', '=', id).where('deletedAt', 'is', null).executeTakeFirst();
  if (!row) throw new AppError('NOT_FOUND', 'Không tìm thấy đơn vị (có thể đã bị xóa).');
  return row;
}

/** Every live unit, parents before children, siblings by official code in natural order, with its depth in the tree. */
export async function loadUnitTree(db: ReadDb): Promise<UnitDto[]> {
  const rows = await db
    .selectFrom('units')
    .select(['id', 'originOfficeId', 'createdAt', 'updatedAt', 'rev', 'parentId', 'code', 'name', 'type'])
    .where('deletedAt', 'is', null)
    .execute();
  const children = new Map<string | null, typeof rows>();
  for (const row of rows) {
    const list = children.get(row.parentId) ?? [];
    list.push(row);
    children.set(row.parentId, list);
  }
  const ordered: UnitDto[] = [];
  const visit = (parentId: string | null, depth: number) => {
    const list = (children.get(parentId) ?? []).sort((a, b) => compareNatural(a.code, b.code) || compareNatural(a.name, b.name));
    for (const row of list) {
      ordered.push({ ...row, depth });
      visit(row.id, depth + 1);
    }
  };
  visit(null, 0);
  return ordered;
}

/** The chain from the root down to the unit, for breadcrumbs and depth. */
export async function loadUnitPath(db: ReadDb, id: string): Promise<Pick<UnitsTable, 'id' | 'name' | 'type' | 'parentId'>[]> {
  const path: Pick<UnitsTable, 'id' | 'name' | 'type' | 'parentId'>[] = [];
  let current: string | null = id;
  while (current !== null && path.length < 64) {
    const row: Pick<UnitsTable, 'id' | 'name' | 'type' | 'parentId'> | undefined = await db
      .selectFrom('units')
      .select(['id', 'name', 'type', 'parentId'])
      .where('id', '=', current)
      .executeTakeFirst();
    if (!row) break;
    path.unshift(row);
    current = row.parentId;
  }
  return path;
}

export async function findLiveUnitByCode(db: ReadDb, code: string): Promise<UnitsTable | undefined> {
  return db.selectFrom('units').selectAll().where('code', '=', code).where('deletedAt', 'is', null).executeTakeFirst();
}

export async function countLiveChildren(db: ReadDb, id: string): Promise<number> {
  const row = await db
    .selectFrom('units')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('parentId', '=', id)
    .where('deletedAt', 'is', null)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}
