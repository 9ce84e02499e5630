import { describe, expect, it } from 'vitest';
import type { MeasureKind } from './plan-model.js';
import { STANDARD_COLUMNS, StatisticsInput, actualInMeasure, communeTotalRule, shareCell, coverageLine, measureUnit, milestoneForYear, standardCells } from './statistics.js';
import type { EducationLevels } from './target-progress.js';
import type { MilestoneDto } from './targets.js';

const status = (literacyLevel: number, preschoolUniversal: number, primaryLevel: number, lowerSecondaryLevel: number, learningCentreIT: number): EducationLevels => ({
  literacyLevel,
  preschoolUniversal,
  primaryLevel,
  lowerSecondaryLevel,
  learningCentreIT,
});

describe('standardCells', () => {
  it('names the nine standards in the order of their columns', () => {
    expect(STANDARD_COLUMNS.map((c) => c.source)).toEqual([
      'literacyLevel1',
      'literacyLevel2',
      'preschoolUniversal',
      'primaryLevel2',
      'primaryLevel3',
      'lowerSecondaryLevel1',
      'lowerSecondaryLevel2',
      'lowerSecondaryLevel3',
      'learningCentreIT',
    ]);
  });

  it.each([
    ['no status for the year: unknown, not "chưa đạt"', undefined, [null, null, null, null, null, null, null, null, null]],
    ['nothing reached', status(0, 0, 0, 0, 0), [0, 0, 0, 0, 0, 0, 0, 0, 0]],
    ['everything at the top level', status(2, 1, 3, 3, 1), [1, 1, 1, 1, 1, 1, 1, 1, 1]],
    ['literacy 1 counts for "mức độ 1 trở lên" only', status(1, 0, 0, 0, 0), [1, 0, 0, 0, 0, 0, 0, 0, 0]],
    ['primary 2 and THCS 2: the "trở lên" columns below them too', status(0, 0, 2, 2, 0), [0, 0, 0, 1, 0, 1, 1, 0, 0]],
    ['THCS 1 only, preschool and centre', status(0, 1, 1, 1, 1), [0, 0, 1, 0, 0, 1, 0, 0, 1]],
  ] as const)('%s', (_case, given, cells) => {
    expect(standardCells(given)).toEqual(cells);
  });
});

type Ms = Pick<MilestoneDto, 'year' | 'span'>;
const once = (year: number | null): Ms => ({ year, span: 'once' });
const yearly = (year: number | null): Ms => ({ year, span: 'yearly' });
const cumulative = (year: number | null): Ms => ({ year, span: 'cumulative' });

describe('milestoneForYear (plan 2021–2030)', () => {
  it.each([
    ['a milestone of that very year', [once(2025), once(2030)], 2025, { index: 0, year: 2025 }],
    ['before any: the next one due', [once(2025), once(2030)], 2023, { index: 0, year: 2025 }],
    ['between two: the next one, not the passed one', [once(2025), once(2030)], 2027, { index: 1, year: 2030 }],
    ['after the last: the last one', [once(2025)], 2027, { index: 0, year: 2025 }],
    ['no year: the end of the period', [once(null)], 2024, { index: 0, year: 2030 }],
    ['a yearly level is judged every year from its start', [once(2030), yearly(2022)], 2024, { index: 1, year: 2024 }],
    ['a yearly level before its start: the earliest due', [yearly(2026), once(2025)], 2023, { index: 1, year: 2025 }],
    ['the level of the year goes before a cumulative total of the same year', [cumulative(2025), once(2025)], 2025, { index: 1, year: 2025 }],
    ['a cumulative total alone in its year', [cumulative(2030), once(2025)], 2030, { index: 0, year: 2030 }],
    ['no milestones', [], 2025, null],
  ] as const)('%s', (_case, milestones, year, expected) => {
    expect(milestoneForYear(milestones as readonly Ms[], year, 2021, 2030)).toEqual(expected);
  });
});

describe('communeTotalRule and measureUnit', () => {
  it.each([
    ['count', 'sum', 'số lượng'],
    ['unitCount', 'sum', 'số xã'],
    ['percent', 'territory', '%'],
    ['boolean', 'territory', '1 = đạt'],
  ] as const)('%s totals by %s and is said "%s"', (kind, rule, unit) => {
    expect(communeTotalRule(kind as MeasureKind)).toBe(rule);
    expect(measureUnit(kind as MeasureKind)).toBe(unit);
  });
});

describe('actualInMeasure', () => {
  it.each([
    ['a count of communes against a percentage', 'percent', { value: 7, total: 9 }, 77.78],
    ['all communes against a percentage', 'percent', { value: 9, total: 9 }, 100],
    ['a percentage entered by hand', 'percent', { value: 45.5, total: null }, 45.5],
    ['a count of communes against a count of communes', 'unitCount', { value: 6, total: 9 }, 6],
    ['a plain count', 'count', { value: 120, total: null }, 120],
    ['a yes', 'boolean', { value: 1, total: null }, 1],
  ] as const)('%s', (_case, kind, actual, shown) => {
    expect(actualInMeasure(kind as MeasureKind, actual)).toBe(shown);
  });
});

describe('shareCell', () => {
  const formula = `IF(N('Biểu 1 - Số liệu'!F7)>0,ROUND(D7/'Biểu 1 - Số liệu'!F7*100,2),"")`;
  it.each([
    ['a share to two decimals', 7, 10_876, 0.06],
    ['a third', 1, 3, 33.33],
    ['everyone', 120, 120, 100],
    ['no figure for the year: empty', 7, null, null],
    ['a zero figure: empty, not a division by zero', 7, 0, null],
  ] as const)('%s', (_case, count, figure, result) => {
    expect(shareCell('D7', "'Biểu 1 - Số liệu'!F7", count, figure)).toEqual({ formula, result });
  });
});

describe('coverageLine', () => {
  const communes = (reported: boolean[]) => reported.map((r, i) => ({ name: `Xã ${i + 1}`, reported: r }));
  it.each([
    ['no commune', 0, [], 'Địa bàn chưa có xã, phường, thị trấn nào'],
    ['none reported', 0, [false, false], 'Chưa có xã nào có số liệu năm 2025'],
    ['all reported', 2, [true, true], '2/2 xã có số liệu năm 2025'],
    ['some missing, named', 1, [true, false, false], '1/3 xã có số liệu năm 2025; chưa có: Xã 2, Xã 3'],
    [
      'many missing: ten named, the rest counted',
      1,
      [true, ...Array<boolean>(12).fill(false)],
      '1/13 xã có số liệu năm 2025; chưa có: Xã 2, Xã 3, Xã 4, Xã 5, Xã 6, Xã 7, Xã 8, Xã 9, Xã 10, Xã 11 và 2 xã khác',
    ],
  ] as const)('%s', (_case, reported, flags, line) => {
    expect(coverageLine(reported, communes([...flags]), 2025)).toBe(line);
  });
});

describe('StatisticsInput', () => {
  it.each([
    [{ year: 2025 }, true],
    [{ year: 1999 }, false],
    [{ year: 2025.5 }, false],
    [{}, false],
  ])('%j valid: %s', (input, ok) => {
    expect(StatisticsInput.safeParse(input).success).toBe(ok);
  });
});
