import { describeDeadline } from '../../shared/deadlines';
import type { TaskStatus } from '../../shared/plan-model';
import type { HomeOverview } from '../../shared/plans';

/** A task or an expected report on the home page's lists, reduced to what a line shows. */
export interface DueItem {
  key: string;
  kind: 'task' | 'report';
  date: string;
  title: string;
  detail: string;
  to: string;
  overdue: boolean;
  /** Tasks only: where the work stands. */
  progress?: { status: TaskStatus; percent: number | null };
}

export function dueItems(tasks: HomeOverview['overdueTasks'], reports: HomeOverview['overdueReports']): DueItem[] {
  const fromTasks: DueItem[] = tasks.map((t) => ({
    key: `task:${t.id}`,
    kind: 'task',
    date: t.dueDate ?? '',
    title: `${t.outlineNumber ? `${t.outlineNumber}  ` : ''}${t.text}`,
    detail: [t.leadAgencyName && `Chủ trì: ${t.leadAgencyName}`, describeDeadline(t.deadline), t.planNumber ?? t.planTitle].filter(Boolean).join(' · '),
    to: `/tasks?focus=${t.id}`,
    overdue: t.overdue,
    progress: { status: t.status, percent: t.percent },
  }));
  const fromReports: DueItem[] = reports.map((r) => ({
    key: `report:${r.dutyId}:${r.periodYear}`,
    kind: 'report',
    date: r.dueDate,
    title: r.title,
    detail: [`${r.fromName} → ${r.to}`, r.planTitle].filter(Boolean).join(' · '),
    to: `/reports?year=${r.periodYear}`,
    overdue: r.overdue,
  }));
  return [...fromTasks, ...fromReports].sort((a, b) => a.date.localeCompare(b.date));
}
