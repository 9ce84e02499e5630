import type { Kysely } from 'kysely';
import type { AppContext } from '../app/context.js';
import { bumpedSyncColumns, writeAudit, type Tx } from '../db/rows.js';
import type { PlansTables } from '../db/tables/plans.tables.js';

/** The plan-feature tables; every one carries sync columns and tombstones. */
export type PlanTableName = keyof PlansTables;
type RowOf<T extends PlanTableName> = PlansTables[T];

// The helpers work on any plan table; Kysely cannot type a query over a union of tables.
const loose = (tx: Tx) => tx as unknown as Kysely<any>;

/** Inserts a row and its audit entry: every write leaves one audit row per record. */
export async function insertRow<T extends PlanTableName>(tx: Tx, ctx: AppContext, table: T, operation: string, row: RowOf<T>): Promise<RowOf<T>> {
  await loose(tx).insertInto(table as string).values({ ...row }).execute();
  await writeAudit(tx, ctx, { operation, entity: table, recordId: row.id, before: null, after: row });
  return row;
}

/** Applies changes with the next revision and audits them. */
export async function updateRow<T extends PlanTableName>(
  tx: Tx,
  ctx: AppContext,
  table: T,
  operation: string,
  before: RowOf<T>,
  changes: Partial<RowOf<T>>,
): Promise<RowOf<T>> {
  const after = { ...before, ...changes, ...bumpedSyncColumns(ctx, before) } as RowOf<T>;
  await loose(tx).updateTable(table as string).set({ ...after }).where('id', '=', before.id).execute();
  await writeAudit(tx, ctx, { operation, entity: table, recordId: before.id, before, after });
  return after;
}

/** Leaves a tombstone, so the deletion travels in bundles. */
export function tombstoneRow<T extends PlanTableName>(tx: Tx, ctx: AppContext, table: T, operation: string, before: RowOf<T>): Promise<RowOf<T>> {
  return updateRow(tx, ctx, table, operation, before, { deletedAt: ctx.clock.now().toISOString() } as Partial<RowOf<T>>);
}

/** Tombstones every live row whose column is one of the values; returns what it tombstoned. */
export async function tombstoneWhere<T extends PlanTableName>(
  tx: Tx,
  ctx: AppContext,
  table: T,
  operation: string,
  column: keyof RowOf<T> & string,
  values: string[],
): Promise<RowOf<T>[]> {
  if (values.length === 0) return [];
  const rows = (await loose(tx).selectFrom(table as string).selectAll().where(column as string, 'in', values).where('deletedAt', 'is', null).execute()) as RowOf<T>[];
  for (const row of rows) await tombstoneRow(tx, ctx, table, operation, row);
  return rows;
}

/** The position after the last live row matching the scope, so new rows go to the end. */
export async function nextPosition(tx: Tx, table: PlanTableName, scope: Record<string, string | null>): Promise<number> {
  let query = loose(tx).selectFrom(table as string).select((eb) => eb.fn.max('position').as('last')).where('deletedAt', 'is', null);
  for (const [column, value] of Object.entries(scope)) query = value === null ? query.where(column, 'is', null) : query.where(column, '=', value);
  const row = (await query.executeTakeFirst()) as { last: number | null } | undefined;
  return row?.last === null || row?.last === undefined ? 0 : row.last + 1;
}

/** Strips the tombstone column for a DTO. */
export function withoutTombstone<T extends { deletedAt: string | null }>(row: T): Omit<T, 'deletedAt'> {
  const { deletedAt: _deleted, ...rest } = row;
  return rest;
}
