import type { TaskStatus } from './plan-model.js';

/**
 * The task's status after a progress report: the report's own status when it
 * gives one; else 100% means done and any other share means in progress.
 * @example statusAfterReport('not_started', { status: null, percent: 40 }) === 'in_progress'
 */
export function statusAfterReport(current: TaskStatus, report: { status: TaskStatus | null; percent: number | null }): TaskStatus {
  if (report.status !== null) return report.status;
  if (report.percent === null) return current;
  if (report.percent >= 100) return 'done';
  return report.percent > 0 ? 'in_progress' : current;
}

/** The percent a task shows after a report: the report's, or 100 when it says done. */
export function percentAfterReport(current: number | null, report: { status: TaskStatus | null; percent: number | null }): number | null {
  if (report.percent !== null) return report.percent;
  return report.status === 'done' ? 100 : current;
}

/**
 * The status a report form proposes as the percent is typed: 100% proposes
 * "Hoàn thành"; below 100 a proposed "Hoàn thành" is withdrawn ("Đang thực
 * hiện" when some work is done). A status chosen otherwise ("Tạm dừng") stays.
 * @example proposedStatus(100, null) === 'done'
 */
export function proposedStatus(percent: number | null, chosen: TaskStatus | null): TaskStatus | null {
  if (percent === null) return chosen;
  if (percent >= 100) return 'done';
  if (chosen !== null && chosen !== 'done') return chosen;
  return percent > 0 ? 'in_progress' : null;
}
