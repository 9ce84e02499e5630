import type { Kysely, Transaction } from 'kysely';
import { AppError } from '../../shared/errors.js';
import type { AppContext } from '../app/context.js';
import { newId } from './ids.js';
import type { DB } from './schema.js';
import type { ParentRef, SyncColumnName, SyncColumns } from './table-registry.js';
import { referrersOf, tableRegistration } from './tables.js';

/**
 * THE write path for every synchronised table. Each change here bumps the
 * revision, stamps updatedAt and leaves exactly one audit row, and deletion
 * is a tombstone that cascades as the tables registered. Other offices hold
 * copies of these rows: never write a synchronised table around this file.
 */

export type Tx = Transaction<DB>;
export type ReadDb = Kysely<DB>;
export type SyncTableName = { [K in keyof DB]: DB[K] extends SyncColumns ? K : never }[keyof DB];
export type RowOf<T extends SyncTableName> = DB[T];
export type FieldsOf<T extends SyncTableName> = Omit<RowOf<T>, SyncColumnName>;
type AnyRow = SyncColumns & Record<string, unknown>;

// Every helper here works on any registered table; Kysely cannot type a query over a union of tables.
const loose = (db: ReadDb) => db as unknown as Kysely<any>;
const operationOf = (ctx: AppContext) => ctx.operation ?? 'system';

/** The sync columns of a new row made by this office now. */
export function newSyncColumns(ctx: AppContext): SyncColumns {
  const now = ctx.clock.now().toISOString();
  return { id: newId(ctx.clock.now().getTime()), originOfficeId: ctx.officeId(), createdAt: now, updatedAt: now, rev: 1, deletedAt: null };
}

/** Refuses an edit made on an older revision than the stored one, so two windows cannot overwrite each other. */
export function assertRevision(row: { rev: number }, expected: number, what: string): void {
  if (row.rev !== expected) {
    throw new AppError('STALE', `${what} đã được sửa ở nơi khác. Hãy tải lại và thử lại.`, { expected, actual: row.rev });
  }
}

export interface AuditEntry {
  entity: string;
  recordId: string;
  before: unknown;
  after: unknown;
}

/** The one audit row a change leaves: who, when, which operation, before and after. */
export async function writeAudit(tx: Tx, ctx: AppContext, entry: AuditEntry): Promise<void> {
  const json = (value: unknown) => (value === null || value === undefined ? null : JSON.stringify(value));
  await tx
    .insertInto('auditLog')
    .values({
      at: ctx.clock.now().toISOString(),
      actor: ctx.actor,
      operation: operationOf(ctx),
      entity: entry.entity,
      recordId: entry.recordId,
      before: json(entry.before),
      after: json(entry.after),
    })
    .execute();
}

/**
 * Runs a multi-step write as one transaction. Inside a mutation op the
 * dispatcher already holds one, and the work joins it.
 */
export function inTransaction<T>(ctx: AppContext, work: (tx: Tx) => Promise<T>): Promise<T> {
  if (ctx.db.isTransaction) return work(ctx.db as Tx);
  return ctx.db.transaction().execute(work);
}

export async function loadLiveRow<T extends SyncTableName>(db: ReadDb, table: T, id: string, notFound: string): Promise<RowOf<T>> {
  const row = await loose(db).selectFrom(table).selectAll().where('id', '=', id).where('deletedAt', 'is', null).executeTakeFirst();
  if (!row) throw new AppError('NOT_FOUND', notFound);
  return row as RowOf<T>;
}

export async function insertRecord<T extends SyncTableName>(tx: Tx, ctx: AppContext, table: T, fields: FieldsOf<T>): Promise<RowOf<T>> {
  const row = { ...newSyncColumns(ctx), ...fields } as RowOf<T>;
  await loose(tx).insertInto(table).values(row).execute();
  await writeAudit(tx, ctx, { entity: table, recordId: row.id, before: null, after: row });
  return row;
}

/** Applies the changes with the next revision; a save that changes nothing writes nothing. */
export async function updateRecord<T extends SyncTableName>(tx: Tx, ctx: AppContext, table: T, before: RowOf<T>, changes: Partial<FieldsOf<T>>): Promise<RowOf<T>> {
  return writeChange(tx, ctx, table, before, changes as Partial<AnyRow>);
}

async function writeChange<T extends SyncTableName>(tx: Tx, ctx: AppContext, table: T, before: RowOf<T>, changes: Partial<AnyRow>): Promise<RowOf<T>> {
  const current = before as unknown as AnyRow;
  const changed = Object.entries(changes).filter(([key, value]) => value !== undefined && !sameValue(current[key], value));
  if (changed.length === 0) return before;
  const after = { ...current, ...Object.fromEntries(changed), updatedAt: ctx.clock.now().toISOString(), rev: current.rev + 1 };
  await loose(tx).updateTable(table as string).set(after as Record<string, unknown>).where('id', '=', current.id).execute();
  await writeAudit(tx, ctx, { entity: table, recordId: current.id, before, after });
  return after as unknown as RowOf<T>;
}

function sameValue(a: unknown, b: unknown): boolean {
  return a === b || (a === null && b === undefined);
}

/**
 * Leaves a tombstone, so the deletion travels, and tombstones what the tables
 * registered as going with the row (a plan's tasks, a task's links, a unit's figures).
 */
export async function tombstoneRecord<T extends SyncTableName>(tx: Tx, ctx: AppContext, table: T, before: RowOf<T>): Promise<RowOf<T>> {
  const deletedAt = ctx.clock.now().toISOString();
  return (await tombstoneAt(tx, ctx, table, before as unknown as AnyRow, deletedAt)) as unknown as RowOf<T>;
}

async function tombstoneAt(tx: Tx, ctx: AppContext, table: string, row: AnyRow, deletedAt: string): Promise<AnyRow> {
  for (const { registration, ref } of referrersOf(table)) {
    if (ref.onDelete !== 'cascade' || !registration.synced) continue;
    const children = (await childRows(tx, registration.name, ref, table, row.id).where('deletedAt', 'is', null).execute()) as AnyRow[];
    for (const child of children) {
      // A row reached twice in one cascade (a sub-task, through its plan and through its parent task) is tombstoned once.
      const live = await childRows(tx, registration.name, { ...ref, column: 'id' }, table, child.id).where('deletedAt', 'is', null).executeTakeFirst();
      if (live) await tombstoneAt(tx, ctx, registration.name, live as AnyRow, deletedAt);
    }
  }
  await tx.deleteFrom('searchIndex').where('recordId', '=', row.id).execute();
  return (await writeChange(tx, ctx, table as SyncTableName, row as never, { deletedAt })) as unknown as AnyRow;
}

/** The rows of `child` pointing at a row of `table` through `ref`; a polymorphic ref must also name `table`. */
function childRows(tx: Tx, child: string, ref: ParentRef, table: string, id: string) {
  const query = loose(tx).selectFrom(child).selectAll().where(ref.column, '=', id);
  return ref.tableColumn ? query.where(ref.tableColumn, '=', table) : query;
}

/** Brings a tombstoned row back, with what was tombstoned together with it. */
export async function restoreRecord<T extends SyncTableName>(tx: Tx, ctx: AppContext, table: T, tombstoned: RowOf<T>): Promise<RowOf<T>> {
  const row = tombstoned as unknown as AnyRow;
  if (row.deletedAt === null) return tombstoned;
  const restored = await writeChange(tx, ctx, table, tombstoned, { deletedAt: null } as Partial<AnyRow>);
  for (const { registration, ref } of referrersOf(table)) {
    if (ref.onDelete !== 'cascade' || !registration.synced) continue;
    const children = (await childRows(tx, registration.name, ref, table, row.id).where('deletedAt', '=', row.deletedAt).execute()) as AnyRow[];
    for (const child of children) await restoreRecord(tx, ctx, registration.name as SyncTableName, child as never);
  }
  return restored;
}

/** Tombstones every live row of the table whose column holds one of the values. */
export async function tombstoneWhere<T extends SyncTableName>(tx: Tx, ctx: AppContext, table: T, column: keyof RowOf<T> & string, values: readonly string[]): Promise<RowOf<T>[]> {
  if (values.length === 0) return [];
  const rows = (await loose(tx).selectFrom(table).selectAll().where(column as string, 'in', [...values]).where('deletedAt', 'is', null).execute()) as RowOf<T>[];
  for (const row of rows) await tombstoneRecord(tx, ctx, table, row);
  return rows;
}

/**
 * Saves the set of link rows under a scope (a task's agencies) by their
 * registered natural key: unchanged rows are not touched, changed ones are
 * updated in place, missing ones tombstoned, new ones inserted (a tombstoned
 * row with the same key comes back rather than a new identity). Delete and
 * re-insert would show every other office a false conflict.
 */
export async function syncLinks<T extends SyncTableName>(
  tx: Tx,
  ctx: AppContext,
  table: T,
  scope: Partial<FieldsOf<T>>,
  desired: readonly FieldsOf<T>[],
): Promise<RowOf<T>[]> {
  const keyColumns = tableRegistration(table).linkKey;
  if (!keyColumns) throw new Error(`Bảng "${table}" không đăng ký khóa liên kết (linkKey)`);
  const keyOf = (row: Record<string, unknown>) => JSON.stringify(keyColumns.map((c) => row[c] ?? null));
  let query = loose(tx).selectFrom(table).selectAll();
  for (const [column, value] of Object.entries(scope)) query = query.where(column, '=', value);
  const existing = (await query.orderBy('updatedAt', 'desc').execute()) as AnyRow[];
  const live = new Map(existing.filter((r) => r.deletedAt === null).map((r) => [keyOf(r), r]));
  const dead = new Map<string, AnyRow>();
  for (const r of existing) if (r.deletedAt !== null && !dead.has(keyOf(r))) dead.set(keyOf(r), r);
  const wanted = new Map(desired.map((d) => [keyOf(d as Record<string, unknown>), d as unknown as Partial<AnyRow>]));
  if (wanted.size !== desired.length) throw new AppError('VALIDATION', 'Một liên kết được chọn hai lần.');
  for (const [key, row] of live) if (!wanted.has(key)) await tombstoneRecord(tx, ctx, table, row as never);
  const result: RowOf<T>[] = [];
  for (const [key, fields] of wanted) {
    const current = live.get(key);
    const revived = current ? null : dead.get(key);
    if (current) result.push(await writeChange(tx, ctx, table, current as never, fields));
    else if (revived) result.push(await writeChange(tx, ctx, table, revived as never, { ...fields, deletedAt: null }));
    else result.push(await insertRecord(tx, ctx, table, { ...scope, ...fields } as FieldsOf<T>));
  }
  return result;
}

/** The position after the last live row matching the scope, so new rows go to the end. */
export async function nextPosition(db: ReadDb, table: SyncTableName, scope: Record<string, string | null>): Promise<number> {
  let query = loose(db).selectFrom(table).select((eb) => eb.fn.max('position').as('last')).where('deletedAt', 'is', null);
  for (const [column, value] of Object.entries(scope)) query = value === null ? query.where(column, 'is', null) : query.where(column, '=', value);
  const row = (await query.executeTakeFirst()) as { last: number | null } | undefined;
  return row?.last === null || row?.last === undefined ? 0 : row.last + 1;
}

/** Strips the tombstone column for a DTO. */
export function withoutTombstone<T extends { deletedAt: string | null }>(row: T): Omit<T, 'deletedAt'> {
  const { deletedAt: _deleted, ...rest } = row;
  return rest;
}
