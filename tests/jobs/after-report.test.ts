import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { startWorkerJob, waitForJob } from '../../main/jobs/index.js';

const dir = mkdtempSync(join(tmpdir(), 'xhht-after-report-'));
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const SCRIPT = { source: new URL('./after-report.worker.ts', import.meta.url), bundled: 'after-report.worker.mjs' };

describe('runJob afterReport', () => {
  it('runs the tasks a job leaves only once its outcome has reached the app', async () => {
    const markFile = join(dir, 'mark');
    const go = new Int32Array(new SharedArrayBuffer(4));
    const jobId = startWorkerJob({ script: SCRIPT, key: `after-report ${dir}`, busyMessage: 'bận', input: { markFile, go }, maxHeapMb: 64 });
    // Were the task run before the outcome was posted, the outcome would wait the task's ten seconds and the mark would say so.
    expect(await waitForJob(jobId)).toMatchObject({ phase: 'done', result: 'fertig' });
    expect(existsSync(markFile)).toBe(false);
    Atomics.store(go, 0, 1);
    Atomics.notify(go, 0);
    await vi.waitFor(() => expect(readFileSync(markFile, 'utf8')).toBe('ran after the outcome'), { timeout: 20_000, interval: 20 });
  });
});
