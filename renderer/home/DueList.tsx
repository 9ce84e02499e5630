import { Card, List, Space, Tag, Typography } from 'antd';
import { Link } from 'react-router';
import { formatDateVi } from '../../shared/dates';
import { TaskStatusTag } from '../plans/common/tags';
import type { DueItem } from './dueItems';

const MAX_SHOWN = 12;

/** "Quá hạn" or "30 ngày tới": tasks and expected reports by due day. */
export function DueList({ title, items, empty, danger = false, more }: { title: string; items: DueItem[]; empty: string; danger?: boolean; more: { label: string; to: string }[] }) {
  const shown = items.slice(0, MAX_SHOWN);
  return (
    <Card
      title={
        <span style={{ color: danger && items.length ? '#cf1322' : undefined }}>
          {title} ({items.length})
        </span>
      }
      extra={
        items.length > MAX_SHOWN && (
          <Space size={4}>
            Xem tất cả:
            {more.map((m, i) => (
              <span key={m.to}>
                {i > 0 && '· '}
                <Link to={m.to}>{m.label}</Link>
              </span>
            ))}
          </Space>
        )
      }
      role="region"
      aria-label={title}
      style={{ height: '100%' }}
    >
      <List<DueItem>
        size="small"
        dataSource={shown}
        locale={{ emptyText: empty }}
        renderItem={(item) => (
          <List.Item style={{ alignItems: 'flex-start' }}>
            <div style={{ width: 88, flex: 'none', color: item.overdue ? '#cf1322' : undefined, fontWeight: 600 }}>{formatDateVi(item.date)}</div>
            <div style={{ flex: 1, minWidth: 0 }}>
              <Tag color={item.kind === 'task' ? 'blue' : 'purple'} style={{ marginInlineEnd: 8 }}>{item.kind === 'task' ? 'Nhiệm vụ' : 'Báo cáo'}</Tag>
              <Link to={item.to} style={{ color: item.overdue ? '#cf1322' : undefined }}>
                {item.title}
              </Link>
              <div>
                {item.progress && <TaskStatusTag status={item.progress.status} percent={item.progress.percent} />}{' '}
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {item.detail}
                </Typography.Text>
              </div>
            </div>
          </List.Item>
        )}
      />
    </Card>
  );
}
