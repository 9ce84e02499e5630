import { AppError } from '../../shared/errors.js';
import type { MilestoneDto } from '../../shared/targets.js';
import type { ReadDb } from '../db/records.js';
import type { TargetActualsTable, TargetsTable } from './targets.tables.js';

export async function loadLiveTarget(db: ReadDb, id: string): Promise<TargetsTable> {
  const row = await db.selectFrom('targets').selectAll().where('id', '=', id).where('deletedAt', 'is', null).executeTakeFirst();
  if (!row) throw new AppError('NOT_FOUND', 'Không tìm thấy mục tiêu (có thể đã bị xóa).');
  return row;
}

export function loadTargetRows(db: ReadDb, planIds: string[]): Promise<TargetsTable[]> {
  if (planIds.length === 0) return Promise.resolve([]);
  return db.selectFrom('targets').selectAll().where('planId', 'in', planIds).where('deletedAt', 'is', null).orderBy('position').execute();
}

/** Hand-entered actuals of the targets, grouped by target. */
export async function loadManualActuals(db: ReadDb, targetIds: string[]): Promise<Map<string, TargetActualsTable[]>> {
  const map = new Map<string, TargetActualsTable[]>();
  if (targetIds.length === 0) return map;
  const rows = await db.selectFrom('targetActuals').selectAll().where('targetId', 'in', targetIds).where('deletedAt', 'is', null).orderBy('year').execute();
  for (const row of rows) map.set(row.targetId, [...(map.get(row.targetId) ?? []), row]);
  return map;
}

export function parseMilestones(row: TargetsTable): MilestoneDto[] {
  return JSON.parse(row.milestones) as MilestoneDto[];
}
