import { useQuery } from '@tanstack/react-query';
import { Table, Typography } from 'antd';
import { formatDateVi } from '../../shared/dates';
import type { ProgressReportDto } from '../../shared/tasks';
import { apiQuery } from '../components/api';
import { QueryView } from '../components/QueryStatus';
import { TaskStatusTag } from '../plans/common/tags';

/** The reports already recorded on a task, newest first. */
export function ProgressHistory({ taskId }: { taskId: string }) {
  const reports = useQuery(apiQuery('tasks.progressReports', { taskId }));
  return (
    <section aria-label="Các báo cáo đã ghi" style={{ marginTop: 16 }}>
      <Typography.Title level={5}>Các báo cáo đã ghi</Typography.Title>
      <QueryView query={reports} loadingText="Đang tải các báo cáo…">
        {(list) => (
          <Table<ProgressReportDto>
            size="small"
            rowKey="id"
            pagination={false}
            dataSource={[...list].sort((a, b) => b.reportedOn.localeCompare(a.reportedOn))}
            locale={{ emptyText: 'Chưa có báo cáo nào cho nhiệm vụ này.' }}
            columns={[
              { title: 'Ngày', dataIndex: 'reportedOn', width: 100, render: (d: string) => formatDateVi(d) },
              { title: 'Kỳ', dataIndex: 'period', width: 130 },
              { title: 'Cơ quan', dataIndex: 'agencyName', width: 150, render: (n: string | null) => n ?? '' },
              { title: 'Nội dung', dataIndex: 'text' },
              {
                title: 'Trạng thái',
                key: 'status',
                width: 150,
                render: (_, r) => (r.status ? <TaskStatusTag status={r.status} percent={r.percent} /> : r.percent !== null ? `${r.percent}%` : ''),
              },
            ]}
          />
        )}
      </QueryView>
    </section>
  );
}
