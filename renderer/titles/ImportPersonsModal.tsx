import { announceChanges } from '../api/client';
import { Alert, Button, Flex, Modal, Progress, Select, Table, Typography, Upload } from 'antd';
import { useEffect, useRef, useState } from 'react';
import type { FieldIssue } from '../../shared/errors';
import { JOB_PHASE_LABELS } from '../../shared/jobs';
import { PERSON_COLUMNS, type PersonColumn, type PersonImportResult, type PersonImportStatus } from '../../shared/titles-import';
import { callOrThrowAppError } from '../components/api';
import { issuesOf, toAppError } from '../components/errors';
import { readFileBase64 } from '../units/readFileBase64';

type Phase =
  | { step: 'pick' }
  | { step: 'running'; status: PersonImportStatus | null }
  | { step: 'checked'; result: PersonImportResult }
  | { step: 'done'; result: PersonImportResult }
  | { step: 'failed'; message: string; issues: FieldIssue[]; issueCount: number; headers: string[] };

const POLL_MS = 250;
const FIELDS = Object.keys(PERSON_COLUMNS) as PersonColumn[];

/**
 * A commune's list of people: check first (a dry run that shows the columns
 * read, a preview and every bad row), map columns if the headers differ, then
 * write everything at once. Both steps run as a job with progress and cancel.
 */
export function ImportPersonsModal({ onClose }: { onClose: () => void }) {
  const [file, setFile] = useState<{ fileName: string; contentBase64: string } | null>(null);
  const [columns, setColumns] = useState<Partial<Record<PersonColumn, string>>>({});
  const [phase, setPhase] = useState<Phase>({ step: 'pick' });
  const [headers, setHeaders] = useState<string[]>([]);
  const [mapped, setMapped] = useState<Record<string, string>>({});
  const running = useRef<{ jobId: string | null; stopped: boolean } | null>(null);

  const stop = () => {
    const job = running.current;
    running.current = null;
    if (!job) return;
    job.stopped = true;
    if (job.jobId) void callOrThrowAppError('subjects.importCancel', { jobId: job.jobId }).catch(() => undefined);
  };
  useEffect(() => stop, []);

  const run = async (dryRun: boolean) => {
    if (!file) return;
    stop();
    const job = { jobId: null as string | null, stopped: false };
    running.current = job;
    setPhase({ step: 'running', status: null });
    try {
      const { jobId } = await callOrThrowAppError('subjects.importXlsx', { ...file, columns, dryRun });
      job.jobId = jobId;
      for (;;) {
        if (job.stopped) return;
        const status = await callOrThrowAppError('subjects.importStatus', { jobId });
        if (status.phase === 'done' && status.result) {
          running.current = null;
          setHeaders(status.result.headers);
          setMapped(status.result.mapped);
          // The job wrote in its own transaction, outside any op's answer: say what it changed.
          if (!dryRun) announceChanges(['titleSubjects']);
          setPhase({ step: dryRun ? 'checked' : 'done', result: status.result });
          return;
        }
        if (status.phase === 'failed' || status.phase === 'cancelled') {
          running.current = null;
          setPhase({ step: 'failed', message: status.message ?? 'Không nhập được.', issues: status.issues, issueCount: status.issueCount, headers });
          return;
        }
        setPhase({ step: 'running', status });
        await new Promise((r) => setTimeout(r, POLL_MS));
      }
    } catch (error) {
      running.current = null;
      const appError = toAppError(error);
      setPhase({ step: 'failed', message: appError.message, issues: issuesOf(appError), issueCount: issuesOf(appError).length, headers });
    }
  };

  const footer = (
    <Flex justify="flex-end" gap={8}>
      {phase.step === 'running' ? (
        <Button onClick={() => (stop(), setPhase({ step: 'pick' }))}>Hủy</Button>
      ) : (
        <Button onClick={() => (stop(), onClose())}>Đóng</Button>
      )}
      <Button disabled={!file || phase.step === 'running'} onClick={() => void run(true)}>
        Kiểm tra
      </Button>
      <Button type="primary" disabled={phase.step !== 'checked'} onClick={() => void run(false)}>
        Nhập {phase.step === 'checked' ? `${phase.result.rows.toLocaleString('vi-VN')} người` : ''}
      </Button>
    </Flex>
  );

  return (
    <Modal title="Nhập danh sách cá nhân từ Excel" open onCancel={() => (stop(), onClose())} footer={footer} width={900} destroyOnHidden>
      <Typography.Paragraph type="secondary">
        Các cột được nhận theo tiêu đề (như biểu mẫu phần mềm Công dân học tập: CCCD, Họ tên, Giới tính, Năm sinh, Dân tộc, Tôn giáo, Tỉnh, Xã) và cột Ấp. Bắt buộc có Họ tên và Xã. Có dòng sai thì không ghi gì.
      </Typography.Paragraph>
      <Upload
        accept=".xlsx"
        maxCount={1}
        beforeUpload={(picked) => {
          void readFileBase64(picked).then((contentBase64) => {
            setFile({ fileName: picked.name, contentBase64 });
            setPhase({ step: 'pick' });
          });
          return false;
        }}
        showUploadList={file ? { showRemoveIcon: false } : false}
      >
        <Button>Chọn tệp .xlsx</Button>
      </Upload>
      {headers.length > 0 && (
        <Flex wrap gap={8} style={{ margin: '12px 0' }}>
          {FIELDS.map((field) => (
            <Select
              key={field}
              aria-label={`Cột cho ${PERSON_COLUMNS[field].label}`}
              placeholder={mapped[field] ? `${PERSON_COLUMNS[field].label} ← ${mapped[field]}` : `${PERSON_COLUMNS[field].label}: không có cột`}
              allowClear
              value={columns[field]}
              onChange={(v?: string) => setColumns((c) => ({ ...c, [field]: v }))}
              options={headers.filter((h) => h !== '').map((h) => ({ value: h, label: `${PERSON_COLUMNS[field].label} ← ${h}` }))}
              style={{ width: 200 }}
            />
          ))}
        </Flex>
      )}
      {phase.step === 'running' && (
        <div role="status" style={{ marginTop: 12 }}>
          <Typography.Text>{JOB_PHASE_LABELS[phase.status?.phase ?? 'queued']}</Typography.Text>
          <Progress percent={phase.status?.total ? Math.round((phase.status.done / phase.status.total) * 100) : 0} />
        </div>
      )}
      {(phase.step === 'checked' || phase.step === 'done') && (
        <>
          <Alert
            style={{ margin: '12px 0' }}
            type="success"
            showIcon
            title={phase.step === 'done' ? `Đã nhập ${phase.result.created.toLocaleString('vi-VN')} người.` : `Kiểm tra xong: ${phase.result.rows.toLocaleString('vi-VN')} dòng hợp lệ, không trùng. Xem trước ${phase.result.preview.length} dòng đầu:`}
          />
          <Table
            size="small"
            rowKey="row"
            pagination={false}
            aria-label="Xem trước danh sách"
            dataSource={phase.result.preview}
            columns={[
              { title: 'Dòng', dataIndex: 'row', width: 60 },
              { title: 'Họ tên', dataIndex: 'name' },
              { title: 'Năm sinh', dataIndex: 'birthYear', width: 90 },
              { title: 'Giới tính', dataIndex: 'gender', width: 90 },
              { title: 'Nơi ở', dataIndex: 'place' },
              { title: 'CCCD', dataIndex: 'idNumber', width: 130 },
            ]}
          />
        </>
      )}
      {phase.step === 'failed' && (
        <>
          <Alert style={{ margin: '12px 0' }} type="error" showIcon title={phase.message} />
          <Table
            size="small"
            rowKey={(i) => i.path.join('|') + i.message}
            pagination={{ pageSize: 20, showSizeChanger: false }}
            aria-label="Các dòng lỗi"
            dataSource={phase.issues}
            columns={[
              { title: 'Trang', key: 'sheet', width: 110, render: (_, i) => String(i.path[0] ?? '') },
              { title: 'Dòng', key: 'row', width: 70, render: (_, i) => String(i.path[1] ?? '') },
              { title: 'Cột', key: 'column', width: 140, render: (_, i) => String(i.path[2] ?? '') },
              { title: 'Lý do', dataIndex: 'message' },
            ]}
          />
        </>
      )}
    </Modal>
  );
}
