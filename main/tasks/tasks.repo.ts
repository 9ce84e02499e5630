import type { Deadline } from '../../shared/deadlines.js';
import { dueDate, isOverdue } from '../../shared/deadlines.js';
import { AppError } from '../../shared/errors.js';
import type { TaskStatus } from '../../shared/plan-model.js';
import type { TaskDto } from '../../shared/tasks.js';
import type { ReadDb } from '../db/records.js';
import type { TaskAgenciesTable, TasksTable } from './tasks.tables.js';

/** A plan's tasks with their agency and commune links, loaded in three queries. */
export interface TaskBundle {
  tasks: TasksTable[];
  agencies: Map<string, TaskAgenciesTable[]>;
  communes: Map<string, string[]>;
}

export async function loadLiveTask(db: ReadDb, id: string): Promise<TasksTable> {
  const row = await db.selectFrom('tasks').selectAll().where('id', '=', id).where('deletedAt', 'is', null).executeTakeFirst();
  if (!row) throw new AppError('NOT_FOUND', 'Không tìm thấy nhiệm vụ (có thể đã bị xóa).');
  return row;
}

function groupBy<T, V>(rows: T[], key: (row: T) => string, value: (row: T) => V): Map<string, V[]> {
  const map = new Map<string, V[]>();
  for (const row of rows) map.set(key(row), [...(map.get(key(row)) ?? []), value(row)]);
  return map;
}

export async function loadTaskBundle(db: ReadDb, planIds: string[]): Promise<TaskBundle> {
  if (planIds.length === 0) return { tasks: [], agencies: new Map(), communes: new Map() };
  const tasks = await db.selectFrom('tasks').selectAll().where('planId', 'in', planIds).where('deletedAt', 'is', null).orderBy('position').execute();
  const agencyRows = await db
    .selectFrom('taskAgencies')
    .innerJoin('tasks', 'tasks.id', 'taskAgencies.taskId')
    .selectAll('taskAgencies')
    .where('tasks.planId', 'in', planIds)
    .where('taskAgencies.deletedAt', 'is', null)
    .orderBy('taskAgencies.position')
    .execute();
  const communeRows = await db
    .selectFrom('taskCommunes')
    .innerJoin('tasks', 'tasks.id', 'taskCommunes.taskId')
    .select(['taskCommunes.taskId', 'taskCommunes.unitId'])
    .where('tasks.planId', 'in', planIds)
    .where('taskCommunes.deletedAt', 'is', null)
    .execute();
  return {
    tasks,
    agencies: groupBy(agencyRows, (r) => r.taskId, (r) => r),
    communes: groupBy(communeRows, (r) => r.taskId, (r) => r.unitId),
  };
}

export function parseDeadline(text: string | null): Deadline | null {
  return text === null ? null : (JSON.parse(text) as Deadline);
}

/** A stored task as the contract shows it, with its due day and overdue flag as of today. */
export function toTaskDto(row: TasksTable, bundle: TaskBundle, today: string): TaskDto {
  const { deletedAt: _deleted, isRequest, ...rest } = row;
  const links = bundle.agencies.get(row.id) ?? [];
  const deadline = parseDeadline(row.deadline);
  const status = row.status as TaskStatus;
  return {
    ...rest,
    isRequest: isRequest === 1,
    status,
    deadline,
    leadAgencyId: links.find((l) => l.role === 'lead')?.agencyId ?? null,
    coordinatorAgencyIds: links.filter((l) => l.role === 'coordinator').map((l) => l.agencyId),
    communeIds: bundle.communes.get(row.id) ?? [],
    dueDate: deadline ? dueDate(deadline, today) : null,
    overdue: isOverdue(deadline, today, status === 'done'),
  };
}
