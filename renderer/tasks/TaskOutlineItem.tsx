import { Button, Flex, Space, Tag, Typography } from 'antd';
import { describeDeadline } from '../../shared/deadlines';
import { formatDateVi } from '../../shared/dates';
import type { TaskDto } from '../../shared/tasks';
import { EvidenceButton } from '../evidence/EvidenceButton';
import { TaskStatusTag } from '../plans/common/tags';
import { OccurrenceNote } from './OccurrenceNote';
import { hasOccurrences } from './taskColumns';
import type { OutlineNode } from './taskTree';

const RED = '#cf1322';

export interface OutlineActions {
  onReport: (task: TaskDto) => void;
  /** Recurring or group work: its periods, each member ticked done. */
  onOccurrences: (task: TaskDto) => void;
  onAddChild: (task: TaskDto) => void;
  onEdit: (task: TaskDto) => void;
  onDelete: (task: TaskDto) => void;
}

interface ItemProps extends OutlineActions {
  node: OutlineNode;
  agencyName: (id: string | null) => string;
  agencyTitle: (id: string | null) => string;
  focusId: string | null;
}

/** One task of the outline with its children indented below it. */
export function TaskOutlineItem({ node, agencyName, agencyTitle, focusId, ...actions }: ItemProps) {
  const { task } = node;
  const isHeading = task.isHeading;
  const name = `${task.number ? `${task.number} ` : ''}${task.text}`;
  const hasOwners = Boolean(task.leadAgencyId || task.coordinatorAgencyIds.length || task.ownerNote || task.isRequest);
  return (
    <li aria-label={name} data-row-id={task.id} style={{ listStyle: 'none' }}>
      <Flex gap={10} align="flex-start" className={`xhht-outline-row${task.id === focusId ? ' is-focus' : ''}`}>
        <Typography.Text strong style={{ minWidth: 36, flex: 'none', color: task.overdue ? RED : undefined }}>
          {task.number}
        </Typography.Text>
        <div style={{ flex: 1, minWidth: 0 }}>
          <div style={{ fontWeight: isHeading ? 600 : undefined, color: task.overdue ? RED : undefined, whiteSpace: 'pre-line' }}>{task.text}</div>
          {hasOwners && (
            <Space size={[4, 4]} wrap style={{ marginTop: 4 }}>
              {task.leadAgencyId && (
                <Tag color="blue" title={`Chủ trì: ${agencyTitle(task.leadAgencyId)}`}>
                  Chủ trì: {agencyName(task.leadAgencyId)}
                </Tag>
              )}
              {task.coordinatorAgencyIds.length > 0 && <Typography.Text type="secondary">Phối hợp:</Typography.Text>}
              {task.coordinatorAgencyIds.map((id) => (
                <Tag key={id} title={`Phối hợp: ${agencyTitle(id)}`}>
                  {agencyName(id)}
                </Tag>
              ))}
              {task.ownerNote && <Typography.Text type="secondary">{task.ownerNote}</Typography.Text>}
              {task.isRequest && <Tag color="purple">Đề nghị</Tag>}
            </Space>
          )}
        </div>
        <div style={{ flex: '0 0 270px', textAlign: 'right' }}>
          {task.deadline && (
            <div style={{ color: task.overdue ? RED : undefined, fontWeight: task.overdue ? 600 : undefined }}>
              {describeDeadline(task.deadline)}
              {task.overdue && <div style={{ fontSize: 12 }}>Quá hạn từ {formatDateVi(task.dueDate)}</div>}
            </div>
          )}
          {(hasOwners || task.deadline || task.status !== 'not_started') && <TaskStatusTag status={task.status} percent={task.percent} />}
          <OccurrenceNote task={task} />
        </div>
        <Space size={0} className="xhht-outline-actions">
          <Button size="small" type="link" onClick={() => actions.onReport(task)} aria-label={`Báo cáo tiến độ: ${name}`}>
            Báo cáo tiến độ
          </Button>
          {hasOccurrences(task) && (
            <Button size="small" type="link" onClick={() => actions.onOccurrences(task)} aria-label={`Từng kỳ: ${name}`}>
              Từng kỳ
            </Button>
          )}
          <Button size="small" type="link" onClick={() => actions.onAddChild(task)} aria-label={`Thêm mục con: ${name}`}>
            Thêm mục con
          </Button>
          <EvidenceButton recordTable="tasks" recordId={task.id} recordName={name} />
          <Button size="small" type="link" onClick={() => actions.onEdit(task)} aria-label={`Sửa nhiệm vụ: ${name}`}>
            Sửa
          </Button>
          <Button size="small" type="link" danger onClick={() => actions.onDelete(task)} aria-label={`Xóa nhiệm vụ: ${name}`}>
            Xóa
          </Button>
        </Space>
      </Flex>
      {node.children.length > 0 && (
        <ul style={{ margin: 0, paddingInlineStart: 28 }}>
          {node.children.map((child) => (
            <TaskOutlineItem key={child.task.id} node={child} agencyName={agencyName} agencyTitle={agencyTitle} focusId={focusId} {...actions} />
          ))}
        </ul>
      )}
    </li>
  );
}
