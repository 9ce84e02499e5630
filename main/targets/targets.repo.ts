import { AppError } from '../../shared/errors.js';
import { milestoneYearOf } from '../../shared/target-progress.js';
import type { MilestoneDto, MilestoneSpan } from '../../shared/targets.js';
import type { ReadDb } from '../db/records.js';
import type { PlanPeriod } from './target-dto.js';
import type { TargetActualsTable, TargetsTable, TargetUnitValuesTable } from './targets.tables.js';

export async function loadLiveTarget(db: ReadDb, id: string): Promise<TargetsTable> {
  const row = await db.selectFrom('targets').selectAll().where('id', '=', id).where('deletedAt', 'is', null).executeTakeFirst();
  if (!row) throw new AppError('NOT_FOUND', 'Không tìm thấy mục tiêu (có thể đã bị xóa).');
  return row;
}

export function loadTargetRows(db: ReadDb, planIds: string[]): Promise<TargetsTable[]> {
  if (planIds.length === 0) return Promise.resolve([]);
  return db.selectFrom('targets').selectAll().where('planId', 'in', planIds).where('deletedAt', 'is', null).orderBy('position').execute();
}

async function groupByTarget<R extends { targetId: string }>(rows: Promise<R[]>): Promise<Map<string, R[]>> {
  const map = new Map<string, R[]>();
  for (const row of await rows) map.set(row.targetId, [...(map.get(row.targetId) ?? []), row]);
  return map;
}

/** Hand-entered actuals of the targets, grouped by target. */
export function loadManualActuals(db: ReadDb, targetIds: string[]): Promise<Map<string, TargetActualsTable[]>> {
  if (targetIds.length === 0) return Promise.resolve(new Map());
  return groupByTarget(db.selectFrom('targetActuals').selectAll().where('targetId', 'in', targetIds).where('deletedAt', 'is', null).orderBy('year').execute());
}

/** Per-unit milestone values of the targets, grouped by target. */
export function loadUnitValues(db: ReadDb, targetIds: string[]): Promise<Map<string, TargetUnitValuesTable[]>> {
  if (targetIds.length === 0) return Promise.resolve(new Map());
  return groupByTarget(db.selectFrom('targetUnitValues').selectAll().where('targetId', 'in', targetIds).where('deletedAt', 'is', null).execute());
}

/** The stored milestones with their per-unit values; a milestone stored before spans existed is one in its year. */
export function parseMilestones(row: TargetsTable, unitValues: TargetUnitValuesTable[], plan: PlanPeriod): MilestoneDto[] {
  const stored = JSON.parse(row.milestones) as (Omit<MilestoneDto, 'span' | 'unitValues'> & { span?: MilestoneSpan })[];
  return stored.map((m) => {
    const span = m.span ?? 'once';
    const year = milestoneYearOf({ year: m.year, span }, plan.periodStart, plan.periodEnd);
    const own = span === 'cumulative' ? [] : unitValues.filter((u) => u.year === year).map((u) => ({ unitId: u.unitId, value: u.value }));
    return { ...m, span, unitValues: own };
  });
}
