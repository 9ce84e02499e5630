import type { Dayjs } from 'dayjs';
import type { Deadline, Recurrence } from '../../../shared/deadlines';
import { dayjsOf, isoOf } from './dates';

export type DeadlineKindChoice = Deadline['kind'] | 'unset';

/** A deadline as the editor holds it: every part a separate field, so an issue lands on its part. */
export interface DeadlineFormValue {
  kind: DeadlineKindChoice;
  date?: Dayjs | null;
  year?: number | null;
  quarter?: number | null;
  day?: number | null;
  month?: number | null;
  text?: string;
  /** periodic: how often, and the due days typed as "15/6, 15/12" (empty: each period's last day). */
  every?: Recurrence;
  days?: string;
}

export const DEADLINE_KIND_OPTIONS: { value: DeadlineKindChoice; label: string }[] = [
  { value: 'date', label: 'Ngày' },
  { value: 'quarter', label: 'Quý' },
  { value: 'year', label: 'Năm' },
  { value: 'yearly', label: 'Hằng năm' },
  { value: 'periodic', label: 'Định kỳ (nhiều kỳ)' },
  { value: 'horizon', label: 'Đến năm' },
  { value: 'none', label: 'Không cố định' },
];
export const UNSET_OPTION = { value: 'unset' as const, label: 'Không ghi thời hạn' };

export const RECURRENCE_OPTIONS: { value: Recurrence; label: string }[] = [
  { value: 'year', label: 'Hằng năm' },
  { value: 'half', label: '6 tháng' },
  { value: 'quarter', label: 'Hằng quý' },
];

export const QUARTER_OPTIONS = [
  { value: 1, label: 'I' },
  { value: 2, label: 'II' },
  { value: 3, label: 'III' },
  { value: 4, label: 'IV' },
];

// Missing parts go to main as they are, so its Vietnamese message names the part.
const num = (v: number | null | undefined) => v as number;

export function toDeadline(value: DeadlineFormValue | undefined): Deadline | null {
  if (!value || value.kind === 'unset') return null;
  switch (value.kind) {
    case 'date':
      return { kind: 'date', date: isoOf(value.date) ?? '' };
    case 'quarter':
      return { kind: 'quarter', year: num(value.year), quarter: num(value.quarter) };
    case 'year':
      return { kind: 'year', year: num(value.year) };
    case 'horizon':
      return { kind: 'horizon', year: num(value.year) };
    case 'yearly':
      return { kind: 'yearly', day: num(value.day), month: num(value.month) };
    case 'periodic':
      return { kind: 'periodic', every: value.every ?? 'year', days: parseDays(value.days ?? '') };
    case 'none':
      return { kind: 'none', text: value.text ?? '' };
  }
}

// "15/6, 15/12" → days; a part that is not d/m goes through as NaN so main names the field.
function parseDays(text: string): { day: number; month: number }[] {
  return text
    .split(/,|;|\s+và\s+/)
    .map((part) => part.trim())
    .filter((part) => part !== '')
    .map((part) => {
      const [day, month] = part.split('/').map((n) => Number(n.trim()));
      return { day: day ?? NaN, month: month ?? NaN };
    });
}

export function fromDeadline(deadline: Deadline | null, fallback: DeadlineKindChoice = 'unset'): DeadlineFormValue {
  if (!deadline) return { kind: fallback };
  switch (deadline.kind) {
    case 'date':
      return { kind: 'date', date: dayjsOf(deadline.date) };
    case 'quarter':
      return { kind: 'quarter', year: deadline.year, quarter: deadline.quarter };
    case 'year':
    case 'horizon':
      return { kind: deadline.kind, year: deadline.year };
    case 'yearly':
      return { kind: 'yearly', day: deadline.day, month: deadline.month };
    case 'periodic':
      return { kind: 'periodic', every: deadline.every, days: deadline.days.map((d) => `${d.day}/${d.month}`).join(', ') };
    case 'none':
      return { kind: 'none', text: deadline.text };
  }
}
