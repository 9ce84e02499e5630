import Database from 'better-sqlite3';

/**
 * An import worker's own connection to the office database: WAL lets the app
 * keep reading while this one writes. Its commit does not copy the import from
 * the WAL into the database file (a third of the time after the last row of
 * 100,000): `checkpointAndClose` does, once the officer has been told the
 * outcome, still in the worker and never on the request thread.
 */
export function openImportConnection(databaseFile: string): Database.Database {
  const sqlite = new Database(databaseFile, { fileMustExist: true });
  sqlite.pragma('busy_timeout = 5000');
  sqlite.pragma('foreign_keys = ON');
  // As the app's own connection (main/db/database.ts): in WAL mode a commit is safe without a sync of its own.
  sqlite.pragma('synchronous = NORMAL');
  sqlite.pragma('wal_autocheckpoint = 0');
  return sqlite;
}

export function checkpointAndClose(sqlite: Database.Database): void {
  try {
    sqlite.pragma('wal_checkpoint(PASSIVE)');
  } finally {
    sqlite.close();
  }
}
