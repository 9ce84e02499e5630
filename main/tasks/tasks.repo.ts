import type { Deadline } from '../../shared/deadlines.js';
import { AppError } from '../../shared/errors.js';
import type { TaskStatus } from '../../shared/plan-model.js';
import { headingIds } from '../../shared/task-outline.js';
import type { TaskDto } from '../../shared/tasks.js';
import type { ReadDb } from '../db/records.js';
import { loadMemberDirectory, membersOf, type MemberDirectory } from './members.js';
import { headingState, memberKindOf, parseMemberIds, taskState, type TaskState, type TaskStateInput } from './task-state.js';
import type { TaskAgenciesTable, TaskOccurrencesTable, TasksTable } from './tasks.tables.js';

/** The plan period each task's occurrences run over. */
export type PlanPeriods = Map<string, { start: number; end: number }>;

/** Plans' tasks with their links, occurrence rows and group members, loaded in a few queries. */
export interface TaskBundle {
  tasks: TasksTable[];
  agencies: Map<string, TaskAgenciesTable[]>;
  communes: Map<string, string[]>;
  occurrences: Map<string, Map<string, TaskOccurrencesTable>>;
  periods: PlanPeriods;
  directory: MemberDirectory;
}

export function findLiveTask(db: ReadDb, id: string): Promise<TasksTable | undefined> {
  return db.selectFrom('tasks').selectAll().where('id', '=', id).where('deletedAt', 'is', null).executeTakeFirst();
}

export async function loadLiveTask(db: ReadDb, id: string): Promise<TasksTable> {
  const row = await db.selectFrom('tasks').selectAll().where('id', '=', id).where('deletedAt', 'is', null).executeTakeFirst();
  if (!row) throw new AppError('NOT_FOUND', 'Không tìm thấy nhiệm vụ (có thể đã bị xóa).');
  return row;
}

function groupBy<T, V>(rows: T[], key: (row: T) => string, value: (row: T) => V): Map<string, V[]> {
  const map = new Map<string, V[]>();
  for (const row of rows) {
    const list = map.get(key(row));
    if (list) list.push(value(row));
    else map.set(key(row), [value(row)]);
  }
  return map;
}

export async function loadTaskBundle(db: ReadDb, plans: { id: string; periodStart: number; periodEnd: number }[]): Promise<TaskBundle> {
  const planIds = plans.map((p) => p.id);
  const periods: PlanPeriods = new Map(plans.map((p) => [p.id, { start: p.periodStart, end: p.periodEnd }]));
  const directory = await loadMemberDirectory(db);
  if (planIds.length === 0) return { tasks: [], agencies: new Map(), communes: new Map(), occurrences: new Map(), periods, directory };
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
  const occurrenceRows = await db
    .selectFrom('taskOccurrences')
    .innerJoin('tasks', 'tasks.id', 'taskOccurrences.taskId')
    .selectAll('taskOccurrences')
    .where('tasks.planId', 'in', planIds)
    .where('taskOccurrences.deletedAt', 'is', null)
    .execute();
  const occurrences = new Map<string, Map<string, TaskOccurrencesTable>>();
  for (const r of occurrenceRows) {
    const byKey = occurrences.get(r.taskId) ?? new Map<string, TaskOccurrencesTable>();
    byKey.set(`${r.periodKey}|${r.memberId}`, r);
    occurrences.set(r.taskId, byKey);
  }
  return {
    tasks,
    agencies: groupBy(agencyRows, (r) => r.taskId, (r) => r),
    communes: groupBy(communeRows, (r) => r.taskId, (r) => r.unitId),
    occurrences,
    periods,
    directory,
  };
}

export function parseDeadline(text: string | null): Deadline | null {
  return text === null ? null : (JSON.parse(text) as Deadline);
}

/** What the occurrence rules need to know of one task. */
export function stateInput(row: TasksTable, bundle: TaskBundle): TaskStateInput {
  return {
    row,
    deadline: parseDeadline(row.deadline),
    members: membersOf(memberKindOf(row), parseMemberIds(row), bundle.directory),
    stored: bundle.occurrences.get(row.id) ?? new Map(),
    period: bundle.periods.get(row.planId) ?? { start: 0, end: -1 },
  };
}

/**
 * Stored tasks as the contract shows them, as of today. Headings (items with
 * items under them) roll their status up from their children, deepest first.
 */
export function toTaskDtos(rows: TasksTable[], bundle: TaskBundle, today: string): Map<string, TaskDto> {
  const headings = headingIds(bundle.tasks);
  const children = groupBy(bundle.tasks.filter((t) => t.parentId !== null), (t) => t.parentId!, (t) => t);
  const states = new Map<string, TaskState>();
  const stateOf = (row: TasksTable, depth: number): TaskState => {
    const known = states.get(row.id);
    if (known) return known;
    const state =
      headings.has(row.id) && depth < 16
        ? headingState(parseDeadline(row.deadline), (children.get(row.id) ?? []).map((c) => stateOf(c, depth + 1).status as TaskStatus), today)
        : taskState(stateInput(row, bundle), today);
    states.set(row.id, state);
    return state;
  };
  return new Map(rows.map((row) => [row.id, toDto(row, bundle, stateOf(row, 0), headings.has(row.id))]));
}

function toDto(row: TasksTable, bundle: TaskBundle, state: TaskState, isHeading: boolean): TaskDto {
  const { deletedAt: _deleted, isRequest, status: _status, percent: _percent, memberKind, memberIds, ...rest } = row;
  const links = bundle.agencies.get(row.id) ?? [];
  return {
    ...rest,
    ...state,
    isRequest: isRequest === 1,
    isHeading,
    deadline: parseDeadline(row.deadline),
    memberKind: memberKindOf({ memberKind }),
    memberIds: parseMemberIds({ memberIds }),
    leadAgencyId: links.find((l) => l.role === 'lead')?.agencyId ?? null,
    coordinatorAgencyIds: links.filter((l) => l.role === 'coordinator').map((l) => l.agencyId),
    communeIds: bundle.communes.get(row.id) ?? [],
  };
}
