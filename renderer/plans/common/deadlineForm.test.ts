import dayjs from 'dayjs';
import { describe, expect, it } from 'vitest';
import { describeDeadline, type Deadline } from '../../../shared/deadlines';
import { DEADLINE_KIND_OPTIONS, QUARTER_OPTIONS, UNSET_OPTION, fromDeadline, toDeadline, type DeadlineFormValue } from './deadlineForm';

describe('toDeadline', () => {
  it.each<[string, DeadlineFormValue | undefined, Deadline | null]>([
    ['no value', undefined, null],
    ['"Không ghi thời hạn"', { kind: 'unset' }, null],
    ['"Không ghi thời hạn" with parts left from another kind', { kind: 'unset', year: 2021, quarter: 4 }, null],
    ['a day', { kind: 'date', date: dayjs('2021-12-31') }, { kind: 'date', date: '2021-12-31' }],
    ['Quý IV năm 2021', { kind: 'quarter', year: 2021, quarter: 4 }, { kind: 'quarter', year: 2021, quarter: 4 }],
    ['năm 2022', { kind: 'year', year: 2022 }, { kind: 'year', year: 2022 }],
    ['đến năm 2030', { kind: 'horizon', year: 2030 }, { kind: 'horizon', year: 2030 }],
    ['trước ngày 15/11 hằng năm', { kind: 'yearly', day: 15, month: 11 }, { kind: 'yearly', day: 15, month: 11 }],
    ['định kỳ', { kind: 'none', text: 'Định kỳ 6 tháng' }, { kind: 'none', text: 'Định kỳ 6 tháng' }],
    ['trước ngày 15/6 và 15/12 hằng năm', { kind: 'periodic', every: 'half', days: '15/6 và 15/12' }, { kind: 'periodic', every: 'half', days: [{ day: 15, month: 6 }, { day: 15, month: 12 }] }],
    ['hằng quý', { kind: 'periodic', every: 'quarter', days: '' }, { kind: 'periodic', every: 'quarter', days: [] }],
    ['a year after switching from a quarter', { kind: 'year', year: 2022, quarter: 4, day: 15, month: 11 }, { kind: 'year', year: 2022 }],
    ['a quarter after switching from a day', { kind: 'quarter', date: dayjs('2021-12-31'), year: 2021, quarter: 4 }, { kind: 'quarter', year: 2021, quarter: 4 }],
  ])('turns %s into the deadline main expects', (_what, value, expected) => {
    expect(toDeadline(value)).toStrictEqual(expected);
  });

  it.each<[string, DeadlineFormValue, unknown]>([
    ['a day not picked', { kind: 'date' }, { kind: 'date', date: '' }],
    ['a day cleared', { kind: 'date', date: null }, { kind: 'date', date: '' }],
    ['a quarter without its year', { kind: 'quarter', quarter: 4 }, { kind: 'quarter', year: undefined, quarter: 4 }],
    ['a quarter with its number cleared', { kind: 'quarter', year: 2021, quarter: null }, { kind: 'quarter', year: 2021, quarter: null }],
    ['a year not typed', { kind: 'year' }, { kind: 'year', year: undefined }],
    ['a yearly day without its month', { kind: 'yearly', day: 15 }, { kind: 'yearly', day: 15, month: undefined }],
    ['"không cố định" without its wording', { kind: 'none' }, { kind: 'none', text: '' }],
  ])('sends %s with the part missing, so main names that part', (_what, value, expected) => {
    expect(toDeadline(value)).toStrictEqual(expected);
  });
});

describe('fromDeadline', () => {
  it.each<[string, Deadline, DeadlineFormValue]>([
    ['Quý IV năm 2021', { kind: 'quarter', year: 2021, quarter: 4 }, { kind: 'quarter', year: 2021, quarter: 4 }],
    ['năm 2022', { kind: 'year', year: 2022 }, { kind: 'year', year: 2022 }],
    ['đến năm 2030', { kind: 'horizon', year: 2030 }, { kind: 'horizon', year: 2030 }],
    ['trước ngày 15/11 hằng năm', { kind: 'yearly', day: 15, month: 11 }, { kind: 'yearly', day: 15, month: 11 }],
    ['định kỳ', { kind: 'none', text: 'Thường xuyên' }, { kind: 'none', text: 'Thường xuyên' }],
    ['trước ngày 15/6, 15/12 hằng năm', { kind: 'periodic', every: 'year', days: [{ day: 15, month: 6 }, { day: 15, month: 12 }] }, { kind: 'periodic', every: 'year', days: '15/6, 15/12' }],
  ])('splits %s into its parts', (_what, deadline, expected) => {
    expect(fromDeadline(deadline)).toStrictEqual(expected);
  });

  it('gives a day as a date the picker shows', () => {
    const value = fromDeadline({ kind: 'date', date: '2021-12-31' });
    expect(value.kind).toBe('date');
    expect(value.date?.format('DD/MM/YYYY')).toBe('31/12/2021');
  });

  it.each<[string, Parameters<typeof fromDeadline>[1], DeadlineFormValue]>([
    ['"Không ghi thời hạn" by default', undefined, { kind: 'unset' }],
    ['the kind the editor starts with', 'quarter', { kind: 'quarter' }],
    ['"Không cố định" when asked', 'none', { kind: 'none' }],
  ])('opens no deadline as %s', (_what, fallback, expected) => {
    expect(fromDeadline(null, fallback)).toStrictEqual(expected);
  });
});

describe('toDeadline after fromDeadline', () => {
  it.each<Deadline>([
    { kind: 'date', date: '2022-06-30' },
    { kind: 'date', date: '2024-02-29' },
    { kind: 'quarter', year: 2021, quarter: 4 },
    { kind: 'quarter', year: 2023, quarter: 1 },
    { kind: 'year', year: 2025 },
    { kind: 'horizon', year: 2030 },
    { kind: 'yearly', day: 29, month: 2 },
    { kind: 'none', text: 'Hằng năm, theo kế hoạch của Phòng GD&ĐT' },
  ])('gives back %o unchanged', (deadline) => {
    expect(toDeadline(fromDeadline(deadline))).toStrictEqual(deadline);
  });

  it('gives back no deadline for none', () => {
    expect(toDeadline(fromDeadline(null))).toBeNull();
  });
});

describe('the editor options', () => {
  it('offer every kind of deadline once, and "unset" apart', () => {
    expect(DEADLINE_KIND_OPTIONS.map((o) => o.value)).toEqual(['date', 'quarter', 'year', 'yearly', 'periodic', 'horizon', 'none']);
    expect(UNSET_OPTION).toEqual({ value: 'unset', label: 'Không ghi thời hạn' });
  });

  it.each(QUARTER_OPTIONS)('label quarter $value as the plans print it ($label)', ({ value, label }) => {
    expect(describeDeadline({ kind: 'quarter', year: 2021, quarter: value })).toBe(`Quý ${label} năm 2021`);
  });
});
