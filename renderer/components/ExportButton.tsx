import { App, Button } from 'antd';
import { useState } from 'react';
import type { InputOf, OpName, OutputOf } from '../../shared/contract';
import type { XlsxFile } from '../../shared/list-export';
import { base64ToBlob, downloadBlob } from '../plans/common/download';
import { callOrThrowAppError } from './api';

const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** The ops that answer with an .xlsx file. */
export type XlsxOp = { [K in OpName]: OutputOf<K> extends XlsxFile ? K : never }[OpName];

/** Runs an export and saves the file it answers, saying so (or why not) once done. */
export function useXlsxDownload() {
  const { message, notification } = App.useApp();
  const [busy, setBusy] = useState(false);
  const run = async (make: () => Promise<XlsxFile>) => {
    setBusy(true);
    try {
      const file = await make();
      downloadBlob(file.fileName, base64ToBlob(file.contentBase64, XLSX_MIME));
      void message.success(`Đã tạo ${file.fileName} (${file.rows} dòng)`);
    } catch (error) {
      notification.error({ title: 'Không xuất được', description: (error as Error).message, duration: 8 });
    } finally {
      setBusy(false);
    }
  };
  return { busy, run };
}

/**
 * "Xuất Excel" on a list's page: the page hands the filters it shows the list
 * with, and the op runs the list's own query with them, so the file holds what
 * is on screen.
 */
export function ExportButton<K extends XlsxOp>({ op, input, label = 'Xuất Excel', size, ariaLabel, disabled }: { op: K; input: InputOf<K>; label?: string; size?: 'small'; ariaLabel?: string; disabled?: boolean }) {
  const { busy, run } = useXlsxDownload();
  return (
    <Button size={size} loading={busy} disabled={disabled} aria-label={ariaLabel} onClick={() => void run(() => callOrThrowAppError(op, input) as Promise<XlsxFile>)}>
      {label}
    </Button>
  );
}
