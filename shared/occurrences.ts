import type { IsoDate } from './dates.js';
import { dueDate, periodicDueDays, ROMAN_QUARTERS, yearlyOccurrence, type Deadline } from './deadlines.js';

/**
 * One time a task or reporting duty falls due. Recurring work yields one per
 * period of the plan, each with its own status; one-off work yields one, keyed
 * ONCE_KEY. The key stays when the due day is edited (15/11 → 20/11), so what
 * was recorded for "2026" stays with 2026.
 */
export interface Occurrence {
  /** "2026", "2026-H1", "2026-Q3", "2026-2" (the second of several days a year), or ONCE_KEY. */
  periodKey: string;
  /** The period as a person reads it: "Năm 2026", "6 tháng đầu năm 2026", "Quý III năm 2026". */
  label: string;
  year: number;
  dueDate: IsoDate;
}

export const ONCE_KEY = 'once';

const HALF_LABELS = ['6 tháng đầu năm', '6 tháng cuối năm'] as const;

/**
 * The occurrences a deadline yields across a plan period (years inclusive).
 * A deadline with nothing firm ("định kỳ", "theo quy định") yields none: there is no day to chase.
 * @example occurrencesOf({ kind: 'periodic', every: 'half', days: [] }, 2026, 2026).map((o) => o.dueDate)
 *   → ['2026-06-30', '2026-12-31']
 */
export function occurrencesOf(deadline: Deadline | null, periodStart: number, periodEnd: number): Occurrence[] {
  if (deadline === null || deadline.kind === 'none') return [];
  if (deadline.kind !== 'yearly' && deadline.kind !== 'periodic') {
    const due = dueDate(deadline, `${periodEnd}-01-01`)!;
    return [{ periodKey: ONCE_KEY, label: 'Một lần', year: Number(due.slice(0, 4)), dueDate: due }];
  }
  const result: Occurrence[] = [];
  for (let year = periodStart; year <= periodEnd; year++) {
    if (deadline.kind === 'yearly') result.push({ periodKey: String(year), label: `Năm ${year}`, year, dueDate: yearlyOccurrence(deadline.day, deadline.month, year) });
    else result.push(...periodicOfYear(deadline, year));
  }
  return result;
}

function periodicOfYear(deadline: Extract<Deadline, { kind: 'periodic' }>, year: number): Occurrence[] {
  const days = periodicDueDays(deadline, year);
  return days.map((due, i) => {
    switch (deadline.every) {
      case 'half':
        return { periodKey: `${year}-H${i + 1}`, label: `${HALF_LABELS[i]} ${year}`, year, dueDate: due };
      case 'quarter':
        return { periodKey: `${year}-Q${i + 1}`, label: `Quý ${ROMAN_QUARTERS[i]} năm ${year}`, year, dueDate: due };
      case 'year':
        return days.length === 1
          ? { periodKey: String(year), label: `Năm ${year}`, year, dueDate: due }
          : { periodKey: `${year}-${i + 1}`, label: `Kỳ ${i + 1}/${days.length} năm ${year}`, year, dueDate: due };
    }
  });
}

/** True when the occurrence's day has passed and it is not done: a 2026 lapse stays overdue in 2027 until resolved. */
export function isOccurrenceOverdue(occurrence: Pick<Occurrence, 'dueDate'>, done: boolean, today: IsoDate): boolean {
  return !done && occurrence.dueDate < today;
}

/**
 * The occurrence a list shows for recurring work: the oldest one overdue, else
 * the next one not done, else the last one (everything done).
 */
export function currentOccurrence<T extends Occurrence>(occurrences: T[], isDone: (o: T) => boolean, today: IsoDate): T | null {
  const open = occurrences.filter((o) => !isDone(o));
  return open.find((o) => o.dueDate < today) ?? open[0] ?? occurrences[occurrences.length - 1] ?? null;
}

/** How many members of a group have done an occurrence: "3/5 xã đã gửi". Done when every member has. */
export function groupProgress(memberIds: readonly string[], doneMemberIds: ReadonlySet<string>): { done: number; total: number; complete: boolean } {
  const done = memberIds.filter((id) => doneMemberIds.has(id)).length;
  return { done, total: memberIds.length, complete: memberIds.length > 0 && done === memberIds.length };
}
