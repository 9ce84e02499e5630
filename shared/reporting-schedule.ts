import type { IsoDate } from './dates.js';
import { deadlineYear, dueDate, yearlyOccurrence, type Deadline } from './deadlines.js';

export interface ReportOccurrence {
  periodYear: number;
  dueDate: IsoDate;
}

/**
 * The reports a duty expects over a plan period: a yearly day gives one per
 * year of the period; a date, quarter, year or horizon gives one; a duty with
 * nothing firm ("định kỳ") gives none, since there is no day to chase.
 * @example expectedOccurrences({ kind: 'yearly', day: 15, month: 11 }, 2021, 2022)
 *   → [{ periodYear: 2021, dueDate: '2021-11-15' }, { periodYear: 2022, dueDate: '2022-11-15' }]
 */
export function expectedOccurrences(due: Deadline, periodStart: number, periodEnd: number): ReportOccurrence[] {
  if (due.kind === 'yearly') {
    const years: ReportOccurrence[] = [];
    for (let year = periodStart; year <= periodEnd; year++) years.push({ periodYear: year, dueDate: yearlyOccurrence(due.day, due.month, year) });
    return years;
  }
  const year = deadlineYear(due);
  const date = dueDate(due, `${periodEnd}-01-01`);
  return year === null || date === null ? [] : [{ periodYear: year, dueDate: date }];
}

/** True when a report's day has passed and it has not come in. */
export function isReportOverdue(occurrence: ReportOccurrence, receivedOn: IsoDate | null, today: IsoDate): boolean {
  return receivedOn === null && occurrence.dueDate < today;
}
