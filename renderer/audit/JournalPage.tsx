import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { App, Button, Flex, Select, Table } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { AUDIT_ACTION_LABELS, type AuditEntryDto, type JournalFilter } from '../../shared/audit';
import { apiQuery, callOrThrowAppError } from '../components/api';
import { DateInput } from '../components/DateInput';
import { PageHeader } from '../components/PageHeader';
import { LoadError } from '../components/QueryStatus';
import { actorText, auditTime, ChangeList } from './ChangeList';
import { RecordHistoryButton } from './RecordHistory';

const PAGE_SIZE = 50;

function saveBase64(fileName: string, base64: string, type: string): void {
  const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
  const url = URL.createObjectURL(new Blob([bytes], { type }));
  const link = Object.assign(document.createElement('a'), { href: url, download: fileName });
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** "Nhật ký thay đổi": every change, by whom and when, filtered and exported to Excel. */
export function JournalPage() {
  const { message, notification } = App.useApp();
  const [actor, setActor] = useState<string>();
  const [entity, setEntity] = useState<string>();
  const [from, setFrom] = useState<Dayjs | null>(null);
  const [to, setTo] = useState<Dayjs | null>(null);
  const [page, setPage] = useState(1);
  const [exporting, setExporting] = useState(false);
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
  const exportXlsx = async () => {
    setExporting(true);
    try {
      const file = await callOrThrowAppError('audit.exportJournal', filter);
      saveBase64(file.fileName, file.base64, 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
      void message.success(`Đã xuất ${file.rows} dòng ra ${file.fileName}`);
    } catch (error) {
      notification.error({ title: 'Không xuất được nhật ký', description: (error as Error).message, duration: 8 });
    } finally {
      setExporting(false);
    }
  };
  return (
    <>
      <PageHeader
        title="Nhật ký thay đổi"
        subtitle="Ai đã thay đổi gì, khi nào: mỗi lần tạo, sửa, xóa, khôi phục một bản ghi."
        extra={
          <Button onClick={() => void exportXlsx()} loading={exporting}>
            Xuất Excel
          </Button>
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
