import { MAX_LIST_IMPORT_BYTES, type ListImportInput, type ListImportStatus } from '../../shared/titles-import.js';
import type { AppContext } from '../app/context.js';
import { storeOf } from '../evidence/index.js';
import { cancelJob, jobStatus, startWorkerJob } from '../jobs/index.js';
import type { ListImportWorkerInput } from './list-import.worker.js';

const WORKER_HEAP_MB = 1024;

/** Starts the titles list import worker (any kind, any stage) on this office's database and returns the job id at once. */
export function startListImport(ctx: AppContext, input: ListImportInput): { jobId: string } {
  const sheet = storeOf(ctx.dataDir).stagedFor(input.stagedId, 'sheet', MAX_LIST_IMPORT_BYTES);
  const workerInput: ListImportWorkerInput = {
    databaseFile: ctx.sqlite.name,
    // Read from the disk by the worker: nothing of the file passes through the request thread.
    sheetFile: sheet.path,
    kind: input.kind,
    columns: input.columns,
    criteriaSetId: input.criteriaSetId,
    year: input.year,
    headersOnly: input.headersOnly,
    dryRun: input.dryRun,
    at: ctx.clock.now().toISOString(),
    actor: ctx.actor,
    officeId: ctx.officeId(),
  };
  const jobId = startWorkerJob({
    script: { source: new URL('./list-import.worker.ts', import.meta.url), bundled: 'list-import.worker.mjs' },
    key: `titles-list-import ${ctx.sqlite.name}`,
    busyMessage: 'Đang có một lần nhập danh sách khác chạy; hãy chờ nó xong hoặc hủy nó.',
    input: workerInput,
    maxHeapMb: WORKER_HEAP_MB,
  });
  return { jobId };
}

export function listImportStatus(jobId: string): ListImportStatus {
  return jobStatus(jobId);
}

export function cancelListImport(jobId: string): ListImportStatus {
  return cancelJob(jobId);
}
