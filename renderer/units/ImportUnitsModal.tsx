import { Alert, Button, Flex, Modal, Space, Table } from 'antd';
import { useState } from 'react';
import type { FieldIssue } from '../../shared/errors';
import { MAX_IMPORT_BYTES, type UnitImportResult } from '../../shared/units';
import { useApiMutation } from '../components/api';
import { issuesOf, toAppError } from '../components/errors';
import { ImportColumnsHelp } from './ImportColumnsHelp';
import { readFileBase64 } from './readFileBase64';

type Phase =
  | { step: 'pick' }
  | { step: 'checked'; result: UnitImportResult }
  | { step: 'failed'; message: string; issues: FieldIssue[] };

interface Picked {
  fileName: string;
  contentBase64: string;
}

/** Checks a sheet with a dry run first; only a clean check can be applied. */
export function ImportUnitsModal({ open, onClose }: { open: boolean; onClose: () => void }) {
  const [picked, setPicked] = useState<Picked | null>(null);
  const [phase, setPhase] = useState<Phase>({ step: 'pick' });
  const importXlsx = useApiMutation('units.importXlsx', {
    invalidates: ['units.tree', 'units.get'],
    successMessage: (r) => (r.applied ? `Đã nhập: ${r.created} đơn vị mới, ${r.updated} đơn vị cập nhật, ${r.figureRows} dòng số liệu` : ''),
  });
  const close = () => {
    setPicked(null);
    setPhase({ step: 'pick' });
    onClose();
  };
  const fail = (error: unknown) => {
    const appError = toAppError(error);
    setPhase({ step: 'failed', message: appError.message, issues: issuesOf(appError) });
  };

  const check = async (file: File | undefined) => {
    setPicked(null);
    setPhase({ step: 'pick' });
    if (!file) return;
    if (file.size > MAX_IMPORT_BYTES) return fail(new Error('Tệp quá lớn (tối đa 10 MB).'));
    try {
      const next = { fileName: file.name, contentBase64: await readFileBase64(file) };
      setPicked(next);
      setPhase({ step: 'checked', result: await importXlsx.mutateAsync({ ...next, dryRun: true }) });
    } catch (error) {
      fail(error);
    }
  };

  const apply = async () => {
    if (!picked) return;
    try {
      await importXlsx.mutateAsync({ ...picked, dryRun: false });
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
          <Button type="primary" disabled={phase.step !== 'checked' || importXlsx.isPending} loading={importXlsx.isPending && phase.step === 'checked'} onClick={() => void apply()}>
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
            onChange={(e) => {
              const file = e.target.files?.[0];
              // Cleared so that picking the same file again, after fixing it, runs the check again.
              e.target.value = '';
              void check(file);
            }}
            autoFocus
          />
        </label>
        {importXlsx.isPending && phase.step === 'pick' && <Alert type="info" title="Đang kiểm tra bảng tính…" showIcon />}
        {picked && <div>Tệp đã chọn: <b>{picked.fileName}</b></div>}
        <ImportOutcome phase={phase} />
      </Flex>
    </Modal>
  );
}

function ImportOutcome({ phase }: { phase: Phase }) {
  if (phase.step === 'checked') {
    const { created, updated, figureRows } = phase.result;
    return (
      <Alert
        type="success"
        showIcon
        title="Bảng tính hợp lệ. Chưa có gì được ghi."
        description={`Sẽ thêm ${created} đơn vị mới, cập nhật ${updated} đơn vị đã có và ghi ${figureRows} dòng số liệu. Bấm “Nhập” để ghi vào dữ liệu.`}
      />
    );
  }
  if (phase.step === 'failed') {
    return (
      <>
        <Alert type="error" showIcon title={phase.message} description={phase.issues.length ? 'Sửa các lỗi dưới đây trong tệp rồi chọn lại tệp.' : undefined} />
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
