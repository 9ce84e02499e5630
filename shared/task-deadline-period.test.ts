import { describe, expect, it } from 'vitest';
import type { Deadline } from './deadlines.js';
import { deadlineOutsidePlan } from './task-deadline-period.js';

const PLAN = { periodStart: 2026, periodEnd: 2030 };
const OUTSIDE = (what: string) => `Thời hạn “${what}” nằm ngoài thời gian của kế hoạch (01/01/2026 – 31/12/2030).`;

describe('deadlineOutsidePlan', () => {
  it.each<[string, Deadline | null, string | null]>([
    ['no deadline', null, null],
    ['the first day of the period', { kind: 'date', date: '2026-01-01' }, null],
    ['the last day of the period', { kind: 'date', date: '2030-12-31' }, null],
    ['the day before the period', { kind: 'date', date: '2025-12-31' }, OUTSIDE('31/12/2025')],
    ['the day after the period', { kind: 'date', date: '2031-01-01' }, OUTSIDE('01/01/2031')],
    ['a quarter inside', { kind: 'quarter', year: 2026, quarter: 1 }, null],
    ['a quarter of the year before', { kind: 'quarter', year: 2025, quarter: 4 }, OUTSIDE('Quý IV năm 2025')],
    ['a year inside', { kind: 'year', year: 2030 }, null],
    ['a year after', { kind: 'year', year: 2031 }, OUTSIDE('Năm 2031')],
    ['a horizon at the period’s end', { kind: 'horizon', year: 2030 }, null],
    ['a horizon beyond the period', { kind: 'horizon', year: 2035 }, OUTSIDE('Đến năm 2035')],
    ['a horizon before the period', { kind: 'horizon', year: 2025 }, OUTSIDE('Đến năm 2025')],
    ['yearly work (it recurs inside the period)', { kind: 'yearly', day: 15, month: 11 }, null],
    ['periodic work', { kind: 'periodic', every: 'half', days: [] }, null],
    ['a deadline with no firm day', { kind: 'none', text: 'Thường xuyên' }, null],
  ])('%s', (_what, deadline, expected) => {
    expect(deadlineOutsidePlan(deadline, PLAN)).toBe(expected);
  });

  it('says nothing for a plan whose period is not set (end before start)', () => {
    expect(deadlineOutsidePlan({ kind: 'year', year: 2040 }, { periodStart: 0, periodEnd: -1 })).toBeNull();
  });

  it('names a one-year plan’s period', () => {
    expect(deadlineOutsidePlan({ kind: 'date', date: '2023-01-15' }, { periodStart: 2022, periodEnd: 2022 })).toBe(
      'Thời hạn “15/01/2023” nằm ngoài thời gian của kế hoạch (01/01/2022 – 31/12/2022).',
    );
  });
});
