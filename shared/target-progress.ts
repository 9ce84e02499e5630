import type { ComputedSource, MeasureKind } from './plan-model.js';
import type { ActualDto, CheckpointDto, MilestoneDto, ProgressStatus, TargetProgress } from './targets.js';

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

/** A count as a percentage of a population, to two decimals. */
export function shareOfPopulation(count: number, population: number): number {
  return population <= 0 ? 0 : Math.round((count / population) * 10_000) / 100;
}

/** The year a once or cumulative milestone falls due (its own, or the end of the plan); a yearly one's first year. */
export function milestoneYearOf(m: Pick<MilestoneDto, 'year'> & { span?: MilestoneDto['span'] }, periodStart: number, periodEnd: number): number {
  if (m.span === 'yearly') return m.year ?? periodStart;
  return m.year ?? periodEnd;
}

/** The years a milestone is judged in: one, or every year from its first to the end of the period. */
export function checkpointYears(m: Pick<MilestoneDto, 'year' | 'span'>, periodStart: number, periodEnd: number): number[] {
  const first = milestoneYearOf(m, periodStart, periodEnd);
  if (m.span !== 'yearly') return [first];
  const years: number[] = [];
  for (let y = first; y <= periodEnd; y++) years.push(y);
  return years;
}

/**
 * Where a milestone's years collide with another's: a year may carry one
 * once-or-yearly milestone and one cumulative total. Returns the index of the
 * later milestone and the year, or null.
 */
export function overlappingMilestone(milestones: Pick<MilestoneDto, 'year' | 'span'>[], periodStart: number, periodEnd: number): { index: number; year: number } | null {
  const seen = new Map<string, number>();
  for (const [index, m] of milestones.entries()) {
    const family = m.span === 'cumulative' ? 'total' : 'level';
    for (const year of checkpointYears(m, periodStart, periodEnd)) {
      if (seen.has(`${family}|${year}`)) return { index, year };
      seen.set(`${family}|${year}`, index);
    }
  }
  return null;
}

/** A milestone's goal on one scale with its actuals: a share for percentages and unit counts, the number for counts, 1 for yes. */
function goalShare(m: Pick<MilestoneDto, 'kind' | 'value' | 'total'>): number {
  if (m.kind === 'percent') return m.value / 100;
  if (m.kind === 'unitCount') return m.total ? m.value / m.total : m.value;
  return m.kind === 'boolean' ? 1 : m.value;
}

/**
 * An actual on its milestone's scale. An actual with a total is a count of
 * units over the communes of its year, so "6/8" after a merger compares with
 * "7/9" and with "100%" as a share.
 */
function actualShare(m: Pick<MilestoneDto, 'kind' | 'total'>, a: Pick<ActualDto, 'value' | 'total'>): number {
  if (m.kind === 'boolean') return a.value >= 1 ? 1 : 0;
  if (m.kind === 'count') return a.value;
  if (a.total) return a.value / a.total;
  if (m.kind === 'percent') return a.value / 100;
  return m.total ? a.value / m.total : a.value;
}

/** Whether two milestones measure on one scale (a share of units and a percentage do; a count does not). */
const comparable = (a: MeasureKind, b: MeasureKind) => a === b || (a !== 'count' && a !== 'boolean' && b !== 'count' && b !== 'boolean');

/** True when an actual reaches a milestone. */
export function isMilestoneMet(m: Pick<MilestoneDto, 'kind' | 'value' | 'total'>, actual: Pick<ActualDto, 'value' | 'total'>): boolean {
  return actualShare(m, actual) >= goalShare(m) - 1e-9;
}

/**
 * How far an actual has come towards a milestone, 0–100, measured exactly as
 * isMilestoneMet measures: 100 when and only when it is met, so a bar never
 * shows full beside a status that says otherwise.
 */
export function progressPercent(m: Pick<MilestoneDto, 'kind' | 'value' | 'total'>, actual: Pick<ActualDto, 'value' | 'total'> | null): number | null {
  if (!actual) return null;
  if (isMilestoneMet(m, actual)) return 100;
  const goal = goalShare(m);
  if (goal <= 0) return 100;
  return Math.max(0, Math.min(99, Math.floor((actualShare(m, actual) / goal) * 100 + 1e-9)));
}

/** The actual of one year: computed wins over a hand-entered one of the same year. */
function actualOfYear(actuals: ActualDto[], year: number): ActualDto | null {
  const ofYear = actuals.filter((a) => a.year === year);
  return ofYear.find((a) => a.origin === 'computed') ?? ofYear[0] ?? null;
}

/** The actual a once milestone is judged on: the latest year not after the limit; computed wins a tie. */
export function pickActual(actuals: ActualDto[], limitYear: number): ActualDto | null {
  const years = actuals.filter((a) => a.year <= limitYear).map((a) => a.year);
  return years.length === 0 ? null : actualOfYear(actuals, Math.max(...years));
}

/** The sum of the yearly actuals from the start year to the limit, as one actual; null when no year has one. */
export function cumulativeActual(actuals: ActualDto[], fromYear: number, limitYear: number): ActualDto | null {
  let sum = 0;
  const years: number[] = [];
  for (let y = fromYear; y <= limitYear; y++) {
    const a = actualOfYear(actuals, y);
    if (a) {
      sum += a.value;
      years.push(y);
    }
  }
  if (years.length === 0) return null;
  const computed = years.every((y) => actualOfYear(actuals, y)!.origin === 'computed');
  const note = `Cộng ${years.length} năm có số liệu (${years[0]}–${years.at(-1)})`;
  return { year: years.at(-1)!, unitId: actuals[0]?.unitId ?? null, value: sum, total: null, count: null, origin: computed ? 'computed' : 'manual', note };
}

export interface ProgressInput {
  milestones: MilestoneDto[];
  periodStart: number;
  periodEnd: number;
  /** The actuals of the one unit judged (the whole territory, or one commune), computed or manual. */
  actuals: ActualDto[];
  /** ISO date. */
  today: string;
}

interface Checkpoint extends CheckpointDto {
  /** Milestones judged as one line of progress: all once milestones, or one yearly or cumulative milestone. */
  series: string;
  /** Where the straight line towards this checkpoint starts: a share at the start of a year. */
  base: { share: number; year: number };
}

/** Fraction of the time from the start of `fromYear` to the end of `toYear` that has gone by on `today`. */
function elapsed(fromYear: number, toYear: number, today: string): number {
  const start = Date.UTC(fromYear, 0, 1);
  const end = Date.UTC(toYear + 1, 0, 1);
  const now = Date.parse(`${today}T00:00:00Z`);
  return Math.min(1, Math.max(0, (now - start) / (end - start)));
}

function checkpointsOf(input: ProgressInput, todayYear: number): Checkpoint[] {
  const { periodStart, periodEnd, actuals } = input;
  const once = input.milestones
    .filter((m) => m.span === 'once')
    .map((m) => ({ m, year: milestoneYearOf(m, periodStart, periodEnd) }))
    .sort((a, b) => a.year - b.year);
  const result: Checkpoint[] = [];
  const judge = (m: MilestoneDto, year: number, actual: ActualDto | null, series: string, base: Checkpoint['base']): Checkpoint => {
    const met = actual ? isMilestoneMet(m, actual) : null;
    return { year, milestone: m, actual, met, passed: year < todayYear, percent: progressPercent(m, actual), series, base };
  };
  once.forEach(({ m, year }, i) => {
    const previous = once[i - 1];
    // The line starts from the previous milestone when the two measure alike, else from nothing at the plan's start.
    const base = previous && comparable(previous.m.kind, m.kind) ? { share: goalShare(previous.m), year: previous.year + 1 } : { share: 0, year: periodStart };
    result.push(judge(m, year, pickActual(actuals, Math.min(year, todayYear)), 'once', base));
  });
  input.milestones.forEach((m, i) => {
    if (m.span === 'yearly') {
      for (const year of checkpointYears(m, periodStart, periodEnd)) result.push(judge(m, year, year <= todayYear ? actualOfYear(actuals, year) : null, `yearly-${i}`, { share: 0, year }));
    } else if (m.span === 'cumulative') {
      const year = milestoneYearOf(m, periodStart, periodEnd);
      result.push(judge(m, year, cumulativeActual(actuals, periodStart, Math.min(year, todayYear)), `cumulative-${i}`, { share: 0, year: periodStart }));
    }
  });
  return result.sort((a, b) => a.year - b.year);
}

/** On track when the actual reaches 90% of a straight line from the checkpoint's base to its goal, as of today. */
function upcomingStatus(c: Checkpoint, today: string): ProgressStatus {
  if (!c.actual) return 'no_data';
  if (c.met) return 'achieved';
  const { milestone: m } = c;
  const expected = c.base.share + (goalShare(m) - c.base.share) * elapsed(c.base.year, c.year, today);
  const reached = actualShare(m, c.actual);
  return reached >= expected * 0.9 - 1e-9 ? 'on_track' : 'at_risk';
}

const SEVERITY: Record<ProgressStatus, number> = { missed: 4, at_risk: 3, no_data: 2, on_track: 1, achieved: 0 };

/**
 * The standing of a target (or of one commune on it) as of today. The latest
 * passed year of each line of milestones speaks first: unmet, it says
 * "Không đạt mốc 2025"; without figures, "Chưa có số liệu" for that year.
 * Otherwise the next year judged, the worst of its lines when several fall in
 * it. The bar's percent is measured against the milestone the status names.
 */
export function targetProgress(input: ProgressInput): TargetProgress {
  const todayYear = Number(input.today.slice(0, 4));
  const checkpoints = checkpointsOf(input, todayYear);
  const strip = (list: Checkpoint[]): CheckpointDto[] => list.map(({ series: _s, base: _b, ...c }) => c);
  if (checkpoints.length === 0) return { milestone: null, milestoneYear: null, actual: null, status: 'no_data', percent: null, checkpoints: [] };
  const latestPassed = new Map<string, Checkpoint>();
  for (const c of checkpoints) if (c.passed) latestPassed.set(c.series, c);
  const candidates: { c: Checkpoint; status: ProgressStatus }[] = [];
  for (const c of latestPassed.values()) if (c.met !== true) candidates.push({ c, status: c.met === false ? 'missed' : 'no_data' });
  const upcoming = checkpoints.filter((c) => !c.passed);
  if (candidates.length === 0 && upcoming.length > 0) {
    const first = upcoming[0]!.year;
    for (const c of upcoming.filter((u) => u.year === first)) candidates.push({ c, status: upcomingStatus(c, input.today) });
  }
  if (candidates.length === 0) {
    // Every year is past and the last of each line was met.
    const last = checkpoints.at(-1)!;
    candidates.push({ c: last, status: 'achieved' });
  }
  candidates.sort((a, b) => SEVERITY[b.status] - SEVERITY[a.status] || b.c.year - a.c.year);
  const { c, status } = candidates[0]!;
  return { milestone: c.milestone, milestoneYear: c.year, actual: c.actual, status, percent: c.percent, checkpoints: strip(checkpoints) };
}

/** "Không đạt mốc 2025", "Đúng tiến độ (mốc 2030)", "Chưa có số liệu mốc 2025": the status with the year it speaks of. */
export function progressLabel(p: Pick<TargetProgress, 'status' | 'milestoneYear'>, todayYear: number): string {
  const year = p.milestoneYear;
  if (year === null) return 'Chưa có mốc';
  switch (p.status) {
    case 'missed':
      return `Không đạt mốc ${year}`;
    case 'achieved':
      return `Đạt mốc ${year}`;
    case 'no_data':
      return year < todayYear ? `Chưa có số liệu mốc ${year}` : 'Chưa có số liệu';
    case 'on_track':
      return `Đúng tiến độ (mốc ${year})`;
    case 'at_risk':
      return `Có nguy cơ không đạt mốc ${year}`;
  }
}

/**
 * The milestones as one commune is judged on them: its own value where the
 * milestone sets one, else the common value. A count of units or a yes/no
 * (and any target counted from the communes' standards) is, for one commune,
 * whether it meets the standard.
 */
export function milestonesForUnit(milestones: MilestoneDto[], unitId: string, countsStandards: boolean): MilestoneDto[] {
  return milestones.map((m) => {
    if (countsStandards || m.kind === 'unitCount' || m.kind === 'boolean') return { ...m, kind: 'boolean', value: 1, total: null };
    const own = m.unitValues.find((u) => u.unitId === unitId);
    return own ? { ...m, value: own.value } : m;
  });
}
