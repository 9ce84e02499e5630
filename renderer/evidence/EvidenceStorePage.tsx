import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Alert, App, Button, Card, DatePicker, Flex, InputNumber, List, Modal, Select, Space, Statistic, Table, Tabs, Tag, Tooltip, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { formatDateVi } from '../../shared/dates';
import {
  EVIDENCE_TYPE_LABELS,
  EVIDENCE_TYPES,
  RECORD_KIND_LABELS,
  evidenceTypeOfMime,
  formatBytes,
  previewKind,
  type EvidenceListRow,
  type EvidenceType,
  type IntegrityReport,
} from '../../shared/evidence';
import { apiQuery, callOrThrowAppError, useApiMutation } from '../components/api';
import { toAppError } from '../components/errors';
import { FilterBox } from '../components/FilterBox';
import { PageHeader } from '../components/PageHeader';
import { ExportButton } from '../components/ExportButton';
import { QueryView } from '../components/QueryStatus';
import { useDebouncedValue } from '../components/useDebouncedValue';
import { EvidencePreview } from './EvidencePreview';
import { useEvidenceActions } from './useEvidenceActions';

const MB = 1024 * 1024;

/** "Kho minh chứng": every evidence file, found by name without diacritics, record kind, type and date; the trash; the integrity check. */
export function EvidenceStorePage() {
  const [tab, setTab] = useState<'files' | 'trash'>('files');
  return (
    <>
      <PageHeader title="Kho minh chứng" subtitle="Mọi tệp minh chứng đã gắn vào kế hoạch, nhiệm vụ, đơn vị…" extra={<StoreTools />} />
      <Card>
        <Tabs
          activeKey={tab}
          onChange={(key) => setTab(key as 'files' | 'trash')}
          items={[
            { key: 'files', label: 'Tệp minh chứng', children: <FilesTab trash={false} /> },
            { key: 'trash', label: 'Thùng rác', children: <FilesTab trash /> },
          ]}
        />
      </Card>
    </>
  );
}

function FilesTab({ trash }: { trash: boolean }) {
  const [text, setText] = useState('');
  const [type, setType] = useState<EvidenceType | undefined>();
  const [recordTable, setRecordTable] = useState<string | undefined>();
  const [range, setRange] = useState<[Dayjs | null, Dayjs | null] | null>(null);
  const debounced = useDebouncedValue(text, 200);
  const input = {
    text: debounced,
    trash,
    ...(type ? { type } : {}),
    ...(recordTable ? { recordTable } : {}),
    ...(range?.[0] ? { from: range[0].format('YYYY-MM-DD') } : {}),
    ...(range?.[1] ? { to: range[1].format('YYYY-MM-DD') } : {}),
  };
  const result = useQuery({ ...apiQuery('evidence.search', input), placeholderData: keepPreviousData });
  const [previewing, setPreviewing] = useState<EvidenceListRow | null>(null);
  const actions = useEvidenceActions();
  return (
    <>
      <Flex gap={8} wrap style={{ marginBottom: 12 }}>
        <FilterBox label="Tìm theo tên tệp" placeholder="Tên tệp (gõ không dấu cũng được)" value={text} onChange={setText} />
        <Select
          aria-label="Loại tệp"
          placeholder="Mọi loại tệp"
          allowClear
          style={{ width: 170 }}
          value={type}
          onChange={setType}
          options={EVIDENCE_TYPES.map((t) => ({ value: t, label: EVIDENCE_TYPE_LABELS[t] }))}
        />
        <Select
          aria-label="Gắn với"
          placeholder="Gắn với mọi loại bản ghi"
          allowClear
          style={{ width: 230 }}
          value={recordTable}
          onChange={setRecordTable}
          options={Object.entries(RECORD_KIND_LABELS).map(([value, label]) => ({ value, label }))}
        />
        <DatePicker.RangePicker aria-label="Ngày gắn" format="DD/MM/YYYY" placeholder={['Từ ngày', 'Đến ngày']} value={range} onChange={(v) => setRange(v)} allowEmpty={[true, true]} />
        <ExportButton op="evidence.export" input={input} ariaLabel={trash ? 'Xuất Excel danh mục tệp trong thùng rác' : 'Xuất Excel danh mục minh chứng đang lọc'} />
      </Flex>
      <QueryView query={result} loadingText="Đang tìm tệp…">
        {(found) => (
          <>
            <Space size={32} style={{ marginBottom: 12 }}>
              <Statistic title="Số tệp" value={found.count} />
              <Statistic title="Tổng dung lượng" value={formatBytes(found.totalBytes)} />
              {!trash && <Statistic title="Kho chiếm (mỗi nội dung một lần)" value={formatBytes(found.storedBytes)} />}
            </Space>
            {trash ? (
              <TrashTable rows={found.rows} onPreview={setPreviewing} />
            ) : (
              <Table<EvidenceListRow>
                size="small"
                rowKey="id"
                dataSource={found.rows}
                pagination={{ pageSize: 50, hideOnSinglePage: true }}
                locale={{ emptyText: text || type || recordTable || range ? 'Không có tệp nào khớp.' : 'Chưa có tệp minh chứng nào. Hãy gắn tệp ở kế hoạch, nhiệm vụ hoặc đơn vị.' }}
                columns={[
                  { title: 'Tên tệp', dataIndex: 'name', render: (name: string, f) => <FileName file={f} onPreview={setPreviewing} /> },
                  { title: 'Gắn với', dataIndex: 'recordLabel' },
                  { title: 'Loại', dataIndex: 'mime', width: 120, render: (m: string) => EVIDENCE_TYPE_LABELS[evidenceTypeOfMime(m) ?? 'zip'] },
                  { title: 'Dung lượng', dataIndex: 'size', width: 110, align: 'right', render: (n: number) => formatBytes(n) },
                  { title: 'Ngày gắn', dataIndex: 'createdAt', width: 110, render: (at: string) => formatDateVi(at.slice(0, 10)) },
                  { title: 'Người gắn', dataIndex: 'addedBy', width: 120 },
                  actions.column(200),
                ]}
              />
            )}
          </>
        )}
      </QueryView>
      <EvidencePreview file={previewing} onClose={() => setPreviewing(null)} />
      {actions.renameModal}
    </>
  );
}

function FileName({ file, onPreview }: { file: EvidenceListRow; onPreview: (f: EvidenceListRow) => void }) {
  if (!previewKind(file.mime)) return <>{file.name}</>;
  return (
    <Button type="link" style={{ padding: 0, height: 'auto', whiteSpace: 'normal', textAlign: 'left' }} onClick={() => onPreview(file)} aria-label={`Xem ${file.name}`}>
      {file.name}
    </Button>
  );
}

function TrashTable({ rows, onPreview }: { rows: EvidenceListRow[]; onPreview: (f: EvidenceListRow) => void }) {
  const { modal } = App.useApp();
  const [selected, setSelected] = useState<string[]>([]);
  const restore = useApiMutation('evidence.restore', { successMessage: (f) => `Đã khôi phục "${f.name}"`, notifyError: true });
  const purge = useApiMutation('evidence.purge', {
    successMessage: (r) => `Đã xóa hẳn ${r.purged} tệp${r.freedBytes ? `, giải phóng ${formatBytes(r.freedBytes)}` : ''}`,
    notifyError: true,
    onSuccess: () => setSelected([]),
  });
  const confirmPurge = (ids: string[]) =>
    modal.confirm({
      title: `Xóa hẳn ${ids.length} tệp khỏi thùng rác?`,
      content: 'Không thể hoàn tác. Nội dung chỉ rời khỏi ổ đĩa khi không còn bản ghi nào khác dùng đến.',
      okText: 'Xóa hẳn',
      okButtonProps: { danger: true },
      cancelText: 'Hủy',
      onOk: () => purge.mutateAsync({ ids, confirmed: true }).catch(() => undefined),
    });
  return (
    <>
      <Button danger disabled={selected.length === 0} onClick={() => confirmPurge(selected)} style={{ marginBottom: 8 }}>
        Xóa hẳn các tệp đã chọn{selected.length ? ` (${selected.length})` : ''}
      </Button>
      <Table<EvidenceListRow>
        size="small"
        rowKey="id"
        dataSource={rows}
        pagination={{ pageSize: 50, hideOnSinglePage: true }}
        rowSelection={{ selectedRowKeys: selected, onChange: (keys) => setSelected(keys as string[]) }}
        locale={{ emptyText: 'Thùng rác trống.' }}
        columns={[
          { title: 'Tên tệp', dataIndex: 'name', render: (_: string, f) => <FileName file={f} onPreview={onPreview} /> },
          {
            title: 'Gắn với',
            dataIndex: 'recordLabel',
            render: (label: string, f) => (
              <>
                {label} {f.recordDeleted && <Tag color="red">đã xóa</Tag>}
              </>
            ),
          },
          { title: 'Dung lượng', dataIndex: 'size', width: 110, align: 'right', render: (n: number) => formatBytes(n) },
          { title: 'Ngày gỡ', dataIndex: 'deletedAt', width: 110, render: (at: string | null) => formatDateVi(at?.slice(0, 10)) },
          {
            title: 'Thao tác',
            key: 'actions',
            width: 200,
            render: (_, f) => (
              <Space size={0}>
                <Tooltip title={f.recordDeleted ? 'Bản ghi mang tệp đã bị xóa: khôi phục bản ghi sẽ đưa tệp trở lại.' : undefined}>
                  <Button size="small" type="link" disabled={f.recordDeleted} onClick={() => restore.mutate({ id: f.id })} aria-label={`Khôi phục ${f.name}`}>
                    Khôi phục
                  </Button>
                </Tooltip>
                <Button size="small" type="link" danger onClick={() => confirmPurge([f.id])} aria-label={`Xóa hẳn ${f.name}`}>
                  Xóa hẳn
                </Button>
              </Space>
            ),
          },
        ]}
      />
    </>
  );
}

/** "Kiểm tra toàn vẹn" and the size limit. */
function StoreTools() {
  const [report, setReport] = useState<IntegrityReport | null>(null);
  const [checking, setChecking] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [editingLimit, setEditingLimit] = useState(false);
  const verify = () => {
    setChecking(true);
    setError(null);
    setReport(null);
    callOrThrowAppError('evidence.verify', {})
      .then(setReport)
      .catch((e: unknown) => setError(toAppError(e).message))
      .finally(() => setChecking(false));
  };
  const open = checking || report !== null || error !== null;
  return (
    <>
      <Button onClick={() => setEditingLimit(true)}>Giới hạn dung lượng</Button>
      <Button type="primary" onClick={verify} loading={checking}>
        Kiểm tra toàn vẹn
      </Button>
      <Modal
        title="Kiểm tra toàn vẹn"
        open={open}
        onCancel={() => {
          setReport(null);
          setError(null);
        }}
        footer={null}
        width={760}
        closable={!checking}
        maskClosable={!checking}
      >
        {checking && <Alert type="info" showIcon title="Đang băm lại từng tệp trong kho… (kho lớn có thể mất vài phút)" />}
        {error && <Alert type="error" showIcon title={error} />}
        {report && <IntegrityResult report={report} />}
      </Modal>
      <LimitModal open={editingLimit} onClose={() => setEditingLimit(false)} />
    </>
  );
}

function IntegrityResult({ report }: { report: IntegrityReport }) {
  const summary = `Đã kiểm tra ${report.checkedFiles} tệp (${formatBytes(report.checkedBytes)}).`;
  if (report.problems.length === 0) return <Alert type="success" showIcon title={`${summary} Tất cả nguyên vẹn.`} />;
  return (
    <>
      <Alert type="error" showIcon title={`${summary} ${report.problems.length} tệp bị mất hoặc hỏng.`} style={{ marginBottom: 12 }} />
      <List
        dataSource={report.problems}
        renderItem={(p) => (
          <List.Item>
            <div>
              <Tag color={p.problem === 'missing' ? 'orange' : 'red'}>{p.problem === 'missing' ? 'Mất' : 'Hỏng'}</Tag>
              {p.files.map((f) => (
                <div key={f.id}>
                  <strong>{f.name}</strong> — {f.recordLabel}
                  {f.inTrash ? ' (trong thùng rác)' : ''}
                </div>
              ))}
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                SHA-256 {p.sha256}
              </Typography.Text>
            </div>
          </List.Item>
        )}
      />
    </>
  );
}

function LimitModal({ open, onClose }: { open: boolean; onClose: () => void }) {
  const settings = useQuery(apiQuery('evidence.settings', {}));
  const save = useApiMutation('evidence.saveSettings', { successMessage: 'Đã lưu giới hạn dung lượng' });
  const [value, setValue] = useState<number | null>(null);
  const shown = value ?? (settings.data ? Math.round(settings.data.maxBytes / MB) : null);
  return (
    <Modal
      title="Giới hạn dung lượng mỗi tệp"
      open={open}
      onCancel={onClose}
      okText="Lưu"
      cancelText="Hủy"
      confirmLoading={save.isPending}
      onOk={() => shown !== null && save.mutateAsync({ maxBytes: shown * MB }).then(onClose, () => undefined)}
      destroyOnHidden
    >
      <QueryView query={settings}>
        {() => (
          <>
            <InputNumber aria-label="Giới hạn (MB)" min={1} max={4096} value={shown} onChange={setValue} addonAfter="MB" />
            {save.error && <Alert type="error" showIcon title={save.error.message} style={{ marginTop: 12 }} />}
          </>
        )}
      </QueryView>
    </Modal>
  );
}
