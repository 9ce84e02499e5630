import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Flex, Modal, Progress, Select, Table, Typography, Upload } from 'antd';
import { useEffect, useRef, useState } from 'react';
import type { FieldIssue } from '../../shared/errors';
import { JOB_PHASE_LABELS } from '../../shared/jobs';
import { TITLE_LABELS } from '../../shared/titles-criteria';
import { IMPORT_KIND_LABELS, type ImportKind, type ListImportInput, type ListImportResult, type ListImportStatus, type Mapping } from '../../shared/titles-import';
import { announceChanges } from '../api/client';
import { apiQuery, callOrThrowAppError } from '../components/api';
import { issuesOf, toAppError } from '../components/errors';
import { useStagedSheet } from '../evidence/useStagedSheet';
import { YEAR_OPTIONS } from './lookups';
import { ImportMapping } from './ImportMapping';
import { TemplateButton } from './ListExportButtons';

type Phase =
  | { step: 'pick' }
  | { step: 'running'; what: 'headers' | 'check' | 'write'; status: ListImportStatus | null }
  | { step: 'mapping' }
  | { step: 'checked'; result: ListImportResult }
  | { step: 'done'; result: ListImportResult }
  | { step: 'failed'; message: string; issues: FieldIssue[]; issueCount: number };

interface Picked {
  stagedId: string;
}

const POLL_MS = 250;
/** How the confirm button counts what it writes. */
const UNIT_WORDS: Record<ImportKind, string> = { person: 'người', household: 'hộ', clan: 'dòng họ', organisation: 'đơn vị', evaluation: 'hồ sơ' };

/**
 * A commune's list (people, households, clans, organisations, or a year's
 * scores): pick the file, map its columns to the fields (guessed from the
 * headers, or from a saved preset), check it (a dry run: a preview and every
 * bad row with its place), then write everything at once. Every step runs as a
 * job in the import worker, with progress and cancel.
 */
export function ImportListModal({ kind, year: initialYear, onClose }: { kind: ImportKind; year?: number; onClose: () => void }) {
  /** The picked file, staged by the upload route: reading its headers, the check and the import read the same bytes. */
  const [file, setFile] = useState<Picked | null>(null);
  const [criteriaSetId, setCriteriaSetId] = useState<string | undefined>();
  const [year, setYear] = useState(initialYear ?? new Date().getFullYear());
  const [sheet, setSheet] = useState<ListImportResult | null>(null);
  const [mapping, setMapping] = useState<Mapping>({});
  const [phase, setPhase] = useState<Phase>({ step: 'pick' });
  const running = useRef<{ jobId: string | null; stopped: boolean } | null>(null);
  const staged = useStagedSheet();
  const sets = useQuery({ ...apiQuery('criteria.list', {}), enabled: kind === 'evaluation' });
  const setOptions = (sets.data ?? []).filter((s) => s.current).map((s) => ({ value: s.id, label: `${TITLE_LABELS[s.definition.title]} — ${s.definition.name}` }));
  const needsSet = kind === 'evaluation' && !criteriaSetId;
  const noun = IMPORT_KIND_LABELS[kind];

  const stop = () => {
    staged.abort();
    const job = running.current;
    running.current = null;
    if (!job) return;
    job.stopped = true;
    if (job.jobId) void callOrThrowAppError('subjects.importCancel', { jobId: job.jobId }).catch(() => undefined);
  };
  const close = () => {
    stop();
    staged.release();
    onClose();
  };
  useEffect(() => stop, []);

  const pick = async (picked: File) => {
    stop();
    setFile(null);
    setSheet(null);
    setPhase({ step: 'running', what: 'headers', status: null });
    try {
      const stagedId = await staged.stage(picked);
      if (!stagedId) return;
      const chosen = { stagedId };
      setFile(chosen);
      setPhase({ step: 'pick' });
      await readHeaders(chosen);
    } catch (error) {
      const appError = toAppError(error);
      setPhase({ step: 'failed', message: appError.message, issues: [], issueCount: 0 });
    }
  };

  /** Runs one stage as a job and follows it to its end; null when it was stopped or failed (the phase then says why). */
  const runJob = async (what: 'headers' | 'check' | 'write', input: ListImportInput): Promise<ListImportResult | null> => {
    stop();
    const job = { jobId: null as string | null, stopped: false };
    running.current = job;
    setPhase({ step: 'running', what, status: null });
    try {
      const { jobId } = await callOrThrowAppError('subjects.importXlsx', input);
      job.jobId = jobId;
      for (;;) {
        if (job.stopped) return null;
        const status = await callOrThrowAppError('subjects.importStatus', { jobId });
        if (status.phase === 'done' && status.result) {
          running.current = null;
          return status.result;
        }
        if (status.phase === 'failed' || status.phase === 'cancelled') {
          running.current = null;
          setPhase({ step: 'failed', message: status.message ?? 'Không nhập được.', issues: status.issues, issueCount: status.issueCount });
          return null;
        }
        setPhase({ step: 'running', what, status });
        await new Promise((r) => setTimeout(r, POLL_MS));
      }
    } catch (error) {
      running.current = null;
      const appError = toAppError(error);
      setPhase({ step: 'failed', message: appError.message, issues: issuesOf(appError), issueCount: issuesOf(appError).length });
      return null;
    }
  };

  const base = (picked: Picked) => ({ kind, stagedId: picked.stagedId, ...(kind === 'evaluation' ? { criteriaSetId, year } : {}) });

  const readHeaders = async (picked = file) => {
    if (!picked || needsSet) return;
    const result = await runJob('headers', { ...base(picked), columns: {}, headersOnly: true, dryRun: true });
    if (!result) return;
    setSheet(result);
    setMapping(result.mapped);
    setPhase({ step: 'mapping' });
  };
  // An evaluation list's fields are the chosen set's indicators: a new set reads the mapping again.
  useEffect(() => void readHeaders(), [criteriaSetId]);

  /** Every field is sent: a header, or '' for "not in this sheet", so nothing is guessed behind the officer's back. */
  const chosenColumns = (): Mapping => Object.fromEntries((sheet?.fields ?? []).map((f) => [f.key, mapping[f.key] ?? '']));

  const check = async (dryRun: boolean) => {
    if (!file) return;
    const result = await runJob(dryRun ? 'check' : 'write', { ...base(file), columns: chosenColumns(), headersOnly: false, dryRun });
    if (!result) return;
    // The job wrote in its own transaction, outside any op's answer: say what it changed.
    if (!dryRun) announceChanges([kind === 'evaluation' ? 'titleEvaluations' : 'titleSubjects']);
    setPhase({ step: dryRun ? 'checked' : 'done', result });
  };

  const busy = phase.step === 'running';
  const count = (n: number) => `${n.toLocaleString('vi-VN')} ${UNIT_WORDS[kind]}`;
  const footer = (
    <Flex justify="space-between" gap={8}>
      <TemplateButton kind={kind} criteriaSetId={criteriaSetId} />
      <Flex gap={8}>
        {busy ? <Button onClick={() => (stop(), setPhase(sheet ? { step: 'mapping' } : { step: 'pick' }))}>Hủy</Button> : <Button onClick={close}>Đóng</Button>}
        <Button disabled={!file || !sheet || busy || needsSet} onClick={() => void check(true)}>
          Kiểm tra
        </Button>
        <Button type="primary" disabled={phase.step !== 'checked'} onClick={() => void check(false)}>
          Nhập {phase.step === 'checked' ? count(phase.result.rows) : ''}
        </Button>
      </Flex>
    </Flex>
  );

  return (
    <Modal title={`Nhập danh sách ${noun} từ Excel`} open onCancel={close} footer={footer} width={960} destroyOnHidden>
      <Typography.Paragraph type="secondary">
        {kind === 'evaluation'
          ? 'Mỗi dòng là một đối tượng đã có trong dữ liệu (tìm theo CCCD, hoặc tên, năm sinh và ấp) với điểm từng chỉ số của bộ tiêu chí đã chọn.'
          : 'Chọn tệp, ghép cột của tệp với từng trường (đã đoán theo tiêu đề; có mẫu cho phần mềm Công dân học tập), kiểm tra, rồi xác nhận.'}{' '}
        Có dòng sai thì không ghi gì.
      </Typography.Paragraph>
      {kind === 'evaluation' && (
        <Flex gap={8} wrap style={{ marginBottom: 12 }}>
          <Select aria-label="Bộ tiêu chí của danh sách" placeholder="Chọn bộ tiêu chí" options={setOptions} value={criteriaSetId} onChange={setCriteriaSetId} style={{ width: 460 }} loading={sets.isPending} />
          <Select aria-label="Năm đánh giá" options={YEAR_OPTIONS} value={year} onChange={setYear} style={{ width: 130 }} />
        </Flex>
      )}
      <Upload
        accept=".xlsx"
        maxCount={1}
        beforeUpload={(picked) => {
          void pick(picked);
          return false;
        }}
        showUploadList={file ? { showRemoveIcon: false } : false}
      >
        <Button disabled={busy}>Chọn tệp .xlsx</Button>
      </Upload>
      {needsSet && file && <Alert style={{ marginTop: 12 }} type="info" showIcon title="Chọn bộ tiêu chí để ghép cột điểm." />}
      {sheet && <ImportMapping kind={kind} sheet={sheet} mapping={mapping} onChange={setMapping} disabled={busy} />}
      {phase.step === 'running' && (
        <div role="status" style={{ marginTop: 12 }}>
          <Typography.Text>{phase.what === 'headers' ? 'Đang đọc dòng tiêu đề' : JOB_PHASE_LABELS[phase.status?.phase ?? 'queued']}</Typography.Text>
          <Progress percent={phase.status?.total ? Math.round((phase.status.done / phase.status.total) * 100) : 0} />
        </div>
      )}
      {(phase.step === 'checked' || phase.step === 'done') && (
        <>
          <Alert
            style={{ margin: '12px 0' }}
            type="success"
            showIcon
            title={
              phase.step === 'done'
                ? `Đã nhập ${count(phase.result.created)}.`
                : `Kiểm tra xong: ${phase.result.rows.toLocaleString('vi-VN')} dòng hợp lệ, không trùng. Chưa ghi gì; xem trước ${phase.result.preview.length} dòng đầu rồi bấm “Nhập”:`
            }
          />
          <Table
            size="small"
            rowKey="row"
            pagination={false}
            aria-label="Xem trước danh sách"
            dataSource={phase.result.preview}
            columns={[
              { title: 'Dòng', dataIndex: 'row', width: 60 },
              ...phase.result.previewColumns.map((title, i) => ({ title, key: String(i), render: (_: unknown, r: { cells: string[] }) => r.cells[i] })),
            ]}
          />
        </>
      )}
      {phase.step === 'failed' && (
        <>
          <Alert
            style={{ margin: '12px 0' }}
            type="error"
            showIcon
            title={phase.message}
            description={phase.issueCount > phase.issues.length ? `Hiện ${phase.issues.length} trên tổng số ${phase.issueCount.toLocaleString('vi-VN')} lỗi.` : undefined}
          />
          {phase.issues.length > 0 && (
            <Table
              size="small"
              rowKey={(i) => i.path.join('|') + i.message}
              pagination={{ pageSize: 10, showSizeChanger: false }}
              aria-label="Các dòng lỗi"
              dataSource={phase.issues}
              columns={[
                { title: 'Trang', key: 'sheet', width: 110, render: (_, i) => String(i.path[0] ?? '') },
                { title: 'Dòng', key: 'row', width: 70, render: (_, i) => String(i.path[1] ?? '') },
                { title: 'Cột', key: 'column', width: 160, render: (_, i) => String(i.path[2] ?? '') },
                { title: 'Lý do', dataIndex: 'message' },
              ]}
            />
          )}
        </>
      )}
    </Modal>
  );
}
