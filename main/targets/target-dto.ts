import type { ComputedSource, PopulationFigure } from '../../shared/plan-model.js';
import { measureOfCount, meetsSource, nextMilestone, targetProgress } from '../../shared/target-progress.js';
import type { ActualDto, MilestoneDto, TargetDto } from '../../shared/targets.js';
import type { TargetActualsTable, TargetsTable } from './targets.tables.js';
import type { EducationData } from './education-data.js';
import { parseMilestones } from './targets.repo.js';

export interface PlanPeriod {
  periodStart: number;
  periodEnd: number;
}

/**
 * Actuals counted from the communes' education status, one per year with data
 * up to today, in the measure of the milestone being chased; per commune too
 * when the target is broken down by commune.
 */
export function computedActuals(row: TargetsTable, m: MilestoneDto, data: EducationData, todayYear: number): ActualDto[] {
  const source = row.source as ComputedSource | null;
  if (!source || data.communes.length === 0) return [];
  const actuals: ActualDto[] = [];
  for (const [year, statuses] of [...data.byYear].sort(([a], [b]) => a - b)) {
    if (year > todayYear) continue;
    const met = data.communes.map((c) => ({ id: c.id, met: statuses.has(c.id) && meetsSource(source, statuses.get(c.id)!) }));
    const count = met.filter((c) => c.met).length;
    const measure = measureOfCount(m.kind, count, data.communes.length);
    actuals.push({ year, unitId: null, ...measure, origin: 'computed', note: `${count}/${data.communes.length} xã đạt` });
    if (row.perCommune) {
      for (const c of met) actuals.push({ year, unitId: c.id, value: c.met ? 1 : 0, total: null, origin: 'computed', note: c.met ? 'Đạt' : 'Chưa đạt' });
    }
  }
  return actuals;
}

function manualActual(row: TargetActualsTable): ActualDto {
  return { year: row.year, unitId: row.unitId, value: row.value, total: row.total, origin: 'manual', note: row.note };
}

/** A stored target with its actuals and its progress against the next milestone, as of today. */
export function toTargetDto(row: TargetsTable, plan: PlanPeriod, manual: TargetActualsTable[], data: EducationData, today: string): TargetDto {
  const { deletedAt: _deleted, perCommune, ...rest } = row;
  const milestones = parseMilestones(row);
  const todayYear = Number(today.slice(0, 4));
  const next = nextMilestone(milestones, plan.periodEnd, todayYear);
  const computed = next ? computedActuals(row, next.milestone, data, todayYear) : [];
  const computedYears = new Set(computed.map((a) => `${a.year}|${a.unitId}`));
  // A computed figure stands where data exists; the hand-entered one of the same year and unit is kept out.
  const actuals = [...computed, ...manual.map(manualActual).filter((a) => !computedYears.has(`${a.year}|${a.unitId}`))].sort(
    (a, b) => a.year - b.year || (a.unitId ?? '').localeCompare(b.unitId ?? ''),
  );
  return {
    ...rest,
    population: row.population as PopulationFigure | null,
    source: row.source as ComputedSource | null,
    perCommune: perCommune === 1,
    milestones,
    actuals,
    progress: targetProgress({ milestones, periodStart: plan.periodStart, periodEnd: plan.periodEnd, actuals, today }),
  };
}
