import type { Deadline } from '../../shared/deadlines.js';
import { AppError } from '../../shared/errors.js';
import type { ExpectedReport } from '../../shared/reporting.js';
import { expectedOccurrences, isReportOverdue } from '../../shared/reporting-schedule.js';
import { listAgencies } from '../agencies/index.js';
import type { AppContext } from '../app/context.js';
import { inTransaction, insertRecord, tombstoneRecord, updateRecord, type ReadDb } from '../db/records.js';
import type { PlansTable } from '../plan-documents/plan-documents.tables.js';
import type { ReportReceiptsTable, ReportingDutiesTable } from './reporting.tables.js';
import { listFollowedPlanRows, loadLivePlan } from '../plan-documents/index.js';
import { loadDutyRows, loadLiveDuty } from './duties.service.js';

async function loadReceipts(db: ReadDb, dutyIds: string[]): Promise<Map<string, ReportReceiptsTable>> {
  if (dutyIds.length === 0) return new Map();
  const rows = await db.selectFrom('reportReceipts').selectAll().where('dutyId', 'in', dutyIds).where('deletedAt', 'is', null).execute();
  return new Map(rows.map((r) => [`${r.dutyId}|${r.periodYear}`, r]));
}

function expand(duty: ReportingDutiesTable, plan: PlansTable, fromName: string, receipts: Map<string, ReportReceiptsTable>, today: string): ExpectedReport[] {
  return expectedOccurrences(JSON.parse(duty.due) as Deadline, plan.periodStart, plan.periodEnd).map((o) => {
    const receipt = receipts.get(`${duty.id}|${o.periodYear}`);
    const receivedOn = receipt?.receivedOn ?? null;
    return {
      dutyId: duty.id,
      planId: plan.id,
      planTitle: plan.title,
      title: duty.title,
      fromName,
      to: duty.to,
      periodYear: o.periodYear,
      dueDate: o.dueDate,
      receivedOn,
      note: receipt?.note ?? '',
      overdue: isReportOverdue(o, receivedOn, today),
    };
  });
}

/** The reports duties expect, of followed plans or one plan, optionally of one year; earliest due first. */
export async function listExpectedReports(db: ReadDb, today: string, filter: { planId?: string; year?: number }): Promise<ExpectedReport[]> {
  const plans = filter.planId ? [await loadLivePlan(db, filter.planId)] : await listFollowedPlanRows(db);
  const duties = await loadDutyRows(db, plans.map((p) => p.id));
  const receipts = await loadReceipts(db, duties.map((d) => d.id));
  const agencyName = new Map((await listAgencies(db)).map((a) => [a.id, a.name]));
  const planById = new Map(plans.map((p) => [p.id, p]));
  return duties
    .flatMap((d) => expand(d, planById.get(d.planId)!, (d.fromAgencyId && agencyName.get(d.fromAgencyId)) || d.fromNote, receipts, today))
    .filter((r) => filter.year === undefined || r.periodYear === filter.year)
    .sort((a, b) => a.dueDate.localeCompare(b.dueDate) || a.title.localeCompare(b.title, 'vi'));
}

async function expectedOf(db: ReadDb, duty: ReportingDutiesTable, periodYear: number, today: string): Promise<ExpectedReport> {
  const found = (await listExpectedReports(db, today, { planId: duty.planId, year: periodYear })).find((r) => r.dutyId === duty.id);
  if (!found) {
    throw new AppError('VALIDATION', `Nghĩa vụ này không có báo cáo của năm ${periodYear}`, {
      issues: [{ path: ['periodYear'], message: `Không có báo cáo của năm ${periodYear}` }],
    });
  }
  return found;
}

export function markReceived(ctx: AppContext, input: { dutyId: string; periodYear: number; receivedOn: string; note: string }): Promise<ExpectedReport> {
  return inTransaction(ctx, async (tx) => {
    const duty = await loadLiveDuty(tx, input.dutyId);
    await expectedOf(tx, duty, input.periodYear, ctx.clock.today());
    const before = (await loadReceipts(tx, [duty.id])).get(`${duty.id}|${input.periodYear}`);
    const values = { receivedOn: input.receivedOn, note: input.note };
    if (before) await updateRecord(tx, ctx, 'reportReceipts', before, values);
    else await insertRecord(tx, ctx, 'reportReceipts', { dutyId: duty.id, periodYear: input.periodYear, ...values });
    return expectedOf(tx, duty, input.periodYear, ctx.clock.today());
  });
}

export function unmarkReceived(ctx: AppContext, input: { dutyId: string; periodYear: number }): Promise<ExpectedReport> {
  return inTransaction(ctx, async (tx) => {
    const duty = await loadLiveDuty(tx, input.dutyId);
    const before = (await loadReceipts(tx, [duty.id])).get(`${duty.id}|${input.periodYear}`);
    if (before) await tombstoneRecord(tx, ctx, 'reportReceipts', before);
    return expectedOf(tx, duty, input.periodYear, ctx.clock.today());
  });
}
