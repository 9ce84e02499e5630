import { POPULATION_FIGURE_LABELS, type ComputedSource, type MeasureKind, type PopulationFigure } from '../../shared/plan-model.js';
import { measureOfCount, meetsSource, milestonesForUnit, shareOfPopulation, targetProgress } from '../../shared/target-progress.js';
import type { ActualDto, CommuneStanding, MilestoneDto, TargetDto } from '../../shared/targets.js';
import { TITLE_LABELS, type TitleKind } from '../../shared/titles-criteria.js';
import type { TargetActualsTable, TargetsTable, TargetUnitValuesTable } from './targets.tables.js';
import { populationOf, type EducationData } from './education-data.js';
import { parseMilestones } from './targets.repo.js';

export interface PlanPeriod {
  periodStart: number;
  periodEnd: number;
}

/**
 * The measure computed counts are given in: a count of communes over the
 * communes of the year (which compares with unit counts and percentages alike
 * even after a merger), a yes/no, or a plain count.
 */
function computedKind(milestones: MilestoneDto[]): MeasureKind {
  if (milestones.some((m) => m.kind === 'percent' || m.kind === 'unitCount')) return 'unitCount';
  return milestones.every((m) => m.kind === 'boolean') ? 'boolean' : 'count';
}

/**
 * Actuals counted from the communes' education status, one per year with data
 * up to today; per commune too when the target is broken down by commune. The
 * denominator is the territory's communes today, and a commune with no status
 * for the year is said to have none.
 */
export function computedActuals(row: TargetsTable, milestones: MilestoneDto[], data: EducationData, todayYear: number): ActualDto[] {
  const source = row.source as ComputedSource | null;
  if (!source || data.communes.length === 0) return [];
  const kind = computedKind(milestones);
  const actuals: ActualDto[] = [];
  for (const [year, statuses] of [...data.byYear].sort(([a], [b]) => a - b)) {
    if (year > todayYear) continue;
    const met = data.communes.map((c) => ({ id: c.id, known: statuses.has(c.id), met: statuses.has(c.id) && meetsSource(source, statuses.get(c.id)!) }));
    const count = met.filter((c) => c.met).length;
    const unknown = met.filter((c) => !c.known).length;
    const note = `${count}/${data.communes.length} xã đạt${unknown > 0 ? `; ${unknown} xã chưa có số liệu năm ${year}` : ''}`;
    actuals.push({ year, unitId: null, ...measureOfCount(kind, count, data.communes.length), count: null, origin: 'computed', note });
    if (row.perCommune) {
      for (const c of met.filter((x) => x.known)) actuals.push({ year, unitId: c.id, value: c.met ? 1 : 0, total: null, count: null, origin: 'computed', note: c.met ? 'Đạt' : 'Chưa đạt' });
    }
  }
  return actuals;
}

/** Recognitions of each title per year, then per commune, as live decisions list them. */
export type RecognitionData = Map<TitleKind, Map<number, Map<string, number>>>;
export const NO_RECOGNITIONS: RecognitionData = new Map();

/**
 * Actuals counted from recognition decisions, for each year with at least
 * one decision for the title up to today: the territory's recognitions (its
 * communes' sum) and, per commune when followed per commune, each commune's
 * own, zero where it has none that year. A percentage divides by the yearly
 * figure of the same year; a year or commune without the figure has no
 * actual, since a share of an unknown number is not a figure.
 */
export function titleActuals(row: TargetsTable, milestones: MilestoneDto[], data: EducationData, recognitions: RecognitionData, todayYear: number): ActualDto[] {
  const title = row.titleSource as TitleKind | null;
  if (!title || data.communes.length === 0) return [];
  const percent = milestones.some((m) => m.kind === 'percent');
  const population = row.population as PopulationFigure | null;
  if (percent && population === null) return [];
  const label = TITLE_LABELS[title];
  const actuals: ActualDto[] = [];
  const actualOf = (year: number, unitId: string | null, count: number): ActualDto | null => {
    if (!percent) return { year, unitId, value: count, total: null, count: null, origin: 'computed', note: `${count.toLocaleString('vi-VN')} được công nhận “${label}” năm ${year}` };
    const figure = populationOf(data, population!, unitId, year).value;
    if (figure === null || figure === 0) return null;
    const note = `${count.toLocaleString('vi-VN')}/${figure.toLocaleString('vi-VN')} ${POPULATION_FIGURE_LABELS[population!].toLowerCase()} đạt “${label}” năm ${year}`;
    return { year, unitId, value: shareOfPopulation(count, figure), total: null, count, origin: 'computed', note };
  };
  for (const [year, byCommune] of [...(recognitions.get(title) ?? new Map<number, Map<string, number>>())].sort(([a], [b]) => a - b)) {
    if (year > todayYear) continue;
    const counts = data.communes.map((c) => ({ id: c.id, count: byCommune.get(c.id) ?? 0 }));
    const territory = actualOf(year, null, counts.reduce((n, c) => n + c.count, 0));
    if (territory) actuals.push(territory);
    if (row.perCommune) for (const c of counts) {
      const own = actualOf(year, c.id, c.count);
      if (own) actuals.push(own);
    }
  }
  return actuals;
}

/** A hand-entered actual; a count of a population takes its share from the yearly figures as they stand now. */
function manualActual(row: TargetActualsTable, population: PopulationFigure | null, data: EducationData): ActualDto {
  const base: ActualDto = { year: row.year, unitId: row.unitId, value: row.value, total: row.total, count: row.count, origin: 'manual', note: row.note };
  if (row.count === null || population === null) return base;
  const figure = populationOf(data, population, row.unitId, row.year).value;
  if (figure === null) return base;
  const words = `${row.count.toLocaleString('vi-VN')}/${figure.toLocaleString('vi-VN')} ${POPULATION_FIGURE_LABELS[population].toLowerCase()}`;
  return { ...base, value: shareOfPopulation(row.count, figure), note: row.note ? `${row.note} (${words})` : words };
}

/** Each commune judged on its own actuals against its own milestone values. */
function communeStandings(milestones: MilestoneDto[], actuals: ActualDto[], row: TargetsTable, plan: PlanPeriod, data: EducationData, today: string): CommuneStanding[] {
  return data.communes.map((c) => {
    const own = milestonesForUnit(milestones, c.id, row.source !== null);
    const progress = targetProgress({ milestones: own, periodStart: plan.periodStart, periodEnd: plan.periodEnd, actuals: actuals.filter((a) => a.unitId === c.id), today });
    const { checkpoints: _all, ...headline } = progress;
    return { unitId: c.id, name: c.name, ...headline };
  });
}

/** A stored target with its actuals and its progress, as of today: the whole territory, and each commune when it is followed per commune. */
export function toTargetDto(
  row: TargetsTable,
  plan: PlanPeriod,
  manual: TargetActualsTable[],
  unitValues: TargetUnitValuesTable[],
  data: EducationData,
  today: string,
  recognitions: RecognitionData = NO_RECOGNITIONS,
): TargetDto {
  const { deletedAt: _deleted, perCommune, ...rest } = row;
  const milestones = parseMilestones(row, unitValues, plan);
  const population = row.population as PopulationFigure | null;
  const todayYear = Number(today.slice(0, 4));
  const computed = [...computedActuals(row, milestones, data, todayYear), ...titleActuals(row, milestones, data, recognitions, todayYear)];
  const computedYears = new Set(computed.map((a) => `${a.year}|${a.unitId}`));
  // A computed figure stands where data exists; the hand-entered one of the same year and unit is kept out.
  const actuals = [...computed, ...manual.map((m) => manualActual(m, population, data)).filter((a) => !computedYears.has(`${a.year}|${a.unitId}`))].sort(
    (a, b) => a.year - b.year || (a.unitId ?? '').localeCompare(b.unitId ?? ''),
  );
  const territory = actuals.filter((a) => a.unitId === null);
  return {
    ...rest,
    population,
    source: row.source as ComputedSource | null,
    titleSource: row.titleSource as TitleKind | null,
    perCommune: perCommune === 1,
    milestones,
    actuals,
    progress: targetProgress({ milestones, periodStart: plan.periodStart, periodEnd: plan.periodEnd, actuals: territory, today }),
    communes: perCommune === 1 ? communeStandings(milestones, actuals, row, plan, data, today) : [],
  };
}
