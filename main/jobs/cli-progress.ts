import { JOB_PHASE_LABELS } from '../../shared/jobs.js';
import type { Progress } from './worker-side.js';

/** A command's progress on stderr: one line per phase and per tenth of the work, never a flood. */
export function progressLines(err: NodeJS.WritableStream): Progress {
  let last = '';
  return (phase, done, total) => {
    const tenth = total ? Math.floor((done / total) * 10) * 10 : null;
    const line = `… ${JOB_PHASE_LABELS[phase]}${tenth === null ? '' : ` ${tenth}%`}`;
    if (line !== last) err.write(`${line}\n`);
    last = line;
  };
}
