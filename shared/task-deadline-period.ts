import { formatDateVi, isoDateOf, type IsoDate } from './dates.js';
import { describeDeadline, quarterEnd, type Deadline } from './deadlines.js';

/** A plan's period as stored: its first and last year. */
export interface PlanYears {
  periodStart: number;
  periodEnd: number;
}

/** The first and last day a deadline can mean: the day itself, the quarter, the year. */
function deadlineSpan(deadline: Deadline): { from: IsoDate; to: IsoDate } | null {
  switch (deadline.kind) {
    case 'date':
      return { from: deadline.date, to: deadline.date };
    case 'quarter':
      return { from: isoDateOf(deadline.year, deadline.quarter * 3 - 2, 1), to: quarterEnd(deadline.year, deadline.quarter) };
    case 'year':
    case 'horizon':
      return { from: isoDateOf(deadline.year, 1, 1), to: isoDateOf(deadline.year, 12, 31) };
    // Recurring work yields occurrences only inside the period; "không ghi" has no day at all.
    case 'yearly':
    case 'periodic':
    case 'none':
      return null;
  }
}

/**
 * The warning for a task deadline that falls outside its plan's period (a
 * warning, not a refusal: plans do set work before they start or after they end),
 * or null when it lies inside, recurs, or names no day.
 * @example deadlineOutsidePlan({ kind: 'year', year: 2031 }, { periodStart: 2026, periodEnd: 2030 })
 *   === 'Thời hạn “Năm 2031” nằm ngoài thời gian của kế hoạch (01/01/2026 – 31/12/2030).'
 */
export function deadlineOutsidePlan(deadline: Deadline | null, plan: PlanYears): string | null {
  if (!deadline || plan.periodEnd < plan.periodStart) return null;
  const span = deadlineSpan(deadline);
  if (!span) return null;
  const start = isoDateOf(plan.periodStart, 1, 1);
  const end = isoDateOf(plan.periodEnd, 12, 31);
  if (span.from >= start && span.to <= end) return null;
  return `Thời hạn “${describeDeadline(deadline)}” nằm ngoài thời gian của kế hoạch (${formatDateVi(start)} – ${formatDateVi(end)}).`;
}
