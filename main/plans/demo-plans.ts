import { quarterEnd, type Deadline } from '../../shared/deadlines.js';
import type { TaskRow } from '../../shared/tasks.js';
import type { AppContext } from '../app/context.js';
import { listExpectedReports, markDelivered, settleDemoOccurrences } from '../reporting/index.js';
import { listTargets, recordActual } from '../targets/index.js';
import { listTaskRows, reportProgress, updateTask } from '../tasks/index.js';
import { importBundledTemplate } from './templates.service.js';

export const DEMO_TEMPLATE = 'tan-hong-2021-2030';

const REPORT_TEXTS = [
  'Đã xây dựng kế hoạch triển khai, lồng ghép vào chương trình công tác năm; tổ chức hội nghị quán triệt cho cán bộ, công chức.',
  'Tổ chức tuyên truyền trên hệ thống truyền thanh và trang thông tin điện tử; phối hợp Hội Khuyến học tổ chức Tuần lễ hưởng ứng học tập suốt đời.',
  'Rà soát, bổ sung tiêu chí đánh giá; hướng dẫn các xã, thị trấn triển khai mô hình Gia đình học tập, Dòng họ học tập.',
  'Kiểm tra, đánh giá kết quả thực hiện tại các xã, thị trấn; tổng hợp khó khăn, vướng mắc đề xuất Ủy ban nhân dân Huyện.',
];

const isoToday = (ctx: AppContext) => ctx.clock.today();

/** A few years of reports on every fourth task that has a lead: shares that grow, some reaching done. */
async function recordDemoProgress(ctx: AppContext, planId: string): Promise<void> {
  const today = isoToday(ctx);
  const lastYear = Math.min(2026, Number(today.slice(0, 4)));
  const tasks = (await listTaskRows(ctx.db, { planId, agencyRole: 'any', overdueOnly: false, assignedOnly: true }, today)).filter((t) => t.leadAgencyId !== null);
  const chosen = tasks.filter((_t, i) => i % 4 === 1);
  for (const [k, task] of chosen.entries()) {
    const years = [];
    for (let year = 2022; year <= lastYear; year++) if (`${year}-11-10` <= today) years.push(year);
    for (const [n, year] of years.entries()) {
      const finishes = k % 3 === 0 && n === years.length - 1;
      const percent = finishes ? 100 : Math.min(90, 20 * (n + 1) + (k % 3) * 5);
      await reportProgress(ctx, {
        taskId: task.id,
        periodKey: task.recurring ? String(year) : null,
        period: `Năm ${year}`,
        agencyId: task.leadAgencyId,
        text: REPORT_TEXTS[(k + n) % REPORT_TEXTS.length]!,
        status: finishes ? 'done' : null,
        percent,
        reportedOn: `${year}-11-10`,
      });
    }
  }
}

/** Hand-entered figures for three percentage targets no recorded data can compute: one on track, two behind. */
async function recordDemoActuals(ctx: AppContext, planId: string): Promise<void> {
  const today = isoToday(ctx);
  const targets = (await listTargets(ctx.db, planId, today)).filter((t) => t.source === null && t.milestones[0]?.kind === 'percent').slice(0, 3);
  for (const [i, target] of targets.entries()) {
    const goal = target.milestones[0]!.value;
    for (const [year, share] of [[2023, 0.5], [2025, 0.95 - 0.2 * i]] as const) {
      if (`${year}-12-31` > today) continue;
      const note = `Báo cáo tổng kết năm ${year} của Phòng Giáo dục và Đào tạo`;
      await recordActual(ctx, { targetId: target.id, year, unitId: null, value: Math.round(goal * share), total: null, note, recordedOn: [`${year + 1}-01-15`, today].sort()[0] });
    }
  }
}

/** The quarter that ended most recently before today, so a task due then is overdue. */
function lastEndedQuarter(today: string): Deadline {
  const year = Number(today.slice(0, 4));
  const quarter = Math.ceil(Number(today.slice(5, 7)) / 3);
  const previous = quarter === 1 ? { year: year - 1, quarter: 4 } : { year, quarter: quarter - 1 };
  return quarterEnd(previous.year, previous.quarter) < today ? { kind: 'quarter', ...previous } : { kind: 'year', year: year - 1 };
}

async function closeTask(ctx: AppContext, task: TaskRow): Promise<void> {
  await reportProgress(ctx, {
    taskId: task.id,
    periodKey: task.occurrence?.periodKey ?? null,
    period: `Năm ${task.dueDate?.slice(0, 4) ?? isoToday(ctx).slice(0, 4)}`,
    agencyId: task.leadAgencyId,
    text: 'Đã hoàn thành và gửi báo cáo đúng hạn.',
    status: 'done',
    percent: 100,
    reportedOn: isoToday(ctx),
  });
}

/** Leaves exactly one overdue task: closes any extra, or gives one open task a deadline that has passed. */
async function leaveOneOverdue(ctx: AppContext, planId: string): Promise<void> {
  const today = isoToday(ctx);
  const query = { planId, agencyRole: 'any' as const, overdueOnly: false, assignedOnly: true };
  // The one left to chase should read well on the home page: one with a lead and the fullest wording.
  const overdue = (await listTaskRows(ctx.db, { ...query, overdueOnly: true }, today)).sort(
    (a, b) => Number(b.leadAgencyId !== null) - Number(a.leadAgencyId !== null) || b.text.length - a.text.length,
  );
  for (const task of overdue.slice(1)) await closeTask(ctx, task);
  if (overdue.length > 0) return;
  const open = (await listTaskRows(ctx.db, query, today)).sort((a, b) => Number(a.deadline !== null) - Number(b.deadline !== null)).find((t) => t.leadAgencyId !== null && !t.isHeading && !t.recurring && t.status !== 'done');
  if (!open) return;
  const { id, rev, parentId, number, text, leadAgencyId, coordinatorAgencyIds, communeIds, ownerNote, isRequest, status } = open;
  await updateTask(ctx, { id, rev, parentId, number, text, leadAgencyId, coordinatorAgencyIds, communeIds, ownerNote, isRequest, status, deadline: lastEndedQuarter(today) });
}

/** Marks every report due before today as received a few days late, except the latest, which is left to chase. */
async function receiveDemoReports(ctx: AppContext, planId: string): Promise<void> {
  const today = isoToday(ctx);
  const past = (await listExpectedReports(ctx.db, today, { planId })).filter((r) => r.dueDate < today);
  for (const report of past.slice(0, -1)) {
    const received = report.dueDate.replace(/-(\d\d)$/, (_m, d: string) => `-${String(Math.min(Number(d) + 3, 28)).padStart(2, '0')}`);
    await markDelivered(ctx, { dutyId: report.dutyId, periodKey: report.periodKey, memberId: '', deliveredOn: received, note: 'Qua hệ thống văn bản điện tử' });
  }
}

/**
 * The demo's plan: Tân Hồng's plan from its template, a few years of progress,
 * the reports that came in, and exactly one task overdue as of the context's today.
 */
export async function loadDemoPlans(ctx: AppContext): Promise<void> {
  const plan = await importBundledTemplate(ctx, DEMO_TEMPLATE);
  await recordDemoProgress(ctx, plan.id);
  await recordDemoActuals(ctx, plan.id);
  await settleDemoOccurrences(ctx, plan.id);
  await leaveOneOverdue(ctx, plan.id);
  await receiveDemoReports(ctx, plan.id);
}
