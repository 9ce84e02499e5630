import { describeDeadline } from '../../shared/deadlines';
import { deliveryWord } from '../../shared/reporting-schedule';
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
    detail: [
      t.leadAgencyName && `Chủ trì: ${t.leadAgencyName}`,
      t.occurrence ? `${t.occurrence.label}${t.overdueCount > 1 ? ` (${t.overdueCount} kỳ quá hạn)` : ''}` : describeDeadline(t.deadline),
      t.occurrence && t.occurrence.members.length > 0 && `${t.occurrence.members.filter((m) => m.done).length}/${t.occurrence.members.length} đơn vị đã thực hiện`,
      t.planNumber ?? t.planTitle,
    ]
      .filter(Boolean)
      .join(' · '),
    to: `/tasks?focus=${t.id}`,
    overdue: t.overdue,
    progress: { status: t.status, percent: t.percent },
  }));
  const fromReports: DueItem[] = reports.map((r) => ({
    key: `report:${r.dutyId}:${r.periodKey}`,
    kind: 'report',
    date: r.dueDate,
    title: `${r.title} — ${r.periodLabel}`,
    detail: [`${r.fromName} → ${r.to}`, membersLine(r), r.planNumber ?? r.planTitle].filter(Boolean).join(' · '),
    to: `/reports?year=${r.year}`,
    overdue: r.overdue,
  }));
  return [...fromTasks, ...fromReports].sort((a, b) => a.date.localeCompare(b.date));
}

/** "Đã nhận 3/5 xã" for a group's report. */
function membersLine(r: HomeOverview['overdueReports'][number]): string | null {
  if (r.members.length === 0) return null;
  return `${deliveryWord(r.outgoing)} ${r.members.filter((m) => m.done).length}/${r.members.length}`;
}
