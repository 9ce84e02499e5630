import { setPriority } from 'node:os';
import { parentPort } from 'node:worker_threads';
import { AppError, type ErrorPayload } from '../../shared/errors.js';
import type { JobPhase } from '../../shared/jobs.js';
import { JobCancelled, cancelTokenOf, type CancelToken } from './cancel.js';

/** What the registry (main/jobs/worker-jobs.ts) sends a worker: one job to run. */
export interface JobRequest {
  type: 'start';
  input: unknown;
  cancelFlag: Int32Array;
}

/** What a worker tells the registry about the job it runs. */
export type JobMessage =
  | { type: 'progress'; phase: JobPhase; done: number; total: number | null }
  | { type: 'done'; result: unknown }
  | { type: 'cancelled' }
  | { type: 'failed'; error: ErrorPayload };

export type Progress = (phase: JobPhase, done: number, total: number | null) => void;

/**
 * Gives the calling worker thread a lower scheduling priority than the request
 * thread, so a long job on a 2-core PC never keeps an answer waiting for a
 * core. Linux only: there the priority belongs to the thread; elsewhere the
 * same call would lower the whole app, so it is not made.
 */
export function lowerThreadPriority(): void {
  if (process.platform !== 'linux') return;
  try {
    setPriority(BACKGROUND_NICE);
  } catch {
    // A sandbox that forbids it leaves the thread as it was.
  }
}
/** Nice 5: about a third of the share of a thread at 0 when both want a core; all of the idle cores otherwise. */
const BACKGROUND_NICE = 5;

/** Progress is posted at most this often, except when the phase changes. */
const PROGRESS_EVERY_MS = 100;

/**
 * The body of a job's worker file: runs `work` for each job the registry
 * sends, one at a time, with throttled progress and the job's shared cancel
 * flag, and posts exactly one outcome per job. The worker stays for the next
 * job (a dry run, then the real import), so it starts once. The raw cancel
 * flag is handed on too, for a thread of the job's own to watch. An AppError
 * travels as is; anything else is logged and reported as an internal error,
 * never as a stack trace to the officer.
 */
/** Work a job leaves for after its outcome is posted, so the officer is not kept waiting for it (a checkpoint of what was just committed). */
export type AfterReport = (task: () => void) => void;

export function runJob<I>(work: (input: I, progress: Progress, cancel: CancelToken, cancelFlag: Int32Array, afterReport: AfterReport) => Promise<unknown>): void {
  const port = parentPort;
  if (!port) throw new Error('runJob must run inside a worker thread');
  const post = (message: JobMessage) => port.postMessage(message);
  lowerThreadPriority();
  port.on('message', (request: JobRequest) => {
    let lastPhase: JobPhase | null = null;
    let lastAt = 0;
    const progress: Progress = (phase, done, total) => {
      const now = Date.now();
      if (phase === lastPhase && now - lastAt < PROGRESS_EVERY_MS) return;
      lastPhase = phase;
      lastAt = now;
      post({ type: 'progress', phase, done, total });
    };
    const after: (() => void)[] = [];
    work(request.input as I, progress, cancelTokenOf(request.cancelFlag), request.cancelFlag, (task) => after.push(task))
      .then(
        (result) => post({ type: 'done', result }),
        (error: unknown) => {
          if (error instanceof JobCancelled) return post({ type: 'cancelled' });
          if (error instanceof AppError) return post({ type: 'failed', error: { code: error.code, message: error.message, details: error.details } });
          console.error('[xhht] lỗi trong tiến trình nền:', error);
          post({ type: 'failed', error: { code: 'INTERNAL', message: 'Đã xảy ra lỗi không mong đợi; dữ liệu không bị thay đổi.' } });
        },
      )
      .then(() => {
        for (const task of after) {
          try {
            task();
          } catch (error) {
            console.error('[xhht] lỗi sau khi việc nền đã xong:', error);
          }
        }
      });
  });
}
