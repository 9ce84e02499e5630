import type { z } from 'zod';
import type { ComponentPlanDto, ComponentPlanFields } from '../../shared/plans.js';
import type { Deadline } from '../../shared/deadlines.js';
import type { AppContext } from '../app/context.js';
import { assertRevision, inTransaction, insertRecord, loadLiveRow, nextPosition, tombstoneRecord, updateRecord, withoutTombstone, type ReadDb, type Tx } from '../db/records.js';
import type { ComponentPlansTable } from './plan-documents.tables.js';
import { assertAssignment } from '../agencies/index.js';
import { loadLivePlan } from './plans.repo.js';

export type ComponentWrite = z.output<typeof ComponentPlanFields>;

function toDto(row: ComponentPlansTable): ComponentPlanDto {
  return {
    ...withoutTombstone(row),
    coordinatorAgencyIds: JSON.parse(row.coordinatorAgencyIds) as string[],
    completion: row.completion === null ? null : (JSON.parse(row.completion) as Deadline),
  };
}

function columnsOf(fields: ComponentWrite) {
  return {
    content: fields.content,
    leadAgencyId: fields.leadAgencyId,
    coordinatorAgencyIds: JSON.stringify(fields.coordinatorAgencyIds),
    coordinatorsNote: fields.coordinatorsNote,
    issuingBody: fields.issuingBody,
    completion: fields.completion === null ? null : JSON.stringify(fields.completion),
  };
}

function loadLiveComponent(db: ReadDb, id: string): Promise<ComponentPlansTable> {
  return loadLiveRow(db, 'componentPlans', id, 'Không tìm thấy kế hoạch thành phần (có thể đã bị xóa).');
}

export async function listComponentPlans(db: ReadDb, planId: string): Promise<ComponentPlanDto[]> {
  const rows = await db.selectFrom('componentPlans').selectAll().where('planId', '=', planId).where('deletedAt', 'is', null).orderBy('position').execute();
  return rows.map(toDto);
}

export async function createComponentInTx(tx: Tx, ctx: AppContext, planId: string, fields: ComponentWrite): Promise<ComponentPlanDto> {
  await loadLivePlan(tx, planId);
  await assertAssignment(tx, fields.leadAgencyId, fields.coordinatorAgencyIds);
  const position = await nextPosition(tx, 'componentPlans', { planId });
  return toDto(await insertRecord(tx, ctx, 'componentPlans', { planId, position, ...columnsOf(fields) }));
}

export function createComponent(ctx: AppContext, input: ComponentWrite & { planId: string }): Promise<ComponentPlanDto> {
  return inTransaction(ctx, (tx) => createComponentInTx(tx, ctx, input.planId, input));
}

export function updateComponent(ctx: AppContext, input: ComponentWrite & { id: string; rev: number }): Promise<ComponentPlanDto> {
  return inTransaction(ctx, async (tx) => {
    const before = await loadLiveComponent(tx, input.id);
    assertRevision(before, input.rev, 'Kế hoạch thành phần');
    await assertAssignment(tx, input.leadAgencyId, input.coordinatorAgencyIds);
    return toDto(await updateRecord(tx, ctx, 'componentPlans', before, columnsOf(input)));
  });
}

export function deleteComponent(ctx: AppContext, input: { id: string; rev: number }): Promise<{ id: string }> {
  return inTransaction(ctx, async (tx) => {
    const before = await loadLiveComponent(tx, input.id);
    assertRevision(before, input.rev, 'Kế hoạch thành phần');
    await tombstoneRecord(tx, ctx, 'componentPlans', before);
    return { id: before.id };
  });
}
