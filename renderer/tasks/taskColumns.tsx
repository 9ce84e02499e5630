import { Button, Flex, Typography, type TableColumnsType } from 'antd';
import { Link } from 'react-router';
import { describeDeadline } from '../../shared/deadlines';
import { formatDateVi } from '../../shared/dates';
import type { TaskDto, TaskRow } from '../../shared/tasks';
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

/** Who does it: the lead (or the owner as the plan writes it) and the coordinators, in one column so the content column keeps its width. */
function AgenciesCell({ task, showLead }: { task: TaskRow; showLead: boolean }) {
  return (
    <>
      {showLead && (task.leadAgencyName ? <div>Chủ trì: {task.leadAgencyName}</div> : task.ownerNote && <div>{task.ownerNote}</div>)}
      {task.coordinatorAgencyNames.length > 0 && <div style={{ fontSize: 12, color: 'rgba(0,0,0,0.65)' }}>Phối hợp: {task.coordinatorAgencyNames.join('; ')}</div>}
    </>
  );
}

/** Recurring or group work has a state per period (and per member): it can be ticked there. */
export const hasOccurrences = (task: TaskDto) => task.recurring || task.memberKind !== 'none';

/** Columns of a task table. */
interface ColumnOptions {
  /** Adds the progress report action. */
  onReport?: (task: TaskRow) => void;
  /** Adds "Từng kỳ" on recurring or group work: its periods, each member ticked done. */
  onOccurrences?: (task: TaskRow) => void;
  showPlan?: boolean;
  /** Off where every row has the same lead. */
  showLead?: boolean;
}

export function taskColumns({ onReport, onOccurrences, showPlan = true, showLead = true }: ColumnOptions): TableColumnsType<TaskRow> {
  const columns: TableColumnsType<TaskRow> = [
    { title: 'STT', dataIndex: 'outlineNumber', width: 84, render: (n: string) => <Typography.Text strong>{n}</Typography.Text> },
    {
      title: 'Nội dung',
      dataIndex: 'text',
      render: (text: string, t) => (
        <div style={{ color: t.overdue ? red : undefined, fontWeight: t.isHeading ? 600 : undefined }}>
          {text}
          {t.communeNames.length > 0 && <div style={{ fontSize: 12, color: 'rgba(0,0,0,0.65)' }}>Xã: {t.communeNames.join(', ')}</div>}
        </div>
      ),
    },
    { title: showLead ? 'Chủ trì, phối hợp' : 'Phối hợp', key: 'agencies', width: 210, render: (_, t) => <AgenciesCell task={t} showLead={showLead} /> },
    { title: 'Thời hạn', key: 'deadline', width: 140, render: (_, t) => <DeadlineCell task={t} /> },
    { title: 'Trạng thái', key: 'status', width: 150, render: (_, t) => <StatusCell task={t} /> },
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
  if (onReport || onOccurrences) {
    columns.push({
      title: 'Thao tác',
      key: 'actions',
      width: 100,
      render: (_, t) => (
        <Flex vertical gap={4} align="flex-start">
          {onReport && (
            <Button size="small" onClick={() => onReport(t)} aria-label={`Báo cáo tiến độ: ${t.outlineNumber} ${t.text}`} title="Báo cáo tiến độ">
              Báo cáo
            </Button>
          )}
          {onOccurrences && hasOccurrences(t) && (
            <Button size="small" onClick={() => onOccurrences(t)} aria-label={`Từng kỳ: ${t.outlineNumber} ${t.text}`} title="Đánh dấu từng kỳ, từng đơn vị đã thực hiện">
              Từng kỳ
            </Button>
          )}
        </Flex>
      ),
    });
  }
  return columns;
}
