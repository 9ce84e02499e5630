import { describe, expect, it } from 'vitest';
import { describeDeadline, dueDate, isOverdue, quarterEnd, yearlyOccurrence, type Deadline } from './deadlines.js';

describe('deadlines', () => {
  it.each([
    [2021, 1, '2021-03-31'],
    [2021, 2, '2021-06-30'],
    [2021, 3, '2021-09-30'],
    [2021, 4, '2021-12-31'],
  ])('quarter %i/%i ends %s', (year, quarter, end) => expect(quarterEnd(year, quarter)).toBe(end));

  it('clamps a yearly 29/02 to 28/02 in a common year', () => {
    expect(yearlyOccurrence(29, 2, 2023)).toBe('2023-02-28');
    expect(yearlyOccurrence(29, 2, 2024)).toBe('2024-02-29');
  });

  const cases: [Deadline, string, string | null, string][] = [
    [{ kind: 'date', date: '2022-03-15' }, '2022-01-01', '2022-03-15', '15/03/2022'],
    [{ kind: 'quarter', year: 2021, quarter: 4 }, '2022-01-01', '2021-12-31', 'Quý IV năm 2021'],
    [{ kind: 'year', year: 2022 }, '2022-01-01', '2022-12-31', 'Năm 2022'],
    [{ kind: 'yearly', day: 15, month: 11 }, '2023-06-01', '2023-11-15', 'Trước ngày 15/11 hằng năm'],
    [{ kind: 'horizon', year: 2030 }, '2022-01-01', '2030-12-31', 'Đến năm 2030'],
    [{ kind: 'none', text: 'Định kỳ' }, '2022-01-01', null, 'Định kỳ'],
    [{ kind: 'periodic', every: 'half', days: [{ day: 15, month: 6 }, { day: 15, month: 12 }] }, '2026-07-01', '2026-12-15', 'Trước ngày 15/06 và 15/12 (định kỳ 6 tháng)'],
    [{ kind: 'periodic', every: 'year', days: [{ day: 15, month: 6 }, { day: 15, month: 12 }] }, '2026-12-16', '2026-12-15', 'Trước ngày 15/06 và 15/12 hằng năm'],
    [{ kind: 'periodic', every: 'year', days: [] }, '2026-03-01', '2026-12-31', 'Hằng năm'],
    [{ kind: 'periodic', every: 'quarter', days: [] }, '2026-04-01', '2026-06-30', 'Hằng quý'],
    [{ kind: 'periodic', every: 'half', days: [] }, '2026-01-01', '2026-06-30', 'Định kỳ 6 tháng'],
  ];
  it.each(cases)('%j as of %s is due %s and reads "%s"', (deadline, today, due, text) => {
    expect(dueDate(deadline, today)).toBe(due);
    expect(describeDeadline(deadline)).toBe(text);
  });

  it('a task due Quý IV năm 2021 is overdue on 01/01/2022 unless done', () => {
    const q4: Deadline = { kind: 'quarter', year: 2021, quarter: 4 };
    expect(isOverdue(q4, '2022-01-01', false)).toBe(true);
    expect(isOverdue(q4, '2021-12-31', false)).toBe(false);
    expect(isOverdue(q4, '2022-01-01', true)).toBe(false);
    expect(isOverdue({ kind: 'none', text: 'Định kỳ' }, '2040-01-01', false)).toBe(false);
    expect(isOverdue(null, '2040-01-01', false)).toBe(false);
  });
});
