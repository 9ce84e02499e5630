import type { Dayjs } from 'dayjs';
import type { Deadline } from '../../../shared/deadlines';
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
}

export const DEADLINE_KIND_OPTIONS: { value: DeadlineKindChoice; label: string }[] = [
  { value: 'date', label: 'Ngày' },
  { value: 'quarter', label: 'Quý' },
  { value: 'year', label: 'Năm' },
  { value: 'yearly', label: 'Hằng năm' },
  { value: 'horizon', label: 'Đến năm' },
  { value: 'none', label: 'Không cố định' },
];
export const UNSET_OPTION = { value: 'unset' as const, label: 'Không ghi thời hạn' };

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
    case 'none':
      return { kind: 'none', text: value.text ?? '' };
  }
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
    case 'none':
      return { kind: 'none', text: deadline.text };
  }
}
