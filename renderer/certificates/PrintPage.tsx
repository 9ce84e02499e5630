import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Checkbox, Flex, Input, Progress, Select, Space, Table, Tag, Typography, type TableColumnsType } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { Link } from 'react-router';
import type { CertificateCandidate, CertificatePrintStatus } from '../../shared/certificate-print';
import { TITLE_LABELS, TitleKind } from '../../shared/titles-criteria';
import { apiQuery, callOrThrowAppError } from '../components/api';
import { EmptyState } from '../components/EmptyState';
import { PageHeader } from '../components/PageHeader';
import { QueryView } from '../components/QueryStatus';
import { downloadBlob } from '../plans/common/download';
import { PreviewModal } from './PreviewModal';

interface Filter {
  year?: number;
  title?: TitleKind;
  communeId?: string;
  decisionId?: string;
}

const YEARS = Array.from({ length: 12 }, (_, i) => new Date().getFullYear() + 1 - i);

/** The finished PDF, fetched in pieces so a 10,000-page file never travels as one message. */
async function downloadPrint(jobId: string, fileName: string): Promise<void> {
  const parts: BlobPart[] = [];
  for (let offset: number | null = 0; offset !== null; ) {
    const piece: { base64: string; nextOffset: number | null } = await callOrThrowAppError('certificates.printDownload', { jobId, offset });
    parts.push(Uint8Array.from(atob(piece.base64), (c) => c.charCodeAt(0)));
    offset = piece.nextOffset;
  }
  downloadBlob(fileName, new Blob(parts, { type: 'application/pdf' }));
}

/**
 * "In giấy công nhận": choose by year, title, commune or decision, look at any
 * certificate exactly as it prints, and print the batch into one PDF with a
 * progress bar and a cancel button. Numbers are given when the batch starts.
 */
export function PrintPage() {
  const { notification } = App.useApp();
  const queryClient = useQueryClient();
  const [filter, setFilter] = useState<Filter>({ year: new Date().getFullYear() - 1 });
  const [reprint, setReprint] = useState(false);
  const [reason, setReason] = useState('');
  const [previewing, setPreviewing] = useState<CertificateCandidate | null>(null);
  const [job, setJob] = useState<CertificatePrintStatus | null>(null);
  const [starting, setStarting] = useState(false);
  const polling = useRef(true);
  useEffect(() => {
    polling.current = true;
    return () => void (polling.current = false);
  }, []);

  const selection = { ...filter, ...(reprint && reason.trim().length >= 3 ? { reprintReason: reason.trim() } : {}) };
  const hasChoice = filter.year !== undefined || filter.decisionId !== undefined;
  const candidates = useQuery({ ...apiQuery('certificates.candidates', selection), enabled: hasChoice });
  const decisions = useQuery(apiQuery('decisions.list', {}));
  const units = useQuery(apiQuery('units.tree', {}));
  const communes = (units.data ?? []).filter((u) => u.depth === 1);
  const decisionOptions = (decisions.data ?? []).filter((d) => filter.year === undefined || d.year === filter.year);

  const follow = async (jobId: string) => {
    for (;;) {
      if (!polling.current) return;
      const status = await callOrThrowAppError('certificates.printStatus', { jobId });
      setJob(status);
      if (status.phase === 'done' && status.result) {
        await downloadPrint(jobId, status.result.fileName);
        return;
      }
      if (status.phase === 'failed' || status.phase === 'cancelled') return;
      await new Promise((r) => setTimeout(r, 300));
    }
  };

  const start = async () => {
    setStarting(true);
    setJob(null);
    try {
      const { jobId } = await callOrThrowAppError('certificates.print', selection);
      // The numbers were given as the print started: the register and this list have changed.
      void queryClient.invalidateQueries({ queryKey: ['certificates.candidates'] });
      void queryClient.invalidateQueries({ queryKey: ['certificates.list'] });
      await follow(jobId);
    } catch (error) {
      notification.error({ title: 'Không in được giấy công nhận', description: (error as Error).message, duration: 10 });
    } finally {
      setStarting(false);
    }
  };

  const running = job !== null && !['done', 'failed', 'cancelled'].includes(job.phase);
  const toPrint = candidates.data ? (reprint ? candidates.data.total : candidates.data.total - candidates.data.alreadyPrinted) : 0;

  return (
    <>
      <PageHeader
        title="In giấy công nhận"
        subtitle="Số vào sổ được cấp khi in lần đầu; giấy in lại giữ số cũ và ghi “Bản cấp lại”."
        extra={
          <>
            <Link to="/certificates">Sổ cấp giấy công nhận</Link>
            <Link to="/certificates/templates">Mẫu giấy công nhận</Link>
          </>
        }
      />
      <Card>
        <Space orientation="vertical" size={12} style={{ width: '100%' }}>
          <Flex gap={12} wrap>
            <Select<number>
              aria-label="Năm công nhận"
              allowClear
              placeholder="Mọi năm"
              style={{ width: 130 }}
              value={filter.year}
              onChange={(year) => setFilter((f) => ({ ...f, year, decisionId: undefined }))}
              options={YEARS.map((y) => ({ value: y, label: `Năm ${y}` }))}
            />
            <Select<TitleKind>
              aria-label="Danh hiệu"
              allowClear
              placeholder="Mọi danh hiệu"
              style={{ width: 260 }}
              value={filter.title}
              onChange={(title) => setFilter((f) => ({ ...f, title }))}
              options={TitleKind.options.map((t) => ({ value: t, label: TITLE_LABELS[t] }))}
            />
            <Select<string>
              aria-label="Xã"
              allowClear
              showSearch={{ optionFilterProp: 'label' }}
              placeholder="Mọi xã"
              style={{ width: 200 }}
              value={filter.communeId}
              onChange={(communeId) => setFilter((f) => ({ ...f, communeId }))}
              options={communes.map((c) => ({ value: c.id, label: `${c.type} ${c.name}` }))}
            />
            <Select<string>
              aria-label="Quyết định công nhận"
              allowClear
              placeholder="Mọi quyết định"
              style={{ width: 300 }}
              value={filter.decisionId}
              onChange={(decisionId) => setFilter((f) => ({ ...f, decisionId }))}
              options={decisionOptions.map((d) => ({ value: d.id, label: `${d.number} — ${TITLE_LABELS[d.title]} ${d.year}` }))}
            />
          </Flex>
          <Flex gap={12} align="center" wrap>
            <Checkbox checked={reprint} onChange={(e) => setReprint(e.target.checked)}>
              In lại cả giấy đã in (bản cấp lại)
            </Checkbox>
            {reprint && (
              <Input
                aria-label="Lý do in lại"
                placeholder="Lý do in lại (ví dụ: người nhận làm mất bản cũ)"
                style={{ width: 420 }}
                value={reason}
                onChange={(e) => setReason(e.target.value)}
                status={reason.trim().length >= 3 ? undefined : 'warning'}
              />
            )}
          </Flex>
          {!hasChoice ? (
            <EmptyState title="Chọn năm hoặc quyết định cần in" />
          ) : (
            <QueryView query={candidates} loadingText="Đang tìm người được công nhận…">
              {(data) => (
                <Space orientation="vertical" size={12} style={{ width: '100%' }}>
                  <Flex gap={12} align="center" wrap>
                    <Button
                      type="primary"
                      disabled={toPrint === 0 || running || (reprint && reason.trim().length < 3)}
                      loading={starting && !running}
                      onClick={() => void start()}
                    >
                      {`In ${toPrint.toLocaleString('vi-VN')} giấy ra PDF`}
                    </Button>
                    <Typography.Text type="secondary">
                      {`${data.total.toLocaleString('vi-VN')} người/đơn vị được công nhận, ${data.alreadyPrinted.toLocaleString('vi-VN')} đã in`}
                    </Typography.Text>
                  </Flex>
                  {job && <PrintProgress job={job} onCancel={() => void callOrThrowAppError('certificates.printCancel', { jobId: job.jobId }).then(setJob)} />}
                  <CandidatesTable items={data.items} total={data.total} onPreview={setPreviewing} />
                </Space>
              )}
            </QueryView>
          )}
        </Space>
      </Card>
      {previewing && <PreviewModal candidate={previewing} onClose={() => setPreviewing(null)} />}
    </>
  );
}

/** The desktop app's preload gives a bridge; only there can main hand pages to a printer. */
const onDesktop = () => Boolean(window.officeBridge);

/** "In trực tiếp": the finished print's pages through the system print dialog (desktop app only). */
function DirectPrintButton({ jobId }: { jobId: string }) {
  const { notification } = App.useApp();
  const [printing, setPrinting] = useState(false);
  const print = async () => {
    setPrinting(true);
    try {
      const { pages } = await callOrThrowAppError('certificates.printDirect', { jobId });
      if (pages > 0) notification.success({ title: `Đã gửi ${pages.toLocaleString('vi-VN')} trang tới máy in` });
    } catch (error) {
      notification.error({ title: 'Không in trực tiếp được', description: (error as Error).message, duration: 10 });
    } finally {
      setPrinting(false);
    }
  };
  return (
    <Button size="small" type="primary" loading={printing} onClick={() => void print()}>
      In trực tiếp
    </Button>
  );
}

function PrintProgress({ job, onCancel }: { job: CertificatePrintStatus; onCancel: () => void }) {
  const total = job.total ?? 0;
  if (job.phase === 'done' && job.result) {
    return (
      <Alert
        type="success"
        showIcon
        title={`Đã in ${job.result.pages.toLocaleString('vi-VN')} trang vào ${job.result.fileName}`}
        description={job.result.reprints > 0 ? `${job.result.reprints} giấy là bản cấp lại (đã ghi lý do vào sổ).` : 'Tệp PDF đã được tải xuống.'}
        action={
          <Space>
            {onDesktop() && <DirectPrintButton jobId={job.jobId} />}
            <Button size="small" onClick={() => void downloadPrint(job.jobId, job.result!.fileName)}>
              Tải lại tệp PDF
            </Button>
          </Space>
        }
      />
    );
  }
  if (job.phase === 'failed' || job.phase === 'cancelled') return <Alert type={job.phase === 'failed' ? 'error' : 'warning'} showIcon title={job.message ?? 'Đã dừng in'} />;
  return (
    <Flex gap={12} align="center">
      <Typography.Text>{`Đang in ${job.done.toLocaleString('vi-VN')}/${total.toLocaleString('vi-VN')} giấy`}</Typography.Text>
      <Progress percent={total > 0 ? Math.floor((job.done / total) * 100) : 0} status="active" aria-label="Tiến độ in giấy công nhận" style={{ flex: 1, margin: 0 }} />
      <Button danger onClick={onCancel}>
        Hủy in
      </Button>
    </Flex>
  );
}

function CandidatesTable({ items, total, onPreview }: { items: CertificateCandidate[]; total: number; onPreview: (c: CertificateCandidate) => void }) {
  if (items.length === 0) return <EmptyState title="Không có ai được công nhận theo lựa chọn này" hint="Giấy công nhận được in cho người/đơn vị có tên trong quyết định công nhận." />;
  const columns: TableColumnsType<CertificateCandidate> = [
    { title: 'Được công nhận', dataIndex: 'holderName' },
    { title: 'Xã', dataIndex: 'communeName', width: 200 },
    { title: 'Danh hiệu', dataIndex: 'title', width: 220, render: (t: TitleKind, row) => `${TITLE_LABELS[t]} ${row.year}` },
    { title: 'Quyết định', dataIndex: 'decisionNumber', width: 150 },
    { title: 'Số vào sổ', dataIndex: 'registerNumber', width: 140, render: (n: string | null) => n ?? <Tag>Chưa in</Tag> },
    {
      title: 'Thao tác',
      key: 'preview',
      width: 110,
      render: (_, row) => (
        <Button size="small" onClick={() => onPreview(row)} aria-label={`Xem trước giấy của ${row.holderName}`}>
          Xem trước
        </Button>
      ),
    },
  ];
  return (
    <Table<CertificateCandidate>
      aria-label="Người được công nhận"
      rowKey="recognitionId"
      size="small"
      columns={columns}
      dataSource={items}
      pagination={{ pageSize: 20, showSizeChanger: false }}
      footer={items.length < total ? () => `Hiện ${items.length} trong ${total.toLocaleString('vi-VN')}; bản in gồm tất cả.` : undefined}
    />
  );
}
