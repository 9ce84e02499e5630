import { Button, Typography, type TableColumnsType } from 'antd';
import { Link } from 'react-router';
import { describeDeadline } from '../../shared/deadlines';
import { formatDateVi } from '../../shared/dates';
import type { TaskRow } from '../../shared/tasks';
import { TaskStatusTag } from '../plans/common/tags';
import { OccurrenceNote } from './OccurrenceNote';

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

function StatusCell({ task }: { task: TaskRow }) {
  return (
    <>
      <TaskStatusTag status={task.status} />
      {task.percent !== null && task.status !== 'done' && <div style={{ fontSize: 12 }}>{task.percent}%</div>}
      <OccurrenceNote task={task} />
    </>
  );
}

/** Columns of a task table. */
interface ColumnOptions {
  /** Adds the progress report action. */
  onReport?: (task: TaskRow) => void;
  showPlan?: boolean;
  /** Off where every row has the same lead. */
  showLead?: boolean;
}

export function taskColumns({ onReport, showPlan = true, showLead = true }: ColumnOptions): TableColumnsType<TaskRow> {
  const columns: TableColumnsType<TaskRow> = [
    { title: 'STT', dataIndex: 'outlineNumber', width: 90, render: (n: string) => <Typography.Text strong>{n}</Typography.Text> },
    {
      title: 'Nội dung',
      dataIndex: 'text',
      render: (text: string, t) => (
        <div style={{ color: t.overdue ? red : undefined }}>
          {text}
          {t.communeNames.length > 0 && <div style={{ fontSize: 12, color: 'rgba(0,0,0,0.65)' }}>Xã: {t.communeNames.join(', ')}</div>}
        </div>
      ),
    },
    ...(showLead ? [{ title: 'Chủ trì', dataIndex: 'leadAgencyName', width: 140, render: (n: string | null, t: TaskRow) => n ?? t.ownerNote }] : []),
    { title: 'Phối hợp', dataIndex: 'coordinatorAgencyNames', width: 160, render: (names: string[]) => names.join('; ') },
    { title: 'Thời hạn', key: 'deadline', width: 130, render: (_, t) => <DeadlineCell task={t} /> },
    { title: 'Trạng thái', key: 'status', width: 130, render: (_, t) => <StatusCell task={t} /> },
  ];
  if (showPlan) {
    columns.push({
      title: 'Kế hoạch',
      key: 'plan',
      width: 120,
      ellipsis: true,
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
      width: 96,
      render: (_, t) => (
        <Button size="small" onClick={() => onReport(t)} aria-label={`Báo cáo tiến độ: ${t.outlineNumber} ${t.text}`} title="Báo cáo tiến độ">
          Báo cáo
        </Button>
      ),
    });
  }
  return columns;
}
