import { z } from 'zod';
import { IsoDate, isoDateOf } from './dates.js';

const Year = z.number().int().min(1990, 'Năm không hợp lệ').max(2100, 'Năm không hợp lệ');

/** A day of the year, as "15/6" in "trước ngày 15/6 và 15/12 hằng năm". */
export const DayOfYear = z.object({
  day: z.number().int().min(1, 'Ngày từ 1 đến 31').max(31, 'Ngày từ 1 đến 31'),
  month: z.number().int().min(1, 'Tháng từ 1 đến 12').max(12, 'Tháng từ 1 đến 12'),
});
export type DayOfYear = z.infer<typeof DayOfYear>;

/** How often periodic work falls due: once a year, every six months, every quarter. */
export const Recurrence = z.enum(['year', 'half', 'quarter']);
export type Recurrence = z.infer<typeof Recurrence>;

/** How many due days each recurrence takes when it names them (none: the period's last day). */
const DAYS_PER_PERIOD: Record<Recurrence, number[]> = { year: [], half: [2], quarter: [4] };

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
  /**
   * Work that repeats: "hằng năm" (no day: by 31/12), "trước ngày 15/6 và 15/12
   * hằng năm" (year, two days: two occurrences a year), "định kỳ 6 tháng" (half),
   * "hằng quý" (quarter). Days, when given, are listed in calendar order.
   */
  z
    .object({ kind: z.literal('periodic'), every: Recurrence, days: z.array(DayOfYear).max(12, 'Tối đa 12 ngày trong năm').default([]) })
    .refine((d) => d.days.length === 0 || d.every === 'year' || DAYS_PER_PERIOD[d.every].includes(d.days.length), {
      message: 'Định kỳ 6 tháng cần 2 ngày, hằng quý cần 4 ngày (hoặc để trống: ngày cuối kỳ)',
      path: ['days'],
    })
    .refine((d) => d.days.every((x, i) => i === 0 || dayIndex(d.days[i - 1]!) < dayIndex(x)), { message: 'Các ngày phải theo thứ tự trong năm, không trùng nhau', path: ['days'] }),
  z.object({ kind: z.literal('none'), text: z.string().trim().min(1, 'Cần ghi rõ thời hạn') }),
]);
export type Deadline = z.infer<typeof Deadline>;

function dayIndex(d: DayOfYear): number {
  return d.month * 100 + d.day;
}

export const ROMAN_QUARTERS = ['I', 'II', 'III', 'IV'] as const;

const dayMonth = (d: DayOfYear) => `${String(d.day).padStart(2, '0')}/${String(d.month).padStart(2, '0')}`;

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
    case 'periodic': {
      const days = periodicDueDays(deadline, Number(today.slice(0, 4)));
      return days.find((d) => d >= today) ?? days[days.length - 1]!;
    }
    case 'none':
      return null;
  }
}

/** The due days of periodic work in one year, in order: the named days, or each period's last day. */
export function periodicDueDays(deadline: Extract<Deadline, { kind: 'periodic' }>, year: number): IsoDate[] {
  if (deadline.days.length > 0) return deadline.days.map((d) => yearlyOccurrence(d.day, d.month, year));
  switch (deadline.every) {
    case 'year':
      return [isoDateOf(year, 12, 31)];
    case 'half':
      return [isoDateOf(year, 6, 30), isoDateOf(year, 12, 31)];
    case 'quarter':
      return [1, 2, 3, 4].map((q) => quarterEnd(year, q));
  }
}

/** True for work that falls due again every period (one status per occurrence). */
export function isRecurring(deadline: Deadline | null): boolean {
  return deadline !== null && (deadline.kind === 'yearly' || deadline.kind === 'periodic');
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
    case 'periodic':
      return describePeriodic(deadline);
    case 'horizon':
      return `Đến năm ${deadline.year}`;
    case 'none':
      return deadline.text;
  }
}

function describePeriodic(deadline: Extract<Deadline, { kind: 'periodic' }>): string {
  const every = { year: 'hằng năm', half: 'định kỳ 6 tháng', quarter: 'hằng quý' }[deadline.every];
  if (deadline.days.length === 0) return every.charAt(0).toUpperCase() + every.slice(1);
  const days = deadline.days.map(dayMonth);
  const listed = days.length === 1 ? days[0] : `${days.slice(0, -1).join(', ')} và ${days[days.length - 1]}`;
  return `Trước ngày ${listed} ${deadline.every === 'year' ? 'hằng năm' : `(${every})`}`;
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
