import type { CommuneProgress } from '../../shared/targets.js';
import type { ReadDb } from '../db/records.js';
import { listFollowedPlanRows, loadLivePlan } from '../plan-documents/index.js';
import { loadCommunes } from './education-data.js';
import { listTargetsOfPlans } from './target-list.js';

/**
 * Per commune: how the per-commune targets of followed plans (or one plan)
 * stand, each judged against the commune's own value; the four counts add up
 * to the total shown beside them.
 */
export async function communeProgress(db: ReadDb, today: string, planId?: string): Promise<CommuneProgress[]> {
  const plans = planId ? [await loadLivePlan(db, planId)] : await listFollowedPlanRows(db);
  const targets = (await listTargetsOfPlans(db, plans, today)).filter((t) => t.perCommune);
  const communes = await loadCommunes(db);
  return communes.map((c) => {
    const row: CommuneProgress = { unitId: c.id, name: c.name, achieved: 0, onTrack: 0, behind: 0, noData: 0, total: targets.length };
    for (const t of targets) {
      const status = t.communes.find((s) => s.unitId === c.id)?.status ?? 'no_data';
      if (status === 'achieved') row.achieved++;
      else if (status === 'on_track') row.onTrack++;
      else if (status === 'no_data') row.noData++;
      else row.behind++;
    }
    return row;
  });
}
