import { describe, expect, it } from 'vitest';
import type { ActualDto, MilestoneDto } from './targets.js';
import {
  checkpointYears,
  cumulativeActual,
  measureOfCount,
  meetsSource,
  milestonesForUnit,
  overlappingMilestone,
  progressLabel,
  progressPercent,
  targetProgress,
  type EducationLevels,
} from './target-progress.js';

const m = (year: number | null, kind: MilestoneDto['kind'], value: number, over: Partial<MilestoneDto> = {}): MilestoneDto => ({
  year,
  span: 'once',
  kind,
  value,
  total: null,
  scope: '',
  qualifier: null,
  wording: '',
  unitValues: [],
  ...over,
});
const units = (year: number, value: number, total: number) => m(year, 'unitCount', value, { total });
const actual = (year: number, value: number, total: number | null = null, origin: ActualDto['origin'] = 'manual'): ActualDto => ({
  year,
  unitId: null,
  value,
  total,
  count: null,
  origin,
  note: '',
});
const edu = (over: Partial<EducationLevels>): EducationLevels => ({
  literacyLevel: 0,
  preschoolUniversal: 0,
  primaryLevel: 0,
  lowerSecondaryLevel: 0,
  learningCentreIT: 0,
  ...over,
});

describe('meetsSource', () => {
  it.each([
    ['literacyLevel2', edu({ literacyLevel: 2 }), true],
    ['literacyLevel2', edu({ literacyLevel: 1 }), false],
    ['literacyLevel1', edu({ literacyLevel: 2 }), true],
    ['preschoolUniversal', edu({ preschoolUniversal: 1 }), true],
    ['primaryLevel3', edu({ primaryLevel: 2 }), false],
    ['lowerSecondaryLevel2', edu({ lowerSecondaryLevel: 3 }), true],
    ['lowerSecondaryLevel3', edu({ lowerSecondaryLevel: 2 }), false],
    ['learningCentreIT', edu({ learningCentreIT: 1 }), true],
  ] as const)('%s on %o is %s', (source, levels, expected) => {
    expect(meetsSource(source, levels)).toBe(expected);
  });
});

describe('measureOfCount', () => {
  it.each([
    ['unitCount', 7, 9, { value: 7, total: 9 }],
    ['percent', 3, 4, { value: 75, total: null }],
    ['percent', 0, 0, { value: 0, total: null }],
    ['count', 5, 9, { value: 5, total: null }],
    ['boolean', 9, 9, { value: 1, total: null }],
    ['boolean', 8, 9, { value: 0, total: null }],
  ] as const)('%s of %d/%d', (kind, count, communes, expected) => {
    expect(measureOfCount(kind, count, communes)).toEqual(expected);
  });
});

describe('checkpointYears', () => {
  it.each<[string, Pick<MilestoneDto, 'year' | 'span'>, number[]]>([
    ['a once milestone in its year', { year: 2027, span: 'once' }, [2027]],
    ['a once milestone with no year at the end', { year: null, span: 'once' }, [2030]],
    ['a yearly milestone every year of the period', { year: null, span: 'yearly' }, [2026, 2027, 2028, 2029, 2030]],
    ['a yearly milestone from its first year', { year: 2028, span: 'yearly' }, [2028, 2029, 2030]],
    ['a cumulative total at the end', { year: null, span: 'cumulative' }, [2030]],
  ])('%s', (_what, milestone, expected) => {
    expect(checkpointYears(milestone, 2026, 2030)).toEqual(expected);
  });
});

describe('overlappingMilestone', () => {
  it.each<[string, Pick<MilestoneDto, 'year' | 'span'>[], { index: number; year: number } | null]>([
    ['2025 and 2030', [{ year: 2025, span: 'once' }, { year: 2030, span: 'once' }], null],
    ['a yearly level beside its cumulative total', [{ year: null, span: 'yearly' }, { year: null, span: 'cumulative' }], null],
    ['two milestones of 2027', [{ year: 2027, span: 'once' }, { year: 2027, span: 'once' }], { index: 1, year: 2027 }],
    ['a once milestone inside a yearly one', [{ year: 2026, span: 'yearly' }, { year: 2028, span: 'once' }], { index: 1, year: 2028 }],
    ['no year meaning the end, beside 2030', [{ year: null, span: 'once' }, { year: 2030, span: 'once' }], { index: 1, year: 2030 }],
  ])('%s', (_what, list, expected) => {
    expect(overlappingMilestone(list, 2026, 2030)).toEqual(expected);
  });
});

describe('progressPercent never contradicts isMilestoneMet', () => {
  it.each<[string, MilestoneDto, ActualDto | null, number | null]>([
    ['no actual', m(2025, 'percent', 80), null, null],
    ['half way', m(2025, 'percent', 70), actual(2024, 35), 50],
    ['6 of 9 against 7 of 9', units(2025, 7, 9), actual(2024, 6, 9), 85],
    ['8 of 12 against 7 of 9: more units, a smaller share, not full', units(2025, 7, 9), actual(2024, 8, 12), 85],
    ['7 of 8 after a merger against 7 of 9', units(2025, 7, 9), actual(2024, 7, 8), 100],
    ['99.6% of the goal stays below full', m(2025, 'count', 1000), actual(2024, 996), 99],
    ['beyond the goal', m(2025, 'count', 1200), actual(2024, 1500), 100],
    ['a goal of zero', m(2025, 'count', 0), actual(2024, 0), 100],
    ['a yes/no not met', m(2025, 'boolean', 1), actual(2024, 0), 0],
    ['a yes/no met', m(2025, 'boolean', 1), actual(2024, 1), 100],
  ])('%s', (_what, milestone, a, expected) => {
    expect(progressPercent(milestone, a)).toBe(expected);
  });
});

describe('cumulativeActual', () => {
  it.each<[string, ActualDto[], number, number, number | null]>([
    ['sums the years', [actual(2026, 130), actual(2027, 110), actual(2028, 125)], 2026, 2030, 365],
    ['stops at the limit', [actual(2026, 130), actual(2027, 110), actual(2028, 125)], 2026, 2027, 240],
    ['counts a year once, computed first', [actual(2026, 130), actual(2026, 90, null, 'computed')], 2026, 2030, 90],
    ['nothing yet', [], 2026, 2030, null],
  ])('%s', (_what, actuals, from, to, expected) => {
    expect(cumulativeActual(actuals, from, to)?.value ?? null).toBe(expected);
  });
});

describe('targetProgress', () => {
  const period = { periodStart: 2021, periodEnd: 2030 };
  it.each<[string, MilestoneDto[], ActualDto[], string, { status: string; milestoneYear: number | null; percent?: number | null }]>([
    ['no actual', [m(2025, 'percent', 40)], [], '2023-06-01', { status: 'no_data', milestoneYear: 2025 }],
    ['reached', [m(2025, 'percent', 40)], [actual(2023, 45)], '2023-06-01', { status: 'achieved', milestoneYear: 2025, percent: 100 }],
    ['reached as a share of another total', [units(2025, 7, 9)], [actual(2023, 3, 3)], '2023-06-01', { status: 'achieved', milestoneYear: 2025 }],
    ['on the line (half the time, 18 of 40)', [m(2025, 'percent', 40)], [actual(2023, 18)], '2023-06-01', { status: 'on_track', milestoneYear: 2025, percent: 45 }],
    ['below the line', [m(2025, 'percent', 40)], [actual(2023, 10)], '2023-06-01', { status: 'at_risk', milestoneYear: 2025 }],
    // The case: 6/9 against 7/9 for 2025, seen in 2026, said "Đúng tiến độ".
    ['a passed milestone missed speaks before the next', [units(2025, 7, 9), m(2030, 'percent', 100)], [actual(2025, 6, 9)], '2026-12-04', { status: 'missed', milestoneYear: 2025, percent: 85 }],
    ['a passed milestone met hands over to the next', [units(2025, 7, 9), m(2030, 'percent', 100)], [actual(2025, 7, 9), actual(2026, 8, 9)], '2026-12-04', { status: 'on_track', milestoneYear: 2030 }],
    ['a passed milestone with no figure says so', [m(2025, 'percent', 40), m(2030, 'percent', 60)], [], '2026-03-01', { status: 'no_data', milestoneYear: 2025 }],
    ['the line to 2030 starts at the 2025 goal (40% → 60%)', [m(2025, 'percent', 40), m(2030, 'percent', 60)], [actual(2025, 40), actual(2027, 42)], '2027-12-31', { status: 'at_risk', milestoneYear: 2030 }],
    ['the milestone of this year is not passed yet', [m(2026, 'percent', 40)], [actual(2026, 38)], '2026-12-04', { status: 'on_track', milestoneYear: 2026 }],
    ['last milestone past and not reached', [m(2025, 'percent', 40), m(2030, 'percent', 60)], [actual(2025, 45), actual(2030, 50)], '2031-01-05', { status: 'missed', milestoneYear: 2030 }],
    ['every milestone past and met', [m(2025, 'percent', 40), m(2030, 'percent', 60)], [actual(2025, 45), actual(2030, 60)], '2031-01-05', { status: 'achieved', milestoneYear: 2030 }],
    ['uses the latest actual not after the milestone', [m(2025, 'percent', 40)], [actual(2022, 10), actual(2024, 40)], '2024-12-01', { status: 'achieved', milestoneYear: 2025 }],
    ['ignores actuals of later years', [m(2025, 'percent', 40)], [actual(2027, 90)], '2024-12-01', { status: 'no_data', milestoneYear: 2025 }],
    ['a milestone in 2027', [m(2027, 'percent', 70), m(2030, 'percent', 90)], [actual(2026, 60)], '2026-12-04', { status: 'on_track', milestoneYear: 2027 }],
    // "Mỗi năm ít nhất 120 lớp": every year is its own milestone, judged on that year's figure only.
    ['a yearly level missed last year', [m(null, 'count', 120, { span: 'yearly' })], [actual(2025, 100), actual(2026, 130)], '2026-12-04', { status: 'missed', milestoneYear: 2025 }],
    ['a yearly level met last year, this year judged on its own figure', [m(null, 'count', 120, { span: 'yearly' })], [actual(2025, 125), actual(2026, 118)], '2026-12-04', { status: 'on_track', milestoneYear: 2026 }],
    ['a yearly level with no figure this year', [m(null, 'count', 120, { span: 'yearly' })], [actual(2025, 125)], '2026-06-01', { status: 'no_data', milestoneYear: 2026 }],
    // "tổng 600 lớp": the sum of the years, its own measure.
    ['a cumulative total behind', [m(null, 'count', 1000, { span: 'cumulative' })], [actual(2021, 50), actual(2022, 50)], '2023-01-01', { status: 'at_risk', milestoneYear: 2030, percent: 10 }],
    ['a cumulative total reached early', [m(null, 'count', 600, { span: 'cumulative' })], [actual(2021, 300), actual(2022, 320)], '2023-01-01', { status: 'achieved', milestoneYear: 2030, percent: 100 }],
  ])('%s', (_name, milestones, actuals, today, expected) => {
    const result = targetProgress({ ...period, milestones, actuals, today });
    expect(result).toMatchObject(expected);
    expect(result.percent === 100).toBe(result.status === 'achieved');
  });

  it('lists every year judged, a yearly milestone once per year', () => {
    const result = targetProgress({ periodStart: 2026, periodEnd: 2030, milestones: [m(null, 'count', 120, { span: 'yearly' }), m(null, 'count', 600, { span: 'cumulative' })], actuals: [actual(2026, 130)], today: '2027-02-01' });
    expect(result.checkpoints.map((c) => [c.year, c.milestone.span, c.met, c.passed])).toEqual([
      [2026, 'yearly', true, true],
      [2027, 'yearly', null, false],
      [2028, 'yearly', null, false],
      [2029, 'yearly', null, false],
      [2030, 'yearly', null, false],
      [2030, 'cumulative', false, false],
    ]);
  });

  it('prefers the computed actual of a year over a manual one', () => {
    const result = targetProgress({ ...period, milestones: [m(2025, 'percent', 40)], actuals: [actual(2023, 10), actual(2023, 50, null, 'computed')], today: '2023-06-01' });
    expect(result.actual?.origin).toBe('computed');
  });
});

describe('progressLabel', () => {
  it.each<[string, 'achieved' | 'on_track' | 'at_risk' | 'missed' | 'no_data', number | null, string]>([
    ['a passed milestone missed', 'missed', 2025, 'Không đạt mốc 2025'],
    ['on track', 'on_track', 2030, 'Đúng tiến độ (mốc 2030)'],
    ['behind', 'at_risk', 2027, 'Có nguy cơ không đạt mốc 2027'],
    ['met', 'achieved', 2025, 'Đạt mốc 2025'],
    ['a passed year with no figure', 'no_data', 2025, 'Chưa có số liệu mốc 2025'],
    ['no figure yet', 'no_data', 2027, 'Chưa có số liệu'],
    ['no milestone', 'no_data', null, 'Chưa có mốc'],
  ])('%s', (_what, status, milestoneYear, expected) => {
    expect(progressLabel({ status, milestoneYear }, 2026)).toBe(expected);
  });
});

describe('milestonesForUnit: each commune against its own value', () => {
  const VO_XU = '0190a000-0000-7000-8000-000000000001';
  const OTHER = '0190a000-0000-7000-8000-000000000002';
  const milestone = m(2027, 'percent', 40, { unitValues: [{ unitId: VO_XU, value: 70 }] });
  it.each<[string, string, boolean, MilestoneDto, Partial<MilestoneDto>]>([
    ['a thị trấn with its own 70%', VO_XU, false, milestone, { kind: 'percent', value: 70 }],
    ['a xã with the common 40%', OTHER, false, milestone, { kind: 'percent', value: 40 }],
    ['a count of communes is, for one commune, met or not', OTHER, false, units(2025, 7, 9), { kind: 'boolean', value: 1, total: null }],
    ['a target counted from standards is met or not', VO_XU, true, milestone, { kind: 'boolean', value: 1 }],
  ])('%s', (_what, unitId, standards, input, expected) => {
    expect(milestonesForUnit([input], unitId, standards)[0]).toMatchObject(expected);
  });

  it.each<[string, number, string]>([
    ['a xã at 45% against its 40%', 45, 'achieved'],
    ['a xã at 30% against its 40%, the year passed', 30, 'missed'],
  ])('%s', (_what, value, expected) => {
    const result = targetProgress({ periodStart: 2026, periodEnd: 2030, milestones: milestonesForUnit([milestone], OTHER, false), actuals: [{ ...actual(2027, value), unitId: OTHER }], today: '2028-02-01' });
    expect(result.status).toBe(expected);
  });
});
