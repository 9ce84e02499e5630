import type { Deadline } from '../../shared/deadlines.js';
import { AppError } from '../../shared/errors.js';
import { isOccurrenceOverdue, occurrencesOf, type Occurrence } from '../../shared/occurrences.js';
import type { ExpectedReport } from '../../shared/reporting.js';
import { groupDeliveredOn, isLate } from '../../shared/reporting-schedule.js';
import { MEMBER_KIND_LABELS, type MemberKind } from '../../shared/tasks.js';
import type { AppContext } from '../app/context.js';
import { inTransaction, syncLinks, type ReadDb, type Tx } from '../db/records.js';
import type { PlansTable } from '../plan-documents/plan-documents.tables.js';
import { listFollowedPlanRows, loadLivePlan } from '../plan-documents/index.js';
import { assertMemberOf, findLiveTask, loadMemberDirectory, membersOf, setOccurrenceInTx, type Member, type MemberDirectory } from '../tasks/index.js';
import type { DutyOccurrencesTable, ReportingDutiesTable } from './reporting.tables.js';
import { loadDutyRows, loadLiveDuty } from './duties.service.js';

type Stored = Map<string, DutyOccurrencesTable>;

async function loadStored(db: ReadDb, dutyIds: string[]): Promise<Map<string, Stored>> {
  const byDuty = new Map<string, Stored>();
  if (dutyIds.length === 0) return byDuty;
  const rows = await db.selectFrom('dutyOccurrences').selectAll().where('dutyId', 'in', dutyIds).where('deletedAt', 'is', null).execute();
  for (const r of rows) {
    const stored = byDuty.get(r.dutyId) ?? new Map();
    stored.set(`${r.periodKey}|${r.memberId}`, r);
    byDuty.set(r.dutyId, stored);
  }
  return byDuty;
}

interface DutyContext {
  duty: ReportingDutiesTable;
  plan: PlansTable;
  members: Member[];
  fromName: string;
  stored: Stored;
}

function membersOfDuty(duty: ReportingDutiesTable, directory: MemberDirectory): Member[] {
  return membersOf(duty.memberKind as MemberKind, JSON.parse(duty.memberIds) as string[], directory);
}

/** One occurrence of a duty: delivered by its sender, or by each member of its group. */
function expectedOf(c: DutyContext, o: Occurrence, today: string): ExpectedReport {
  const own = c.stored.get(`${o.periodKey}|`);
  const members = c.members.map((m) => {
    const on = c.stored.get(`${o.periodKey}|${m.id}`)?.deliveredOn ?? null;
    return { memberId: m.id, name: m.name, done: on !== null, on, late: isLate(o.dueDate, on) };
  });
  const deliveredOn = members.length > 0 ? groupDeliveredOn(members.map((m) => m.on)) : (own?.deliveredOn ?? null);
  return {
    dutyId: c.duty.id,
    planId: c.plan.id,
    planTitle: c.plan.title,
    planNumber: c.plan.number,
    title: c.duty.title,
    fromName: c.fromName,
    to: c.duty.to,
    outgoing: c.duty.outgoing === 1,
    periodKey: o.periodKey,
    periodLabel: o.label,
    year: o.year,
    dueDate: o.dueDate,
    deliveredOn,
    note: own?.note ?? '',
    overdue: isOccurrenceOverdue(o, deliveredOn !== null, today),
    late: members.length > 0 ? members.some((m) => m.late) : isLate(o.dueDate, deliveredOn),
    members,
    taskId: c.duty.taskId,
  };
}

/** Who owes it: the agency, else the note, else the group ("UBND các xã, thị trấn"). */
function fromNameOf(duty: ReportingDutiesTable, directory: MemberDirectory): string {
  const group = duty.memberKind === 'none' ? '' : MEMBER_KIND_LABELS[duty.memberKind as MemberKind];
  return (duty.fromAgencyId && directory.agencyNames.get(duty.fromAgencyId)) || duty.fromNote || group;
}

/** The reports duties expect, of followed plans or one plan, optionally of one year; earliest due first. */
export async function listExpectedReports(db: ReadDb, today: string, filter: { planId?: string; year?: number }): Promise<ExpectedReport[]> {
  const plans = filter.planId ? [await loadLivePlan(db, filter.planId)] : await listFollowedPlanRows(db);
  const duties = await loadDutyRows(db, plans.map((p) => p.id));
  const stored = await loadStored(db, duties.map((d) => d.id));
  const directory = await loadMemberDirectory(db);
  const planById = new Map(plans.map((p) => [p.id, p]));
  const reports: ExpectedReport[] = [];
  for (const duty of duties) {
    const plan = planById.get(duty.planId)!;
    const c: DutyContext = { duty, plan, members: membersOfDuty(duty, directory), fromName: fromNameOf(duty, directory), stored: stored.get(duty.id) ?? new Map() };
    for (const o of occurrencesOf(JSON.parse(duty.due) as Deadline, plan.periodStart, plan.periodEnd)) {
      if (filter.year === undefined || o.year === filter.year) reports.push(expectedOf(c, o, today));
    }
  }
  return reports.sort((a, b) => a.dueDate.localeCompare(b.dueDate) || a.title.localeCompare(b.title, 'vi'));
}

async function contextOf(db: ReadDb, duty: ReportingDutiesTable): Promise<DutyContext> {
  const plan = await loadLivePlan(db, duty.planId);
  const directory = await loadMemberDirectory(db);
  return { duty, plan, members: membersOfDuty(duty, directory), fromName: fromNameOf(duty, directory), stored: (await loadStored(db, [duty.id])).get(duty.id) ?? new Map() };
}

function occurrenceOf(c: DutyContext, periodKey: string): Occurrence {
  const found = occurrencesOf(JSON.parse(c.duty.due) as Deadline, c.plan.periodStart, c.plan.periodEnd).find((o) => o.periodKey === periodKey);
  if (found) return found;
  const message = `Nghĩa vụ này không có kỳ báo cáo "${periodKey}" trong thời gian của kế hoạch`;
  throw new AppError('VALIDATION', message, { issues: [{ path: ['periodKey'], message }] });
}

export interface DeliveryWrite {
  dutyId: string;
  periodKey: string;
  memberId: string;
  deliveredOn: string;
  note: string;
}

/**
 * Writes one occurrence's delivery for the duty or one member (null: not
 * delivered). When the duty is a task of the plan, the task's occurrence follows, so they stay one item.
 */
async function writeDelivery(tx: Tx, ctx: AppContext, input: Omit<DeliveryWrite, 'deliveredOn' | 'note'>, delivered: { deliveredOn: string; note: string } | null): Promise<ExpectedReport> {
  const duty = await loadLiveDuty(tx, input.dutyId);
  const c = await contextOf(tx, duty);
  const occurrence = occurrenceOf(c, input.periodKey);
  assertMemberOf(c.members, input.memberId);
  const scope = { dutyId: duty.id, periodKey: input.periodKey, memberId: input.memberId };
  await syncLinks(tx, ctx, 'dutyOccurrences', scope, delivered ? [{ ...scope, ...delivered }] : []);
  const task = duty.taskId ? await findLiveTask(tx, duty.taskId) : undefined;
  // The task follows only when it has the same occurrences and members as the duty.
  if (task && task.deadline === duty.due && task.memberKind === duty.memberKind && task.memberIds === duty.memberIds) {
    const status = delivered ? 'done' : 'not_started';
    await setOccurrenceInTx(tx, ctx, { taskId: task.id, periodKey: input.periodKey, memberId: input.memberId, status, doneOn: delivered?.deliveredOn ?? null, note: '' });
  }
  return expectedOf(await contextOf(tx, duty), occurrence, ctx.clock.today());
}

export function markDelivered(ctx: AppContext, input: DeliveryWrite): Promise<ExpectedReport> {
  return inTransaction(ctx, (tx) => writeDelivery(tx, ctx, input, { deliveredOn: input.deliveredOn, note: input.note }));
}

export function unmarkDelivered(ctx: AppContext, input: Omit<DeliveryWrite, 'deliveredOn' | 'note'>): Promise<ExpectedReport> {
  return inTransaction(ctx, (tx) => writeDelivery(tx, ctx, input, null));
}
