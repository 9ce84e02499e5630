import { App, Button, Dropdown, Space } from 'antd';
import { useState } from 'react';
import type { ImportKind, ListExportInput, XlsxFile } from '../../shared/titles-import';
import { callOrThrowAppError } from '../components/api';
import { base64ToBlob, downloadBlob } from '../plans/common/download';

const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

function useDownload() {
  const { message, notification } = App.useApp();
  const [busy, setBusy] = useState(false);
  const run = async (make: () => Promise<XlsxFile>) => {
    setBusy(true);
    try {
      const file = await make();
      downloadBlob(file.fileName, base64ToBlob(file.contentBase64, XLSX_MIME));
      void message.success(`Đã tạo ${file.fileName}`);
    } catch (error) {
      notification.error({ title: 'Không xuất được', description: (error as Error).message, duration: 8 });
    } finally {
      setBusy(false);
    }
  };
  return { busy, run };
}

/**
 * Exports the list as the page shows it (its filters). ID numbers stay masked
 * unless the page shows them in full, or the officer picks the menu item that
 * asks for them.
 */
export function ExportListButton({ input, label = 'Xuất Excel', askForIds, size, ariaLabel }: { input: ListExportInput; label?: string; askForIds?: boolean; size?: 'small'; ariaLabel?: string }) {
  const { busy, run } = useDownload();
  const exportWith = (showIdNumbers: boolean) => void run(() => callOrThrowAppError('lists.export', { ...input, showIdNumbers }));
  if (!askForIds) {
    return (
      <Button size={size} loading={busy} onClick={() => exportWith(input.showIdNumbers)} aria-label={ariaLabel}>
        {label}
      </Button>
    );
  }
  return (
    <Space.Compact size={size}>
      <Button loading={busy} onClick={() => exportWith(false)} aria-label={ariaLabel}>
        {label}
      </Button>
      <Dropdown menu={{ items: [{ key: 'ids', label: 'Xuất kèm đầy đủ số CCCD' }], onClick: () => exportWith(true) }} disabled={busy}>
        <Button aria-label="Tùy chọn xuất Excel">▾</Button>
      </Dropdown>
    </Space.Compact>
  );
}

/** The blank .xlsx a commune fills for this kind of list (an evaluation list needs its criteria set). */
export function TemplateButton({ kind, criteriaSetId }: { kind: ImportKind; criteriaSetId?: string | undefined }) {
  const { busy, run } = useDownload();
  return (
    <Button type="link" loading={busy} disabled={kind === 'evaluation' && !criteriaSetId} onClick={() => void run(() => callOrThrowAppError('forms.export', { kind, criteriaSetId }))}>
      Tải mẫu Excel trống
    </Button>
  );
}
