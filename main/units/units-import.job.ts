import { MAX_IMPORT_BYTES, type UnitImportStatus } from '../../shared/units.js';
import type { AppContext } from '../app/context.js';
import { storeOf } from '../evidence/index.js';
import { cancelJob, jobStatus, startWorkerJob, workerFile, type WorkerScript } from '../jobs/index.js';
import type { UnitImportWorkerInput } from './units-import.worker.js';

/** A 100,000-row sheet needs about 300 MB in each of the import's two threads; a file that needs far more is stopped, not the app. */
const WORKER_HEAP_MB = 1024;

const IMPORT_WORKER: WorkerScript = { source: new URL('./units-import.worker.ts', import.meta.url), bundled: 'units-import.worker.mjs' };
const READER_WORKER: WorkerScript = { source: new URL('./units-import-reader.worker.ts', import.meta.url), bundled: 'units-import-reader.worker.mjs' };

/** The files the import's two threads run, bundled now if they are not yet (the benchmark readies them as a build does). */
export function unitsImportWorkerFiles(): string[] {
  return [workerFile(IMPORT_WORKER), workerFile(READER_WORKER)];
}

/** Starts the import worker on this office's database and the sheet staged by the upload route, and returns the job id at once. */
export function startUnitsImport(ctx: AppContext, input: { stagedId: string; dryRun: boolean }): { jobId: string } {
  const sheet = storeOf(ctx.dataDir).stagedFor(input.stagedId, 'sheet', MAX_IMPORT_BYTES);
  const workerInput: UnitImportWorkerInput = {
    databaseFile: ctx.sqlite.name,
    // Read from the disk by the thread that parses it: nothing of the file passes through the request thread.
    sheetFile: sheet.path,
    dryRun: input.dryRun,
    at: ctx.clock.now().toISOString(),
    actor: ctx.actor,
    officeId: ctx.officeId(),
    readerFile: workerFile(READER_WORKER),
    readerHeapMb: WORKER_HEAP_MB,
  };
  const jobId = startWorkerJob({
    script: IMPORT_WORKER,
    key: `units-import ${ctx.sqlite.name}`,
    busyMessage: 'Đang có một lần nhập đơn vị khác chạy; hãy chờ nó xong hoặc hủy nó.',
    input: workerInput,
    maxHeapMb: WORKER_HEAP_MB,
  });
  return { jobId };
}

export function unitsImportStatus(jobId: string): UnitImportStatus {
  return jobStatus(jobId);
}

export function cancelUnitsImport(jobId: string): UnitImportStatus {
  return cancelJob(jobId);
}
