import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Button, Card, Flex, Input, Segmented, Select, Switch, Table, Typography, type TableColumnsType } from 'antd';
import { useState } from 'react';
import { GENDER_LABELS, ORG_KIND_LABELS, SUBJECT_COUNT_CAP, SUBJECT_KIND_LABELS, type SubjectDto, type SubjectKind } from '../../shared/titles';
import { apiQuery, useApiMutation } from '../components/api';
import { EditDeleteActions } from '../components/EditDeleteActions';
import { EmptyState } from '../components/EmptyState';
import { LoadError } from '../components/QueryStatus';
import { useDebouncedValue } from '../components/useDebouncedValue';
import { useUnitOptions } from './lookups';
import { ImportListModal } from './ImportListModal';
import { ExportListButton } from './ListExportButtons';
import { NewEvaluationModal } from './NewEvaluationModal';
import { SubjectFormModal } from './SubjectFormModal';
import { OfficerOnly } from '../accounts/OfficerOnly';

const PAGE_SIZE = 50;
const KIND_OPTIONS = (Object.keys(SUBJECT_KIND_LABELS) as SubjectKind[]).map((k) => ({ value: k, label: SUBJECT_KIND_LABELS[k] }));

/** People, households, clans and organisations, one kind at a time, paged by the server in name order. */
export function SubjectsTab() {
  const [kind, setKind] = useState<SubjectKind>('person');
  const [unitId, setUnitId] = useState<string | undefined>();
  const [search, setSearch] = useState('');
  const [page, setPage] = useState(1);
  const [showIds, setShowIds] = useState(false);
  const [editing, setEditing] = useState<{ subject: SubjectDto | null } | null>(null);
  const [evaluating, setEvaluating] = useState<SubjectDto | null>(null);
  const [importing, setImporting] = useState(false);
  const { places } = useUnitOptions();
  const debounced = useDebouncedValue(search, 250);
  const input = { kind, unitId, search: debounced, offset: (page - 1) * PAGE_SIZE, limit: PAGE_SIZE, showIdNumbers: showIds };
  const list = useQuery({ ...apiQuery('subjects.list', input), placeholderData: keepPreviousData });
  const remove = useApiMutation('subjects.delete', { successMessage: 'Đã xóa', notifyError: true });
  const reset = () => setPage(1);

  const columns: TableColumnsType<SubjectDto> = [
    { title: kind === 'person' ? 'Họ và tên' : 'Tên', dataIndex: 'name' },
    ...(kind === 'person'
      ? [
          { title: 'Năm sinh', dataIndex: 'birthYear', width: 90 },
          { title: 'Giới tính', dataIndex: 'gender', width: 90, render: (g: SubjectDto['gender']) => (g ? GENDER_LABELS[g] : '') },
          { title: 'Số CCCD', dataIndex: 'idNumber', width: 140 },
          { title: 'Nhóm đối tượng', dataIndex: 'labourGroup', width: 170 },
        ]
      : []),
    ...(kind === 'organisation' ? [{ title: 'Loại', dataIndex: 'orgKind', width: 140, render: (k: SubjectDto['orgKind']) => (k ? ORG_KIND_LABELS[k] : '') }] : []),
    ...(kind === 'clan' ? [{ title: 'Người đại diện', dataIndex: 'representative', width: 180 }] : []),
    { title: 'Nơi ở / địa bàn', dataIndex: 'unitName' },
    {
      title: 'Thao tác',
      key: 'actions',
      width: 210,
      render: (_, row) => (
        <Flex>
          <Button size="small" type="link" onClick={() => setEvaluating(row)} aria-label={`Đánh giá: ${row.name}`}>
            Đánh giá
          </Button>
          <EditDeleteActions
            name={row.name}
            onEdit={() => setEditing({ subject: row })}
            confirm={{ title: `Xóa “${row.name}”?`, content: 'Dữ liệu được đánh dấu xóa và ghi nhật ký; đối tượng đã có hồ sơ đánh giá thì không xóa được.' }}
            onDelete={() => remove.mutateAsync({ id: row.id, rev: row.rev })}
          />
        </Flex>
      ),
    },
  ];

  const total = list.data?.total ?? 0;
  return (
    <Card>
      <Flex gap={12} wrap align="center" style={{ marginBottom: 12 }}>
        <Segmented<SubjectKind> options={KIND_OPTIONS} value={kind} onChange={(k) => (setKind(k), reset())} aria-label="Loại đối tượng" />
        <Select
          allowClear
          showSearch={{ optionFilterProp: 'label' }}
          placeholder="Tất cả xã, ấp"
          aria-label="Lọc theo xã, ấp"
          options={places}
          value={unitId}
          onChange={(v) => (setUnitId(v), reset())}
          style={{ width: 260 }}
        />
        <Input.Search
          aria-label="Tìm theo tên"
          placeholder="Họ tên từ đầu, gõ không dấu được"
          allowClear
          value={search}
          onChange={(e) => (setSearch(e.target.value), reset())}
          style={{ width: 300 }}
        />
        {kind === 'person' && (
          <Flex gap={6} align="center">
            <Switch checked={showIds} onChange={setShowIds} aria-label="Hiện đầy đủ số CCCD" size="small" />
            <Typography.Text>Hiện đầy đủ số CCCD</Typography.Text>
          </Flex>
        )}
        <Button onClick={() => setImporting(true)} style={{ marginLeft: 'auto' }}>
          Nhập từ Excel
        </Button>
        <ExportListButton input={{ list: 'subjects', kind, unitId, search: debounced, showIdNumbers: showIds }} />
        <OfficerOnly>
          <Button type="primary" onClick={() => setEditing({ subject: null })}>
            Thêm {SUBJECT_KIND_LABELS[kind].toLocaleLowerCase('vi')}
          </Button>
        </OfficerOnly>
      </Flex>
      {list.error ? (
        <LoadError error={list.error} onRetry={() => void list.refetch()} />
      ) : (
        <Table<SubjectDto>
          aria-label="Danh sách đối tượng"
          rowKey="id"
          size="small"
          loading={list.isFetching}
          columns={columns}
          dataSource={list.data?.rows ?? []}
          pagination={{
            current: page,
            pageSize: PAGE_SIZE,
            total: Math.min(total, SUBJECT_COUNT_CAP),
            showSizeChanger: false,
            onChange: setPage,
            showTotal: () => (total > SUBJECT_COUNT_CAP ? `Hơn ${SUBJECT_COUNT_CAP.toLocaleString('vi-VN')} đối tượng — hãy lọc hoặc tìm theo tên` : `${total.toLocaleString('vi-VN')} đối tượng`),
          }}
          locale={{ emptyText: <EmptyState title="Không có đối tượng nào" hint={debounced ? `Không có tên bắt đầu bằng “${debounced}”.` : 'Thêm đối tượng hoặc nhập danh sách từ Excel.'} /> }}
        />
      )}
      {editing && <SubjectFormModal kind={kind} subject={editing.subject} onClose={() => setEditing(null)} />}
      {importing && <ImportListModal kind={kind} onClose={() => setImporting(false)} />}
      {evaluating && <NewEvaluationModal subject={evaluating} onClose={() => setEvaluating(null)} />}
    </Card>
  );
}
