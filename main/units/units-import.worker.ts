import { checkpointAndClose, openImportConnection } from '../db/import-connection.js';
import { runJob } from '../jobs/index.js';
import { readUnitSheetInThread, type ThreadedSheet } from './units-import-reader.js';
import { readStagedSheet } from '../xlsx/index.js';
import { openUnitSheet } from './units-import-sheet.js';
import { importUnits, type UnitImportOptions } from './units.import.js';

/** The input main/units/units-import.job.ts sends; the sheet as staged, read by the thread that parses it. */
export interface UnitImportWorkerInput extends UnitImportOptions {
  databaseFile: string;
  sheetFile: string;
  /** The reading thread's file (main/jobs/worker-file.ts), for a real import. */
  readerFile: string;
  readerHeapMb: number;
}

runJob<UnitImportWorkerInput>(async (input, progress, cancel, cancelFlag, afterReport) => {
  const sqlite = openImportConnection(input.databaseFile);
  let reader: ThreadedSheet | null = null;
  try {
    // One transaction writes about 500,000 rows with their indexes: a 64 MB page cache keeps
    // them from spilling to the WAL before the commit.
    sqlite.pragma('cache_size = -65536');
    // A dry run only reads and checks, so there is nothing to overlap the reading with; a real
    // import reads in a thread of its own while this one writes.
    const open = input.dryRun
      ? () => openUnitSheet(readStagedSheet(input.sheetFile), cancel)
      : async () => (reader = await readUnitSheetInThread(input.readerFile, input.sheetFile, cancelFlag, input.readerHeapMb));
    return await importUnits(sqlite, open, input, progress, cancel);
  } finally {
    await (reader as ThreadedSheet | null)?.stop();
    afterReport(() => checkpointAndClose(sqlite));
  }
});
