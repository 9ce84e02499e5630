import type { z } from 'zod';
import { AppError } from '../../shared/errors.js';
import { ONCE_KEY } from '../../shared/occurrences.js';
import type { TaskStatus } from '../../shared/plan-model.js';
import { percentAfterReport, statusAfterReport } from '../../shared/task-progress.js';
import type { ProgressReportDto, ProgressReportEdit, ProgressReportFields } from '../../shared/tasks.js';
import { listAgencies } from '../agencies/index.js';
import type { AppContext } from '../app/context.js';
import { assertRevision, inTransaction, insertRecord, loadLiveRow, tombstoneRecord, updateRecord, withoutTombstone, type ReadDb, type Tx } from '../db/records.js';
import { keepsOwnStatus, setOccurrenceInTx } from './task-occurrences.service.js';
import type { TaskProgressTable, TasksTable } from './tasks.tables.js';
import { loadLiveTask } from './tasks.repo.js';

/** A report as the form sends it; callers inside main (the demo) may leave difficulties and proposals out. */
export type ProgressWrite = Omit<z.output<typeof ProgressReportFields>, 'difficulties' | 'proposals'> & { difficulties?: string; proposals?: string };
export type ProgressEdit = z.output<typeof ProgressReportEdit>;

function toDto(row: TaskProgressTable, names: Map<string, string>): ProgressReportDto {
  return {
    ...withoutTombstone(row),
    status: row.status as TaskStatus | null,
    agencyName: row.agencyId ? (names.get(row.agencyId) ?? null) : null,
  };
}

async function agencyNames(db: ReadDb): Promise<Map<string, string>> {
  return new Map((await listAgencies(db)).map((a) => [a.id, a.name]));
}

/** The latest report of one occurrence (or of one-off work), so an older report entered late does not overwrite a newer status. */
async function latestReport(db: ReadDb, taskId: string, periodKey: string | null): Promise<TaskProgressTable | undefined> {
  let query = db.selectFrom('taskProgress').selectAll().where('taskId', '=', taskId).where('deletedAt', 'is', null);
  query = periodKey === null ? query.where('periodKey', 'is', null) : query.where('periodKey', '=', periodKey);
  return query.orderBy('reportedOn', 'desc').orderBy('createdAt', 'desc').executeTakeFirst();
}

async function assertReport(db: ReadDb, task: TasksTable, input: { agencyId: string | null; periodKey: string | null }, names: Map<string, string>): Promise<void> {
  if (input.agencyId !== null && !names.has(input.agencyId)) {
    throw new AppError('VALIDATION', 'Cơ quan báo cáo không tồn tại', { issues: [{ path: ['agencyId'], message: 'Cơ quan báo cáo không tồn tại' }] });
  }
  if (!keepsOwnStatus(task) && input.periodKey === null) {
    const message = 'Nhiệm vụ định kỳ hoặc do nhiều đơn vị thực hiện: chọn kỳ báo cáo';
    throw new AppError('VALIDATION', message, { issues: [{ path: ['periodKey'], message }] });
  }
}

/**
 * Makes the latest report of an occurrence its status: the task's own for
 * one-off work, the occurrence's for recurring work, the member's when a
 * member of the group reports.
 */
async function applyLatest(tx: Tx, ctx: AppContext, task: TasksTable, report: TaskProgressTable): Promise<void> {
  const latest = await latestReport(tx, task.id, report.periodKey);
  if (latest?.id !== report.id) return;
  const fields = { status: report.status as TaskStatus | null, percent: report.percent };
  if (keepsOwnStatus(task) && report.periodKey === null) {
    await updateRecord(tx, ctx, 'tasks', task, { status: statusAfterReport(task.status as TaskStatus, fields), percent: percentAfterReport(task.percent, fields) });
    return;
  }
  const memberIds = JSON.parse(task.memberIds) as string[];
  const memberId = task.memberKind === 'agencies' && report.agencyId !== null && memberIds.includes(report.agencyId) ? report.agencyId : '';
  if (task.memberKind !== 'none' && memberId === '') return;
  const status = statusAfterReport('not_started', fields);
  await setOccurrenceInTx(tx, ctx, { taskId: task.id, periodKey: report.periodKey ?? ONCE_KEY, memberId, status, doneOn: status === 'done' ? report.reportedOn : null, note: '' }, percentAfterReport(null, fields));
}

/** Records a progress report; when it is the latest of its occurrence, its status or percent becomes the occurrence's. */
export function reportProgress(ctx: AppContext, input: ProgressWrite): Promise<ProgressReportDto> {
  return inTransaction(ctx, async (tx) => {
    const task = await loadLiveTask(tx, input.taskId);
    const names = await agencyNames(tx);
    await assertReport(tx, task, input, names);
    const row = await insertRecord(tx, ctx, 'taskProgress', { difficulties: '', proposals: '', ...input });
    await applyLatest(tx, ctx, task, row);
    return toDto(row, names);
  });
}

/** Edits a report; when it is (still) the latest of its occurrence, its status applies again. */
export function updateProgress(ctx: AppContext, input: ProgressEdit): Promise<ProgressReportDto> {
  return inTransaction(ctx, async (tx) => {
    const before = await loadLiveRow(tx, 'taskProgress', input.id, 'Không tìm thấy báo cáo tiến độ (có thể đã bị xóa).');
    assertRevision(before, input.rev, 'Báo cáo tiến độ');
    const task = await loadLiveTask(tx, before.taskId);
    const names = await agencyNames(tx);
    await assertReport(tx, task, input, names);
    const { id: _id, rev: _rev, ...fields } = input;
    const after = await updateRecord(tx, ctx, 'taskProgress', before, fields);
    await applyLatest(tx, ctx, task, after);
    return toDto(after, names);
  });
}

/** Deletes a report (a tombstone, so the deletion travels). The status it set stays until changed. */
export function deleteProgress(ctx: AppContext, input: { id: string; rev: number }): Promise<{ id: string }> {
  return inTransaction(ctx, async (tx) => {
    const before = await loadLiveRow(tx, 'taskProgress', input.id, 'Không tìm thấy báo cáo tiến độ (có thể đã bị xóa).');
    assertRevision(before, input.rev, 'Báo cáo tiến độ');
    await tombstoneRecord(tx, ctx, 'taskProgress', before);
    return { id: before.id };
  });
}

/** A task's reports, newest first. */
export async function listProgressReports(db: ReadDb, taskId: string): Promise<ProgressReportDto[]> {
  await loadLiveTask(db, taskId);
  const rows = await db
    .selectFrom('taskProgress')
    .selectAll()
    .where('taskId', '=', taskId)
    .where('deletedAt', 'is', null)
    .orderBy('reportedOn', 'desc')
    .orderBy('createdAt', 'desc')
    .execute();
  const names = await agencyNames(db);
  return rows.map((r) => toDto(r, names));
}
