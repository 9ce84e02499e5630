import type { z } from 'zod';
import { AppError } from '../../shared/errors.js';
import type { TaskStatus } from '../../shared/plan-model.js';
import { percentAfterReport, statusAfterReport } from '../../shared/task-progress.js';
import type { ProgressReportDto, ProgressReportFields } from '../../shared/tasks.js';
import { listAgencies } from '../agencies/index.js';
import type { AppContext } from '../app/context.js';
import { inTransaction, insertRecord, updateRecord, withoutTombstone, type ReadDb } from '../db/records.js';
import type { TaskProgressTable } from './tasks.tables.js';
import { loadLiveTask } from './tasks.repo.js';

export type ProgressWrite = z.output<typeof ProgressReportFields>;

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

/** The day of the task's latest report, so an older report entered late does not overwrite a newer status. */
async function latestReportDay(db: ReadDb, taskId: string): Promise<string | null> {
  const row = await db
    .selectFrom('taskProgress')
    .select((eb) => eb.fn.max('reportedOn').as('last'))
    .where('taskId', '=', taskId)
    .where('deletedAt', 'is', null)
    .executeTakeFirst();
  return (row?.last as string | null | undefined) ?? null;
}

/** Records a progress report; when it is the latest, its status or percent becomes the task's. */
export function reportProgress(ctx: AppContext, input: ProgressWrite): Promise<ProgressReportDto> {
  return inTransaction(ctx, async (tx) => {
    const task = await loadLiveTask(tx, input.taskId);
    const names = await agencyNames(tx);
    if (input.agencyId !== null && !names.has(input.agencyId)) {
      throw new AppError('VALIDATION', 'Cơ quan báo cáo không tồn tại', { issues: [{ path: ['agencyId'], message: 'Cơ quan báo cáo không tồn tại' }] });
    }
    const latest = await latestReportDay(tx, task.id);
    const row = await insertRecord(tx, ctx, 'taskProgress', input);
    if (latest === null || input.reportedOn >= latest) {
      const status = statusAfterReport(task.status as TaskStatus, input);
      await updateRecord(tx, ctx, 'tasks', task, { status, percent: percentAfterReport(task.percent, input) });
    }
    return toDto(row, names);
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
