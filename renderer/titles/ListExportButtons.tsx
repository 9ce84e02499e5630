import { Button, Dropdown, Space } from 'antd';
import type { ImportKind, ListExportInput } from '../../shared/titles-import';
import { callOrThrowAppError } from '../components/api';
import { ExportButton, useXlsxDownload } from '../components/ExportButton';

/**
 * Exports the list as the page shows it (its filters). ID numbers stay masked
 * unless the page shows them in full, or the officer picks the menu item that
 * asks for them.
 */
export function ExportListButton({ input, label = 'Xuất Excel', askForIds, size, ariaLabel }: { input: ListExportInput; label?: string; askForIds?: boolean; size?: 'small'; ariaLabel?: string }) {
  const { busy, run } = useXlsxDownload();
  if (!askForIds) return <ExportButton op="lists.export" input={input} label={label} size={size} ariaLabel={ariaLabel} />;
  const exportWith = (showIdNumbers: boolean) => void run(() => callOrThrowAppError('lists.export', { ...input, showIdNumbers }));
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
  const { busy, run } = useXlsxDownload();
  return (
    <Button type="link" loading={busy} disabled={kind === 'evaluation' && !criteriaSetId} onClick={() => void run(() => callOrThrowAppError('forms.export', { kind, criteriaSetId }))}>
      Tải mẫu Excel trống
    </Button>
  );
}
