import { useQuery } from '@tanstack/react-query';
import { Button, Popconfirm, Space, Table, Typography } from 'antd';
import { formatDateVi } from '../../shared/dates';
import type { ProgressReportDto } from '../../shared/tasks';
import { apiQuery, useApiMutation } from '../components/api';
import { QueryView } from '../components/QueryStatus';
import { TaskStatusTag } from '../plans/common/tags';

/** The reports already recorded on a task, newest first, each editable and deletable. */
export function ProgressHistory({ taskId, onEdit }: { taskId: string; onEdit: (report: ProgressReportDto) => void }) {
  const reports = useQuery(apiQuery('tasks.progressReports', { taskId }));
  const remove = useApiMutation('tasks.deleteProgress', { successMessage: 'Đã xóa báo cáo', notifyError: true });
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
              { title: 'Ngày', dataIndex: 'reportedOn', width: 95, render: (d: string) => formatDateVi(d) },
              { title: 'Kỳ', dataIndex: 'period', width: 120 },
              { title: 'Cơ quan', dataIndex: 'agencyName', width: 130, render: (n: string | null) => n ?? '' },
              {
                title: 'Nội dung',
                dataIndex: 'text',
                render: (text: string, r) => (
                  <>
                    {text}
                    {r.difficulties && <div style={{ fontSize: 12 }}>Khó khăn, vướng mắc: {r.difficulties}</div>}
                    {r.proposals && <div style={{ fontSize: 12 }}>Đề xuất: {r.proposals}</div>}
                  </>
                ),
              },
              {
                title: 'Trạng thái',
                key: 'status',
                width: 140,
                render: (_, r) => (r.status ? <TaskStatusTag status={r.status} percent={r.percent} /> : r.percent !== null ? `${r.percent}%` : ''),
              },
              {
                title: 'Thao tác',
                key: 'actions',
                width: 120,
                render: (_, r) => (
                  <Space size={4}>
                    <Button size="small" type="link" onClick={() => onEdit(r)} aria-label={`Sửa báo cáo ngày ${formatDateVi(r.reportedOn)}`}>
                      Sửa
                    </Button>
                    <Popconfirm title="Xóa báo cáo này?" okText="Xóa" okButtonProps={{ danger: true }} cancelText="Hủy" onConfirm={() => remove.mutateAsync({ id: r.id, rev: r.rev }).catch(() => undefined)}>
                      <Button size="small" type="link" danger aria-label={`Xóa báo cáo ngày ${formatDateVi(r.reportedOn)}`}>
                        Xóa
                      </Button>
                    </Popconfirm>
                  </Space>
                ),
              },
            ]}
          />
        )}
      </QueryView>
    </section>
  );
}
