/**
 * Cancellation a job checks between steps. The flag lives in shared memory, so
 * the main thread can raise it while the worker is busy in synchronous code
 * (a long SQLite transaction) and would not see a message until it finished.
 */
export class JobCancelled extends Error {
  constructor() {
    super('Đã hủy theo yêu cầu.');
    this.name = 'JobCancelled';
  }
}

export interface CancelToken {
  readonly cancelled: boolean;
  throwIfCancelled(): void;
}

/** A token over an Int32Array of one element: 0 runs, 1 is cancelled. */
export function cancelTokenOf(flag: Int32Array): CancelToken {
  return {
    get cancelled() {
      return Atomics.load(flag, 0) === 1;
    },
    throwIfCancelled() {
      if (Atomics.load(flag, 0) === 1) throw new JobCancelled();
    },
  };
}

export const NEVER_CANCELLED: CancelToken = { cancelled: false, throwIfCancelled: () => undefined };
