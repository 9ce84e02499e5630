import type { TaskRow } from '../../shared/tasks';

/** The heading row a plan's tasks sit under in the task list. */
export interface PlanHeading {
  kind: 'plan';
  key: string;
  planId: string;
  planTitle: string;
  planNumber: string | null;
  /** The plan's rows in the whole (filtered) list, not only on this page. */
  count: number;
  overdue: number;
  /** The plan's rows began on an earlier page. */
  continued: boolean;
}

export type TaskListRow = PlanHeading | TaskRow;

export const isPlanHeading = (row: TaskListRow): row is PlanHeading => 'kind' in row && row.kind === 'plan';

/**
 * One page of the task list, each plan's tasks under one heading row: the
 * plan's name is said once instead of on every row. A page that starts in the
 * middle of a plan repeats its heading, marked as continued. `rows` come
 * grouped by plan (the list query returns them plan by plan, in outline order).
 */
export function pageWithPlanHeadings(rows: TaskRow[], page: number, pageSize: number): TaskListRow[] {
  const totals = new Map<string, { count: number; overdue: number }>();
  for (const r of rows) {
    const t = totals.get(r.planId) ?? { count: 0, overdue: 0 };
    totals.set(r.planId, { count: t.count + 1, overdue: t.overdue + (r.overdue ? 1 : 0) });
  }
  const start = (page - 1) * pageSize;
  const out: TaskListRow[] = [];
  rows.slice(start, start + pageSize).forEach((r, i) => {
    const samePlan = rows[start + i - 1]?.planId === r.planId;
    if (i === 0 || !samePlan) {
      out.push({ kind: 'plan', key: `plan:${r.planId}`, planId: r.planId, planTitle: r.planTitle, planNumber: r.planNumber, ...totals.get(r.planId)!, continued: samePlan });
    }
    out.push(r);
  });
  return out;
}

/** "Kế hoạch 45/KH-UBND: Thực hiện Đề án …", or the title alone when the plan has no number. */
export function planHeadingText(plan: { planTitle: string; planNumber: string | null }): string {
  return plan.planNumber ? `Kế hoạch ${plan.planNumber}: ${plan.planTitle}` : plan.planTitle;
}
