import type { z } from 'zod';
import type { PlanInput } from '../../shared/plans.js';
import type { PlanReferenceFields, PlanStatus } from '../../shared/plan-model.js';
import type { AppContext } from '../app/context.js';
import { assertRevision, inTransaction, insertRecord, syncLinks, tombstoneRecord, updateRecord, type Tx } from '../db/records.js';
import type { PlansTable } from './plan-documents.tables.js';
import { indexForSearch } from '../search/index.js';
import { findPlanByNumber, loadLivePlan } from './plans.repo.js';

export type PlanWrite = z.output<typeof PlanInput>;

async function indexPlan(tx: Tx, row: PlansTable): Promise<void> {
  const label = row.number ? `${row.number} ${row.title}` : row.title;
  await indexForSearch(tx, { entity: 'plan', recordId: row.id, label, detail: `${row.issuer}, ${row.periodStart}–${row.periodEnd}`, text: row.note });
}

/** Saves the plan's citations (diffed, so unchanged ones keep their identity) and marks a plan it replaces as superseded. */
async function writeReferences(tx: Tx, ctx: AppContext, plan: PlansTable, references: PlanReferenceFields[]): Promise<void> {
  const desired = [];
  for (const [position, ref] of references.entries()) {
    const linked = await findPlanByNumber(tx, ref.number, plan.id);
    desired.push({ planId: plan.id, position, relation: ref.relation, citation: ref.citation, number: ref.number, linkedPlanId: linked?.id ?? null });
    if (ref.relation === 'replaces' && linked && linked.status !== 'superseded') {
      const status: PlanStatus = 'superseded';
      await updateRecord(tx, ctx, 'plans', linked, { status });
    }
  }
  await syncLinks(tx, ctx, 'planReferences', { planId: plan.id }, desired);
}

/** Creates a plan with its citations inside a caller's transaction (forms, template import). */
export async function createPlanInTx(tx: Tx, ctx: AppContext, input: PlanWrite): Promise<PlansTable> {
  const row = await insertRecord(tx, ctx, 'plans', input.fields);
  await writeReferences(tx, ctx, row, input.references);
  await indexPlan(tx, row);
  return row;
}

export function createPlan(ctx: AppContext, input: PlanWrite): Promise<PlansTable> {
  return inTransaction(ctx, (tx) => createPlanInTx(tx, ctx, input));
}

export function updatePlan(ctx: AppContext, input: PlanWrite & { id: string; rev: number }): Promise<PlansTable> {
  return inTransaction(ctx, async (tx) => {
    const before = await loadLivePlan(tx, input.id);
    assertRevision(before, input.rev, 'Kế hoạch');
    const after = await updateRecord(tx, ctx, 'plans', before, input.fields);
    await writeReferences(tx, ctx, after, input.references);
    await indexPlan(tx, after);
    return after;
  });
}

/** Tombstones the plan and everything it holds, so the whole deletion travels in one bundle. */
export function deletePlan(ctx: AppContext, input: { id: string; rev: number }): Promise<{ id: string }> {
  return inTransaction(ctx, async (tx) => {
    const before = await loadLivePlan(tx, input.id);
    assertRevision(before, input.rev, 'Kế hoạch');
    await tombstoneRecord(tx, ctx, 'plans', before);
    return { id: before.id };
  });
}
