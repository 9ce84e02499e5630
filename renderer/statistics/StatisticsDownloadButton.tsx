import { App, Button } from 'antd';
import { useState } from 'react';
import { callOrThrowAppError } from '../components/api';
import { base64ToBlob, downloadBlob } from '../plans/common/download';

const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/**
 * Downloads the year's statistical tables (biểu thống kê) as .xlsx. A year
 * without data still gives the workbook (it says so inside); the officer is
 * told at once rather than finding empty tables later.
 */
export function StatisticsDownloadButton({ year, label = 'Tải biểu thống kê (.xlsx)' }: { year: number; label?: string }) {
  const { message, notification } = App.useApp();
  const [busy, setBusy] = useState(false);
  const download = async () => {
    setBusy(true);
    try {
      const file = await callOrThrowAppError('statistics.export', { year });
      downloadBlob(file.fileName, base64ToBlob(file.contentBase64, XLSX_MIME));
      if (file.hasData) void message.success(`Đã tạo ${file.fileName}`);
      else void message.warning(`Đã tạo ${file.fileName}, nhưng năm ${year} chưa có số liệu nào: các biểu để trống.`);
    } catch (error) {
      notification.error({ title: 'Không tạo được biểu thống kê', description: (error as Error).message, duration: 8 });
    } finally {
      setBusy(false);
    }
  };
  return (
    <Button loading={busy} onClick={() => void download()}>
      {label}
    </Button>
  );
}
