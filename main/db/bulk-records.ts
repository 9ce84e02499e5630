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
 * transaction; nothing here commits. With `batched`, inserted rows and audit
 * rows wait and are written BATCH at a time by one statement each (the audit
 * rows of inserts made by SQLite from the rows just written): SQLite's
 * fixed cost per statement (and an FTS or trigger's work per statement) then
 * falls on a hundred rows, not one. The caller must then call flush() before
 * it reads what it inserted and before it commits, and insert a parent's table
 * before its children's (pending rows are written in the order their tables
 * were first written to, so foreign keys hold at every statement).
 */

export interface BulkWriteContext {
  /** One instant for the whole import, as the audit shows it. */
  at: string;
  actor: string;
  operation: string;
  officeId: string;
}

/** Rows per INSERT when batched: measured at 100,000 rows, 50 saves most, 200 a little more. */
const BATCH = 100;
const AUDIT_COLUMNS = 7;

/** Inserted rows of one table and column list waiting for their statement. */
interface PendingRows {
  /** The columns of the statement, in order. */
  columns: string[];
  one: Database.Statement;
  many: Database.Statement;
  width: number;
  values: unknown[];
  /** Batched inserts only: their audit rows, made by SQLite from the rows just written (see #auditOfInserted). */
  audit: { lastRowid: Database.Statement; write: Database.Statement; context: BulkWriteContext; table: string } | null;
}

type AnyRow = SyncColumns & Record<string, unknown>;
const IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_]*$/;

export class BulkRecordWriter {
  readonly #sqlite: Database.Database;
  readonly #context: BulkWriteContext;
  readonly #statements = new Map<string, Database.Statement>();
  readonly #batched: boolean;
  /** By table and column list, in the order first written to: parents before children. */
  readonly #pendingRows = new Map<string, PendingRows>();
  readonly #audit: PendingRows;
  /** By table, the field names of its last insert and where such rows wait. */
  readonly #lastShape = new Map<string, { fields: string[]; pending: PendingRows }>();

  constructor(sqlite: Database.Database, context: BulkWriteContext, options: { batched?: boolean } = {}) {
    this.#sqlite = sqlite;
    this.#context = context;
    this.#batched = options.batched === true;
    this.#audit = this.#pending('auditLog', ['at', 'actor', 'operation', 'entity', 'recordId', 'before', 'after']);
  }

  /** Writes every pending row, then the pending audit rows (batched); call it before reading them back and before the commit. */
  flush(): void {
    for (const pending of this.#pendingRows.values()) writePending(pending);
    writePending(this.#audit);
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
    const pending = this.#pendingFor(table, fields as Record<string, unknown>, row);
    const columns = pending.columns;
    for (const c of columns) pending.values.push(row[c]);
    if (!this.#batched || pending.values.length === BATCH * pending.width) {
      // The tables first written before this one go first, so a child never reaches the database before its parent.
      for (const earlier of this.#pendingRows.values()) {
        writePending(earlier);
        if (earlier === pending) break;
      }
    }
    if (!this.#batched) this.#writeAudit(table, row.id, null, row);
    return row as unknown as RowOf<T>;
  }

  /**
   * The pending rows of this table and column list. An import inserts rows of one shape a hundred
   * thousand times: the shape last seen for the table is compared key by key before a key is built.
   */
  #pendingFor(table: string, fields: Record<string, unknown>, row: AnyRow): PendingRows {
    const last = this.#lastShape.get(table);
    if (last && sameKeys(last.fields, fields)) return last.pending;
    const columns = Object.keys(row);
    const key = `${table} ${columns.join(',')}`;
    let pending = this.#pendingRows.get(key);
    if (!pending) {
      if (!tableRegistration(table).synced) throw new Error(`Bảng "${table}" không phải bảng đồng bộ; không ghi qua BulkRecordWriter`);
      pending = this.#pending(table, columns);
      if (this.#batched) pending.audit = this.#auditOfInserted(table, columns);
      this.#pendingRows.set(key, pending);
    }
    this.#lastShape.set(table, { fields: Object.keys(fields), pending });
    return pending;
  }

  /** Applies the changes with the next revision; a change that changes nothing writes nothing and returns null. */
  update<T extends SyncTableName>(table: T, before: RowOf<T>, changes: Partial<FieldsOf<T>>): RowOf<T> | null {
    const current = before as unknown as AnyRow;
    const changed = Object.entries(changes).filter(([key, value]) => value !== undefined && current[key] !== value);
    if (changed.length === 0) return null;
    const after: AnyRow = { ...current, ...Object.fromEntries(changed), updatedAt: this.#context.at, rev: current.rev + 1 };
    const columns = Object.keys(after).filter((c) => c !== 'id');
    this.#updateStatement(table, columns).run(
      ...columns.map((c) => after[c]),
      current.id,
    );
    this.#writeAudit(table, current.id, current, after);
    return after as unknown as RowOf<T>;
  }

  #writeAudit(table: string, recordId: string, before: unknown, after: unknown): void {
    const { at, actor, operation } = this.#context;
    // The columns of AuditLogTable but seq, in the order of the statement.
    this.#audit.values.push(at, actor, operation, table, recordId, before === null ? null : JSON.stringify(before), JSON.stringify(after));
    if (!this.#batched || this.#audit.values.length === BATCH * AUDIT_COLUMNS) writePending(this.#audit);
  }

  #pending(table: string, columns: string[]): PendingRows {
    const sql = (rows: number) => {
      const tuple = `(${columns.map(() => '?').join(', ')})`;
      return `INSERT INTO ${quoted(table)} (${columns.map(quoted).join(', ')}) VALUES ${Array.from({ length: rows }, () => tuple).join(', ')}`;
    };
    const one = this.#sqlite.prepare(sql(1));
    return { columns, one, many: this.#batched ? this.#sqlite.prepare(sql(BATCH)) : one, width: columns.length, values: [], audit: null };
  }

  /**
   * The audit rows of a batch of inserts, one per row as ever, written by one statement from the
   * rows themselves: SQLite makes the same JSON (the row's columns in order) without the row being
   * turned to JSON and bound a second time. The rows are those above the table's last rowid before
   * the batch: inside this transaction nobody else writes, and new rowids only grow.
   */
  #auditOfInserted(table: string, columns: string[]): NonNullable<PendingRows['audit']> {
    const json = `json_object(${columns.map((c) => `'${c}', ${quoted(c)}`).join(', ')})`;
    return {
      lastRowid: this.#sqlite.prepare(`SELECT coalesce(max(rowid), 0) FROM ${quoted(table)}`).pluck(),
      write: this.#sqlite.prepare(
        `INSERT INTO auditLog (at, actor, operation, entity, recordId, before, after) SELECT ?, ?, ?, ?, id, NULL, ${json} FROM ${quoted(table)} WHERE rowid > ? ORDER BY rowid`,
      ),
      context: this.#context,
      table,
    };
  }

  #updateStatement(table: string, columns: string[]): Database.Statement {
    const key = `update ${table} ${columns.join(',')}`;
    let statement = this.#statements.get(key);
    if (!statement) {
      if (!tableRegistration(table).synced) throw new Error(`Bảng "${table}" không phải bảng đồng bộ; không ghi qua BulkRecordWriter`);
      statement = this.#sqlite.prepare(`UPDATE ${quoted(table)} SET ${columns.map((c) => `${quoted(c)} = ?`).join(', ')} WHERE id = ?`);
      this.#statements.set(key, statement);
    }
    return statement;
  }
}

/** Whether `fields` has exactly these keys in this order (the order of its columns in the row). */
function sameKeys(keys: readonly string[], fields: Record<string, unknown>): boolean {
  let n = 0;
  for (const key in fields) {
    if (keys[n] !== key) return false;
    n++;
  }
  return n === keys.length;
}

/** A full batch by its one statement; fewer rows (the end of an import) one by one. */
function writePending(pending: PendingRows): void {
  const { values, width, audit } = pending;
  if (values.length === 0) return;
  pending.values = [];
  const after = audit?.lastRowid.get();
  if (values.length === BATCH * width) pending.many.run(values);
  else for (let i = 0; i < values.length; i += width) pending.one.run(values.slice(i, i + width));
  if (audit) audit.write.run(audit.context.at, audit.context.actor, audit.context.operation, audit.table, after);
}

function quoted(identifier: string): string {
  if (!IDENTIFIER.test(identifier)) throw new Error(`Tên cột hoặc bảng không hợp lệ: ${identifier}`);
  return `"${identifier}"`;
}
