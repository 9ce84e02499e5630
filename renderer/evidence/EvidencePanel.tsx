import { useQuery } from '@tanstack/react-query';
import { App, Button, Flex, Progress, Table, Typography } from 'antd';
import { useRef, useState, type DragEvent } from 'react';
import { formatDateVi } from '../../shared/dates';
import { ALLOWED_TYPES_TEXT, EVIDENCE_TYPE_LABELS, evidenceTypeOfMime, formatBytes, previewKind, type EvidenceDto, type RecordPointer, type StagedFile } from '../../shared/evidence';
import { OfficerOnly } from '../accounts/OfficerOnly';
import { apiQuery, callOrThrowAppError } from '../components/api';
import { toAppError } from '../components/errors';
import { QueryView } from '../components/QueryStatus';
import { EvidencePreview } from './EvidencePreview';
import { isDesktop, UploadCancelled, uploadFile } from './evidence-transport';
import { useEvidenceActions } from './useEvidenceActions';

interface Batch {
  names: string[];
  totalBytes: number;
  sentBytes: number;
  current: number;
  cancel: () => void;
}

/**
 * The files of one record of any kind: drop or pick several, watch them go
 * with a progress bar, cancel (nothing is kept), then preview, download,
 * rename or detach. A batch is attached all at once or not at all.
 */
export function EvidencePanel({ recordTable, recordId }: RecordPointer) {
  const pointer = { recordTable, recordId };
  const files = useQuery(apiQuery('evidence.list', pointer));
  const settings = useQuery(apiQuery('evidence.settings', {}));
  const { message, notification } = App.useApp();
  const [batch, setBatch] = useState<Batch | null>(null);
  const [previewing, setPreviewing] = useState<EvidenceDto | null>(null);
  const [dragging, setDragging] = useState(false);
  const input = useRef<HTMLInputElement>(null);
  const actions = useEvidenceActions();

  const attachStaged = async (staged: StagedFile[]) => {
    await callOrThrowAppError('evidence.attach', { ...pointer, files: staged.map((s) => ({ stagedId: s.stagedId, name: s.name })) });
    void message.success(staged.length === 1 ? `Đã đính kèm "${staged[0]!.name}"` : `Đã đính kèm ${staged.length} tệp`);
  };
  const fail = (e: unknown) => notification.error({ title: 'Chưa đính kèm được', description: toAppError(e).message, duration: 10 });

  async function send(list: File[]) {
    if (list.length === 0 || batch) return;
    const maxBytes = settings.data?.maxBytes;
    const tooBig = maxBytes ? list.find((f) => f.size > maxBytes) : undefined;
    if (tooBig && maxBytes) return fail(new Error(`Tệp "${tooBig.name}" lớn hơn giới hạn ${formatBytes(maxBytes)} cho một minh chứng.`));
    const controller = new AbortController();
    const totalBytes = list.reduce((s, f) => s + f.size, 0);
    const staged: StagedFile[] = [];
    let done = 0;
    setBatch({ names: list.map((f) => f.name), totalBytes, sentBytes: 0, current: 0, cancel: () => controller.abort() });
    try {
      for (const [i, file] of list.entries()) {
        setBatch((b) => b && { ...b, current: i });
        staged.push(await uploadFile(file, (loaded) => setBatch((b) => b && { ...b, sentBytes: done + loaded }), controller.signal));
        done += file.size;
      }
      if (controller.signal.aborted) throw new UploadCancelled();
      await attachStaged(staged);
    } catch (e) {
      if (staged.length) void callOrThrowAppError('evidence.discardStaged', { stagedIds: staged.map((s) => s.stagedId) }).catch(() => undefined);
      if (e instanceof UploadCancelled) void message.info('Đã hủy tải lên; không tệp nào được lưu.');
      else fail(e);
    } finally {
      setBatch(null);
      if (input.current) input.current.value = '';
    }
  }

  const chooseOnDesktop = () =>
    callOrThrowAppError('evidence.chooseFiles', {})
      .then((staged) => (staged.length ? attachStaged(staged) : undefined))
      .catch(fail);

  const onDrop = (event: DragEvent) => {
    event.preventDefault();
    setDragging(false);
    void send([...event.dataTransfer.files]);
  };

  return (
    <section aria-label="Minh chứng">
      <OfficerOnly>
        <div
          onDragOver={(e) => {
            e.preventDefault();
            setDragging(true);
          }}
          onDragLeave={() => setDragging(false)}
          onDrop={onDrop}
          style={{ border: `1px dashed ${dragging ? '#1677ff' : '#bfbfbf'}`, borderRadius: 8, padding: 16, background: dragging ? '#e6f4ff' : '#fafafa', marginBottom: 12 }}
        >
          {batch ? (
            <div role="status" aria-label="Đang tải lên">
              <Flex justify="space-between" align="center" gap={12}>
                <span>
                  Đang tải lên {batch.current + 1}/{batch.names.length}: <strong>{batch.names[batch.current]}</strong>
                </span>
                <Button onClick={batch.cancel}>Hủy tải lên</Button>
              </Flex>
              <Progress percent={batch.totalBytes ? Math.floor((batch.sentBytes / batch.totalBytes) * 100) : 100} status="active" />
              <Typography.Text type="secondary">
                {formatBytes(batch.sentBytes)} / {formatBytes(batch.totalBytes)}
              </Typography.Text>
            </div>
          ) : (
            <Flex align="center" gap={12} wrap>
              <span>Kéo thả tệp vào đây, hoặc</span>
              <Button type="primary" onClick={() => (isDesktop() ? void chooseOnDesktop() : input.current?.click())}>
                Chọn tệp…
              </Button>
              <Typography.Text type="secondary">
                {ALLOWED_TYPES_TEXT}; tối đa {settings.data ? formatBytes(settings.data.maxBytes) : '…'} mỗi tệp
              </Typography.Text>
              <input ref={input} type="file" multiple hidden aria-label="Chọn tệp minh chứng" onChange={(e) => void send([...(e.target.files ?? [])])} />
            </Flex>
          )}
        </div>
      </OfficerOnly>
      <QueryView query={files} loadingText="Đang tải danh sách tệp…">
        {(list) => (
          <Table<EvidenceDto>
            size="small"
            rowKey="id"
            pagination={false}
            dataSource={list}
            locale={{ emptyText: 'Chưa có tệp minh chứng nào.' }}
            columns={[
              {
                title: 'Tên tệp',
                dataIndex: 'name',
                render: (name: string, f) =>
                  previewKind(f.mime) ? (
                    <Button type="link" style={{ padding: 0, height: 'auto', whiteSpace: 'normal', textAlign: 'left' }} onClick={() => setPreviewing(f)} aria-label={`Xem ${name}`}>
                      {name}
                    </Button>
                  ) : (
                    name
                  ),
              },
              { title: 'Loại', dataIndex: 'mime', width: 120, render: (mime: string) => EVIDENCE_TYPE_LABELS[evidenceTypeOfMime(mime) ?? 'zip'] },
              { title: 'Dung lượng', dataIndex: 'size', width: 110, align: 'right', render: (n: number) => formatBytes(n) },
              { title: 'Ngày gắn', dataIndex: 'createdAt', width: 110, render: (at: string) => formatDateVi(at.slice(0, 10)) },
              actions.column(220),
            ]}
          />
        )}
      </QueryView>
      <EvidencePreview file={previewing} onClose={() => setPreviewing(null)} />
      {actions.renameModal}
    </section>
  );
}
