import type { z } from 'zod';
import { AppError, type FieldIssue } from '../../shared/errors.js';
import type { RecordActualInput, TargetDto, TargetFields } from '../../shared/targets.js';
import type { AppContext } from '../app/context.js';
import { assertTreePlacement } from '../db/trees.js';
import { assertRevision, inTransaction, insertRecord, nextPosition, tombstoneRecord, updateRecord, type ReadDb, type Tx } from '../db/records.js';
import type { PlansTable } from '../plan-documents/plan-documents.tables.js';
import type { TargetsTable } from './targets.tables.js';
import { planLabel } from '../../shared/plan-model.js';
import { loadLivePlan } from '../plan-documents/index.js';
import { indexForSearch } from '../search/index.js';
import { loadLiveUnit } from '../units/index.js';
import { loadTargetDto } from './target-list.js';
import { loadLiveTarget } from './targets.repo.js';

export type TargetWrite = z.output<typeof TargetFields>;

/** Refuses milestone years outside the plan period and a parent that is not a target of the plan. */
async function validate(db: ReadDb, plan: PlansTable, fields: TargetWrite, selfId: string | null): Promise<void> {
  const issues: FieldIssue[] = [];
  fields.milestones.forEach((m, i) => {
    if (m.year !== null && (m.year < plan.periodStart || m.year > plan.periodEnd)) {
      issues.push({ path: ['milestones', i, 'year'], message: `Mốc năm ${m.year} nằm ngoài giai đoạn ${plan.periodStart}–${plan.periodEnd} của kế hoạch` });
    }
  });
  if (issues.length > 0) throw new AppError('VALIDATION', issues[0]!.message, { issues });
  await assertTreePlacement(db, { table: 'targets', scope: { planId: plan.id }, id: selfId, parentId: fields.parentId, noun: 'mục tiêu' });
}

function columnsOf(f: TargetWrite) {
  return {
    section: f.section,
    code: f.code,
    text: f.text,
    parentId: f.parentId,
    population: f.population,
    populationLabel: f.populationLabel,
    source: f.source,
    perCommune: f.perCommune ? 1 : 0,
    milestones: JSON.stringify(f.milestones),
  };
}

async function indexTarget(tx: Tx, row: TargetsTable, plan: PlansTable): Promise<void> {
  await indexForSearch(tx, { entity: 'target', recordId: row.id, label: row.text, detail: `${row.section} — ${planLabel(plan)}`, text: row.populationLabel });
}

export async function createTargetInTx(tx: Tx, ctx: AppContext, planId: string, fields: TargetWrite): Promise<TargetsTable> {
  const plan = await loadLivePlan(tx, planId);
  await validate(tx, plan, fields, null);
  const row = await insertRecord(tx, ctx, 'targets', { planId, position: await nextPosition(tx, 'targets', { planId }), ...columnsOf(fields) });
  await indexTarget(tx, row, plan);
  return row;
}

export function createTarget(ctx: AppContext, input: TargetWrite & { planId: string }): Promise<TargetDto> {
  return inTransaction(ctx, async (tx) => loadTargetDto(tx, (await createTargetInTx(tx, ctx, input.planId, input)).id, ctx.clock.today()));
}

export function updateTarget(ctx: AppContext, input: TargetWrite & { id: string; rev: number }): Promise<TargetDto> {
  return inTransaction(ctx, async (tx) => {
    const before = await loadLiveTarget(tx, input.id);
    assertRevision(before, input.rev, 'Mục tiêu');
    const plan = await loadLivePlan(tx, before.planId);
    await validate(tx, plan, input, before.id);
    const after = await updateRecord(tx, ctx, 'targets', before, columnsOf(input));
    await indexTarget(tx, after, plan);
    return loadTargetDto(tx, after.id, ctx.clock.today());
  });
}

/** Deletes a target with its "trong đó" targets and their actuals, as the tables registered. */
export function deleteTarget(ctx: AppContext, input: { id: string; rev: number }): Promise<{ id: string }> {
  return inTransaction(ctx, async (tx) => {
    const before = await loadLiveTarget(tx, input.id);
    assertRevision(before, input.rev, 'Mục tiêu');
    await tombstoneRecord(tx, ctx, 'targets', before);
    return { id: before.id };
  });
}

/** Enters (or corrects) the hand-entered actual of a year, for the territory or one unit. */
export function recordActual(ctx: AppContext, input: z.output<typeof RecordActualInput>): Promise<TargetDto> {
  return inTransaction(ctx, async (tx) => {
    const target = await loadLiveTarget(tx, input.targetId);
    if (input.unitId !== null) await loadLiveUnit(tx, input.unitId);
    let existing = tx.selectFrom('targetActuals').selectAll().where('targetId', '=', target.id).where('year', '=', input.year).where('deletedAt', 'is', null);
    existing = input.unitId === null ? existing.where('unitId', 'is', null) : existing.where('unitId', '=', input.unitId);
    const before = await existing.executeTakeFirst();
    const values = { value: input.value, total: input.total, note: input.note, recordedOn: input.recordedOn ?? ctx.clock.today() };
    if (before) await updateRecord(tx, ctx, 'targetActuals', before, values);
    else await insertRecord(tx, ctx, 'targetActuals', { targetId: target.id, year: input.year, unitId: input.unitId, ...values });
    return loadTargetDto(tx, target.id, ctx.clock.today());
  });
}
