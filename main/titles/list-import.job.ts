import type { PersonImportInput, PersonImportStatus } from '../../shared/titles-import.js';
import type { AppContext } from '../app/context.js';
import { cancelJob, jobStatus, startWorkerJob } from '../jobs/index.js';
import type { PersonImportWorkerInput } from './persons-import.worker.js';

const WORKER_HEAP_MB = 1024;

/** Starts the person list import worker on this office's database and returns the job id at once. */
export function startPersonsImport(ctx: AppContext, input: PersonImportInput): { jobId: string } {
  const decoded = Buffer.from(input.contentBase64, 'base64');
  // A copy the worker owns outright: the decoded buffer may share a pooled ArrayBuffer.
  const content = decoded.buffer.slice(decoded.byteOffset, decoded.byteOffset + decoded.byteLength) as ArrayBuffer;
  const workerInput: PersonImportWorkerInput = {
    databaseFile: ctx.sqlite.name,
    content,
    columns: input.columns,
    dryRun: input.dryRun,
    at: ctx.clock.now().toISOString(),
    actor: ctx.actor,
    officeId: ctx.officeId(),
  };
  const jobId = startWorkerJob({
    script: { source: new URL('./persons-import.worker.ts', import.meta.url), bundled: 'persons-import.worker.mjs' },
    key: `persons-import ${ctx.sqlite.name}`,
    busyMessage: 'Đang có một lần nhập danh sách khác chạy; hãy chờ nó xong hoặc hủy nó.',
    input: workerInput,
    transferList: [content],
    maxHeapMb: WORKER_HEAP_MB,
  });
  return { jobId };
}

export function personsImportStatus(jobId: string): PersonImportStatus {
  return jobStatus(jobId);
}

export function cancelPersonsImport(jobId: string): PersonImportStatus {
  return cancelJob(jobId);
}
