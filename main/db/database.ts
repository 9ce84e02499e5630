import Database from 'better-sqlite3';
import { chmodSync, closeSync, openSync } from 'node:fs';
import { Kysely, sql } from 'kysely';
import { AppError } from '../../shared/errors.js';
import { ImmediateSqliteDialect } from './immediate-transaction.js';
import { MIGRATIONS, type Migration } from './migrations/index.js';
import type { DB } from './schema.js';

export interface OpenDatabase {
  db: Kysely<DB>;
  sqlite: Database.Database;
  close(): Promise<void>;
}

export interface MigrationOutcome {
  from: number;
  to: number;
  applied: string[];
}

/** Opens (creating if needed) the office database and brings its schema up to date. */
export async function openDatabase(file: string, migrations: readonly Migration[] = MIGRATIONS): Promise<OpenDatabase & { migration: MigrationOutcome }> {
  const sqlite = new Database(ownerOnly(file));
  // First, so that switching to WAL waits for a process that is migrating the same file instead of failing.
  sqlite.pragma('busy_timeout = 5000');
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('synchronous = NORMAL');
  const db = new Kysely<DB>({ dialect: new ImmediateSqliteDialect(sqlite) });
  try {
    const migration = await migrate(db, sqlite, migrations);
    return { db, sqlite, migration, close: () => db.destroy() };
  } catch (error) {
    await db.destroy();
    throw error;
  }
}

/**
 * Runs every pending migration in one transaction and records the version in
 * PRAGMA user_version, so a failed upgrade leaves the file as it was.
 */
export async function migrate(db: Kysely<DB>, sqlite: Database.Database, migrations: readonly Migration[]): Promise<MigrationOutcome> {
  checkRegistry(migrations);
  const current = sqlite.pragma('user_version', { simple: true }) as number;
  const latest = migrations.at(-1)?.id ?? 0;
  if (current > latest) {
    throw new AppError(
      'DB_FROM_FUTURE',
      `Dữ liệu được tạo bởi phiên bản XHHT mới hơn (lược đồ ${current}, phiên bản này hiểu đến ${latest}). Hãy cập nhật XHHT.`,
      { current, latest },
    );
  }
  const pending = migrations.filter((m) => m.id > current);
  if (pending.length === 0) return { from: current, to: current, applied: [] };
  await db.transaction().execute(async (tx) => {
    // Another process may have migrated between our read and our write lock; then there is nothing left to do.
    if ((sqlite.pragma('user_version', { simple: true }) as number) >= latest) return;
    for (const m of pending) await m.up(tx as unknown as Kysely<any>);
    // Inside the transaction, so the version moves only if every migration did; it cannot be a bound parameter.
    await sql.raw(`PRAGMA user_version = ${Math.trunc(latest)}`).execute(tx);
  });
  return { from: current, to: latest, applied: pending.map((m) => `${m.id}_${m.name}`) };
}

/**
 * The office's data is readable by its OS user only, whatever the umask: SQLite
 * gives the -wal and -shm files the mode of the database file, so setting it
 * before SQLite opens the file covers all three.
 */
function ownerOnly(file: string): string {
  closeSync(openSync(file, 'a', 0o600));
  chmodSync(file, 0o600);
  return file;
}

function checkRegistry(migrations: readonly Migration[]): void {
  migrations.forEach((m, i) => {
    const previous = migrations[i - 1];
    if (previous && m.id <= previous.id) throw new Error(`Migration ${m.id} is out of order after ${previous.id}`);
  });
}
