import { useQuery } from '@tanstack/react-query';
import { Card, Flex, Pagination, Table, Typography, type TableColumnsType } from 'antd';
import { useEffect, useState, type HTMLAttributes, type ReactNode } from 'react';
import { Link, useSearchParams } from 'react-router';
import type { TaskRow } from '../../shared/tasks';
import { apiQuery } from '../components/api';
import { EmptyState } from '../components/EmptyState';
import { ExportButton } from '../components/ExportButton';
import { PageHeader } from '../components/PageHeader';
import { QueryView } from '../components/QueryStatus';
import { OccurrencesModal } from './OccurrencesModal';
import { ProgressReportModal } from './ProgressReportModal';
import { taskColumns } from './taskColumns';
import { filtersFromParams, paramsFromFilters, toTaskFilter, type TaskFilterState } from './taskFilters';
import { TaskFilterBar } from './TaskFilterBar';
import { isPlanHeading, pageWithPlanHeadings, planHeadingText, type PlanHeading, type TaskListRow } from './taskGroups';

const PAGE_SIZE = 50;

export function TasksPage() {
  const [params, setParams] = useSearchParams();
  const filters = filtersFromParams(params);
  const focusId = params.get('focus');
  const tasks = useQuery(apiQuery('tasks.list', toTaskFilter(filters)));
  const [reporting, setReporting] = useState<TaskRow | null>(null);
  const [ticking, setTicking] = useState<TaskRow | null>(null);
  const update = (next: TaskFilterState) => setParams(paramsFromFilters(next), { replace: true });
  return (
    <>
      <PageHeader
        title="Nhiệm vụ"
        subtitle="Nhiệm vụ của mọi kế hoạch: ai chủ trì, ai phối hợp, đến khi nào, đã làm tới đâu."
        extra={<ExportButton op="tasks.export" input={toTaskFilter(filters)} ariaLabel="Xuất Excel danh sách nhiệm vụ đang lọc" />}
      />
      <Card style={{ marginBottom: 16 }}>
        <TaskFilterBar value={filters} onChange={update} onReset={() => setParams({}, { replace: true })} />
      </Card>
      <Card title={filters.planId && <PlanTitle planId={filters.planId} />}>
        <QueryView query={tasks} loadingText="Đang tải nhiệm vụ…">
          {(rows) => (
            <TaskTable rows={rows} focusId={focusId} filtered={params.size > 0} groupByPlan={!filters.planId} onReport={setReporting} onOccurrences={setTicking} />
          )}
        </QueryView>
      </Card>
      {reporting && <ProgressReportModal task={reporting} onClose={() => setReporting(null)} />}
      {ticking && <OccurrencesModal task={ticking} onClose={() => setTicking(null)} />}
    </>
  );
}

/** Filtered to one plan, the plan is named once, above its tasks. */
function PlanTitle({ planId }: { planId: string }) {
  const plans = useQuery(apiQuery('plans.list', {}));
  const plan = plans.data?.find((p) => p.id === planId);
  if (!plan) return null;
  return (
    <Link to={`/plans/${plan.id}`} style={{ whiteSpace: 'normal' }}>
      {planHeadingText({ planTitle: plan.title, planNumber: plan.number })}
    </Link>
  );
}

interface TaskTableProps {
  rows: TaskRow[];
  focusId: string | null;
  filtered: boolean;
  /** Rows of several plans sit under one heading row per plan. */
  groupByPlan: boolean;
  onReport: (task: TaskRow) => void;
  onOccurrences: (task: TaskRow) => void;
}

function TaskTable({ rows, focusId, filtered, groupByPlan, onReport, onOccurrences }: TaskTableProps) {
  const focusIndex = focusId ? rows.findIndex((r) => r.id === focusId) : -1;
  const [page, setPage] = useState(focusIndex >= 0 ? Math.floor(focusIndex / PAGE_SIZE) + 1 : 1);
  useEffect(() => {
    if (focusIndex < 0) return;
    setPage(Math.floor(focusIndex / PAGE_SIZE) + 1);
    // Wait a frame so the page holding the row is rendered.
    requestAnimationFrame(() => document.querySelector(`[data-row-id="${CSS.escape(focusId!)}"]`)?.scrollIntoView({ block: 'center', behavior: 'smooth' }));
  }, [focusId, focusIndex]);
  // A narrower filter may leave fewer pages than the one shown.
  const shownPage = Math.min(page, Math.max(1, Math.ceil(rows.length / PAGE_SIZE)));
  const shown: TaskListRow[] = groupByPlan ? pageWithPlanHeadings(rows, shownPage, PAGE_SIZE) : rows.slice((shownPage - 1) * PAGE_SIZE, shownPage * PAGE_SIZE);
  const columns = taskColumns({ onReport, onOccurrences, showPlan: false });
  return (
    <>
      <Table<TaskListRow>
        aria-label="Danh sách nhiệm vụ"
        rowKey={(row) => (isPlanHeading(row) ? row.key : row.id)}
        size="middle"
        columns={withPlanHeadings(columns)}
        dataSource={shown}
        pagination={false}
        rowClassName={(row) => (!isPlanHeading(row) && row.id === focusId ? 'xhht-row-focus' : '')}
        onRow={(row) => (isPlanHeading(row) ? {} : ({ 'data-row-id': row.id } as HTMLAttributes<HTMLElement>))}
        locale={{
          emptyText: filtered ? (
            <EmptyState title="Không có nhiệm vụ nào khớp bộ lọc." hint="Bỏ bớt điều kiện lọc hoặc bấm “Xóa bộ lọc”." />
          ) : (
            <EmptyState title="Chưa có nhiệm vụ nào." hint="Mở một kế hoạch để thêm nhiệm vụ, hoặc nhập kế hoạch từ mẫu ở trang Kế hoạch." />
          ),
        }}
      />
      {rows.length > PAGE_SIZE && (
        <Flex justify="flex-end" style={{ marginTop: 16 }}>
          <Pagination current={shownPage} pageSize={PAGE_SIZE} total={rows.length} onChange={setPage} showSizeChanger={false} showTotal={(total) => `${total} mục`} />
        </Flex>
      )}
    </>
  );
}

/** The task columns over a list that also holds plan heading rows: a heading spans the whole row. */
function withPlanHeadings(columns: TableColumnsType<TaskRow>): TableColumnsType<TaskListRow> {
  return columns.map((column, i) => {
    const render = 'render' in column ? column.render : undefined;
    return {
      ...column,
      onCell: (row: TaskListRow) => (isPlanHeading(row) ? { colSpan: i === 0 ? columns.length : 0, style: { background: '#f0f5ff' } } : {}),
      render: (value: unknown, row: TaskListRow, index: number) => {
        if (isPlanHeading(row)) return i === 0 ? <PlanHeadingCell heading={row} /> : null;
        return render ? render(value, row, index) : (value as ReactNode);
      },
    } as TableColumnsType<TaskListRow>[number];
  });
}

function PlanHeadingCell({ heading }: { heading: PlanHeading }) {
  const counts = [`${heading.count} mục`, heading.overdue > 0 && `${heading.overdue} quá hạn`].filter(Boolean).join(', ');
  return (
    <div role="heading" aria-level={2} style={{ fontWeight: 600 }}>
      <Link to={`/plans/${heading.planId}`}>{planHeadingText(heading)}</Link>
      <Typography.Text type="secondary" style={{ fontWeight: 400 }}>
        {' '}
        ({counts}
        {heading.continued ? ', tiếp theo' : ''})
      </Typography.Text>
    </div>
  );
}
