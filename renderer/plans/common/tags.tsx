import { Tag } from 'antd';
import { PLAN_STATUS_LABELS, TASK_STATUS_LABELS, type PlanStatus, type TaskStatus } from '../../../shared/plan-model';
import { PROGRESS_STATUS_LABELS, type ProgressStatus } from '../../../shared/targets';

const PLAN_STATUS_COLORS: Record<PlanStatus, string> = { draft: 'default', active: 'green', superseded: 'orange' };
const TASK_STATUS_COLORS: Record<TaskStatus, string> = { not_started: 'default', in_progress: 'blue', done: 'green', paused: 'orange' };
export const PROGRESS_COLORS: Record<ProgressStatus, string> = {
  achieved: 'green',
  on_track: 'blue',
  at_risk: 'orange',
  missed: 'red',
  no_data: 'default',
};

export const PlanStatusTag = ({ status }: { status: PlanStatus }) => <Tag color={PLAN_STATUS_COLORS[status]}>{PLAN_STATUS_LABELS[status]}</Tag>;

export function TaskStatusTag({ status, percent }: { status: TaskStatus; percent?: number | null }) {
  const showPercent = percent !== null && percent !== undefined && status !== 'done';
  return (
    <Tag color={TASK_STATUS_COLORS[status]}>
      {TASK_STATUS_LABELS[status]}
      {showPercent ? ` · ${percent}%` : ''}
    </Tag>
  );
}

export const ProgressTag = ({ status }: { status: ProgressStatus }) => <Tag color={PROGRESS_COLORS[status]}>{PROGRESS_STATUS_LABELS[status]}</Tag>;

export const OverdueTag = () => <Tag color="red">Quá hạn</Tag>;
