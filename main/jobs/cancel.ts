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
  /**
   * Called just before the commit: from here on a cancel is refused, so a job
   * that has committed is never reported as cancelled. Throws if it already was.
   */
  commitNow(): void;
}

/** The states of the shared flag. */
export const RUNNING = 0;
export const CANCELLED = 1;
export const COMMITTING = 2;

/** A token over an Int32Array of one element holding RUNNING, CANCELLED or COMMITTING. */
export function cancelTokenOf(flag: Int32Array): CancelToken {
  return {
    get cancelled() {
      return Atomics.load(flag, 0) === CANCELLED;
    },
    throwIfCancelled() {
      if (Atomics.load(flag, 0) === CANCELLED) throw new JobCancelled();
    },
    commitNow() {
      if (Atomics.compareExchange(flag, 0, RUNNING, COMMITTING) === CANCELLED) throw new JobCancelled();
    },
  };
}

export const NEVER_CANCELLED: CancelToken = { cancelled: false, throwIfCancelled: () => undefined, commitNow: () => undefined };
