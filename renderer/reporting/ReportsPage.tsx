import { useQuery } from '@tanstack/react-query';
import { Button, Card, Flex, Form, Segmented, Select, Typography } from 'antd';
import { useSearchParams } from 'react-router';
import type { ExpectedReport } from '../../shared/reporting';
import { apiQuery } from '../components/api';
import { EmptyState } from '../components/EmptyState';
import { PageHeader } from '../components/PageHeader';
import { QueryView } from '../components/QueryStatus';
import { currentYear } from '../plans/common/dates';
import { ExpectedReportsTable } from './ExpectedReportsTable';

type Show = 'all' | 'overdue' | 'pending' | 'received';
const SHOW_OPTIONS: { value: Show; label: string }[] = [
  { value: 'all', label: 'Tất cả' },
  { value: 'overdue', label: 'Quá hạn' },
  { value: 'pending', label: 'Chưa gửi / nhận' },
  { value: 'received', label: 'Đã gửi / nhận' },
];
const matches = (r: ExpectedReport, show: Show) =>
  show === 'all' || (show === 'received' ? r.deliveredOn !== null : r.deliveredOn === null && (show === 'pending' || r.overdue));

/** The reports the plans' duties expect in a year, and which came in. */
export function ReportsPage() {
  const [params, setParams] = useSearchParams();
  const year = Number(params.get('year')) || currentYear();
  // In the address, so the home page's "Báo cáo quá hạn" opens the list already filtered.
  const show = SHOW_OPTIONS.find((o) => o.value === params.get('show'))?.value ?? 'all';
  const reports = useQuery(apiQuery('reporting.expected', { year }));
  const years = useYearOptions(year);
  const setFilter = (change: { year?: number; show?: Show }) =>
    setParams({ year: String(change.year ?? year), ...((change.show ?? show) !== 'all' && { show: change.show ?? show }) }, { replace: true });
  const setYear = (y: number) => setFilter({ year: y });
  const setShow = (s: Show) => setFilter({ show: s });
  return (
    <>
      <PageHeader title="Báo cáo định kỳ" subtitle="Các báo cáo theo nghĩa vụ báo cáo của từng kế hoạch: báo cáo cơ quan gửi lên (đã gửi) và báo cáo cơ quan nhận (đã nhận), từng xã, từng cơ quan." />
      <Card>
        <Flex gap={12} wrap align="flex-end" style={{ marginBottom: 16 }}>
          <Form layout="vertical" component="div">
            <Form.Item label="Năm" htmlFor="reports-year" style={{ marginBottom: 0 }}>
              <Flex gap={4}>
                <Button onClick={() => setYear(year - 1)} aria-label="Năm trước">
                  ‹
                </Button>
                <Select id="reports-year" value={year} options={years.map((y) => ({ value: y, label: String(y) }))} onChange={setYear} style={{ width: 100 }} />
                <Button onClick={() => setYear(year + 1)} aria-label="Năm sau">
                  ›
                </Button>
              </Flex>
            </Form.Item>
          </Form>
          <Segmented aria-label="Lọc theo trạng thái" options={SHOW_OPTIONS} value={show} onChange={(v) => setShow(v as Show)} />
        </Flex>
        <QueryView query={reports} loadingText="Đang tải các báo cáo…">
          {(rows) => (
            <>
              <Summary rows={rows} />
              <ExpectedReportsTable
                rows={rows.filter((r) => matches(r, show)).sort((a, b) => a.dueDate.localeCompare(b.dueDate))}
                emptyText={
                  rows.length === 0 ? (
                    <EmptyState
                      title={`Không có báo cáo nào phải nộp trong năm ${year}.`}
                      hint="Thêm nghĩa vụ báo cáo ở tab “Nghĩa vụ báo cáo” của kế hoạch (ví dụ: trước ngày 15/11 hằng năm)."
                    />
                  ) : (
                    'Không có báo cáo nào ở trạng thái này.'
                  )
                }
              />
            </>
          )}
        </QueryView>
      </Card>
    </>
  );
}

function Summary({ rows }: { rows: ExpectedReport[] }) {
  if (rows.length === 0) return null;
  const received = rows.filter((r) => r.deliveredOn).length;
  const overdue = rows.filter((r) => r.overdue).length;
  return (
    <Typography.Paragraph>
      {rows.length} báo cáo · đã gửi / nhận đủ {received}
      {overdue > 0 && <Typography.Text type="danger"> · quá hạn {overdue}</Typography.Text>}
    </Typography.Paragraph>
  );
}

/** The years of the plans' periods, and the one shown. */
function useYearOptions(year: number): number[] {
  const plans = useQuery(apiQuery('plans.list', {}));
  const list = plans.data ?? [];
  const from = Math.min(year, currentYear(), ...list.map((p) => p.periodStart));
  const to = Math.max(year, currentYear(), ...list.map((p) => p.periodEnd));
  return Array.from({ length: to - from + 1 }, (_, i) => from + i);
}
