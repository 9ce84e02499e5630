import Database from 'better-sqlite3';
import { runJob } from '../jobs/index.js';
import { importUnits, type UnitImportOptions } from './units.import.js';

/** The input main/units/units-import.job.ts sends; the content arrives as a transferred buffer, not a copy. */
export interface UnitImportWorkerInput extends UnitImportOptions {
  databaseFile: string;
  content: ArrayBuffer;
}

// Its own connection to the same file: WAL lets the app keep reading while this one writes.
runJob<UnitImportWorkerInput>(async (input, progress, cancel) => {
  const sqlite = new Database(input.databaseFile, { fileMustExist: true });
  try {
    sqlite.pragma('busy_timeout = 5000');
    sqlite.pragma('foreign_keys = ON');
    // One transaction writes about 500,000 rows with their indexes: a 64 MB page cache keeps
    // them from spilling to the WAL before the commit.
    sqlite.pragma('cache_size = -65536');
    return await importUnits(sqlite, Buffer.from(input.content), input, progress, cancel);
  } finally {
    sqlite.close();
  }
});
