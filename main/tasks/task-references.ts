import type { ReadDb } from '../db/rows.js';
import { listLivePlanRows, planLabel } from '../plans/index.js';

/** "3 nhiệm vụ của kế hoạch 4344/KH-UBND", one phrase per plan. */
async function phrasesByPlan(db: ReadDb, taskPlanIds: string[], noun: string): Promise<string[]> {
  const plans = new Map((await listLivePlanRows(db)).map((p) => [p.id, p]));
  const counts = new Map<string, number>();
  for (const planId of taskPlanIds) if (plans.has(planId)) counts.set(planId, (counts.get(planId) ?? 0) + 1);
  return [...counts].map(([planId, n]) => `${n} ${noun} của ${planLabel(plans.get(planId)!)}`);
}

/** Live tasks that name the agency as lead or coordinator, or carry its progress reports. */
export async function describeTaskUsesOfAgency(db: ReadDb, agencyId: string): Promise<string[]> {
  const assigned = await db
    .selectFrom('taskAgencies')
    .innerJoin('tasks', 'tasks.id', 'taskAgencies.taskId')
    .select(['tasks.id', 'tasks.planId'])
    .distinct()
    .where('taskAgencies.agencyId', '=', agencyId)
    .where('taskAgencies.deletedAt', 'is', null)
    .where('tasks.deletedAt', 'is', null)
    .execute();
  const reports = await db
    .selectFrom('taskProgress')
    .innerJoin('tasks', 'tasks.id', 'taskProgress.taskId')
    .select('tasks.planId')
    .where('taskProgress.agencyId', '=', agencyId)
    .where('taskProgress.deletedAt', 'is', null)
    .where('tasks.deletedAt', 'is', null)
    .execute();
  return [
    ...(await phrasesByPlan(db, assigned.map((r) => r.planId), 'nhiệm vụ')),
    ...(await phrasesByPlan(db, reports.map((r) => r.planId), 'báo cáo tiến độ')),
  ];
}

/** Live tasks that concern the unit. */
export async function describeTaskUsesOfUnit(db: ReadDb, unitId: string): Promise<string[]> {
  const rows = await db
    .selectFrom('taskCommunes')
    .innerJoin('tasks', 'tasks.id', 'taskCommunes.taskId')
    .select('tasks.planId')
    .where('taskCommunes.unitId', '=', unitId)
    .where('taskCommunes.deletedAt', 'is', null)
    .where('tasks.deletedAt', 'is', null)
    .execute();
  return phrasesByPlan(db, rows.map((r) => r.planId), 'nhiệm vụ');
}
