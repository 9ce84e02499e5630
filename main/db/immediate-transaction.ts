import type Database from 'better-sqlite3';
import { CompiledQuery, SqliteDialect, SqliteDriver, type DatabaseConnection, type Driver } from 'kysely';

/**
 * Kysely's SQLite driver opens transactions with a plain (deferred) BEGIN. A
 * deferred transaction that reads and then writes asks for the write lock only
 * at its first write, and if another connection holds it or wrote meanwhile,
 * SQLite answers SQLITE_BUSY at once — the busy timeout is not consulted,
 * because waiting could not make the stale read snapshot valid again.
 * Every transaction we open is a write, so this dialect opens each with
 * BEGIN IMMEDIATE: the write lock is taken first, and a second process waits
 * up to busy_timeout for it instead of failing.
 */
export class ImmediateSqliteDialect extends SqliteDialect {
  readonly #sqlite: Database.Database;

  constructor(sqlite: Database.Database) {
    super({ database: sqlite });
    this.#sqlite = sqlite;
  }

  override createDriver(): Driver {
    return new ImmediateSqliteDriver(this.#sqlite);
  }
}

class ImmediateSqliteDriver extends SqliteDriver {
  constructor(sqlite: Database.Database) {
    super({ database: sqlite });
  }

  override async beginTransaction(connection: DatabaseConnection): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw('BEGIN IMMEDIATE'));
  }
}
