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

/** The home page of followed plans (live, not superseded): counts, what is overdue, the next 30 days, per-commune progress. */
export async function homeOverview(db: ReadDb, today: string): Promise<HomeOverview> {
  const plans = await listFollowedPlanRows(db);
  const [tasks, targets, reports, communes] = await Promise.all([
    loadTaskRows(db, plans, today),
    listTargetsOfPlans(db, plans, today),
    listExpectedReports(db, today, {}),
    communeProgress(db, today),
  ]);
  const horizon = addDays(today, UPCOMING_DAYS);
  const soon = (due: string | null) => due !== null && due >= today && due <= horizon;
  const overdueReports = reports.filter((r) => r.overdue);
  return {
    today,
    counts: {
      plans: plans.length,
      tasks: tasks.length,
      tasksDone: tasks.filter((t) => t.status === 'done').length,
      tasksOverdue: tasks.filter((t) => t.overdue).length,
      targets: targets.length,
      targetsAchieved: targets.filter((t) => t.progress.status === 'achieved').length,
      targetsAtRisk: targets.filter((t) => t.progress.status === 'at_risk').length,
      reportsOverdue: overdueReports.length,
    },
    overdueTasks: tasks.filter((t) => t.overdue).sort(byDue),
    upcomingTasks: tasks.filter((t) => t.status !== 'done' && soon(t.dueDate)).sort(byDue),
    overdueReports,
    upcomingReports: reports.filter((r) => r.receivedOn === null && soon(r.dueDate)),
    communeProgress: communes,
  };
}
