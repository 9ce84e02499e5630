import { checkpointAndClose, openImportConnection } from '../db/import-connection.js';
import { runJob } from '../jobs/index.js';
import { importList, type ListImportOptions } from './list.import.js';

/** The input main/titles/list-import.job.ts sends; the content arrives as a transferred buffer, not a copy. */
export interface ListImportWorkerInput extends ListImportOptions {
  databaseFile: string;
  content: ArrayBuffer;
}

runJob<ListImportWorkerInput>(async (input, progress, cancel, _cancelFlag, afterReport) => {
  const sqlite = openImportConnection(input.databaseFile);
  try {
    return await importList(sqlite, Buffer.from(input.content), input, progress, cancel);
  } finally {
    afterReport(() => checkpointAndClose(sqlite));
  }
});
