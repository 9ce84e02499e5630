import { Button, Flex, Table } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { describeDeadline } from '../../shared/deadlines';
import type { ReportingDutyDto } from '../../shared/reporting';
import { useApiMutation } from '../components/api';
import { EmptyState } from '../components/EmptyState';
import { EditDeleteActions } from '../components/EditDeleteActions';
import { useAgencies } from '../plans/common/lookups';
import { DutyFormModal } from './DutyFormModal';
import { OfficerOnly } from '../accounts/OfficerOnly';

/** The plan's reporting duties; the expected reports they produce are tracked on the Báo cáo định kỳ page. */
export function DutiesTab({ planId, duties }: { planId: string; duties: ReportingDutyDto[] }) {
  const agencies = useAgencies();
  const remove = useApiMutation('reporting.deleteDuty', { successMessage: 'Đã xóa nghĩa vụ báo cáo', notifyError: true });
  const [editing, setEditing] = useState<{ duty: ReportingDutyDto | null } | null>(null);
  const add = () => setEditing({ duty: null });
  return (
    <>
      <Flex justify="space-between" align="center" style={{ marginBottom: 8 }}>
        <Link to="/reports">Theo dõi các báo cáo đã nhận →</Link>
        <OfficerOnly>
          <Button type="primary" onClick={add}>
            Thêm nghĩa vụ báo cáo
          </Button>
        </OfficerOnly>
      </Flex>
      <Table<ReportingDutyDto>
        rowKey="id"
        size="middle"
        pagination={false}
        dataSource={duties}
        locale={{
          emptyText: (
            <EmptyState
              title="Chưa có nghĩa vụ báo cáo."
              hint="Thêm các hạn báo cáo của kế hoạch, ví dụ: các cơ quan báo cáo Phòng GD&ĐT trước ngày 15/11 hằng năm; sơ kết 2025; tổng kết 2030."
              action={<Button onClick={add}>Thêm nghĩa vụ báo cáo</Button>}
            />
          ),
        }}
        columns={[
          { title: 'Nghĩa vụ báo cáo', dataIndex: 'title' },
          { title: 'Cơ quan báo cáo', key: 'from', width: 220, render: (_, d) => [agencies.fullName(d.fromAgencyId), d.fromNote].filter(Boolean).join('; ') },
          { title: 'Nơi nhận', dataIndex: 'to', width: 200 },
          { title: 'Hạn', key: 'due', width: 200, render: (_, d) => describeDeadline(d.due) },
          {
            title: 'Thao tác',
            key: 'actions',
            width: 110,
            render: (_, d) => (
              <EditDeleteActions
                name={d.title}
                onEdit={() => setEditing({ duty: d })}
                confirm={{ title: 'Xóa nghĩa vụ báo cáo này?', content: d.title }}
                onDelete={() => remove.mutateAsync({ id: d.id, rev: d.rev })}
              />
            ),
          },
        ]}
      />
      <DutyFormModal open={editing !== null} planId={planId} duty={editing?.duty ?? null} onClose={() => setEditing(null)} />
    </>
  );
}
