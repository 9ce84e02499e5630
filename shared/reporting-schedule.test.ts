import { describe, expect, it } from 'vitest';
import type { Deadline } from './deadlines.js';
import { expectedOccurrences, isReportOverdue } from './reporting-schedule.js';

describe('expectedOccurrences', () => {
  it('gives a yearly duty exactly one report per year of the plan', () => {
    const reports = expectedOccurrences({ kind: 'yearly', day: 15, month: 11 }, 2021, 2030);
    expect(reports.map((r) => r.periodYear)).toEqual([2021, 2022, 2023, 2024, 2025, 2026, 2027, 2028, 2029, 2030]);
    expect(reports[0]?.dueDate).toBe('2021-11-15');
    expect(reports.at(-1)?.dueDate).toBe('2030-11-15');
  });
  it.each<[string, Deadline, { periodYear: number; dueDate: string }[]]>([
    ['a date', { kind: 'date', date: '2025-11-10' }, [{ periodYear: 2025, dueDate: '2025-11-10' }]],
    ['a quarter', { kind: 'quarter', year: 2026, quarter: 3 }, [{ periodYear: 2026, dueDate: '2026-09-30' }]],
    ['a year', { kind: 'year', year: 2025 }, [{ periodYear: 2025, dueDate: '2025-12-31' }]],
    ['a horizon', { kind: 'horizon', year: 2030 }, [{ periodYear: 2030, dueDate: '2030-12-31' }]],
    ['nothing firm', { kind: 'none', text: 'Định kỳ' }, []],
  ])('gives %s one report (none when nothing is firm)', (_name, due, expected) => {
    expect(expectedOccurrences(due, 2021, 2030)).toEqual(expected);
  });
  it('clamps 29/02 in a common year', () => {
    expect(expectedOccurrences({ kind: 'yearly', day: 29, month: 2 }, 2023, 2024).map((r) => r.dueDate)).toEqual(['2023-02-28', '2024-02-29']);
  });
});

describe('isReportOverdue', () => {
  it.each([
    ['2022-11-15', null, '2022-11-16', true],
    ['2022-11-15', null, '2022-11-15', false],
    ['2022-11-15', '2022-11-20', '2023-01-01', false],
  ] as const)('due %s received %s on %s → %s', (due, received, today, expected) => {
    expect(isReportOverdue({ periodYear: 2022, dueDate: due }, received, today)).toBe(expected);
  });
});
