import { Button, Popconfirm, Table, Typography, type TableColumnsType } from 'antd';
import { useState, type ReactNode } from 'react';
import { Link } from 'react-router';
import { formatDateVi } from '../../shared/dates';
import type { ExpectedReport } from '../../shared/reporting';
import { useApiMutation } from '../components/api';
import { PLAN_READS } from '../plans/common/lookups';
import { MarkReceivedModal } from './MarkReceivedModal';
import { ReportStatusTag, reportKey } from './reportStatus';

interface Props {
  rows: ExpectedReport[];
  emptyText: ReactNode;
  showFrom?: boolean;
}

/** Expected reports with their status and the received / not received actions. */
export function ExpectedReportsTable({ rows, emptyText, showFrom = true }: Props) {
  const [marking, setMarking] = useState<ExpectedReport | null>(null);
  const unmark = useApiMutation('reporting.unmarkReceived', { invalidates: PLAN_READS, successMessage: 'Đã bỏ đánh dấu', notifyError: true });
  const columns: TableColumnsType<ExpectedReport> = [
    {
      title: 'Nghĩa vụ báo cáo',
      dataIndex: 'title',
      render: (title: string, r) => (
        <div>
          {title}
          <div style={{ fontSize: 12 }}>
            <Link to={`/plans/${r.planId}?tab=duties`}>{r.planTitle}</Link>
          </div>
        </div>
      ),
    },
    ...(showFrom ? [{ title: 'Cơ quan báo cáo', dataIndex: 'fromName', width: 200 }] : []),
    { title: 'Nơi nhận', dataIndex: 'to', width: 200 },
    {
      title: 'Hạn',
      dataIndex: 'dueDate',
      width: 110,
      render: (d: string, r) => <Typography.Text type={r.overdue && !r.receivedOn ? 'danger' : undefined}>{formatDateVi(d)}</Typography.Text>,
    },
    { title: 'Trạng thái', key: 'status', width: 170, render: (_, r) => <ReportStatusTag report={r} /> },
    {
      title: 'Thao tác',
      key: 'actions',
      width: 170,
      render: (_, r) =>
        r.receivedOn ? (
          <Popconfirm
            title="Bỏ đánh dấu đã nhận?"
            okText="Bỏ đánh dấu"
            cancelText="Hủy"
            onConfirm={() => unmark.mutateAsync({ dutyId: r.dutyId, periodYear: r.periodYear }).catch(() => undefined)}
          >
            <Button size="small" aria-label={`Bỏ đánh dấu: ${r.title} năm ${r.periodYear}`}>
              Bỏ đánh dấu
            </Button>
          </Popconfirm>
        ) : (
          <Button size="small" type="primary" ghost onClick={() => setMarking(r)} aria-label={`Đánh dấu đã nhận: ${r.title} năm ${r.periodYear}`}>
            Đánh dấu đã nhận
          </Button>
        ),
    },
  ];
  return (
    <>
      <Table<ExpectedReport>
        rowKey={reportKey}
        size="middle"
        columns={columns}
        dataSource={rows}
        pagination={rows.length > 50 ? { pageSize: 50 } : false}
        rowClassName={(r) => (r.overdue && !r.receivedOn ? 'xhht-row-overdue' : '')}
        locale={{ emptyText }}
      />
      {marking && <MarkReceivedModal report={marking} onClose={() => setMarking(null)} />}
    </>
  );
}
