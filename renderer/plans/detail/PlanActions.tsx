import { App, Button } from 'antd';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import type { PlanDto } from '../../../shared/plans';
import { callOrThrowAppError, useApiMutation } from '../../components/api';
import { useConfirmDelete } from '../../components/useConfirmDelete';
import { base64ToBlob, downloadBlob } from '../common/download';

/** Print, export, edit and delete: the buttons of the plan page's header. */
export function PlanActions({ plan, onEdit }: { plan: PlanDto; onEdit: () => void }) {
  const { notification, message } = App.useApp();
  const navigate = useNavigate();
  const confirmDelete = useConfirmDelete();
  const [busy, setBusy] = useState<'print' | 'export' | null>(null);
  const remove = useApiMutation('plans.delete', {
    successMessage: 'Đã xóa kế hoạch',
    notifyError: true,
    onSuccess: () => navigate('/plans'),
  });

  const run = async (kind: 'print' | 'export', action: () => Promise<void>) => {
    setBusy(kind);
    try {
      await action();
    } catch (error) {
      notification.error({ title: 'Không thực hiện được', description: (error as Error).message, duration: 8 });
    } finally {
      setBusy(null);
    }
  };

  const print = () =>
    run('print', async () => {
      const pdf = await callOrThrowAppError('plans.printAssignments', { id: plan.id });
      downloadBlob(pdf.fileName, base64ToBlob(pdf.pdfBase64, 'application/pdf'));
      void message.success(`Đã tạo ${pdf.fileName}`);
    });
  const exportTemplate = () =>
    run('export', async () => {
      const file = await callOrThrowAppError('templates.export', { id: plan.id });
      downloadBlob(file.fileName, new Blob([file.content], { type: 'application/json' }));
      void message.success(`Đã xuất ${file.fileName}`);
    });

  return (
    <>
      <Button loading={busy === 'print'} onClick={() => void print()} title="Phụ lục I: bảng phân công nhiệm vụ; Phụ lục II: mục tiêu, mốc và kết quả thực hiện">
        In bảng phân công (PDF)
      </Button>
      <Button loading={busy === 'export'} onClick={() => void exportTemplate()}>
        Xuất mẫu (JSON)
      </Button>
      <Button onClick={onEdit}>Sửa</Button>
      <Button
        danger
        onClick={() =>
          confirmDelete(`Xóa kế hoạch “${plan.title}”?`, 'Mục tiêu, nhiệm vụ và nghĩa vụ báo cáo của kế hoạch cũng bị xóa.', () =>
            remove.mutateAsync({ id: plan.id, rev: plan.rev }),
          )
        }
      >
        Xóa
      </Button>
    </>
  );
}
