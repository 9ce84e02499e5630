import { useQuery } from '@tanstack/react-query';
import { Button, Card, Table, Tag, Tooltip, Typography } from 'antd';
import { useNavigate } from 'react-router';
import { BUNDLE_KIND_LABELS, BUNDLE_RESULT_LABELS, type ReceivedBundle } from '../../shared/bundles';
import { OfficerOnly } from '../accounts/OfficerOnly';
import { apiQuery } from '../components/api';
import { EmptyState } from '../components/EmptyState';
import { PageHeader } from '../components/PageHeader';
import { QueryView } from '../components/QueryStatus';
import { dateTimeVi, shortId } from './format';

/** Outlined in the theme's text-strength colours: antd's filled status tags fall short of WCAG AA contrast. */
const RESULT_COLORS: Record<ReceivedBundle['result'], string> = { applied: '#2f7a12', refused: '#c8102e', failed: '#8a5300' };
/** Short kind names for the table; the long ones explain the kinds on the send page. */
const KIND_SHORT: Record<Exclude<ReceivedBundle['kind'], ''>, string> = { sync: 'Đồng bộ', report: 'Báo cáo', template: 'Mẫu' };
/** A refused file whose checks vouched for nothing (a truncated zip, a bad signature) names no sender, kind or id. */
const UNREAD = 'không đọc được';

/** Bundles received here, newest first: the answer to "did we take the commune's March file?". */
export function BundlesPage() {
  const list = useQuery(apiQuery('bundles.list', {}));
  const navigate = useNavigate();
  const actions = (
    <OfficerOnly>
      <Button onClick={() => navigate('/bundles/send')}>Gửi dữ liệu</Button>
      <Button type="primary" onClick={() => navigate('/bundles/receive')}>
        Nhận dữ liệu
      </Button>
    </OfficerOnly>
  );
  return (
    <>
      <PageHeader title="Gửi, nhận dữ liệu" subtitle="Trao đổi dữ liệu với cơ quan cấp trên và các đơn vị cấp dưới bằng tệp .xhht có chữ ký." extra={actions} />
      <Card title="Các gói đã nhận">
        <QueryView query={list} loadingText="Đang tải danh sách gói đã nhận…">
          {(rows) =>
            rows.length === 0 ? (
              <EmptyState
                title="Chưa nhận gói dữ liệu nào"
                hint="Khi đơn vị cấp dưới gửi tệp .xhht (qua USB hoặc thư điện tử), bấm “Nhận dữ liệu” để kiểm tra và nhập. Để gửi dữ liệu của mình lên cấp trên, bấm “Gửi dữ liệu”."
              />
            ) : (
              <Table<ReceivedBundle>
                size="small"
                rowKey="id"
                aria-label="Các gói đã nhận"
                dataSource={rows}
                pagination={{ pageSize: 20, hideOnSinglePage: true }}
                columns={[
                  { title: 'Ngày nhận', key: 'at', width: 140, render: (_v, b) => dateTimeVi(b.receivedAt) },
                  {
                    title: 'Đơn vị gửi',
                    key: 'sender',
                    width: 200,
                    render: (_v, b) => (
                      <>
                        <div>{b.senderName || <Typography.Text type="secondary">{UNREAD}</Typography.Text>}</div>
                        {(b.senderCode || b.fingerprint) && (
                          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                            {[b.senderCode && `mã ${b.senderCode}`, b.fingerprint && `khóa ${b.fingerprint.slice(0, 19)}…`].filter(Boolean).join(' · ')}
                          </Typography.Text>
                        )}
                      </>
                    ),
                  },
                  {
                    title: 'Loại',
                    key: 'kind',
                    width: 100,
                    render: (_v, b) => (b.kind === '' ? <Typography.Text type="secondary">—</Typography.Text> : <Tooltip title={BUNDLE_KIND_LABELS[b.kind]}>{KIND_SHORT[b.kind]}</Tooltip>),
                  },
                  {
                    title: 'Mã gói',
                    key: 'id',
                    width: 120,
                    render: (_v, b) =>
                      b.bundleId === '' ? (
                        <Typography.Text type="secondary">—</Typography.Text>
                      ) : (
                        <Tooltip title={b.bundleId}>
                          <Typography.Text code>{shortId(b.bundleId)}</Typography.Text>
                        </Tooltip>
                      ),
                  },
                  {
                    title: 'Kết quả',
                    key: 'result',
                    width: 130,
                    render: (_v, b) => (
                      <>
                        <Tag style={{ color: RESULT_COLORS[b.result], borderColor: RESULT_COLORS[b.result], background: '#fff' }}>{BUNDLE_RESULT_LABELS[b.result]}</Tag>
                        {b.forced && <Tag>Nhập lại</Tag>}
                      </>
                    ),
                  },
                  { title: 'Chi tiết', key: 'summary', render: (_v, b) => (b.result === 'applied' ? <SummaryText summary={b.summary} /> : <ReasonText reason={b.summary} />) },
                ]}
              />
            )
          }
        </QueryView>
      </Card>
    </>
  );
}

/** Why a bundle was refused, as the log keeps it (up to 500 characters): two lines, the rest on request. */
function ReasonText({ reason }: { reason: string }) {
  return (
    <Typography.Paragraph style={{ margin: 0 }} ellipsis={{ rows: 2, expandable: true, symbol: 'xem thêm' }}>
      {reason}
    </Typography.Paragraph>
  );
}

/** The log keeps an applied bundle's counts per entity as JSON. */
function SummaryText({ summary }: { summary: string }) {
  let counts: unknown = null;
  try {
    counts = JSON.parse(summary);
  } catch {
    return <span>{summary}</span>;
  }
  if (!counts || typeof counts !== 'object') return <span>{summary}</span>;
  const totals = { created: 0, updated: 0, unchanged: 0, conflicts: 0, rejected: 0 };
  for (const value of Object.values(counts as Record<string, unknown>)) {
    if (!value || typeof value !== 'object') continue;
    for (const k of Object.keys(totals) as (keyof typeof totals)[]) {
      const v = (value as Record<string, unknown>)[k];
      if (typeof v === 'number') totals[k] += v;
    }
  }
  const n = (v: number) => v.toLocaleString('vi-VN');
  return (
    <span>
      {n(totals.created)} thêm mới, {n(totals.updated)} cập nhật, {n(totals.unchanged)} không đổi
      {totals.conflicts > 0 ? `, ${n(totals.conflicts)} xung đột đã chọn` : ''}
    </span>
  );
}
