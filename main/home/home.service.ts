import { addDays } from '../../shared/dates.js';
import type { HomeOverview } from '../../shared/plans.js';
import type { ReadDb } from '../db/records.js';
import { listFollowedPlanRows } from '../plan-documents/index.js';
import { listExpectedReports } from '../reporting/index.js';
import { communeProgress, listTargetsOfPlans } from '../targets/index.js';
import { loadTaskRows } from '../tasks/index.js';

/** How many days ahead "sắp đến hạn" looks. */
export const UPCOMING_DAYS = 30;

const byDue = <T extends { dueDate: string | null }>(a: T, b: T) => (a.dueDate ?? '').localeCompare(b.dueDate ?? '');

/**
 * The home page of followed plans (live, not superseded): counts, what is
 * overdue, the next 30 days, per-commune progress. Headings are not tasks; a
 * task that is a report owed shows once, as the report; each count is the
 * length of the list it heads, so a card never disagrees with its list.
 */
export async function homeOverview(db: ReadDb, today: string): Promise<HomeOverview> {
  const plans = await listFollowedPlanRows(db);
  const [rows, targets, reports, communes] = await Promise.all([
    loadTaskRows(db, plans, today),
    listTargetsOfPlans(db, plans, today),
    listExpectedReports(db, today, {}),
    communeProgress(db, today),
  ]);
  const tasks = rows.filter((t) => !t.isHeading);
  const reportTasks = new Set(reports.flatMap((r) => (r.taskId ? [r.taskId] : [])));
  const listed = tasks.filter((t) => !reportTasks.has(t.id));
  const horizon = addDays(today, UPCOMING_DAYS);
  const soon = (due: string | null) => due !== null && due >= today && due <= horizon;
  const overdueTasks = listed.filter((t) => t.overdue).sort(byDue);
  const overdueReports = reports.filter((r) => r.overdue);
  return {
    today,
    counts: {
      plans: plans.length,
      tasks: tasks.length,
      tasksDone: tasks.filter((t) => t.status === 'done').length,
      tasksOverdue: overdueTasks.length,
      overdue: overdueTasks.length + overdueReports.length,
      targets: targets.length,
      targetsAchieved: targets.filter((t) => t.progress.status === 'achieved').length,
      targetsAtRisk: targets.filter((t) => t.progress.status === 'at_risk').length,
      reportsOverdue: overdueReports.length,
    },
    overdueTasks,
    upcomingTasks: listed.filter((t) => t.status !== 'done' && !t.overdue && soon(t.dueDate)).sort(byDue),
    overdueReports,
    upcomingReports: reports.filter((r) => r.deliveredOn === null && !r.overdue && soon(r.dueDate)),
    communeProgress: communes,
  };
}
