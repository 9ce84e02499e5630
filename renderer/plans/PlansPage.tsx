import { useQuery } from '@tanstack/react-query';
import { Button, Card, Space, Table, Typography, type TableColumnsType } from 'antd';
import { useMemo, useState } from 'react';
import { Link } from 'react-router';
import { formatDateVi } from '../../shared/dates';
import { PLAN_KIND_LABELS } from '../../shared/plan-model';
import type { PlanSummary } from '../../shared/plans';
import { compareVietnamese, matchesFolded } from '../../shared/text';
import { apiQuery } from '../components/api';
import { EmptyState } from '../components/EmptyState';
import { PageHeader } from '../components/PageHeader';
import { QueryView } from '../components/QueryStatus';
import { PlanStatusTag } from './common/tags';
import { PlanFormModal } from './PlanFormModal';
import { TemplateImportModal } from './TemplateImportModal';
import { FilterBox } from '../components/FilterBox';
import { OfficerOnly } from '../accounts/OfficerOnly';

type Dialog = 'create' | 'template' | null;

export function PlansPage() {
  const plans = useQuery(apiQuery('plans.list', {}));
  const [dialog, setDialog] = useState<Dialog>(null);
  const close = () => setDialog(null);
  return (
    <>
      <PageHeader
        title="Kế hoạch"
        subtitle="Kế hoạch, đề án, chương trình xây dựng xã hội học tập của cơ quan và cấp trên."
        extra={
          <>
            <OfficerOnly>
              <Button onClick={() => setDialog('template')}>Nhập từ mẫu</Button>
              <Button type="primary" onClick={() => setDialog('create')}>
                Tạo kế hoạch
              </Button>
            </OfficerOnly>
          </>
        }
      />
      <Card>
        <QueryView query={plans} loadingText="Đang tải danh sách kế hoạch…">
          {(list) => (list.length === 0 ? <NoPlans onOpen={setDialog} /> : <PlanTable plans={list} />)}
        </QueryView>
      </Card>
      <PlanFormModal open={dialog === 'create'} plan={null} onClose={close} />
      <TemplateImportModal open={dialog === 'template'} onClose={close} />
    </>
  );
}

export function NoPlans({ onOpen }: { onOpen: (dialog: Dialog) => void }) {
  const templates = useQuery(apiQuery('templates.list', {}));
  const count = templates.data?.length;
  return (
    <EmptyState
      title="Chưa có kế hoạch nào."
      hint={`Tạo kế hoạch mới hoặc nhập từ mẫu${count ? ` (${count} kế hoạch mẫu có sẵn)` : ''}.`}
      action={
        <Space>
          <Button onClick={() => onOpen('template')}>Nhập từ mẫu</Button>
          <Button type="primary" onClick={() => onOpen('create')}>
            Tạo kế hoạch
          </Button>
        </Space>
      }
    />
  );
}

function PlanTable({ plans }: { plans: PlanSummary[] }) {
  const [filter, setFilter] = useState('');
  const rows = useMemo(
    () =>
      plans
        .filter((p) => matchesFolded(`${p.number ?? ''} ${p.title} ${p.issuer} ${PLAN_KIND_LABELS[p.kind]}`, filter))
        .sort((a, b) => (b.issuedOn ?? '').localeCompare(a.issuedOn ?? '') || compareVietnamese(a.title, b.title)),
    [plans, filter],
  );
  return (
    <Space orientation="vertical" size={12} style={{ width: '100%' }}>
      <FilterBox label="Lọc kế hoạch" placeholder="Lọc theo số, trích yếu, cơ quan ban hành (gõ không dấu cũng được)" value={filter} onChange={setFilter} />
      <Table<PlanSummary>
        aria-label="Danh sách kế hoạch"
        rowKey="id"
        size="middle"
        columns={COLUMNS}
        dataSource={rows}
        pagination={rows.length > 20 ? { pageSize: 20 } : false}
        locale={{ emptyText: <EmptyState title={`Không có kế hoạch nào khớp “${filter}”`} hint="Thử gõ ít chữ hơn hoặc xóa ô lọc." /> }}
      />
    </Space>
  );
}

const COLUMNS: TableColumnsType<PlanSummary> = [
  { title: 'Số', dataIndex: 'number', width: 150, render: (n: string | null) => n ?? <Typography.Text type="secondary">Không số</Typography.Text> },
  {
    title: 'Ngày',
    dataIndex: 'issuedOn',
    width: 110,
    render: (d: string | null) => formatDateVi(d),
    sorter: (a, b) => (a.issuedOn ?? '').localeCompare(b.issuedOn ?? ''),
  },
  {
    title: 'Trích yếu',
    dataIndex: 'title',
    render: (title: string, p) => (
      <div>
        <Link to={`/plans/${p.id}`}>
          {PLAN_KIND_LABELS[p.kind]}: {title}
        </Link>
        <div style={{ fontSize: 12, color: 'rgba(0,0,0,0.65)' }}>
          {p.targetCount} mục tiêu · {p.taskCount} nhiệm vụ · {p.doneCount} hoàn thành
        </div>
      </div>
    ),
  },
  { title: 'Cơ quan ban hành', dataIndex: 'issuer', width: 220 },
  { title: 'Giai đoạn', key: 'period', width: 110, render: (_, p) => `${p.periodStart}–${p.periodEnd}` },
  { title: 'Trạng thái', dataIndex: 'status', width: 130, render: (_, p) => <PlanStatusTag status={p.status} /> },
  {
    title: 'Nhiệm vụ quá hạn',
    dataIndex: 'overdueCount',
    width: 120,
    align: 'right',
    sorter: (a, b) => a.overdueCount - b.overdueCount,
    render: (n: number, p) =>
      n > 0 ? (
        <Link to={`/tasks?plan=${p.id}&overdue=1`} style={{ color: '#cf1322', fontWeight: 600 }}>
          {n}
        </Link>
      ) : (
        <Typography.Text type="secondary">0</Typography.Text>
      ),
  },
];
