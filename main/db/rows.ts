import type { Kysely, Transaction } from 'kysely';
import { AppError } from '../../shared/errors.js';
import type { AppContext } from '../app/context.js';
import { newId } from './ids.js';
import type { DB, SyncColumns } from './schema.js';

export type Tx = Transaction<DB>;
export type ReadDb = Kysely<DB>;

/** The sync columns of a new row made by this office now. */
export function newSyncColumns(ctx: AppContext): SyncColumns {
  const now = ctx.clock.now().toISOString();
  return { id: newId(ctx.clock.now().getTime()), originOfficeId: ctx.officeId(), createdAt: now, updatedAt: now, rev: 1, deletedAt: null };
}

/** The sync columns an edit changes: a later updatedAt and the next revision. */
export function bumpedSyncColumns(ctx: AppContext, row: { rev: number }): Pick<SyncColumns, 'updatedAt' | 'rev'> {
  return { updatedAt: ctx.clock.now().toISOString(), rev: row.rev + 1 };
}

/** Refuses an edit made on an older revision than the stored one, so two windows cannot overwrite each other. */
export function assertRevision(row: { rev: number }, expected: number, what: string): void {
  if (row.rev !== expected) {
    throw new AppError('STALE', `${what} đã được sửa ở nơi khác. Hãy tải lại và thử lại.`, { expected, actual: row.rev });
  }
}

export interface AuditEntry {
  operation: string;
  entity: string;
  recordId: string;
  before: unknown;
  after: unknown;
}

/** Writes the one audit row every mutation leaves: who, when, what, before and after. */
export async function writeAudit(tx: Tx, ctx: AppContext, entry: AuditEntry): Promise<void> {
  await tx
    .insertInto('auditLog')
    .values({
      at: ctx.clock.now().toISOString(),
      actor: ctx.actor,
      operation: entry.operation,
      entity: entry.entity,
      recordId: entry.recordId,
      before: entry.before === null || entry.before === undefined ? null : JSON.stringify(entry.before),
      after: entry.after === null || entry.after === undefined ? null : JSON.stringify(entry.after),
    })
    .execute();
}

/** Runs a multi-step write as one transaction; nothing is half written. */
export function inTransaction<T>(ctx: AppContext, work: (tx: Tx) => Promise<T>): Promise<T> {
  return ctx.db.transaction().execute(work);
}
