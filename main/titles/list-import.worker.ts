import { checkpointAndClose, openImportConnection } from '../db/import-connection.js';
import { runJob } from '../jobs/index.js';
import { readStagedSheet } from '../xlsx/index.js';
import { importList, type ListImportOptions } from './list.import.js';

/** The input main/titles/list-import.job.ts sends; the sheet as staged, read here. */
export interface ListImportWorkerInput extends ListImportOptions {
  databaseFile: string;
  sheetFile: string;
}

runJob<ListImportWorkerInput>(async (input, progress, cancel, _cancelFlag, afterReport) => {
  const sqlite = openImportConnection(input.databaseFile);
  try {
    return await importList(sqlite, readStagedSheet(input.sheetFile), input, progress, cancel);
  } finally {
    afterReport(() => checkpointAndClose(sqlite));
  }
});
