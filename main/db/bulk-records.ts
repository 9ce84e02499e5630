import type Database from 'better-sqlite3';
import { newId } from './ids.js';
import type { FieldsOf, RowOf, SyncTableName } from './records.js';
import type { SyncColumns } from './table-registry.js';
import { tableRegistration } from './tables.js';

/**
 * The audited write path of records.ts for imports of tens of thousands of
 * rows, on a plain better-sqlite3 connection (an import worker's own): the same
 * columns, revisions and one audit row per change, through prepared statements
 * reused for every row instead of a query built per row. The caller holds the
 * transaction; nothing here commits. With `batchAudit`, audit rows are written
 * AUDIT_BATCH at a time by one statement (a third less work than one by one); the
 * caller must then call flush() before it commits.
 */

export interface BulkWriteContext {
  /** One instant for the whole import, as the audit shows it. */
  at: string;
  actor: string;
  operation: string;
  officeId: string;
}

/** Audit rows per INSERT when batched: past about 20 the saving no longer grows. */
const AUDIT_BATCH = 32;
const AUDIT_COLUMNS = 7;

type AnyRow = SyncColumns & Record<string, unknown>;
const IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_]*$/;

export class BulkRecordWriter {
  readonly #sqlite: Database.Database;
  readonly #context: BulkWriteContext;
  readonly #statements = new Map<string, Database.Statement>();
  readonly #audit: Database.Statement;
  readonly #auditBatch: Database.Statement | null;
  /** Pending audit rows' parameters, AUDIT_COLUMNS per row, when batching. */
  #pendingAudit: unknown[] = [];

  constructor(sqlite: Database.Database, context: BulkWriteContext, options: { batchAudit?: boolean } = {}) {
    this.#sqlite = sqlite;
    this.#context = context;
    const sql = (rows: number) =>
      `INSERT INTO auditLog (at, actor, operation, entity, recordId, before, after) VALUES ${Array.from({ length: rows }, () => '(?, ?, ?, ?, ?, ?, ?)').join(', ')}`;
    this.#audit = sqlite.prepare(sql(1));
    this.#auditBatch = options.batchAudit ? sqlite.prepare(sql(AUDIT_BATCH)) : null;
  }

  /** Writes the audit rows still pending (batchAudit); call it before the commit. */
  flush(): void {
    const pending = this.#pendingAudit;
    for (let i = 0; i < pending.length; i += AUDIT_COLUMNS) this.#audit.run(pending.slice(i, i + AUDIT_COLUMNS));
    this.#pendingAudit = [];
  }

  insert<T extends SyncTableName>(table: T, fields: FieldsOf<T>): RowOf<T> {
    const row = {
      // The clock now, not the import's instant: ids then grow as they are written, and the
      // primary key and audit indexes are appended to instead of split at random places.
      id: newId(),
      originOfficeId: this.#context.officeId,
      createdAt: this.#context.at,
      updatedAt: this.#context.at,
      rev: 1,
      deletedAt: null,
      ...fields,
    } as AnyRow;
    const columns = Object.keys(row);
    this.#statement(table, 'insert', columns, () => `INSERT INTO ${quoted(table)} (${columns.map(quoted).join(', ')}) VALUES (${columns.map(() => '?').join(', ')})`).run(
      ...columns.map((c) => row[c]),
    );
    this.#writeAudit(table, row.id, null, row);
    return row as unknown as RowOf<T>;
  }

  /** Applies the changes with the next revision; a change that changes nothing writes nothing and returns null. */
  update<T extends SyncTableName>(table: T, before: RowOf<T>, changes: Partial<FieldsOf<T>>): RowOf<T> | null {
    const current = before as unknown as AnyRow;
    const changed = Object.entries(changes).filter(([key, value]) => value !== undefined && current[key] !== value);
    if (changed.length === 0) return null;
    const after: AnyRow = { ...current, ...Object.fromEntries(changed), updatedAt: this.#context.at, rev: current.rev + 1 };
    const columns = Object.keys(after).filter((c) => c !== 'id');
    this.#statement(table, 'update', columns, () => `UPDATE ${quoted(table)} SET ${columns.map((c) => `${quoted(c)} = ?`).join(', ')} WHERE id = ?`).run(
      ...columns.map((c) => after[c]),
      current.id,
    );
    this.#writeAudit(table, current.id, current, after);
    return after as unknown as RowOf<T>;
  }

  #writeAudit(table: string, recordId: string, before: unknown, after: unknown): void {
    const { at, actor, operation } = this.#context;
    // The columns of AuditLogTable but seq, in the order of the statement.
    const row: unknown[] = [at, actor, operation, table, recordId, before === null ? null : JSON.stringify(before), JSON.stringify(after)];
    if (this.#auditBatch === null) {
      this.#audit.run(row);
      return;
    }
    this.#pendingAudit.push(...row);
    if (this.#pendingAudit.length === AUDIT_BATCH * AUDIT_COLUMNS) {
      this.#auditBatch.run(this.#pendingAudit);
      this.#pendingAudit = [];
    }
  }

  #statement(table: string, kind: 'insert' | 'update', columns: string[], sql: () => string): Database.Statement {
    const key = `${kind} ${table} ${columns.join(',')}`;
    let statement = this.#statements.get(key);
    if (!statement) {
      if (!tableRegistration(table).synced) throw new Error(`Bảng "${table}" không phải bảng đồng bộ; không ghi qua BulkRecordWriter`);
      statement = this.#sqlite.prepare(sql());
      this.#statements.set(key, statement);
    }
    return statement;
  }
}

function quoted(identifier: string): string {
  if (!IDENTIFIER.test(identifier)) throw new Error(`Tên cột hoặc bảng không hợp lệ: ${identifier}`);
  return `"${identifier}"`;
}
