import { AppError } from '../../shared/errors.js';
import { isRecurring } from '../../shared/deadlines.js';
import { occurrencesOf } from '../../shared/occurrences.js';
import type { TaskStatus } from '../../shared/plan-model.js';
import type { TaskOccurrence } from '../../shared/tasks.js';
import type { AppContext } from '../app/context.js';
import { inTransaction, syncLinks, updateRecord, type ReadDb, type Tx } from '../db/records.js';
import { loadLivePlan } from '../plan-documents/index.js';
import { assertMemberOf } from './members.js';
import { occurrenceState, taskOccurrences } from './task-state.js';
import { loadLiveTask, loadTaskBundle, stateInput } from './tasks.repo.js';
import type { TasksTable } from './tasks.tables.js';

export interface OccurrenceWrite {
  taskId: string;
  periodKey: string;
  memberId: string;
  status: TaskStatus;
  doneOn: string | null;
  note: string;
}

async function inputOf(db: ReadDb, task: TasksTable) {
  const bundle = await loadTaskBundle(db, [await loadLivePlan(db, task.planId)]);
  return stateInput(bundle.tasks.find((t) => t.id === task.id) ?? task, bundle);
}

/** Every occurrence of a task across its plan's period, with each member's state. */
export async function listTaskOccurrences(db: ReadDb, taskId: string, today: string): Promise<TaskOccurrence[]> {
  return taskOccurrences(await inputOf(db, await loadLiveTask(db, taskId)), today);
}

/** True when the task keeps its status on its own row: one-off work owed by one body. */
export function keepsOwnStatus(task: TasksTable): boolean {
  return !isRecurring(task.deadline === null ? null : JSON.parse(task.deadline)) && task.memberKind === 'none';
}

/**
 * Records where one occurrence stands, for the task or one member of its group.
 * "Chưa thực hiện" with no note leaves no row (the default needs none).
 * One-off work owed by one body has no occurrence rows: its own status is set.
 */
export async function setOccurrenceInTx(tx: Tx, ctx: AppContext, input: OccurrenceWrite, percent: number | null = null): Promise<TaskOccurrence> {
  const task = await loadLiveTask(tx, input.taskId);
  const state = await inputOf(tx, task);
  const occurrence = occurrencesOf(state.deadline, state.period.start, state.period.end).find((o) => o.periodKey === input.periodKey);
  if (!occurrence) throw noSuchPeriod(input.periodKey);
  if (keepsOwnStatus(task)) {
    assertMemberOf([], input.memberId);
    const after = await updateRecord(tx, ctx, 'tasks', task, { status: input.status, percent: percent ?? (input.status === 'done' ? 100 : task.percent) });
    return occurrenceState(occurrence, await inputOf(tx, after), ctx.clock.today());
  }
  assertMemberOf(state.members, input.memberId);
  const scope = { taskId: task.id, periodKey: input.periodKey, memberId: input.memberId };
  const keep = input.status !== 'not_started' || input.note !== '';
  const doneOn = input.status === 'done' ? (input.doneOn ?? ctx.clock.today()) : null;
  await syncLinks(tx, ctx, 'taskOccurrences', scope, keep ? [{ ...scope, status: input.status, percent: percent ?? (input.status === 'done' ? 100 : null), doneOn, note: input.note }] : []);
  return occurrenceState(occurrence, await inputOf(tx, task), ctx.clock.today());
}

export function setOccurrence(ctx: AppContext, input: OccurrenceWrite): Promise<TaskOccurrence> {
  return inTransaction(ctx, (tx) => setOccurrenceInTx(tx, ctx, input));
}

function noSuchPeriod(periodKey: string): AppError {
  const message = `Nhiệm vụ không có kỳ "${periodKey}" trong thời gian của kế hoạch`;
  return new AppError('VALIDATION', message, { issues: [{ path: ['periodKey'], message }] });
}
