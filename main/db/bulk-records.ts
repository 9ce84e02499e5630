import type Database from 'better-sqlite3';
import type { AuditLogTable } from './schema.js';
import { newId } from './ids.js';
import type { FieldsOf, RowOf, SyncTableName } from './records.js';
import type { SyncColumns } from './table-registry.js';
import { tableRegistration } from './tables.js';

/**
 * The audited write path of records.ts for imports of tens of thousands of
 * rows, on a plain better-sqlite3 connection (an import worker's own): the same
 * columns, revisions and one audit row per change, through prepared statements
 * reused for every row instead of a query built per row. The caller holds the
 * transaction; nothing here commits.
 */

export interface BulkWriteContext {
  /** One instant for the whole import, as the audit shows it. */
  at: string;
  actor: string;
  operation: string;
  officeId: string;
}

type AnyRow = SyncColumns & Record<string, unknown>;
const IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_]*$/;

export class BulkRecordWriter {
  readonly #sqlite: Database.Database;
  readonly #context: BulkWriteContext;
  readonly #statements = new Map<string, Database.Statement>();
  readonly #audit: Database.Statement;

  constructor(sqlite: Database.Database, context: BulkWriteContext) {
    this.#sqlite = sqlite;
    this.#context = context;
    this.#audit = sqlite.prepare(
      'INSERT INTO auditLog (at, actor, operation, entity, recordId, before, after) VALUES (@at, @actor, @operation, @entity, @recordId, @before, @after)',
    );
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
    const row: Omit<AuditLogTable, 'seq'> = {
      at: this.#context.at,
      actor: this.#context.actor,
      operation: this.#context.operation,
      entity: table,
      recordId,
      before: before === null ? null : JSON.stringify(before),
      after: JSON.stringify(after),
    };
    this.#audit.run(row);
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
