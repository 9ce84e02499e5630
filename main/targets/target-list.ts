import type { TargetDto } from '../../shared/targets.js';
import type { ReadDb } from '../db/records.js';
import type { PlansTable } from '../plan-documents/plan-documents.tables.js';
import { listLivePlanRows, loadLivePlan } from '../plan-documents/index.js';
import { countRecognitions } from '../titles/index.js';
import { loadEducationData, NO_DATA } from './education-data.js';
import { NO_RECOGNITIONS, toTargetDto, type RecognitionData } from './target-dto.js';
import { loadManualActuals, loadTargetRows, loadUnitValues } from './targets.repo.js';

/** Targets of several plans with actuals and progress as of today, plan by plan in position order. */
export async function listTargetsOfPlans(db: ReadDb, plans: PlansTable[], today: string): Promise<TargetDto[]> {
  const rows = await loadTargetRows(db, plans.map((p) => p.id));
  if (rows.length === 0) return [];
  const todayYear = Number(today.slice(0, 4));
  const needsData = rows.some((r) => r.source !== null || r.titleSource !== null || r.perCommune === 1 || r.population !== null);
  // A year before the earliest plan lets a baseline year count.
  const firstYear = Math.min(...plans.map((p) => p.periodStart)) - 1;
  const data = needsData ? await loadEducationData(db, firstYear, Math.max(todayYear, ...plans.map((p) => p.periodEnd))) : NO_DATA;
  const ids = rows.map((r) => r.id);
  const [manual, unitValues] = await Promise.all([loadManualActuals(db, ids), loadUnitValues(db, ids)]);
  const recognitions = rows.some((r) => r.titleSource !== null) ? await loadRecognitions(db) : NO_RECOGNITIONS;
  const planById = new Map(plans.map((p) => [p.id, p]));
  return plans.flatMap((plan) =>
    rows
      .filter((r) => r.planId === plan.id)
      .map((r) => toTargetDto(r, planById.get(r.planId)!, manual.get(r.id) ?? [], unitValues.get(r.id) ?? [], data, today, recognitions)),
  );
}

/** Every title's recognitions per year and commune, read at once: a plan has a handful of title targets, not thousands. */
async function loadRecognitions(db: ReadDb): Promise<RecognitionData> {
  const data: RecognitionData = new Map();
  for (const r of await countRecognitions(db)) {
    if (r.communeId === null) continue;
    const byYear = data.get(r.title) ?? new Map<number, Map<string, number>>();
    const byCommune = byYear.get(r.year) ?? new Map<string, number>();
    byCommune.set(r.communeId, r.count);
    byYear.set(r.year, byCommune);
    data.set(r.title, byYear);
  }
  return data;
}

export async function listTargets(db: ReadDb, planId: string, today: string): Promise<TargetDto[]> {
  return listTargetsOfPlans(db, [await loadLivePlan(db, planId)], today);
}

export async function loadTargetDto(db: ReadDb, targetId: string, today: string): Promise<TargetDto> {
  const row = await db.selectFrom('targets').select(['planId']).where('id', '=', targetId).executeTakeFirstOrThrow();
  const found = (await listTargets(db, row.planId, today)).find((t) => t.id === targetId);
  if (!found) throw new Error(`target ${targetId} vanished inside its own transaction`);
  return found;
}

/** Live targets per live plan. */
export async function countTargetsByPlan(db: ReadDb): Promise<Map<string, number>> {
  const plans = await listLivePlanRows(db);
  const rows = await loadTargetRows(db, plans.map((p) => p.id));
  const counts = new Map<string, number>();
  for (const r of rows) counts.set(r.planId, (counts.get(r.planId) ?? 0) + 1);
  return counts;
}
