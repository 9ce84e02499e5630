import { Button, Flex, Table } from 'antd';
import { useState } from 'react';
import { describeDeadline } from '../../../shared/deadlines';
import type { ComponentPlanDto } from '../../../shared/plans';
import { useApiMutation } from '../../components/api';
import { EmptyState } from '../../components/EmptyState';
import { EditDeleteActions } from '../../components/EditDeleteActions';
import { useAgencies } from '../common/lookups';
import { ComponentPlanFormModal } from './ComponentPlanFormModal';
import { OfficerOnly } from '../../accounts/OfficerOnly';

/** The appendix of component plans (kế hoạch, đề án thành phần). */
export function ComponentPlansTab({ planId, rows }: { planId: string; rows: ComponentPlanDto[] }) {
  const agencies = useAgencies();
  const remove = useApiMutation('plans.deleteComponent', { successMessage: 'Đã xóa', notifyError: true });
  const [editing, setEditing] = useState<{ row: ComponentPlanDto | null } | null>(null);
  const add = () => setEditing({ row: null });
  return (
    <>
      <Flex justify="flex-end" style={{ marginBottom: 8 }}>
        <OfficerOnly>
          <Button type="primary" onClick={add}>
            Thêm kế hoạch thành phần
          </Button>
        </OfficerOnly>
      </Flex>
      <Table<ComponentPlanDto>
        rowKey="id"
        size="middle"
        pagination={false}
        dataSource={[...rows].sort((a, b) => a.position - b.position)}
        locale={{
          emptyText: (
            <EmptyState
              title="Chưa có kế hoạch thành phần."
              hint="Nếu văn bản có phụ lục các kế hoạch, đề án thành phần, hãy thêm từng dòng của phụ lục."
              action={<Button onClick={add}>Thêm kế hoạch thành phần</Button>}
            />
          ),
        }}
        columns={[
          { title: 'Stt', key: 'index', width: 56, render: (_, __, i) => i + 1 },
          { title: 'Nội dung', dataIndex: 'content' },
          { title: 'Chủ trì', key: 'lead', width: 170, render: (_, r) => agencies.fullName(r.leadAgencyId) },
          {
            title: 'Phối hợp',
            key: 'coordinators',
            width: 220,
            render: (_, r) => [...r.coordinatorAgencyIds.map(agencies.shortName), r.coordinatorsNote].filter(Boolean).join('; '),
          },
          { title: 'Cơ quan ban hành', dataIndex: 'issuingBody', width: 160 },
          { title: 'Thời gian hoàn thành', key: 'completion', width: 160, render: (_, r) => (r.completion ? describeDeadline(r.completion) : '') },
          {
            title: 'Thao tác',
            key: 'actions',
            width: 110,
            render: (_, r) => (
              <EditDeleteActions
                name={r.content}
                onEdit={() => setEditing({ row: r })}
                confirm={{ title: 'Xóa kế hoạch thành phần này?', content: r.content }}
                onDelete={() => remove.mutateAsync({ id: r.id, rev: r.rev })}
              />
            ),
          },
        ]}
      />
      <ComponentPlanFormModal open={editing !== null} planId={planId} row={editing?.row ?? null} onClose={() => setEditing(null)} />
    </>
  );
}
