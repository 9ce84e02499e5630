import type { ListImportInput, ListImportStatus } from '../../shared/titles-import.js';
import type { AppContext } from '../app/context.js';
import { cancelJob, jobStatus, startWorkerJob } from '../jobs/index.js';
import type { ListImportWorkerInput } from './list-import.worker.js';

const WORKER_HEAP_MB = 1024;

/** Starts the titles list import worker (any kind, any stage) on this office's database and returns the job id at once. */
export function startListImport(ctx: AppContext, input: ListImportInput): { jobId: string } {
  const decoded = Buffer.from(input.contentBase64, 'base64');
  // A copy the worker owns outright: the decoded buffer may share a pooled ArrayBuffer.
  const content = decoded.buffer.slice(decoded.byteOffset, decoded.byteOffset + decoded.byteLength) as ArrayBuffer;
  const workerInput: ListImportWorkerInput = {
    databaseFile: ctx.sqlite.name,
    content,
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
    transferList: [content],
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
