import { describe, expect, it } from 'vitest';
import type { ActualDto, MilestoneDto } from './targets.js';
import { isCommuneMet, measureOfCount, meetsSource, nextMilestone, targetProgress, type EducationLevels } from './target-progress.js';

const m = (year: number | null, kind: MilestoneDto['kind'], value: number, total: number | null = null): MilestoneDto => ({
  year,
  kind,
  value,
  total,
  scope: '',
  qualifier: null,
  wording: '',
});
const actual = (year: number, value: number, total: number | null = null, origin: ActualDto['origin'] = 'manual'): ActualDto => ({
  year,
  unitId: null,
  value,
  total,
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

describe('nextMilestone', () => {
  const milestones = [m(2030, 'percent', 60), m(2025, 'percent', 40)];
  it.each([
    [2022, 2025],
    [2025, 2025],
    [2026, 2030],
    [2031, 2030],
  ])('in %d measures against %d', (todayYear, expected) => {
    expect(nextMilestone(milestones, 2030, todayYear)?.year).toBe(expected);
  });
  it('takes the plan end for a milestone with no year', () => {
    expect(nextMilestone([m(null, 'percent', 50)], 2027, 2022)?.year).toBe(2027);
  });
});

describe('targetProgress', () => {
  const base = { periodStart: 2021, periodEnd: 2030 };
  it.each([
    ['no actual', [m(2025, 'percent', 40)], [], '2023-06-01', 'no_data'],
    ['reached', [m(2025, 'percent', 40)], [actual(2023, 45)], '2023-06-01', 'achieved'],
    ['reached as a share of another total', [m(2025, 'unitCount', 7, 9)], [actual(2023, 3, 3)], '2023-06-01', 'achieved'],
    ['on the line (2 of 4 years → 20%, 90% of it is 18)', [m(2025, 'percent', 40)], [actual(2023, 18)], '2023-06-01', 'on_track'],
    ['below the line', [m(2025, 'percent', 40)], [actual(2023, 10)], '2023-06-01', 'at_risk'],
    ['last milestone past and not reached', [m(2025, 'percent', 40), m(2030, 'percent', 60)], [actual(2030, 50)], '2031-01-05', 'missed'],
    ['uses the latest actual not after the milestone', [m(2025, 'percent', 40)], [actual(2022, 10), actual(2024, 40)], '2024-12-01', 'achieved'],
    ['ignores actuals of later years', [m(2025, 'percent', 40)], [actual(2027, 90)], '2024-12-01', 'no_data'],
  ] as const)('%s', (_name, milestones, actuals, today, expected) => {
    expect(targetProgress({ ...base, milestones: [...milestones], actuals: [...actuals], today }).status).toBe(expected);
  });
  it('prefers the computed actual of a year over a manual one', () => {
    const result = targetProgress({ ...base, milestones: [m(2025, 'percent', 40)], actuals: [actual(2023, 10), actual(2023, 50, null, 'computed')], today: '2023-06-01' });
    expect(result.actual?.origin).toBe('computed');
    expect(result.milestoneYear).toBe(2025);
  });
});

describe('isCommuneMet', () => {
  it.each([
    ['percent', 70, 75, true],
    ['percent', 70, 60, false],
    ['unitCount', 9, 1, true],
    ['unitCount', 9, 0, false],
    ['boolean', 1, 1, true],
  ] as const)('%s milestone %d with commune value %d → %s', (kind, value, actualValue, expected) => {
    expect(isCommuneMet({ kind, value }, actualValue)).toBe(expected);
  });
});
