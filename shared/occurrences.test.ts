import { describe, expect, it } from 'vitest';
import { Deadline } from './deadlines.js';
import { currentOccurrence, groupProgress, isOccurrenceOverdue, occurrencesOf, type Occurrence } from './occurrences.js';

const keys = (os: Occurrence[]) => os.map((o) => `${o.periodKey} ${o.dueDate} ${o.label}`);

describe('occurrencesOf across a plan period 2026–2027', () => {
  it.each<[string, Deadline | null, string[]]>([
    [
      'trước ngày 15/6 và 15/12 hằng năm (several days a year)',
      { kind: 'periodic', every: 'half', days: [{ day: 15, month: 6 }, { day: 15, month: 12 }] },
      ['2026-H1 2026-06-15 6 tháng đầu năm 2026', '2026-H2 2026-12-15 6 tháng cuối năm 2026', '2027-H1 2027-06-15 6 tháng đầu năm 2027', '2027-H2 2027-12-15 6 tháng cuối năm 2027'],
    ],
    [
      'three days a year',
      { kind: 'periodic', every: 'year', days: [{ day: 31, month: 3 }, { day: 31, month: 7 }, { day: 30, month: 11 }] },
      ['2026-1 2026-03-31 Kỳ 1/3 năm 2026', '2026-2 2026-07-31 Kỳ 2/3 năm 2026', '2026-3 2026-11-30 Kỳ 3/3 năm 2026', '2027-1 2027-03-31 Kỳ 1/3 năm 2027', '2027-2 2027-07-31 Kỳ 2/3 năm 2027', '2027-3 2027-11-30 Kỳ 3/3 năm 2027'],
    ],
    ['hằng năm trước 15/11', { kind: 'yearly', day: 15, month: 11 }, ['2026 2026-11-15 Năm 2026', '2027 2027-11-15 Năm 2027']],
    ['hằng năm with one day, periodic form', { kind: 'periodic', every: 'year', days: [{ day: 20, month: 11 }] }, ['2026 2026-11-20 Năm 2026', '2027 2027-11-20 Năm 2027']],
    ['hằng năm without a day', { kind: 'periodic', every: 'year', days: [] }, ['2026 2026-12-31 Năm 2026', '2027 2027-12-31 Năm 2027']],
    [
      'hằng quý',
      { kind: 'periodic', every: 'quarter', days: [] },
      ['2026-Q1 2026-03-31 Quý I năm 2026', '2026-Q2 2026-06-30 Quý II năm 2026', '2026-Q3 2026-09-30 Quý III năm 2026', '2026-Q4 2026-12-31 Quý IV năm 2026',
        '2027-Q1 2027-03-31 Quý I năm 2027', '2027-Q2 2027-06-30 Quý II năm 2027', '2027-Q3 2027-09-30 Quý III năm 2027', '2027-Q4 2027-12-31 Quý IV năm 2027'],
    ],
    ['định kỳ 6 tháng', { kind: 'periodic', every: 'half', days: [] }, ['2026-H1 2026-06-30 6 tháng đầu năm 2026', '2026-H2 2026-12-31 6 tháng cuối năm 2026', '2027-H1 2027-06-30 6 tháng đầu năm 2027', '2027-H2 2027-12-31 6 tháng cuối năm 2027']],
    ['a single date', { kind: 'date', date: '2026-12-05' }, ['once 2026-12-05 Một lần']],
    ['a quarter', { kind: 'quarter', year: 2027, quarter: 2 }, ['once 2027-06-30 Một lần']],
    ['a year', { kind: 'year', year: 2026 }, ['once 2026-12-31 Một lần']],
    ['a horizon', { kind: 'horizon', year: 2030 }, ['once 2030-12-31 Một lần']],
    ['nothing firm', { kind: 'none', text: 'Theo quy định' }, []],
    ['no deadline', null, []],
  ])('%s', (_name, deadline, expected) => {
    expect(keys(occurrencesOf(deadline === null ? null : Deadline.parse(deadline), 2026, 2027))).toEqual(expected);
  });

  it('clamps 29/02 to the month in a common year', () => {
    expect(occurrencesOf({ kind: 'periodic', every: 'year', days: [{ day: 29, month: 2 }] }, 2027, 2028).map((o) => o.dueDate)).toEqual(['2027-02-28', '2028-02-29']);
  });
});

describe('Deadline periodic shapes', () => {
  it.each([
    ['half with three days', { kind: 'periodic', every: 'half', days: [{ day: 1, month: 1 }, { day: 1, month: 6 }, { day: 1, month: 9 }] }, ['days']],
    ['days out of order', { kind: 'periodic', every: 'year', days: [{ day: 15, month: 12 }, { day: 15, month: 6 }] }, ['days']],
    ['day 32', { kind: 'periodic', every: 'year', days: [{ day: 32, month: 1 }] }, ['days', 0, 'day']],
  ])('refuses %s, naming the field', (_name, value, path) => {
    const result = Deadline.safeParse(value);
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.path).toEqual(path);
  });
});

describe('status per occurrence', () => {
  const yearly = occurrencesOf({ kind: 'yearly', day: 15, month: 11 }, 2026, 2028);
  it.each<[string, string[], string, string | null, string[]]>([
    ['2026 done, 2027 still due (shown until resolved)', ['2026'], '2027-06-01', '2027', []],
    ['2026 left undone stays overdue in 2027', [], '2027-01-05', '2026', ['2026']],
    ['both lapsed: the oldest shows, both overdue', [], '2027-12-01', '2026', ['2026', '2027']],
    ['every one done: the last shows', ['2026', '2027', '2028'], '2029-01-01', '2028', []],
  ])('%s', (_name, done, today, shown, overdue) => {
    const isDone = (o: Occurrence) => done.includes(o.periodKey);
    expect(currentOccurrence(yearly, isDone, today)?.periodKey ?? null).toBe(shown);
    expect(yearly.filter((o) => isOccurrenceOverdue(o, isDone(o), today)).map((o) => o.periodKey)).toEqual(overdue);
  });
});

describe('groupProgress', () => {
  it.each<[string, string[], string[], { done: number; total: number; complete: boolean }]>([
    ['5 communes, 3 sent', ['a', 'b', 'c', 'd', 'e'], ['a', 'c', 'e'], { done: 3, total: 5, complete: false }],
    ['all sent', ['a', 'b'], ['a', 'b'], { done: 2, total: 2, complete: true }],
    ['a sender no longer a member is not counted', ['a', 'b'], ['a', 'z'], { done: 1, total: 2, complete: false }],
    ['an empty group is never complete', [], [], { done: 0, total: 0, complete: false }],
  ])('%s', (_name, members, done, expected) => {
    expect(groupProgress(members, new Set(done))).toEqual(expected);
  });
});
