import type { z } from 'zod';
import type { PlanDto, PlanInput } from '../../shared/plans.js';
import type { PlanReferenceFields, PlanStatus } from '../../shared/plan-model.js';
import type { AppContext } from '../app/context.js';
import { assertRevision, inTransaction, newSyncColumns, type Tx } from '../db/rows.js';
import type { PlansTable } from '../db/tables/plans.tables.js';
import { tombstoneTargetsOfPlan } from '../targets/index.js';
import { tombstoneTasksOfPlan } from '../tasks/index.js';
import { tombstoneDutiesOfPlan } from '../reporting/index.js';
import { indexForSearch, removeFromSearch } from '../search/index.js';
import { insertRow, tombstoneRow, tombstoneWhere, updateRow } from './plan-rows.js';
import { findPlanByNumber, loadLivePlan, planLabel } from './plans.repo.js';
import { loadPlanDto } from './plan-dto.js';

export type PlanWrite = z.output<typeof PlanInput>;

async function indexPlan(tx: Tx, row: PlansTable): Promise<void> {
  const label = row.number ? `${row.number} ${row.title}` : row.title;
  await indexForSearch(tx, { entity: 'plan', recordId: row.id, label, detail: `${row.issuer}, ${row.periodStart}–${row.periodEnd}`, text: row.note });
}

/** Replaces the plan's citations and marks a plan it replaces as superseded. */
async function writeReferences(tx: Tx, ctx: AppContext, plan: PlansTable, references: PlanReferenceFields[], operation: string): Promise<void> {
  await tombstoneWhere(tx, ctx, 'planReferences', operation, 'planId', [plan.id]);
  for (const [position, ref] of references.entries()) {
    const linked = await findPlanByNumber(tx, ref.number, plan.id);
    await insertRow(tx, ctx, 'planReferences', operation, {
      ...newSyncColumns(ctx),
      planId: plan.id,
      position,
      relation: ref.relation,
      citation: ref.citation,
      number: ref.number,
      linkedPlanId: linked?.id ?? null,
    });
    if (ref.relation === 'replaces' && linked && linked.status !== 'superseded') {
      const status: PlanStatus = 'superseded';
      await updateRow(tx, ctx, 'plans', operation, linked, { status });
    }
  }
}

/** Creates a plan with its citations inside a caller's transaction (forms, template import). */
export async function createPlanInTx(tx: Tx, ctx: AppContext, input: PlanWrite): Promise<PlansTable> {
  const row: PlansTable = { ...newSyncColumns(ctx), ...input.fields };
  await insertRow(tx, ctx, 'plans', 'plans.create', row);
  await writeReferences(tx, ctx, row, input.references, 'plans.create');
  await indexPlan(tx, row);
  return row;
}

export function createPlan(ctx: AppContext, input: PlanWrite): Promise<PlanDto> {
  return inTransaction(ctx, async (tx) => loadPlanDto(tx, (await createPlanInTx(tx, ctx, input)).id));
}

export function updatePlan(ctx: AppContext, input: PlanWrite & { id: string; rev: number }): Promise<PlanDto> {
  return inTransaction(ctx, async (tx) => {
    const before = await loadLivePlan(tx, input.id);
    assertRevision(before, input.rev, 'Kế hoạch');
    const after = await updateRow(tx, ctx, 'plans', 'plans.update', before, input.fields);
    await writeReferences(tx, ctx, after, input.references, 'plans.update');
    await indexPlan(tx, after);
    return loadPlanDto(tx, after.id);
  });
}

/** Tombstones the plan and everything it holds, so the whole deletion travels in one bundle. */
export function deletePlan(ctx: AppContext, input: { id: string; rev: number }): Promise<{ id: string }> {
  return inTransaction(ctx, async (tx) => {
    const before = await loadLivePlan(tx, input.id);
    assertRevision(before, input.rev, 'Kế hoạch');
    await tombstoneWhere(tx, ctx, 'planReferences', 'plans.delete', 'planId', [before.id]);
    await tombstoneWhere(tx, ctx, 'componentPlans', 'plans.delete', 'planId', [before.id]);
    await tombstoneTargetsOfPlan(tx, ctx, before.id);
    await tombstoneTasksOfPlan(tx, ctx, before.id);
    await tombstoneDutiesOfPlan(tx, ctx, before.id);
    await tombstoneRow(tx, ctx, 'plans', 'plans.delete', before);
    await removeFromSearch(tx, before.id);
    return { id: before.id };
  });
}

export { planLabel };
