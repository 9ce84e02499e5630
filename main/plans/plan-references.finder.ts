import type { ReadDb } from '../db/rows.js';
import { describeDutyUsesOfAgency } from '../reporting/index.js';
import { describeActualUsesOfUnit } from '../targets/index.js';
import { describeTaskUsesOfAgency, describeTaskUsesOfUnit } from '../tasks/index.js';
import { listLivePlanRows, planLabel } from './plans.repo.js';

/** "1 kế hoạch thành phần của kế hoạch …": appendix rows that name the agency. */
async function describeComponentUsesOfAgency(db: ReadDb, agencyId: string): Promise<string[]> {
  const plans = await listLivePlanRows(db);
  const rows = await db
    .selectFrom('componentPlans')
    .select(['planId', 'leadAgencyId', 'coordinatorAgencyIds'])
    .where('deletedAt', 'is', null)
    .where('planId', 'in', plans.length ? plans.map((p) => p.id) : [''])
    .execute();
  const counts = new Map<string, number>();
  for (const r of rows) {
    if (r.leadAgencyId === agencyId || (JSON.parse(r.coordinatorAgencyIds) as string[]).includes(agencyId)) counts.set(r.planId, (counts.get(r.planId) ?? 0) + 1);
  }
  return [...counts].map(([id, n]) => `${n} kế hoạch thành phần của ${planLabel(plans.find((p) => p.id === id)!)}`);
}

/** What in plans refers to a unit ("3 nhiệm vụ của kế hoạch 4344/KH-UBND"); deletion is refused while any remains. */
export async function findUnitReferences(db: ReadDb, unitId: string): Promise<string[]> {
  return [...(await describeTaskUsesOfUnit(db, unitId)), ...(await describeActualUsesOfUnit(db, unitId))];
}

/** What in plans assigns work to an agency: tasks, progress reports, component plans, reporting duties. */
export async function findAgencyReferences(db: ReadDb, agencyId: string): Promise<string[]> {
  return [
    ...(await describeTaskUsesOfAgency(db, agencyId)),
    ...(await describeComponentUsesOfAgency(db, agencyId)),
    ...(await describeDutyUsesOfAgency(db, agencyId)),
  ];
}
