import { announceChanges } from '../api/client';
import { Alert, App, Button, Flex, Modal, Progress, Space, Table, Typography } from 'antd';
import { useEffect, useRef, useState } from 'react';
import type { FieldIssue } from '../../shared/errors';
import { JOB_PHASE_LABELS, type JobPhase } from '../../shared/jobs';
import { MAX_IMPORT_BYTES, type UnitImportResult, type UnitImportStatus } from '../../shared/units';
import { callOrThrowAppError } from '../components/api';
import { issuesOf, toAppError } from '../components/errors';
import { ImportColumnsHelp } from './ImportColumnsHelp';
import { useStagedSheet } from '../evidence/useStagedSheet';

type Phase =
  | { step: 'pick'; notice?: string }
  | { step: 'running'; dryRun: boolean; status: UnitImportStatus | null }
  | { step: 'checked'; result: UnitImportResult }
  | { step: 'failed'; message: string; issues: FieldIssue[]; issueCount: number };

/** The picked file, staged by the upload route: the check and the import read the same bytes. */
interface Picked {
  fileName: string;
  stagedId: string;
}

/** How often the modal asks for progress; the job runs in a worker, so asking costs the app next to nothing. */
const POLL_MS = 250;

/**
 * Checks a sheet with a dry run first; only a clean check can be applied. Both run as a
 * background job with progress and a cancel button, so a 100,000-row sheet does not freeze the app.
 */
export function ImportUnitsModal({ open, onClose }: { open: boolean; onClose: () => void }) {
  const [picked, setPicked] = useState<Picked | null>(null);
  const [phase, setPhase] = useState<Phase>({ step: 'pick' });
  const { message } = App.useApp();
  // The running job, so closing the dialog or unmounting cancels it and stops the polling.
  const running = useRef<{ jobId: string | null; stopped: boolean } | null>(null);
  const sheet = useStagedSheet();

  const stopRunning = () => {
    sheet.abort();
    const job = running.current;
    running.current = null;
    if (!job) return;
    job.stopped = true;
    if (job.jobId) void callOrThrowAppError('units.importCancel', { jobId: job.jobId }).catch(() => undefined);
  };
  useEffect(() => stopRunning, []);
  const cancel = () => {
    stopRunning();
    setPhase({ step: 'pick', notice: 'Đã hủy; dữ liệu không bị thay đổi.' });
  };

  const close = () => {
    stopRunning();
    sheet.release();
    setPicked(null);
    setPhase({ step: 'pick' });
    onClose();
  };
  const fail = (error: unknown) => {
    const appError = toAppError(error);
    const issues = issuesOf(appError);
    setPhase({ step: 'failed', message: appError.message, issues, issueCount: issues.length });
  };

  /** Starts a job and follows it to its end; returns the result, or null when it failed or was cancelled. */
  const runJob = async (file: Picked, dryRun: boolean): Promise<UnitImportResult | null> => {
    stopRunning();
    const job = { jobId: null as string | null, stopped: false };
    running.current = job;
    setPhase({ step: 'running', dryRun, status: null });
    const { jobId } = await callOrThrowAppError('units.importXlsx', { stagedId: file.stagedId, dryRun });
    job.jobId = jobId;
    for (;;) {
      if (job.stopped) return null;
      const status = await callOrThrowAppError('units.importStatus', { jobId });
      if (job.stopped) return null;
      if (status.phase === 'done' && status.result) {
        running.current = null;
        return status.result;
      }
      if (status.phase === 'failed') {
        running.current = null;
        setPhase({ step: 'failed', message: status.message ?? 'Không nhập được.', issues: status.issues, issueCount: status.issueCount });
        return null;
      }
      if (status.phase === 'cancelled') {
        running.current = null;
        setPhase({ step: 'pick', notice: 'Đã hủy; dữ liệu không bị thay đổi.' });
        return null;
      }
      setPhase({ step: 'running', dryRun, status });
      await new Promise((resolve) => setTimeout(resolve, POLL_MS));
    }
  };

  const check = async (file: File | undefined) => {
    stopRunning();
    sheet.release();
    setPicked(null);
    setPhase({ step: 'pick' });
    if (!file) return;
    if (file.size > MAX_IMPORT_BYTES) return fail(new Error('Tệp quá lớn (tối đa 10 MB).'));
    setPhase({ step: 'running', dryRun: true, status: null });
    try {
      const stagedId = await sheet.stage(file);
      if (!stagedId) return;
      const next = { fileName: file.name, stagedId };
      setPicked(next);
      const result = await runJob(next, true);
      if (result) setPhase({ step: 'checked', result });
    } catch (error) {
      fail(error);
    }
  };

  const apply = async () => {
    if (!picked) return;
    try {
      const result = await runJob(picked, false);
      if (!result) return;
      void message.success(`Đã nhập: ${result.created} đơn vị mới, ${result.updated} đơn vị cập nhật, ${result.figureRows} dòng số liệu`);
      // The job wrote in its own transaction, outside any op's answer: say what it changed.
      announceChanges(['units', 'unitFigures', 'searchIndex']);
      close();
    } catch (error) {
      fail(error);
    }
  };

  return (
    <Modal
      title="Nhập đơn vị từ Excel"
      open={open}
      onCancel={close}
      width={820}
      destroyOnHidden
      footer={
        <Space>
          <Button onClick={close}>Đóng</Button>
          <Button type="primary" disabled={phase.step !== 'checked'} onClick={() => void apply()}>
            Nhập
          </Button>
        </Space>
      }
    >
      <ImportColumnsHelp />
      <Flex vertical gap={12}>
        <label>
          <span style={{ marginRight: 8 }}>Tệp Excel (.xlsx):</span>
          <input
            type="file"
            accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            disabled={phase.step === 'running'}
            onChange={(e) => {
              const file = e.target.files?.[0];
              // Cleared so that picking the same file again, after fixing it, runs the check again.
              e.target.value = '';
              void check(file);
            }}
            autoFocus
          />
        </label>
        {picked && (
          <div>
            Tệp đã chọn: <b>{picked.fileName}</b>
          </div>
        )}
        {phase.step === 'running' && <JobProgress dryRun={phase.dryRun} status={phase.status} onCancel={cancel} />}
        <ImportOutcome phase={phase} />
      </Flex>
    </Modal>
  );
}

function JobProgress({ dryRun, status, onCancel }: { dryRun: boolean; status: UnitImportStatus | null; onCancel: () => void }) {
  const phase: JobPhase = status?.phase ?? 'queued';
  const total = status?.total ?? null;
  const done = status?.done ?? 0;
  const percent = total ? Math.min(100, Math.floor((done * 100) / total)) : 0;
  const counted = total ? `${done.toLocaleString('vi-VN')} / ${total.toLocaleString('vi-VN')} dòng` : done > 0 ? `${done.toLocaleString('vi-VN')} dòng` : '';
  return (
    <Flex vertical gap={4} role="status" aria-live="polite">
      <Typography.Text>
        {dryRun ? 'Kiểm tra' : 'Nhập'}: {JOB_PHASE_LABELS[phase]}… {counted}
      </Typography.Text>
      <Flex gap={12} align="center">
        <Progress percent={percent} status="active" aria-label={`Tiến độ ${dryRun ? 'kiểm tra' : 'nhập'} bảng tính`} style={{ flex: 1, margin: 0 }} />
        <Button danger onClick={onCancel}>
          Hủy
        </Button>
      </Flex>
    </Flex>
  );
}

function ImportOutcome({ phase }: { phase: Phase }) {
  if (phase.step === 'pick' && phase.notice) return <Alert type="info" showIcon title={phase.notice} />;
  if (phase.step === 'checked') {
    const { created, updated, unchanged, figureRows } = phase.result;
    return (
      <Alert
        type="success"
        showIcon
        title="Bảng tính hợp lệ. Chưa có gì được ghi."
        description={`Sẽ thêm ${created} đơn vị mới, cập nhật ${updated} đơn vị đã có${unchanged ? ` (${unchanged} đơn vị không đổi)` : ''} và ghi ${figureRows} dòng số liệu. Bấm “Nhập” để ghi vào dữ liệu.`}
      />
    );
  }
  if (phase.step === 'failed') {
    const hidden = phase.issueCount - phase.issues.length;
    return (
      <>
        <Alert
          type="error"
          showIcon
          title={phase.message}
          description={phase.issues.length ? `Sửa các lỗi dưới đây trong tệp rồi chọn lại tệp.${hidden > 0 ? ` Còn ${hidden.toLocaleString('vi-VN')} lỗi khác không hiển thị.` : ''}` : undefined}
        />
        {phase.issues.length > 0 && <IssuesTable issues={phase.issues} />}
      </>
    );
  }
  return null;
}

function IssuesTable({ issues }: { issues: FieldIssue[] }) {
  const rows = issues.map((issue, i) => ({ key: i, sheet: issue.path[0], row: issue.path[1], column: issue.path[2], message: issue.message }));
  return (
    <Table
      size="small"
      dataSource={rows}
      pagination={false}
      scroll={{ y: 320 }}
      aria-label="Lỗi trong bảng tính"
      columns={[
        { title: 'Trang tính', dataIndex: 'sheet', width: 140 },
        { title: 'Dòng', dataIndex: 'row', width: 70 },
        { title: 'Cột', dataIndex: 'column', width: 160 },
        { title: 'Lỗi', dataIndex: 'message' },
      ]}
    />
  );
}
