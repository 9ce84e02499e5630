import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Flex, Select, Table } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { AUDIT_ACTION_LABELS, type AuditEntryDto, type JournalFilter } from '../../shared/audit';
import { apiQuery } from '../components/api';
import { ExportButton } from '../components/ExportButton';
import { DateInput } from '../components/DateInput';
import { PageHeader } from '../components/PageHeader';
import { LoadError } from '../components/QueryStatus';
import { actorText, auditTime, ChangeList } from './ChangeList';
import { RecordHistoryButton } from './RecordHistory';

const PAGE_SIZE = 50;

/** "Nhật ký thay đổi": every change, by whom and when, filtered and exported to Excel. */
export function JournalPage() {
  const [actor, setActor] = useState<string>();
  const [entity, setEntity] = useState<string>();
  const [from, setFrom] = useState<Dayjs | null>(null);
  const [to, setTo] = useState<Dayjs | null>(null);
  const [page, setPage] = useState(1);
  const filter: JournalFilter = {
    actor,
    entity,
    from: from?.isValid() ? from.format('YYYY-MM-DD') : undefined,
    to: to?.isValid() ? to.format('YYYY-MM-DD') : undefined,
  };
  const journal = useQuery({ ...apiQuery('audit.journal', { ...filter, offset: (page - 1) * PAGE_SIZE, limit: PAGE_SIZE }), placeholderData: keepPreviousData });
  const refilter = <T,>(set: (value: T) => void) => (value: T) => {
    set(value);
    setPage(1);
  };
  return (
    <>
      <PageHeader
        title="Nhật ký thay đổi"
        subtitle="Ai đã thay đổi gì, khi nào: mỗi lần tạo, sửa, xóa, khôi phục một bản ghi."
        extra={
          <ExportButton op="audit.exportJournal" input={filter} ariaLabel="Xuất Excel nhật ký đang xem" />
        }
      />
      <Flex gap={12} wrap style={{ marginBottom: 16 }} role="search" aria-label="Lọc nhật ký">
        <Select
          aria-label="Người thực hiện"
          placeholder="Mọi người"
          allowClear
          showSearch
          optionFilterProp="label"
          style={{ width: 240 }}
          value={actor}
          onChange={refilter(setActor)}
          options={journal.data?.actors.map((a) => ({ value: a.actor, label: actorText({ actor: a.actor, actorName: a.name }) }))}
        />
        <Select
          aria-label="Loại bản ghi"
          placeholder="Mọi loại bản ghi"
          allowClear
          showSearch
          optionFilterProp="label"
          style={{ width: 240 }}
          value={entity}
          onChange={refilter(setEntity)}
          options={journal.data?.entities.map((e) => ({ value: e.entity, label: e.label }))}
        />
        <DateInput aria-label="Từ ngày" value={from} onChange={refilter(setFrom)} style={{ width: 140 }} />
        <DateInput aria-label="Đến ngày" value={to} onChange={refilter(setTo)} style={{ width: 140 }} />
      </Flex>
      {journal.error ? (
        <LoadError error={journal.error} onRetry={() => void journal.refetch()} />
      ) : (
        <Table<AuditEntryDto>
          aria-label="Nhật ký thay đổi"
          rowKey="seq"
          loading={journal.isFetching}
          dataSource={journal.data?.rows}
          size="small"
          pagination={{ current: page, pageSize: PAGE_SIZE, total: journal.data?.total ?? 0, onChange: setPage, showSizeChanger: false, showTotal: (n) => `${n} thay đổi` }}
          columns={[
            { title: 'Thời điểm', dataIndex: 'at', width: 150, render: auditTime },
            { title: 'Người thực hiện', width: 190, render: (_, e) => actorText(e) },
            { title: 'Việc', dataIndex: 'action', width: 90, render: (a: AuditEntryDto['action']) => AUDIT_ACTION_LABELS[a] },
            { title: 'Bản ghi', width: 260, render: (_, e) => <><div>{e.recordLabel || '—'}</div><small style={{ color: '#5f6b76' }}>{e.entityLabel}</small></> },
            { title: 'Thay đổi (trước → sau)', render: (_, e) => <ChangeList entry={e} /> },
            { title: '', width: 90, render: (_, e) => <RecordHistoryButton recordId={e.recordId} name={e.recordLabel || e.entityLabel} /> },
          ]}
        />
      )}
    </>
  );
}
