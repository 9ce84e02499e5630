import { parentPort, workerData } from 'node:worker_threads';
import { AppError, type ErrorPayload } from '../../shared/errors.js';
import type { JobPhase } from '../../shared/jobs.js';
import { JobCancelled, cancelTokenOf, type CancelToken } from './cancel.js';

/** What a worker tells the registry (main/jobs/worker-jobs.ts). */
export type JobMessage =
  | { type: 'progress'; phase: JobPhase; done: number; total: number | null }
  | { type: 'done'; result: unknown }
  | { type: 'cancelled' }
  | { type: 'failed'; error: ErrorPayload };

export type Progress = (phase: JobPhase, done: number, total: number | null) => void;

/** Progress is posted at most this often, except when the phase changes. */
const PROGRESS_EVERY_MS = 100;

/**
 * The body of a job's worker file: runs `work` with the input the registry
 * sent, throttled progress and the shared cancel flag, and posts exactly one
 * outcome. An AppError travels as is; anything else is logged and reported as
 * an internal error, never as a stack trace to the officer.
 */
export function runJob<I>(work: (input: I, progress: Progress, cancel: CancelToken) => Promise<unknown>): void {
  const port = parentPort;
  if (!port) throw new Error('runJob must run inside a worker thread');
  const { input, cancelFlag } = workerData as { input: I; cancelFlag: Int32Array };
  let lastPhase: JobPhase | null = null;
  let lastAt = 0;
  const progress: Progress = (phase, done, total) => {
    const now = Date.now();
    if (phase === lastPhase && now - lastAt < PROGRESS_EVERY_MS) return;
    lastPhase = phase;
    lastAt = now;
    port.postMessage({ type: 'progress', phase, done, total } satisfies JobMessage);
  };
  const post = (message: JobMessage) => port.postMessage(message);
  work(input, progress, cancelTokenOf(cancelFlag)).then(
    (result) => post({ type: 'done', result }),
    (error: unknown) => {
      if (error instanceof JobCancelled) return post({ type: 'cancelled' });
      if (error instanceof AppError) return post({ type: 'failed', error: { code: error.code, message: error.message, details: error.details } });
      console.error('[xhht] lỗi trong tiến trình nền:', error);
      post({ type: 'failed', error: { code: 'INTERNAL', message: 'Đã xảy ra lỗi không mong đợi; dữ liệu không bị thay đổi.' } });
    },
  );
}
