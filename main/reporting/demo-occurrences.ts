import { addDays } from '../../shared/dates.js';
import type { TaskRow } from '../../shared/tasks.js';
import type { AppContext } from '../app/context.js';
import { inTransaction, updateRecord, type Tx } from '../db/records.js';
import { listTaskOccurrences, listTaskRows, setOccurrenceInTx, updateTask } from '../tasks/index.js';
import { loadDutyRows } from './duties.service.js';

/** How many of the communes have done this year's work in the demo: some, not all, so the per-commune view has something to show. */
const COMMUNES_DONE_THIS_YEAR = 6;

/**
 * The demo under one status per occurrence: a report the plan also lists as a
 * task is linked to it (one item); the communes' yearly plans are owed by each
 * commune; recurring work done in every past period (a few days early), so the
 * demo still chases only what it means to (the reports are received later, by loadDemoPlans).
 */
export async function settleDemoOccurrences(ctx: AppContext, planId: string): Promise<void> {
  const today = ctx.clock.today();
  const query = { planId, agencyRole: 'any' as const, overdueOnly: false, assignedOnly: false };
  await inTransaction(ctx, async (tx) => {
    const linked = await linkReportTasks(tx, ctx, planId, await listTaskRows(tx, query, today));
    const communeWork = (await listTaskRows(tx, query, today)).find((t) => t.recurring && !t.isHeading && t.leadAgencyName?.startsWith('UBND các xã'));
    if (communeWork) await updateTask({ ...ctx, db: tx }, { ...communeWork, memberKind: 'communes', memberIds: [] });
    for (const task of await listTaskRows(tx, query, today)) {
      if ((task.recurring || linked.has(task.id)) && !task.isHeading) await settlePast(tx, ctx, task, today);
    }
  });
}

async function linkReportTasks(tx: Tx, ctx: AppContext, planId: string, tasks: TaskRow[]): Promise<Set<string>> {
  const linked = new Set<string>();
  for (const duty of await loadDutyRows(tx, [planId])) {
    const task = tasks.find((t) => !t.isHeading && t.deadline !== null && JSON.stringify(t.deadline) === duty.due && t.leadAgencyId === duty.fromAgencyId);
    if (!task || linked.has(task.id)) continue;
    await updateRecord(tx, ctx, 'reportingDuties', duty, { taskId: task.id });
    linked.add(task.id);
  }
  return linked;
}

async function settlePast(tx: Tx, ctx: AppContext, task: TaskRow, today: string): Promise<void> {
  for (const o of await listTaskOccurrences(tx, task.id, today)) {
    const thisYear = o.year === Number(today.slice(0, 4)) && o.dueDate >= today;
    if (o.status === 'done' || (o.dueDate >= today && !thisYear)) continue;
    const members = o.members.length === 0 ? [''] : o.members.map((m) => m.memberId).slice(0, thisYear ? COMMUNES_DONE_THIS_YEAR : undefined);
    if (thisYear && o.members.length === 0) continue;
    const doneOn = [addDays(o.dueDate, -3), today].sort()[0]!;
    for (const memberId of members) await setOccurrenceInTx(tx, ctx, { taskId: task.id, periodKey: o.periodKey, memberId, status: 'done', doneOn, note: '' });
  }
}
