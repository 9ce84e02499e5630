import { useEffect, useRef, useState } from 'react';
import type { JobPhase } from '../../shared/jobs';
import { toAppError } from '../components/errors';

/** How often a running bundle job is asked for progress; it runs in a worker, so asking costs next to nothing. */
const POLL_MS = 300;

export interface JobStatusLike<R> {
  jobId: string;
  phase: JobPhase;
  done: number;
  total: number | null;
  result: R | null;
  message: string | null;
}

export type JobOutcome<R> = { ok: true; result: R } | { ok: false; cancelled: boolean; message: string };

interface JobCalls<R> {
  start: () => Promise<{ jobId: string }>;
  status: (jobId: string) => Promise<JobStatusLike<R>>;
  cancel: (jobId: string) => Promise<unknown>;
}

/**
 * Runs one job at a time (export, verify, dry run, apply) and follows it to
 * its end: `status` is the latest progress while it runs. Leaving the page
 * cancels it, so no job keeps working for a screen nobody looks at.
 */
export function useJob() {
  const [status, setStatus] = useState<JobStatusLike<unknown> | null>(null);
  const [running, setRunning] = useState(false);
  const current = useRef<{ jobId: string | null; stopped: boolean; cancel: (jobId: string) => Promise<unknown> } | null>(null);

  const cancel = () => {
    const job = current.current;
    if (job?.jobId) void job.cancel(job.jobId).catch(() => undefined);
  };
  useEffect(
    () => () => {
      const job = current.current;
      if (!job) return;
      job.stopped = true;
      if (job.jobId) void job.cancel(job.jobId).catch(() => undefined);
    },
    [],
  );

  async function run<R>(calls: JobCalls<R>): Promise<JobOutcome<R>> {
    const me = { jobId: null as string | null, stopped: false, cancel: calls.cancel };
    current.current = me;
    setStatus(null);
    setRunning(true);
    try {
      const { jobId } = await calls.start();
      me.jobId = jobId;
      for (;;) {
        const s = await calls.status(jobId);
        if (me.stopped) return { ok: false, cancelled: true, message: 'Đã rời trang.' };
        setStatus(s);
        if (s.phase === 'done' && s.result) return { ok: true, result: s.result };
        if (s.phase === 'failed') return { ok: false, cancelled: false, message: s.message ?? 'Không thực hiện được.' };
        if (s.phase === 'cancelled') return { ok: false, cancelled: true, message: s.message ?? 'Đã hủy.' };
        await new Promise((resolve) => setTimeout(resolve, POLL_MS));
      }
    } catch (error) {
      return { ok: false, cancelled: false, message: toAppError(error).message };
    } finally {
      if (current.current === me) current.current = null;
      if (!me.stopped) {
        setRunning(false);
        setStatus(null);
      }
    }
  }

  return { run, cancel, running, status };
}

export function percentOf(status: { done: number; total: number | null } | null): number {
  return status?.total ? Math.min(100, Math.floor((status.done / status.total) * 100)) : 0;
}
