import { writeFileSync } from 'node:fs';
import { runJob } from '../../main/jobs/index.js';

/** The fixture of after-report.test.ts: its after-report task waits for the test's go before it writes its mark. */
export interface AfterReportInput {
  markFile: string;
  go: Int32Array;
}

runJob<AfterReportInput>(async (input, _progress, _cancel, _flag, afterReport) => {
  afterReport(() => {
    // Blocks this thread until the test, having seen the outcome, says go; ten seconds at most.
    const waited = Atomics.wait(input.go, 0, 0, 10_000);
    writeFileSync(input.markFile, waited === 'timed-out' ? 'ran before the outcome was seen' : 'ran after the outcome');
  });
  return 'fertig';
});
