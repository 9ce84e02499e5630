import { z } from 'zod';
import { IsoDate, isoDateOf } from './dates.js';

const Year = z.number().int().min(1990, 'Năm không hợp lệ').max(2100, 'Năm không hợp lệ');

/**
 * When something is due, in the shapes real plans use: a day, a quarter
 * ("Quý IV năm 2021"), a year ("năm 2022"), a yearly day ("trước ngày 15/11
 * hằng năm"), a horizon ("đến năm 2030"), or nothing firm ("định kỳ").
 */
export const Deadline = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('date'), date: IsoDate }),
  z.object({ kind: z.literal('quarter'), year: Year, quarter: z.number().int().min(1).max(4) }),
  z.object({ kind: z.literal('year'), year: Year }),
  z.object({
    kind: z.literal('yearly'),
    day: z.number().int().min(1).max(31),
    month: z.number().int().min(1).max(12),
  }),
  z.object({ kind: z.literal('horizon'), year: Year }),
  z.object({ kind: z.literal('none'), text: z.string().trim().min(1, 'Cần ghi rõ thời hạn') }),
]);
export type Deadline = z.infer<typeof Deadline>;

const ROMAN_QUARTERS = ['I', 'II', 'III', 'IV'] as const;

/** The last day of a quarter. @example quarterEnd(2021, 4) === '2021-12-31' */
export function quarterEnd(year: number, quarter: number): IsoDate {
  const month = quarter * 3;
  return isoDateOf(year, month, new Date(Date.UTC(year, month, 0)).getUTCDate());
}

/** The day of a yearly deadline in a given year, clamped to the month's length (29/02). */
export function yearlyOccurrence(day: number, month: number, year: number): IsoDate {
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return isoDateOf(year, month, Math.min(day, last));
}

/**
 * The day by which the work is due, as of `today`. A yearly deadline is due on
 * this year's occurrence; a deadline with nothing firm has no due day.
 */
export function dueDate(deadline: Deadline, today: IsoDate): IsoDate | null {
  switch (deadline.kind) {
    case 'date':
      return deadline.date;
    case 'quarter':
      return quarterEnd(deadline.year, deadline.quarter);
    case 'year':
    case 'horizon':
      return isoDateOf(deadline.year, 12, 31);
    case 'yearly':
      return yearlyOccurrence(deadline.day, deadline.month, Number(today.slice(0, 4)));
    case 'none':
      return null;
  }
}

/** True when the due day has passed and the work is not done. */
export function isOverdue(deadline: Deadline | null, today: IsoDate, done: boolean): boolean {
  if (done || !deadline) return false;
  const due = dueDate(deadline, today);
  return due !== null && due < today;
}

/**
 * Vietnamese wording of a deadline, as the plans write it.
 * @example describeDeadline({ kind: 'quarter', year: 2021, quarter: 4 }) === 'Quý IV năm 2021'
 */
export function describeDeadline(deadline: Deadline | null): string {
  if (!deadline) return 'Không ghi thời hạn';
  switch (deadline.kind) {
    case 'date': {
      const [y, m, d] = deadline.date.split('-');
      return `${d}/${m}/${y}`;
    }
    case 'quarter':
      return `Quý ${ROMAN_QUARTERS[deadline.quarter - 1]} năm ${deadline.year}`;
    case 'year':
      return `Năm ${deadline.year}`;
    case 'yearly':
      return `Trước ngày ${String(deadline.day).padStart(2, '0')}/${String(deadline.month).padStart(2, '0')} hằng năm`;
    case 'horizon':
      return `Đến năm ${deadline.year}`;
    case 'none':
      return deadline.text;
  }
}

/** Years of a deadline outside a plan period, for the "milestone outside the period" rule. */
export function deadlineYear(deadline: Deadline): number | null {
  switch (deadline.kind) {
    case 'date':
      return Number(deadline.date.slice(0, 4));
    case 'quarter':
    case 'year':
    case 'horizon':
      return deadline.year;
    default:
      return null;
  }
}
