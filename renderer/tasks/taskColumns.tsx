import { Button, Typography, type TableColumnsType } from 'antd';
import { Link } from 'react-router';
import { describeDeadline } from '../../shared/deadlines';
import { formatDateVi } from '../../shared/dates';
import type { TaskRow } from '../../shared/tasks';
import { TaskStatusTag } from '../plans/common/tags';

const red = '#cf1322';

export function DeadlineCell({ task }: { task: TaskRow }) {
  if (!task.deadline) return <Typography.Text type="secondary">Không ghi</Typography.Text>;
  const text = describeDeadline(task.deadline);
  const due = task.dueDate && task.deadline.kind !== 'date' ? formatDateVi(task.dueDate) : '';
  return (
    <div style={{ color: task.overdue ? red : undefined, fontWeight: task.overdue ? 600 : undefined }}>
      {text}
      {(due || task.overdue) && (
        <div style={{ fontSize: 12, fontWeight: 400 }}>
          {due && `hạn ${due}`}
          {task.overdue && `${due ? ' · ' : ''}Quá hạn`}
        </div>
      )}
    </div>
  );
}

/** Columns of a task table; `onReport` adds the progress report action. */
export function taskColumns(onReport?: (task: TaskRow) => void, showPlan = true): TableColumnsType<TaskRow> {
  const columns: TableColumnsType<TaskRow> = [
    { title: 'STT', dataIndex: 'outlineNumber', width: 110, render: (n: string) => <Typography.Text strong>{n}</Typography.Text> },
    {
      title: 'Nội dung',
      dataIndex: 'text',
      render: (text: string, t) => (
        <div style={{ color: t.overdue ? red : undefined }}>
          {text}
          {t.communeNames.length > 0 && <div style={{ fontSize: 12, color: 'rgba(0,0,0,0.5)' }}>Xã: {t.communeNames.join(', ')}</div>}
        </div>
      ),
    },
    { title: 'Chủ trì', dataIndex: 'leadAgencyName', width: 170, render: (n: string | null, t) => n ?? t.ownerNote },
    { title: 'Phối hợp', dataIndex: 'coordinatorAgencyNames', width: 190, render: (names: string[]) => names.join('; ') },
    { title: 'Thời hạn', key: 'deadline', width: 160, render: (_, t) => <DeadlineCell task={t} /> },
    { title: 'Trạng thái', key: 'status', width: 150, render: (_, t) => <TaskStatusTag status={t.status} percent={t.percent} /> },
  ];
  if (showPlan) {
    columns.push({
      title: 'Kế hoạch',
      key: 'plan',
      width: 170,
      render: (_, t) => (
        <Link to={`/plans/${t.planId}?task=${t.id}`} title={t.planTitle}>
          {t.planNumber ?? t.planTitle}
        </Link>
      ),
    });
  }
  if (onReport) {
    columns.push({
      title: 'Thao tác',
      key: 'actions',
      width: 130,
      render: (_, t) => (
        <Button size="small" onClick={() => onReport(t)} aria-label={`Báo cáo tiến độ: ${t.outlineNumber} ${t.text}`}>
          Báo cáo tiến độ
        </Button>
      ),
    });
  }
  return columns;
}
