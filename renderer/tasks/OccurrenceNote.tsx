import { Typography } from 'antd';
import type { TaskDto } from '../../shared/tasks';

/** For recurring or group work: the period the status is about, members done, and lapsed periods ("Năm 2027 · 3/5 đơn vị · 2 kỳ quá hạn"). */
export function OccurrenceNote({ task }: { task: TaskDto }) {
  const o = task.occurrence;
  if (!o) return null;
  const parts = [
    `Kỳ: ${o.label}`,
    o.members.length > 0 && `${o.members.filter((m) => m.done).length}/${o.members.length} đơn vị đã thực hiện`,
    task.overdueCount > 1 && `${task.overdueCount} kỳ quá hạn`,
  ].filter(Boolean);
  return (
    <Typography.Text type={task.overdue ? 'danger' : 'secondary'} style={{ display: 'block', fontSize: 12 }}>
      {parts.join(' · ')}
    </Typography.Text>
  );
}
