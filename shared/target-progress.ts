import type { ComputedSource, MeasureKind } from './plan-model.js';
import type { ActualDto, MilestoneDto, ProgressStatus, TargetProgress } from './targets.js';

/** A commune's education status of one year, as the units feature records it (flags are 0/1). */
export interface EducationLevels {
  literacyLevel: number;
  preschoolUniversal: number;
  primaryLevel: number;
  lowerSecondaryLevel: number;
  learningCentreIT: number;
}

/**
 * Whether a commune's status meets a computed source.
 * @example meetsSource('literacyLevel2', { literacyLevel: 2, ... }) === true
 */
export function meetsSource(source: ComputedSource, e: EducationLevels): boolean {
  switch (source) {
    case 'literacyLevel1':
      return e.literacyLevel >= 1;
    case 'literacyLevel2':
      return e.literacyLevel >= 2;
    case 'preschoolUniversal':
      return e.preschoolUniversal === 1;
    case 'primaryLevel2':
      return e.primaryLevel >= 2;
    case 'primaryLevel3':
      return e.primaryLevel >= 3;
    case 'lowerSecondaryLevel1':
      return e.lowerSecondaryLevel >= 1;
    case 'lowerSecondaryLevel2':
      return e.lowerSecondaryLevel >= 2;
    case 'lowerSecondaryLevel3':
      return e.lowerSecondaryLevel >= 3;
    case 'learningCentreIT':
      return e.learningCentreIT === 1;
  }
}

/**
 * A count of communes meeting a source, in a milestone's measure.
 * @example measureOfCount('percent', 3, 4) → { value: 75, total: null }
 */
export function measureOfCount(kind: MeasureKind, count: number, communes: number): { value: number; total: number | null } {
  switch (kind) {
    case 'unitCount':
      return { value: count, total: communes };
    case 'percent':
      return { value: communes === 0 ? 0 : Math.round((count / communes) * 10_000) / 100, total: null };
    case 'count':
      return { value: count, total: null };
    case 'boolean':
      return { value: communes > 0 && count === communes ? 1 : 0, total: null };
  }
}

/** The year a milestone falls due: its own, or the end of the plan when it names none. */
export function milestoneYearOf(m: Pick<MilestoneDto, 'year'>, periodEnd: number): number {
  return m.year ?? periodEnd;
}

/** The milestone measured against: the first not yet past, else the last. */
export function nextMilestone(milestones: MilestoneDto[], periodEnd: number, todayYear: number): { milestone: MilestoneDto; year: number } | null {
  const ordered = milestones
    .map((milestone) => ({ milestone, year: milestoneYearOf(milestone, periodEnd) }))
    .sort((a, b) => a.year - b.year);
  return ordered.find((m) => m.year >= todayYear) ?? ordered.at(-1) ?? null;
}

/** A value as a share of its goal's scale, so "7/9" and "78%" compare alike. */
function ratioOf(value: number, total: number | null, kind: MeasureKind): number {
  if (kind === 'unitCount' && total) return value / total;
  return value;
}

/** True when an actual reaches a milestone; unit counts compare as shares, since the office may count over another total. */
export function isMilestoneMet(m: MilestoneDto, actual: Pick<ActualDto, 'value' | 'total'>): boolean {
  if (m.kind === 'unitCount' && m.total && actual.total) return actual.value / actual.total >= m.value / m.total - 1e-9;
  return actual.value >= m.value;
}

export interface ProgressInput {
  milestones: MilestoneDto[];
  periodStart: number;
  periodEnd: number;
  /** Whole-territory actuals (unitId null), computed or manual. */
  actuals: ActualDto[];
  today: string;
}

/** The actual a milestone is judged on: the latest year not after the milestone nor today; computed wins a tie. */
export function pickActual(actuals: ActualDto[], limitYear: number): ActualDto | null {
  const usable = actuals.filter((a) => a.unitId === null && a.year <= limitYear);
  usable.sort((a, b) => b.year - a.year || (a.origin === 'computed' ? -1 : 1) - (b.origin === 'computed' ? -1 : 1));
  return usable[0] ?? null;
}

/**
 * đạt / đúng tiến độ / có nguy cơ / chưa đạt against the next milestone: on track
 * when the actual reaches 90% of a straight line from 0 at the plan's start to the goal.
 */
export function targetProgress(input: ProgressInput): TargetProgress {
  const todayYear = Number(input.today.slice(0, 4));
  const next = nextMilestone(input.milestones, input.periodEnd, todayYear);
  if (!next) return { milestone: null, milestoneYear: null, actual: null, status: 'no_data' };
  const actual = pickActual(input.actuals, Math.min(next.year, todayYear));
  return { milestone: next.milestone, milestoneYear: next.year, actual, status: statusOf(next.milestone, next.year, actual, input.periodStart, todayYear) };
}

function statusOf(m: MilestoneDto, year: number, actual: ActualDto | null, periodStart: number, todayYear: number): ProgressStatus {
  if (!actual) return 'no_data';
  if (isMilestoneMet(m, actual)) return 'achieved';
  if (year < todayYear) return 'missed';
  const span = year - periodStart;
  const elapsed = Math.min(Math.max(todayYear - periodStart, 0), Math.max(span, 0));
  const share = span <= 0 ? 1 : elapsed / span;
  const expected = ratioOf(m.value, m.total, m.kind) * share;
  return ratioOf(actual.value, actual.total, m.kind) >= expected * 0.9 ? 'on_track' : 'at_risk';
}

/**
 * Whether one commune's own figure meets a per-commune milestone: a share or a
 * count must reach the milestone's value; a unit count or yes/no is met by 1.
 */
export function isCommuneMet(m: Pick<MilestoneDto, 'kind' | 'value'>, value: number): boolean {
  return m.kind === 'percent' || m.kind === 'count' ? value >= m.value : value >= 1;
}
