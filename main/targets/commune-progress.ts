import { isCommuneMet, meetsSource, nextMilestone } from '../../shared/target-progress.js';
import type { ComputedSource } from '../../shared/plan-model.js';
import type { CommuneProgress, TargetDto } from '../../shared/targets.js';
import type { ReadDb } from '../db/records.js';
import type { PlansTable } from '../plan-documents/plan-documents.tables.js';
import { listFollowedPlanRows, loadLivePlan } from '../plan-documents/index.js';
import { latestDataYear, loadCommunes, loadEducationData, type EducationData } from './education-data.js';
import { listTargetsOfPlans } from './target-list.js';

/** Which communes meet a per-commune target as of today: counted from data where it exists, else from hand-entered figures. */
function communesMeeting(target: TargetDto, plan: PlansTable, data: EducationData, todayYear: number): Set<string> {
  const next = nextMilestone(target.milestones, plan.periodEnd, todayYear);
  if (!next) return new Set();
  const limit = Math.min(next.year, todayYear);
  const dataYear = target.source ? latestDataYear(data, limit) : null;
  if (target.source && dataYear !== null) {
    const statuses = data.byYear.get(dataYear)!;
    return new Set(data.communes.filter((c) => statuses.has(c.id) && meetsSource(target.source as ComputedSource, statuses.get(c.id)!)).map((c) => c.id));
  }
  const latest = new Map<string, { year: number; value: number }>();
  for (const a of target.actuals) {
    if (a.unitId === null || a.origin !== 'manual' || a.year > limit) continue;
    if ((latest.get(a.unitId)?.year ?? -1) <= a.year) latest.set(a.unitId, { year: a.year, value: a.value });
  }
  return new Set([...latest].filter(([, a]) => isCommuneMet(next.milestone, a.value)).map(([id]) => id));
}

/** Per commune: how many of the per-commune targets of followed plans (or one plan) it meets. */
export async function communeProgress(db: ReadDb, today: string, planId?: string): Promise<CommuneProgress[]> {
  const plans = planId ? [await loadLivePlan(db, planId)] : await listFollowedPlanRows(db);
  const targets = (await listTargetsOfPlans(db, plans, today)).filter((t) => t.perCommune);
  const communes = await loadCommunes(db);
  if (targets.length === 0 || plans.length === 0) return communes.map((c) => ({ unitId: c.id, name: c.name, achieved: 0, total: 0 }));
  const todayYear = Number(today.slice(0, 4));
  const data = await loadEducationData(db, Math.min(...plans.map((p) => p.periodStart)) - 1, todayYear);
  const planById = new Map(plans.map((p) => [p.id, p]));
  const meeting = targets.map((t) => communesMeeting(t, planById.get(t.planId)!, data, todayYear));
  return communes.map((c) => ({ unitId: c.id, name: c.name, achieved: meeting.filter((set) => set.has(c.id)).length, total: targets.length }));
}

