import { useQuery } from '@tanstack/react-query';
import { Card, Table } from 'antd';
import { useEffect, useState, type HTMLAttributes } from 'react';
import { useSearchParams } from 'react-router';
import type { TaskRow } from '../../shared/tasks';
import { apiQuery } from '../components/api';
import { EmptyState } from '../components/EmptyState';
import { PageHeader } from '../components/PageHeader';
import { QueryView } from '../components/QueryStatus';
import { ProgressReportModal } from './ProgressReportModal';
import { taskColumns } from './taskColumns';
import { filtersFromParams, paramsFromFilters, toTaskFilter, type TaskFilterState } from './taskFilters';
import { TaskFilterBar } from './TaskFilterBar';

const PAGE_SIZE = 50;

export function TasksPage() {
  const [params, setParams] = useSearchParams();
  const filters = filtersFromParams(params);
  const focusId = params.get('focus');
  const tasks = useQuery(apiQuery('tasks.list', toTaskFilter(filters)));
  const [reporting, setReporting] = useState<TaskRow | null>(null);
  const update = (next: TaskFilterState) => setParams(paramsFromFilters(next), { replace: true });
  return (
    <>
      <PageHeader title="Nhiệm vụ" subtitle="Nhiệm vụ của mọi kế hoạch: ai chủ trì, ai phối hợp, đến khi nào, đã làm tới đâu." />
      <Card style={{ marginBottom: 16 }}>
        <TaskFilterBar value={filters} onChange={update} onReset={() => setParams({}, { replace: true })} />
      </Card>
      <Card>
        <QueryView query={tasks} loadingText="Đang tải nhiệm vụ…">
          {(rows) => <TaskTable rows={rows} focusId={focusId} filtered={params.size > 0} onReport={setReporting} />}
        </QueryView>
      </Card>
      {reporting && <ProgressReportModal task={reporting} onClose={() => setReporting(null)} />}
    </>
  );
}

interface TaskTableProps {
  rows: TaskRow[];
  focusId: string | null;
  filtered: boolean;
  onReport: (task: TaskRow) => void;
}

function TaskTable({ rows, focusId, filtered, onReport }: TaskTableProps) {
  const focusIndex = focusId ? rows.findIndex((r) => r.id === focusId) : -1;
  const [page, setPage] = useState(focusIndex >= 0 ? Math.floor(focusIndex / PAGE_SIZE) + 1 : 1);
  useEffect(() => {
    if (focusIndex < 0) return;
    setPage(Math.floor(focusIndex / PAGE_SIZE) + 1);
    // Wait a frame so the page holding the row is rendered.
    requestAnimationFrame(() => document.querySelector(`[data-row-id="${CSS.escape(focusId!)}"]`)?.scrollIntoView({ block: 'center', behavior: 'smooth' }));
  }, [focusId, focusIndex]);
  return (
    <Table<TaskRow>
      aria-label="Danh sách nhiệm vụ"
      rowKey="id"
      size="middle"
      columns={taskColumns({ onReport })}
      dataSource={rows}
      pagination={rows.length > PAGE_SIZE ? { pageSize: PAGE_SIZE, current: page, onChange: setPage, showSizeChanger: false } : false}
      rowClassName={(row) => (row.id === focusId ? 'xhht-row-focus' : '')}
      onRow={(row) => ({ 'data-row-id': row.id }) as HTMLAttributes<HTMLElement>}
      locale={{
        emptyText: filtered ? (
          <EmptyState title="Không có nhiệm vụ nào khớp bộ lọc." hint="Bỏ bớt điều kiện lọc hoặc bấm “Xóa bộ lọc”." />
        ) : (
          <EmptyState title="Chưa có nhiệm vụ nào." hint="Mở một kế hoạch để thêm nhiệm vụ, hoặc nhập kế hoạch từ mẫu ở trang Kế hoạch." />
        ),
      }}
    />
  );
}
