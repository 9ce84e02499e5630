import { Button, Popconfirm, Table, Tag, Typography, type TableColumnsType } from 'antd';
import { useState, type ReactNode } from 'react';
import { Link } from 'react-router';
import { formatDateVi } from '../../shared/dates';
import type { ExpectedReport } from '../../shared/reporting';
import { deliveryWord } from '../../shared/reporting-schedule';
import type { MemberState } from '../../shared/tasks';
import { useApiMutation } from '../components/api';
import { MarkReceivedModal } from './MarkReceivedModal';
import { ReportStatusTag, reportKey } from './reportStatus';

interface Props {
  rows: ExpectedReport[];
  emptyText: ReactNode;
  showFrom?: boolean;
}

type Marking = { report: ExpectedReport; member: { id: string; name: string } | null };

/** Expected reports with their status and the sent / received actions; a group's report lists each member. */
export function ExpectedReportsTable({ rows, emptyText, showFrom = true }: Props) {
  const [marking, setMarking] = useState<Marking | null>(null);
  const unmark = useApiMutation('reporting.unmarkDelivered', { successMessage: 'Đã bỏ đánh dấu', notifyError: true });
  const actions = (r: ExpectedReport, member: MemberState | null) => {
    const word = deliveryWord(r.outgoing).toLowerCase();
    const who = `${r.title} ${r.periodLabel}${member ? ` — ${member.name}` : ''}`;
    const delivered = member ? member.done : r.deliveredOn !== null;
    return delivered ? (
      <Popconfirm
        title={`Bỏ đánh dấu ${word}?`}
        okText="Bỏ đánh dấu"
        cancelText="Hủy"
        onConfirm={() => unmark.mutateAsync({ dutyId: r.dutyId, periodKey: r.periodKey, memberId: member?.memberId ?? '' }).catch(() => undefined)}
      >
        <Button size="small" aria-label={`Bỏ đánh dấu: ${who}`}>
          Bỏ đánh dấu
        </Button>
      </Popconfirm>
    ) : (
      <Button size="small" type="primary" ghost onClick={() => setMarking({ report: r, member: member && { id: member.memberId, name: member.name } })} aria-label={`Đánh dấu ${word}: ${who}`}>
        Đánh dấu {word}
      </Button>
    );
  };
  const columns: TableColumnsType<ExpectedReport> = [
    {
      title: 'Nghĩa vụ báo cáo',
      dataIndex: 'title',
      render: (title: string, r) => (
        <div>
          {title} <Typography.Text type="secondary">— {r.periodLabel}</Typography.Text>
          <div style={{ fontSize: 12 }}>
            <Link to={`/plans/${r.planId}?tab=duties`}>{r.planNumber ?? r.planTitle}</Link>
          </div>
        </div>
      ),
    },
    ...(showFrom ? [{ title: 'Cơ quan báo cáo', dataIndex: 'fromName', width: 190 }] : []),
    { title: 'Nơi nhận', dataIndex: 'to', width: 170 },
    {
      title: 'Hạn',
      dataIndex: 'dueDate',
      width: 100,
      render: (d: string, r) => <Typography.Text type={r.overdue ? 'danger' : undefined}>{formatDateVi(d)}</Typography.Text>,
    },
    { title: 'Trạng thái', key: 'status', width: 190, render: (_, r) => <ReportStatusTag report={r} /> },
    { title: 'Thao tác', key: 'actions', width: 150, render: (_, r) => (r.members.length > 0 ? <Typography.Text type="secondary">Từng đơn vị ▸</Typography.Text> : actions(r, null)) },
  ];
  return (
    <>
      <Table<ExpectedReport>
        aria-label="Báo cáo phải nộp"
        rowKey={reportKey}
        size="middle"
        columns={columns}
        dataSource={rows}
        pagination={rows.length > 50 ? { pageSize: 50 } : false}
        rowClassName={(r) => (r.overdue ? 'xhht-row-overdue' : '')}
        locale={{ emptyText }}
        expandable={{
          rowExpandable: (r) => r.members.length > 0,
          expandedRowRender: (r) => <MembersTable report={r} actions={actions} />,
        }}
      />
      {marking && <MarkReceivedModal report={marking.report} member={marking.member} onClose={() => setMarking(null)} />}
    </>
  );
}

function MembersTable({ report, actions }: { report: ExpectedReport; actions: (r: ExpectedReport, m: MemberState) => ReactNode }) {
  const word = deliveryWord(report.outgoing);
  return (
    <Table<MemberState>
      aria-label={`Từng đơn vị: ${report.title} ${report.periodLabel}`}
      rowKey="memberId"
      size="small"
      pagination={false}
      dataSource={report.members}
      columns={[
        { title: 'Đơn vị', dataIndex: 'name' },
        {
          title: 'Trạng thái',
          key: 'state',
          width: 220,
          render: (_, m) =>
            m.done ? (
              <>
                <Tag color="green">
                  {word} {m.on && formatDateVi(m.on)}
                </Tag>
                {m.late && <Tag color="orange">Nộp muộn</Tag>}
              </>
            ) : (
              <Tag color={report.overdue ? 'red' : undefined}>{report.overdue ? 'Quá hạn' : `Chưa ${report.outgoing ? 'gửi' : 'nhận'}`}</Tag>
            ),
        },
        { title: 'Thao tác', key: 'actions', width: 170, render: (_, m) => actions(report, m) },
      ]}
    />
  );
}
