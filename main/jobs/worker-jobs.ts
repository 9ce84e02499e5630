import { randomUUID } from 'node:crypto';
import { Worker } from 'node:worker_threads';
import { AppError, type ErrorPayload, type FieldIssue } from '../../shared/errors.js';
import { FINISHED_PHASES, MAX_REPORTED_ISSUES, type JobPhase } from '../../shared/jobs.js';
import { CANCELLED, COMMITTING, RUNNING } from './cancel.js';
import { workerFile, type WorkerScript } from './worker-file.js';
import type { JobMessage, JobRequest } from './worker-side.js';

/**
 * Jobs that run in a worker thread while the request thread keeps answering.
 * The registry lives in the process: a job is looked up by its random id, a
 * finished one is kept for a while so the UI can read its outcome, and at most
 * one job runs per key (one import per database file).
 */

export interface JobStatus<R> {
  jobId: string;
  phase: JobPhase;
  done: number;
  total: number | null;
  result: R | null;
  message: string | null;
  issues: FieldIssue[];
  issueCount: number;
}

export interface StartJob {
  script: WorkerScript;
  /** One running job per key; a second start gets `busyMessage`. */
  key: string;
  busyMessage: string;
  input: unknown;
  transferList?: ArrayBuffer[];
  /** Heap ceiling of the worker: a hostile file that slips past every check kills the worker, not the app. */
  maxHeapMb: number;
}

interface Job {
  status: JobStatus<unknown>;
  key: string;
  worker: Worker;
  cancelFlag: Int32Array;
  finished: Promise<void>;
  finishedAt: number | null;
}

const jobs = new Map<string, Job>();
/** How long a finished job's outcome stays readable. */
const KEEP_FINISHED_MS = 15 * 60 * 1000;
/** After a cancel, how long the worker may take to roll back before it is stopped. */
const CANCEL_GRACE_MS = 5000;
/** A worker waits this long for its next job before it is let go. */
const IDLE_WORKER_MS = 2 * 60 * 1000;

/** Started workers waiting for a job, by script and heap size: starting one costs about a second. */
const idle = new Map<string, { worker: Worker; timer: NodeJS.Timeout }>();

export function startWorkerJob(spec: StartJob): string {
  forgetOldJobs();
  for (const job of jobs.values()) if (job.key === spec.key && job.finishedAt === null) throw new AppError('CONFLICT', spec.busyMessage);
  const jobId = randomUUID();
  const cancelFlag = new Int32Array(new SharedArrayBuffer(4));
  const poolKey = `${spec.script.source.href} ${spec.maxHeapMb}`;
  const worker = takeIdleWorker(poolKey) ?? createWorker(spec.script, spec.maxHeapMb);
  const status: JobStatus<unknown> = { jobId, phase: 'queued', done: 0, total: null, result: null, message: null, issues: [], issueCount: 0 };
  let settle!: () => void;
  const job: Job = { status, key: spec.key, worker, cancelFlag, finished: new Promise((r) => (settle = r)), finishedAt: null };
  const finish = (update: Partial<JobStatus<unknown>>, reusable: boolean) => {
    if (job.finishedAt !== null) return;
    Object.assign(status, update);
    job.finishedAt = Date.now();
    worker.off('message', onMessage);
    worker.off('error', onError);
    worker.off('exit', onExit);
    if (reusable) keepIdle(poolKey, worker);
    settle();
  };
  const onMessage = (message: JobMessage) => {
    if (message.type === 'progress') Object.assign(status, { phase: message.phase, done: message.done, total: message.total });
    else if (message.type === 'done') finish({ phase: 'done', result: message.result }, true);
    else if (message.type === 'cancelled') finish({ phase: 'cancelled', message: 'Đã hủy; dữ liệu không bị thay đổi.' }, true);
    else finish(failure(message.error), true);
  };
  const onError = (error: Error & { code?: string }) => {
    const outOfMemory = error.code === 'ERR_WORKER_OUT_OF_MEMORY';
    if (!outOfMemory) console.error('[xhht] lỗi trong tiến trình nền:', error);
    const message = outOfMemory
      ? 'Tệp cần nhiều bộ nhớ hơn mức cho phép nên đã bị dừng; dữ liệu không bị thay đổi.'
      : 'Đã xảy ra lỗi không mong đợi; dữ liệu không bị thay đổi.';
    finish({ phase: 'failed', message }, false);
  };
  const onExit = () => {
    const state = Atomics.load(cancelFlag, 0);
    if (state === CANCELLED) finish({ phase: 'cancelled', message: 'Đã hủy; dữ liệu không bị thay đổi.' }, false);
    else if (state === COMMITTING) finish({ phase: 'failed', message: 'Tiến trình nền dừng đột ngột lúc ghi dữ liệu; hãy tải lại để xem dữ liệu đã được ghi hay chưa.' }, false);
    else finish({ phase: 'failed', message: 'Tiến trình nền dừng đột ngột; dữ liệu không bị thay đổi.' }, false);
  };
  worker.on('message', onMessage);
  worker.on('error', onError);
  worker.on('exit', onExit);
  // A running job keeps the process alive (the CLI waits for it); an idle worker does not.
  worker.ref();
  const request: JobRequest = { type: 'start', input: spec.input, cancelFlag };
  worker.postMessage(request, spec.transferList ?? []);
  jobs.set(jobId, job);
  return jobId;
}

function takeIdleWorker(poolKey: string): Worker | undefined {
  const entry = idle.get(poolKey);
  if (!entry) return undefined;
  idle.delete(poolKey);
  clearTimeout(entry.timer);
  return entry.worker;
}

function keepIdle(poolKey: string, worker: Worker): void {
  const previous = idle.get(poolKey);
  if (previous) {
    clearTimeout(previous.timer);
    void previous.worker.terminate();
  }
  worker.unref();
  const timer = setTimeout(() => {
    if (idle.get(poolKey)?.worker === worker) idle.delete(poolKey);
    void worker.terminate();
  }, IDLE_WORKER_MS);
  timer.unref();
  idle.set(poolKey, { worker, timer });
}

function failure(error: ErrorPayload): Partial<JobStatus<unknown>> {
  const issues = error.details?.issues ?? [];
  const total = typeof error.details?.issueCount === 'number' ? error.details.issueCount : issues.length;
  return { phase: 'failed', message: error.message, issues: issues.slice(0, MAX_REPORTED_ISSUES), issueCount: total };
}

function lookUp(jobId: string): Job {
  const job = jobs.get(jobId);
  if (!job) throw new AppError('NOT_FOUND', 'Không tìm thấy việc đang chạy (có thể đã xong từ lâu hoặc ứng dụng đã khởi động lại).');
  return job;
}

export function jobStatus<R>(jobId: string): JobStatus<R> {
  return { ...lookUp(jobId).status } as JobStatus<R>;
}

/**
 * Asks the job to stop; it rolls back and reports 'cancelled'. A finished job,
 * or one already committing, is left to finish as it is.
 */
export function cancelJob<R>(jobId: string): JobStatus<R> {
  const job = lookUp(jobId);
  if (job.finishedAt === null && Atomics.compareExchange(job.cancelFlag, 0, RUNNING, CANCELLED) === RUNNING) {
    const stop = setTimeout(() => void job.worker.terminate(), CANCEL_GRACE_MS);
    stop.unref();
    void job.finished.then(() => clearTimeout(stop));
  }
  return jobStatus<R>(jobId);
}

/** Resolves when the job has finished, with its final status (the CLI, tests and the benchmark wait on it). */
export async function waitForJob<R>(jobId: string): Promise<JobStatus<R>> {
  await lookUp(jobId).finished;
  return jobStatus<R>(jobId);
}

export function isFinished(phase: JobPhase): boolean {
  return FINISHED_PHASES.includes(phase);
}

function forgetOldJobs(): void {
  const now = Date.now();
  for (const [id, job] of jobs) if (job.finishedAt !== null && now - job.finishedAt > KEEP_FINISHED_MS) jobs.delete(id);
}

/** The worker from its bundled file (main/jobs/worker-file.ts). */
function createWorker(script: WorkerScript, maxHeapMb: number): Worker {
  return new Worker(workerFile(script), { resourceLimits: { maxOldGenerationSizeMb: maxHeapMb } });
}
