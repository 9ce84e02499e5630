import type { PlanDto, PlanSummary } from '../../shared/plans.js';
import type { PlanKind, PlanRelation, PlanStatus } from '../../shared/plan-model.js';
import type { ReadDb } from '../db/records.js';
import type { PlanReferencesTable, PlansTable } from '../plan-documents/plan-documents.tables.js';
import { countTargetsByPlan } from '../targets/index.js';
import { countTasksByPlan } from '../tasks/index.js';
import { withoutTombstone } from '../db/records.js';
import { listLivePlanRows, loadLivePlan, loadReferenceRows, sameNumber } from '../plan-documents/index.js';

type PlanBase = Omit<PlanDto, 'references' | 'citedBy'>;

function toPlanBase(row: PlansTable): PlanBase {
  return { ...withoutTombstone(row), kind: row.kind as PlanKind, status: row.status as PlanStatus };
}

/** A citation links to the plan stored at write time, or to a plan with its number added since. */
function resolveLink(ref: PlanReferencesTable, plans: PlansTable[]): string | null {
  const live = plans.find((p) => p.id === ref.linkedPlanId);
  if (live) return live.id;
  return plans.find((p) => p.id !== ref.planId && sameNumber(p.number, ref.number))?.id ?? null;
}

async function loadLiveReferences(db: ReadDb): Promise<PlanReferencesTable[]> {
  return db.selectFrom('planReferences').selectAll().where('deletedAt', 'is', null).execute();
}

export async function loadPlanDto(db: ReadDb, id: string): Promise<PlanDto> {
  const row = await loadLivePlan(db, id);
  const plans = await listLivePlanRows(db);
  const references = (await loadReferenceRows(db, id)).map((ref) => ({
    relation: ref.relation as PlanRelation,
    citation: ref.citation,
    number: ref.number,
    linkedPlanId: resolveLink(ref, plans),
  }));
  const citedBy = (await loadLiveReferences(db))
    .filter((ref) => ref.planId !== id && resolveLink(ref, plans) === id)
    .flatMap((ref) => {
      const citing = plans.find((p) => p.id === ref.planId);
      return citing ? [{ planId: citing.id, relation: ref.relation as PlanRelation, title: citing.title, number: citing.number }] : [];
    });
  return { ...toPlanBase(row), references, citedBy };
}

/** Every live plan with its counts as of today. */
export async function listPlanSummaries(db: ReadDb, today: string): Promise<PlanSummary[]> {
  const [plans, targets, tasks] = await Promise.all([listLivePlanRows(db), countTargetsByPlan(db), countTasksByPlan(db, today)]);
  return plans.map((row) => {
    const t = tasks.get(row.id);
    return { ...toPlanBase(row), targetCount: targets.get(row.id) ?? 0, taskCount: t?.total ?? 0, overdueCount: t?.overdue ?? 0, doneCount: t?.done ?? 0 };
  });
}
