import type { Deadline } from '../../shared/deadlines.js';
import { dueDate as dueDateOf, isOverdue, isRecurring } from '../../shared/deadlines.js';
import type { TaskStatus } from '../../shared/plan-model.js';
import { currentOccurrence, isOccurrenceOverdue, occurrencesOf, ONCE_KEY, type Occurrence } from '../../shared/occurrences.js';
import { rollUpStatus } from '../../shared/task-outline.js';
import type { MemberKind, TaskOccurrence } from '../../shared/tasks.js';
import type { Member } from './members.js';
import type { TaskOccurrencesTable, TasksTable } from './tasks.tables.js';

/** Where a task stands as of today, as the lists show it. */
export interface TaskState {
  status: TaskStatus;
  percent: number | null;
  dueDate: string | null;
  overdue: boolean;
  overdueCount: number;
  occurrence: TaskOccurrence | null;
  recurring: boolean;
}

export interface TaskStateInput {
  row: TasksTable;
  deadline: Deadline | null;
  members: Member[];
  /** The task's stored occurrence rows, by `${periodKey}|${memberId}`. */
  stored: Map<string, TaskOccurrencesTable>;
  period: { start: number; end: number };
}

const DONE = (s: string) => s === 'done';

/**
 * One occurrence's state: its own row, or for a group each member's row,
 * done only when every member is.
 */
export function occurrenceState(o: Occurrence, input: Pick<TaskStateInput, 'members' | 'stored' | 'row'>, today: string): TaskOccurrence {
  // One-off work owed by one body keeps its status on the task row itself.
  const own = input.stored.get(`${o.periodKey}|`) ?? (o.periodKey === ONCE_KEY && input.members.length === 0 ? { ...input.row, doneOn: null } : undefined);
  const members = input.members.map((m) => {
    const row = input.stored.get(`${o.periodKey}|${m.id}`);
    const done = row !== undefined && DONE(row.status);
    const on = done ? (row.doneOn ?? null) : null;
    return { memberId: m.id, name: m.name, done, on, late: on !== null && on > o.dueDate };
  });
  let status = (own?.status as TaskStatus | undefined) ?? 'not_started';
  if (members.length > 0) {
    const doneCount = members.filter((m) => m.done).length;
    const begun = doneCount > 0 || input.members.some((m) => input.stored.get(`${o.periodKey}|${m.id}`)?.status === 'in_progress');
    status = doneCount === members.length ? 'done' : begun ? 'in_progress' : status === 'done' ? 'in_progress' : status;
  }
  const percent = members.length > 0 ? Math.round((100 * members.filter((m) => m.done).length) / members.length) : (own?.percent ?? null);
  const doneOn = status !== 'done' ? null : members.length > 0 ? (members.map((m) => m.on ?? '').sort().at(-1) ?? null) : (own?.doneOn ?? null);
  return { ...o, status, percent, doneOn, overdue: isOccurrenceOverdue(o, status === 'done', today), members };
}

/** Every occurrence of the task across its plan's period. */
export function taskOccurrences(input: TaskStateInput, today: string): TaskOccurrence[] {
  const occurrences = occurrencesOf(input.deadline, input.period.start, input.period.end);
  return occurrences.map((o) => occurrenceState(o, input, today));
}

/**
 * One-off work by one body keeps its status on the task; recurring or group
 * work shows its current occurrence (the oldest overdue, else the next).
 */
export function taskState(input: TaskStateInput, today: string): TaskState {
  const recurring = isRecurring(input.deadline);
  const { row, deadline } = input;
  if (!recurring && input.members.length === 0) {
    const status = row.status as TaskStatus;
    const overdue = isOverdue(deadline, today, status === 'done');
    return { status, percent: row.percent, dueDate: deadline ? dueDateOf(deadline, today) : null, overdue, overdueCount: overdue ? 1 : 0, occurrence: null, recurring };
  }
  // Lists show only the current occurrence in full; the others need only "done?", which keeps a
  // 2,000-task plan over ten years from building every occurrence's member list on each read.
  const all = occurrencesOf(deadline, input.period.start, input.period.end);
  const isDone = (o: Occurrence) => isOccurrenceDone(o.periodKey, input);
  const current = currentOccurrence(all, isDone, today);
  if (!current) return { status: row.status as TaskStatus, percent: row.percent, dueDate: null, overdue: false, overdueCount: 0, occurrence: null, recurring };
  const overdueCount = all.filter((o) => o.dueDate < today && !isDone(o)).length;
  const occurrence = occurrenceState(current, input, today);
  return { status: occurrence.status, percent: occurrence.percent, dueDate: occurrence.dueDate, overdue: overdueCount > 0, overdueCount, occurrence, recurring };
}

/** Done as occurrenceState judges it: its own row done, or for a group every member's. */
function isOccurrenceDone(periodKey: string, input: TaskStateInput): boolean {
  if (input.members.length === 0) {
    const own = input.stored.get(`${periodKey}|`);
    return own ? DONE(own.status) : periodKey === ONCE_KEY && DONE(input.row.status);
  }
  return input.members.every((m) => input.stored.get(`${periodKey}|${m.id}`)?.status === 'done');
}

/** A heading's state: its children's statuses rolled up; it is not itself due. */
export function headingState(deadline: Deadline | null, childStatuses: TaskStatus[], today: string): TaskState {
  return { status: rollUpStatus(childStatuses), percent: null, dueDate: deadline ? dueDateOf(deadline, today) : null, overdue: false, overdueCount: 0, occurrence: null, recurring: isRecurring(deadline) };
}

export function parseMemberIds(row: { memberIds: string }): string[] {
  return JSON.parse(row.memberIds) as string[];
}

export function memberKindOf(row: { memberKind: string }): MemberKind {
  return row.memberKind as MemberKind;
}
