import { useQuery } from '@tanstack/react-query';
import { Button, Card, Flex, Space, Table, type TableColumnsType } from 'antd';
import { useEffect, useMemo, useState, type HTMLAttributes } from 'react';
import { useSearchParams } from 'react-router';
import { AGENCY_KIND_LABELS, filterAgencies, type AgencyDto, type AgencyKind } from '../../shared/agencies';
import { apiQuery, useApiMutation } from '../components/api';
import { EmptyState } from '../components/EmptyState';
import { PageHeader } from '../components/PageHeader';
import { QueryView } from '../components/QueryStatus';
import { EditDeleteActions } from '../components/EditDeleteActions';
import { useCan } from '../accounts/session';
import { RecordHistoryButton } from '../audit/RecordHistory';
import { AgencyFormModal } from './AgencyFormModal';
import { FilterBox } from '../components/FilterBox';
import { ExportButton } from '../components/ExportButton';

type Editing = { agency: AgencyDto | null } | null;

export function AgenciesPage() {
  const agencies = useQuery(apiQuery('agencies.list', {}));
  const [editing, setEditing] = useState<Editing>(null);
  const canEdit = useCan('officer');
  return (
    <>
      <PageHeader
        title="Cơ quan, đơn vị"
        subtitle="Các phòng, ban, đoàn thể được giao chủ trì hoặc phối hợp thực hiện nhiệm vụ."
        extra={
          canEdit && (
            <Button type="primary" onClick={() => setEditing({ agency: null })}>
              Thêm cơ quan
            </Button>
          )
        }
      />
      <Card>
        <QueryView query={agencies} loadingText="Đang tải danh sách cơ quan…">
          {(list) => <AgencyTable agencies={list} onEdit={(agency) => setEditing({ agency })} onAdd={() => setEditing({ agency: null })} />}
        </QueryView>
      </Card>
      <AgencyFormModal open={editing !== null} agency={editing?.agency ?? null} onClose={() => setEditing(null)} />
    </>
  );
}

interface AgencyTableProps {
  agencies: AgencyDto[];
  onEdit: (agency: AgencyDto) => void;
  onAdd: () => void;
}

function AgencyTable({ agencies, onEdit, onAdd }: AgencyTableProps) {
  const [filter, setFilter] = useState('');
  // The kind column's checked kinds, kept here so the export filters as the table does.
  const [kinds, setKinds] = useState<AgencyKind[]>([]);
  const focusId = useSearchParams()[0].get('focus');
  const rows = useMemo(() => filterAgencies(agencies, { search: filter }), [agencies, filter]);
  useScrollToRow(focusId);
  const columns = useAgencyColumns(onEdit);

  if (agencies.length === 0) {
    return (
      <EmptyState
        title="Chưa có cơ quan nào"
        hint="Thêm các phòng, ban, đoàn thể sẽ được giao nhiệm vụ trong kế hoạch."
        action={<Button onClick={onAdd}>Thêm cơ quan</Button>}
      />
    );
  }
  return (
    <Space orientation="vertical" size={12} style={{ width: '100%' }}>
      <Flex gap={8} align="center">
        <div style={{ flex: 1 }}>
          <FilterBox label="Lọc cơ quan" placeholder="Lọc theo tên, tên viết tắt, liên hệ (gõ không dấu cũng được)" value={filter} onChange={setFilter} />
        </div>
        <ExportButton op="agencies.export" input={{ search: filter, kinds }} ariaLabel="Xuất Excel danh sách cơ quan đang lọc" />
      </Flex>
      <Table<AgencyDto>
        aria-label="Danh sách cơ quan"
        rowKey="id"
        size="middle"
        columns={columns}
        dataSource={rows}
        pagination={false}
        onChange={(_, filters) => setKinds((filters.kind ?? []) as AgencyKind[])}
        rowClassName={(row) => (row.id === focusId ? 'xhht-row-focus' : '')}
        onRow={(row) => ({ 'data-row-id': row.id }) as HTMLAttributes<HTMLElement>}
        locale={{ emptyText: <EmptyState title={`Không có cơ quan nào khớp “${filter}”`} hint="Thử gõ ít chữ hơn hoặc xóa ô lọc." /> }}
      />
    </Space>
  );
}

function useAgencyColumns(onEdit: (agency: AgencyDto) => void): TableColumnsType<AgencyDto> {
  const remove = useApiMutation('agencies.delete', { successMessage: 'Đã xóa cơ quan', notifyError: true });
  const kinds = Object.keys(AGENCY_KIND_LABELS) as AgencyKind[];
  return [
    // Rows come sorted by name already; a sorter would also put a second "Tên cơ quan" label on the page.
    { title: 'Tên cơ quan', dataIndex: 'name' },
    { title: 'Tên viết tắt', dataIndex: 'shortName', width: 160 },
    {
      title: 'Loại',
      dataIndex: 'kind',
      width: 190,
      render: (kind: AgencyKind) => AGENCY_KIND_LABELS[kind],
      filters: kinds.map((k) => ({ text: AGENCY_KIND_LABELS[k], value: k })),
      onFilter: (value, row) => row.kind === value,
    },
    { title: 'Liên hệ', dataIndex: 'contact' },
    {
      title: 'Thao tác',
      key: 'actions',
      width: 200,
      render: (_, row) => (
        <Space size={0}>
          <EditDeleteActions
            name={row.name}
            onEdit={() => onEdit(row)}
            confirm={{ title: `Xóa “${row.name}”?`, content: 'Cơ quan đang được giao nhiệm vụ thì không xóa được.' }}
            onDelete={() => remove.mutateAsync({ id: row.id, rev: row.rev })}
          />
          <RecordHistoryButton recordId={row.id} name={row.name} />
        </Space>
      ),
    },
  ];
}

/** Brings the row named in ?focus= into view once it is rendered. */
function useScrollToRow(rowId: string | null) {
  useEffect(() => {
    if (!rowId) return;
    const row = document.querySelector(`[data-row-id="${CSS.escape(rowId)}"]`);
    row?.scrollIntoView({ block: 'center', behavior: 'smooth' });
  }, [rowId]);
}
