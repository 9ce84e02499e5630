import type { z } from 'zod';
import type { Deadline } from '../../shared/deadlines.js';
import { AppError } from '../../shared/errors.js';
import type { ReportingDutyDto, ReportingDutyFields } from '../../shared/reporting.js';
import { listAgencies } from '../agencies/index.js';
import type { AppContext } from '../app/context.js';
import { assertRevision, inTransaction, insertRecord, nextPosition, tombstoneRecord, updateRecord, withoutTombstone, type ReadDb, type Tx } from '../db/records.js';
import type { ReportingDutiesTable } from './reporting.tables.js';
import { loadLivePlan } from '../plan-documents/index.js';

export type DutyWrite = z.output<typeof ReportingDutyFields>;

export function toDutyDto(row: ReportingDutiesTable): ReportingDutyDto {
  return { ...withoutTombstone(row), due: JSON.parse(row.due) as Deadline };
}

export async function loadLiveDuty(db: ReadDb, id: string): Promise<ReportingDutiesTable> {
  const row = await db.selectFrom('reportingDuties').selectAll().where('id', '=', id).where('deletedAt', 'is', null).executeTakeFirst();
  if (!row) throw new AppError('NOT_FOUND', 'Không tìm thấy nghĩa vụ báo cáo (có thể đã bị xóa).');
  return row;
}

export function loadDutyRows(db: ReadDb, planIds: string[]): Promise<ReportingDutiesTable[]> {
  if (planIds.length === 0) return Promise.resolve([]);
  return db.selectFrom('reportingDuties').selectAll().where('planId', 'in', planIds).where('deletedAt', 'is', null).orderBy('position').execute();
}

export async function listDuties(db: ReadDb, planId: string): Promise<ReportingDutyDto[]> {
  await loadLivePlan(db, planId);
  return (await loadDutyRows(db, [planId])).map(toDutyDto);
}

async function assertAgency(db: ReadDb, agencyId: string | null): Promise<void> {
  if (agencyId === null || (await listAgencies(db)).some((a) => a.id === agencyId)) return;
  throw new AppError('VALIDATION', 'Cơ quan báo cáo không tồn tại', { issues: [{ path: ['fromAgencyId'], message: 'Cơ quan báo cáo không tồn tại' }] });
}

function columnsOf(f: DutyWrite) {
  return { title: f.title, fromAgencyId: f.fromAgencyId, fromNote: f.fromNote, to: f.to, due: JSON.stringify(f.due) };
}

export async function createDutyInTx(tx: Tx, ctx: AppContext, planId: string, fields: DutyWrite): Promise<ReportingDutyDto> {
  await loadLivePlan(tx, planId);
  await assertAgency(tx, fields.fromAgencyId);
  return toDutyDto(await insertRecord(tx, ctx, 'reportingDuties', { planId, position: await nextPosition(tx, 'reportingDuties', { planId }), ...columnsOf(fields) }));
}

export function createDuty(ctx: AppContext, input: DutyWrite & { planId: string }): Promise<ReportingDutyDto> {
  return inTransaction(ctx, (tx) => createDutyInTx(tx, ctx, input.planId, input));
}

export function updateDuty(ctx: AppContext, input: DutyWrite & { id: string; rev: number }): Promise<ReportingDutyDto> {
  return inTransaction(ctx, async (tx) => {
    const before = await loadLiveDuty(tx, input.id);
    assertRevision(before, input.rev, 'Nghĩa vụ báo cáo');
    await assertAgency(tx, input.fromAgencyId);
    return toDutyDto(await updateRecord(tx, ctx, 'reportingDuties', before, columnsOf(input)));
  });
}

export function deleteDuty(ctx: AppContext, input: { id: string; rev: number }): Promise<{ id: string }> {
  return inTransaction(ctx, async (tx) => {
    const before = await loadLiveDuty(tx, input.id);
    assertRevision(before, input.rev, 'Nghĩa vụ báo cáo');
    await tombstoneRecord(tx, ctx, 'reportingDuties', before);
    return { id: before.id };
  });
}
