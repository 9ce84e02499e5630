import type { z } from 'zod';
import type { Deadline } from '../../shared/deadlines.js';
import { AppError } from '../../shared/errors.js';
import type { ReportingDutyDto, ReportingDutyFields } from '../../shared/reporting.js';
import type { MemberKind } from '../../shared/tasks.js';
import { listAgencies } from '../agencies/index.js';
import type { AppContext } from '../app/context.js';
import { assertRevision, inTransaction, insertRecord, nextPosition, tombstoneRecord, updateRecord, withoutTombstone, type ReadDb, type Tx } from '../db/records.js';
import type { ReportingDutiesTable } from './reporting.tables.js';
import { loadLivePlan } from '../plan-documents/index.js';
import { assertMembers, findLiveTask } from '../tasks/index.js';

type DutyGroupFields = 'outgoing' | 'memberKind' | 'memberIds' | 'taskId';
/** A duty as the form sends it; template import may leave direction, group and task out. */
export type DutyWrite = Omit<z.output<typeof ReportingDutyFields>, DutyGroupFields> & Partial<Pick<z.output<typeof ReportingDutyFields>, DutyGroupFields>>;

export function toDutyDto(row: ReportingDutiesTable): ReportingDutyDto {
  const { outgoing, memberKind, memberIds, ...rest } = withoutTombstone(row);
  return { ...rest, due: JSON.parse(row.due) as Deadline, outgoing: outgoing === 1, memberKind: memberKind as MemberKind, memberIds: JSON.parse(memberIds) as string[] };
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
  return {
    title: f.title,
    fromAgencyId: f.fromAgencyId,
    fromNote: f.fromNote,
    to: f.to,
    due: JSON.stringify(f.due),
    // Left out (template import): a duty no agency owes is the office's own report upward, as migration 0090 reads old duties.
    outgoing: (f.outgoing ?? f.fromAgencyId === null) ? 1 : 0,
    memberKind: f.memberKind ?? 'none',
    memberIds: JSON.stringify(f.memberIds ?? []),
    taskId: f.taskId ?? null,
  };
}

/** The task a report is must be a live task of the same plan. */
async function assertTask(db: ReadDb, planId: string, taskId: string | null): Promise<void> {
  if (taskId === null) return;
  const task = await findLiveTask(db, taskId);
  if (task?.planId !== planId) throw new AppError('VALIDATION', 'Nhiệm vụ tương ứng không thuộc kế hoạch này', { issues: [{ path: ['taskId'], message: 'Nhiệm vụ không thuộc kế hoạch này hoặc đã bị xóa' }] });
}

async function validate(db: ReadDb, planId: string, fields: DutyWrite): Promise<void> {
  await assertAgency(db, fields.fromAgencyId);
  await assertMembers(db, fields.memberKind ?? 'none', fields.memberIds ?? []);
  await assertTask(db, planId, fields.taskId ?? null);
}

export async function createDutyInTx(tx: Tx, ctx: AppContext, planId: string, fields: DutyWrite): Promise<ReportingDutyDto> {
  await loadLivePlan(tx, planId);
  await validate(tx, planId, fields);
  return toDutyDto(await insertRecord(tx, ctx, 'reportingDuties', { planId, position: await nextPosition(tx, 'reportingDuties', { planId }), ...columnsOf(fields) }));
}

export function createDuty(ctx: AppContext, input: DutyWrite & { planId: string }): Promise<ReportingDutyDto> {
  return inTransaction(ctx, (tx) => createDutyInTx(tx, ctx, input.planId, input));
}

export function updateDuty(ctx: AppContext, input: DutyWrite & { id: string; rev: number }): Promise<ReportingDutyDto> {
  return inTransaction(ctx, async (tx) => {
    const before = await loadLiveDuty(tx, input.id);
    assertRevision(before, input.rev, 'Nghĩa vụ báo cáo');
    await validate(tx, before.planId, input);
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
