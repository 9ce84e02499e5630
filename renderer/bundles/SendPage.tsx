import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Alert, Button, Card, Checkbox, Descriptions, Flex, Form, Progress, Radio, Select, Table, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { entityLabel, FIELD_LABELS } from '../../shared/audit';
import { BUNDLE_KIND_LABELS, type BundleKind, type EntityEstimate, type ExportOptions, type ExportResult } from '../../shared/bundles';
import type { OutputOf } from '../../shared/contract';
import { formatBytes } from '../../shared/evidence';
import { apiQuery, callOrThrowAppError } from '../components/api';
import { PageHeader } from '../components/PageHeader';
import { QueryView } from '../components/QueryStatus';
import { toAppError } from '../components/errors';
import { base64ToBlob, downloadBlob } from '../plans/common/download';
import { JobProgress } from './JobProgress';
import { useJob } from './useJob';

/** What each kind of bundle is for, in the words an officer uses. */
const KIND_HELP: Record<BundleKind, string> = {
  sync: 'Gửi toàn bộ dữ liệu của đơn vị mình (địa bàn, số liệu, kế hoạch, nhiệm vụ, danh hiệu, giấy công nhận) lên cơ quan cấp trên. Cấp trên nhập vào thì thấy dữ liệu của mình dưới tên đơn vị mình.',
  report: 'Gửi báo cáo của một năm lên cấp trên: số liệu, kế hoạch với chỉ tiêu và kết quả, tiến độ, danh hiệu, quyết định công nhận và sổ giấy công nhận của năm đó.',
  template: 'Gửi kế hoạch mẫu và bộ tiêu chí xuống các đơn vị cấp dưới để dùng lại; không kèm số liệu của đơn vị mình.',
};
const KINDS: BundleKind[] = ['sync', 'report', 'template'];

const thisYear = new Date().getFullYear();
/** The programme runs 2021–2030; a year ahead lets an office send next year's plans. */
const YEARS = Array.from({ length: thisYear + 2 - 2021 }, (_, i) => thisYear + 1 - i);
const ALL_YEARS = 'all';

const personalLabel = (column: string) => {
  const [entity, field] = column.split('.');
  return `${FIELD_LABELS[field ?? ''] ?? field} (${entityLabel(entity ?? '')})`;
};

/**
 * Gửi dữ liệu: the officer picks what to send, sees how big it is before
 * anything is written, creates the bundle (progress, cancel) and saves the
 * .xhht file to hand over on a USB stick or by email.
 */
export function SendPage() {
  const [options, setOptions] = useState<ExportOptions>({ kind: 'sync', period: null, includeFiles: true, includePersonalData: false });
  const estimate = useQuery({ ...apiQuery('bundles.estimate', options), placeholderData: keepPreviousData });
  const job = useJob();
  const [made, setMade] = useState<{ jobId: string; result: ExportResult } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);

  const change = (patch: Partial<ExportOptions>) => {
    setMade(null);
    setNotice(null);
    setOptions((o) => {
      const next = { ...o, ...patch };
      // A report is of one year; a template carries plans and criteria, not a year's data.
      if (patch.kind === 'report' && next.period === null) next.period = String(thisYear);
      if (patch.kind === 'template') next.period = null;
      return next;
    });
  };

  const start = async () => {
    setError(null);
    setNotice(null);
    setMade(null);
    let jobId = '';
    const outcome = await job.run({
      start: async () => {
        const started = await callOrThrowAppError('bundles.exportStart', options);
        jobId = started.jobId;
        return started;
      },
      status: (id) => callOrThrowAppError('bundles.exportStatus', { jobId: id }),
      cancel: (id) => callOrThrowAppError('bundles.exportCancel', { jobId: id }),
    });
    if (outcome.ok) setMade({ jobId, result: outcome.result });
    else if (outcome.cancelled) setNotice('Đã hủy; không có tệp nào được tạo.');
    else setError(outcome.message);
  };

  return (
    <>
      <PageHeader
        title="Gửi dữ liệu"
        subtitle="Tạo một tệp .xhht có chữ ký của cơ quan để gửi cho đơn vị khác (qua USB hoặc thư điện tử). Đơn vị nhận kiểm tra chữ ký và xem trước trước khi nhập."
        extra={<Link to="/bundles">Các gói đã nhận</Link>}
      />
      <Flex gap={16} align="flex-start" wrap>
        <Card title="Gửi gì" style={{ flex: '1 1 520px', minWidth: 0 }}>
          <Form layout="vertical" disabled={job.running}>
            <Form.Item label="Loại dữ liệu">
              <Radio.Group value={options.kind} onChange={(e) => change({ kind: e.target.value as BundleKind })} aria-label="Loại dữ liệu">
                <Flex vertical gap={8}>
                  {KINDS.map((kind) => (
                    <Radio key={kind} value={kind}>
                      <strong>{BUNDLE_KIND_LABELS[kind]}</strong>
                      <div style={{ color: 'rgba(0,0,0,0.65)' }}>{KIND_HELP[kind]}</div>
                    </Radio>
                  ))}
                </Flex>
              </Radio.Group>
            </Form.Item>
            {options.kind !== 'template' && (
              <Form.Item label="Năm" htmlFor="bundle-period" extra={options.kind === 'report' ? 'Báo cáo gồm dữ liệu của năm đã chọn.' : 'Để “Tất cả các năm” khi gửi lần đầu.'}>
                <Select
                  id="bundle-period"
                  style={{ width: 220 }}
                  value={options.period ?? ALL_YEARS}
                  onChange={(v: string) => change({ period: v === ALL_YEARS ? null : v })}
                  options={[...(options.kind === 'report' ? [] : [{ value: ALL_YEARS, label: 'Tất cả các năm' }]), ...YEARS.map((y) => ({ value: String(y), label: `Năm ${y}` }))]}
                />
              </Form.Item>
            )}
            <Form.Item extra="Minh chứng (ảnh, văn bản) làm tệp lớn hơn nhiều; bỏ ra thì đơn vị nhận vẫn thấy tên tệp nhưng không mở được.">
              <Checkbox checked={options.includeFiles} onChange={(e) => change({ includeFiles: e.target.checked })}>
                Kèm tệp minh chứng
              </Checkbox>
            </Form.Item>
            <Form.Item extra="Số CCCD và các thông tin cá nhân khác chỉ được gửi khi chọn ở đây. Chỉ chọn khi cấp nhận cần và được phép giữ.">
              <Checkbox checked={options.includePersonalData} onChange={(e) => change({ includePersonalData: e.target.checked })}>
                Kèm dữ liệu cá nhân (số CCCD)
              </Checkbox>
            </Form.Item>
          </Form>
        </Card>
        <Card title="Dung lượng dự kiến" style={{ flex: '1 1 420px', minWidth: 0 }}>
          <QueryView query={estimate} loadingText="Đang tính dung lượng…">
            {(e) => (
              <Flex vertical gap={12}>
                <Descriptions
                  size="small"
                  column={1}
                  bordered
                  items={[
                    { key: 'records', label: 'Bản ghi', children: `${e.entities.reduce((s, x) => s + x.rows, 0).toLocaleString('vi-VN')} (${formatBytes(e.entities.reduce((s, x) => s + x.bytes, 0))})` },
                    { key: 'files', label: 'Tệp minh chứng', children: options.includeFiles ? `${e.files.count.toLocaleString('vi-VN')} tệp (${formatBytes(e.files.bytes)})` : 'Không kèm' },
                    { key: 'total', label: 'Tổng cộng (trước khi nén)', children: <strong>{formatBytes(e.totalBytes)}</strong> },
                  ]}
                />
                {!options.includeFiles && e.filesLeftOut.count > 0 && (
                  <Typography.Text type="secondary">
                    Bỏ ra {e.filesLeftOut.count.toLocaleString('vi-VN')} tệp minh chứng ({formatBytes(e.filesLeftOut.bytes)}).
                  </Typography.Text>
                )}
                {e.personalColumnsLeftOut.length > 0 && <Typography.Text type="secondary">Không gửi: {e.personalColumnsLeftOut.map(personalLabel).join(', ')}.</Typography.Text>}
                {/* A long list scrolls in its own box, which takes the focus so the keyboard scrolls it too. */}
                <div role="region" aria-label="Số bản ghi theo loại, cuộn được" tabIndex={0} style={{ maxHeight: 300, overflow: 'auto' }}>
                  <Table<EntityEstimate>
                    size="small"
                    rowKey="entity"
                    pagination={false}
                    aria-label="Số bản ghi theo loại"
                    dataSource={e.entities.filter((x) => x.rows > 0)}
                    locale={{ emptyText: 'Không có bản ghi nào cho lựa chọn này.' }}
                    columns={[
                      { title: 'Loại bản ghi', key: 'entity', render: (_v, x) => entityLabel(x.entity) },
                      { title: 'Số bản ghi', key: 'rows', align: 'right', width: 110, render: (_v, x) => x.rows.toLocaleString('vi-VN') },
                      { title: 'Dung lượng', key: 'bytes', align: 'right', width: 110, render: (_v, x) => formatBytes(x.bytes) },
                    ]}
                  />
                </div>
              </Flex>
            )}
          </QueryView>
        </Card>
      </Flex>
      <Flex vertical gap={16} style={{ marginTop: 16 }}>
        {error && <Alert type="error" showIcon role="alert" title="Không tạo được gói dữ liệu" description={error} closable={{ onClose: () => setError(null) }} />}
        {notice && <Alert type="info" showIcon title={notice} closable={{ onClose: () => setNotice(null) }} />}
        {job.running ? (
          <JobProgress title="Đang tạo gói dữ liệu" status={job.status} onCancel={job.cancel} />
        ) : made ? (
          <SaveCard made={made} />
        ) : (
          <div>
            <Button type="primary" size="large" onClick={() => void start()} disabled={estimate.isPending || estimate.isError}>
              Tạo gói dữ liệu
            </Button>
          </div>
        )}
      </Flex>
    </>
  );
}

/** The finished bundle: what it holds, and saving it (it comes over in pieces, so a large one shows progress). */
function SaveCard({ made }: { made: { jobId: string; result: ExportResult } }) {
  const { result } = made;
  const [saving, setSaving] = useState<number | null>(null);
  const [saved, setSaved] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const save = async () => {
    setError(null);
    setSaving(0);
    try {
      const parts: Blob[] = [];
      let offset: number | null = 0;
      while (offset !== null) {
        const piece: OutputOf<'bundles.exportDownload'> = await callOrThrowAppError('bundles.exportDownload', { jobId: made.jobId, offset });
        parts.push(base64ToBlob(piece.base64, 'application/octet-stream'));
        offset = piece.nextOffset;
        setSaving(piece.size > 0 ? Math.floor(((offset ?? piece.size) / piece.size) * 100) : 100);
      }
      downloadBlob(result.fileName, new Blob(parts, { type: 'application/octet-stream' }));
      setSaved(true);
    } catch (e) {
      setError(toAppError(e).message);
    } finally {
      setSaving(null);
    }
  };
  const records = Object.values(result.counts).reduce((s, n) => s + n, 0);
  return (
    <Card title="Đã tạo gói dữ liệu" size="small">
      <Flex vertical gap={12}>
        <Descriptions
          size="small"
          column={2}
          items={[
            { key: 'file', label: 'Tệp', children: result.fileName },
            { key: 'size', label: 'Dung lượng', children: formatBytes(result.bytes) },
            { key: 'records', label: 'Bản ghi', children: records.toLocaleString('vi-VN') },
            { key: 'files', label: 'Tệp minh chứng', children: `${result.files.count.toLocaleString('vi-VN')} (${formatBytes(result.files.bytes)})` },
            { key: 'id', label: 'Mã gói', children: <Typography.Text code>{result.bundleId}</Typography.Text> },
          ]}
        />
        {error && <Alert type="error" showIcon role="alert" title="Không lưu được tệp" description={error} />}
        <Flex align="center" gap={16}>
          <Button type="primary" onClick={() => void save()} loading={saving !== null} autoFocus>
            Lưu tệp {result.fileName}
          </Button>
          {saving !== null && <Progress percent={saving} aria-label="Tiến độ lưu tệp" style={{ width: 240, margin: 0 }} />}
          {saved && <Typography.Text type="success">Đã lưu vào thư mục Tải về. Gửi tệp này cho đơn vị nhận; họ mở trang “Nhận dữ liệu” để nhập.</Typography.Text>}
        </Flex>
      </Flex>
    </Card>
  );
}
