import type { PlanDetail } from '../../shared/plans.js';
import type { ReadDb } from '../db/records.js';
import { listDuties } from '../reporting/index.js';
import { listTargets } from '../targets/index.js';
import { listTaskDtos } from '../tasks/index.js';
import { listComponentPlans } from '../plan-documents/index.js';
import { loadPlanDto } from './plan-dto.js';

/** Everything the plan page shows, as of today. */
export async function getPlanDetail(db: ReadDb, id: string, today: string): Promise<PlanDetail> {
  const plan = await loadPlanDto(db, id);
  const [componentPlans, targets, tasks, duties] = await Promise.all([
    listComponentPlans(db, id),
    listTargets(db, id, today),
    listTaskDtos(db, id, today),
    listDuties(db, id),
  ]);
  return { plan, componentPlans, targets, tasks, duties };
}
