import { isoDateFromInstant } from '../../shared/dates.js';
import type { Clock } from './context.js';

export const systemClock: Clock = {
  now: () => new Date(),
  today: () => isoDateFromInstant(new Date()),
};

/** A clock stopped at one moment, for tests and for `--today` in the CLI. */
export function fixedClock(iso: string): Clock {
  const instant = new Date(iso.length === 10 ? `${iso}T08:00:00` : iso);
  return { now: () => new Date(instant), today: () => isoDateFromInstant(instant) };
}
