import { Button, Flex, Space, Tag, Typography } from 'antd';
import { describeDeadline } from '../../shared/deadlines';
import { formatDateVi } from '../../shared/dates';
import type { TaskDto } from '../../shared/tasks';
import { TaskStatusTag } from '../plans/common/tags';
import type { OutlineNode } from './taskTree';

export interface OutlineActions {
  onReport: (task: TaskDto) => void;
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
  const isHeading = node.children.length > 0 && !task.leadAgencyId && !task.deadline;
  const name = `${task.number ? `${task.number} ` : ''}${task.text}`;
  return (
    <li aria-label={name} data-row-id={task.id} style={{ listStyle: 'none' }}>
      <Flex
        gap={10}
        wrap
        align="flex-start"
        className={task.id === focusId ? 'xhht-outline-focus' : undefined}
        style={{ padding: '8px 6px', borderTop: '1px solid #f0f0f0', background: task.id === focusId ? '#e6f4f1' : undefined }}
      >
        <Typography.Text strong style={{ minWidth: 36, color: task.overdue ? '#cf1322' : undefined }}>
          {task.number}
        </Typography.Text>
        <div style={{ flex: '1 1 380px', minWidth: 0 }}>
          <div style={{ fontWeight: isHeading ? 600 : undefined, color: task.overdue ? '#cf1322' : undefined, whiteSpace: 'pre-line' }}>{task.text}</div>
          <Space size={[4, 4]} wrap style={{ marginTop: 4 }}>
            {task.leadAgencyId && (
              <Tag color="blue" title={`Chủ trì: ${agencyTitle(task.leadAgencyId)}`}>
                Chủ trì: {agencyName(task.leadAgencyId)}
              </Tag>
            )}
            {task.coordinatorAgencyIds.map((id) => (
              <Tag key={id} title={`Phối hợp: ${agencyTitle(id)}`}>
                {agencyName(id)}
              </Tag>
            ))}
            {task.ownerNote && <Typography.Text type="secondary">{task.ownerNote}</Typography.Text>}
            {task.isRequest && <Tag color="purple">Đề nghị</Tag>}
          </Space>
        </div>
        <div style={{ flex: '0 0 auto', textAlign: 'right', minWidth: 200 }}>
          <div style={{ color: task.overdue ? '#cf1322' : undefined, fontWeight: task.overdue ? 600 : undefined }}>
            {task.deadline ? describeDeadline(task.deadline) : ''}
            {task.overdue && ` · Quá hạn (${formatDateVi(task.dueDate)})`}
          </div>
          {(task.leadAgencyId || task.deadline || task.status !== 'not_started') && <TaskStatusTag status={task.status} percent={task.percent} />}
          <Space size={0} wrap style={{ justifyContent: 'flex-end' }}>
            <Button size="small" type="link" onClick={() => actions.onReport(task)} aria-label={`Báo cáo tiến độ: ${name}`}>
              Báo cáo tiến độ
            </Button>
            <Button size="small" type="link" onClick={() => actions.onAddChild(task)} aria-label={`Thêm mục con: ${name}`}>
              Thêm mục con
            </Button>
            <Button size="small" type="link" onClick={() => actions.onEdit(task)} aria-label={`Sửa nhiệm vụ: ${name}`}>
              Sửa
            </Button>
            <Button size="small" type="link" danger onClick={() => actions.onDelete(task)} aria-label={`Xóa nhiệm vụ: ${name}`}>
              Xóa
            </Button>
          </Space>
        </div>
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
