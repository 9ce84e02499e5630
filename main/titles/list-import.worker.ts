import Database from 'better-sqlite3';
import { runJob } from '../jobs/index.js';
import { importList, type ListImportOptions } from './list.import.js';

/** The input main/titles/list-import.job.ts sends; the content arrives as a transferred buffer, not a copy. */
export interface ListImportWorkerInput extends ListImportOptions {
  databaseFile: string;
  content: ArrayBuffer;
}

// Its own connection to the same file: WAL lets the app keep reading while this one writes.
runJob<ListImportWorkerInput>(async (input, progress, cancel) => {
  const sqlite = new Database(input.databaseFile, { fileMustExist: true });
  try {
    sqlite.pragma('busy_timeout = 5000');
    sqlite.pragma('foreign_keys = ON');
    return await importList(sqlite, Buffer.from(input.content), input, progress, cancel);
  } finally {
    sqlite.close();
  }
});
