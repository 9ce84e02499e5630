import { App, Button, Form, Input, Modal, Space, type TableColumnType } from 'antd';
import { useState } from 'react';
import type { EvidenceDto } from '../../shared/evidence';
import { useCan } from '../accounts/session';
import { callOrThrowAppError, useApiMutation } from '../components/api';
import { toAppError } from '../components/errors';
import { downloadBlob } from '../plans/common/download';
import { fetchEvidence, isDesktop } from './evidence-transport';

/** Open/download, rename and detach, shared by a record's panel and "Kho minh chứng". */
export function useEvidenceActions() {
  const { notification, modal } = App.useApp();
  const [renaming, setRenaming] = useState<EvidenceDto | null>(null);
  const canChange = useCan('officer');
  const rename = useApiMutation('evidence.rename', { successMessage: 'Đã đổi tên tệp' });
  const detach = useApiMutation('evidence.detach', { successMessage: 'Đã chuyển tệp vào thùng rác', notifyError: true });
  const fail = (e: unknown) => notification.error({ title: 'Không thực hiện được', description: toAppError(e).message, duration: 8 });

  const download = (file: EvidenceDto) => {
    // The desktop app opens a copy with the system application; the stored original is never handed out.
    if (isDesktop()) return void callOrThrowAppError('evidence.openCopy', { id: file.id }).catch(fail);
    fetchEvidence(file.id, true)
      .then((blob) => downloadBlob(file.name, blob))
      .catch(fail);
  };
  const confirmDetach = (file: EvidenceDto) =>
    modal.confirm({
      title: `Gỡ tệp "${file.name}"?`,
      content: 'Tệp được chuyển vào thùng rác của "Kho minh chứng" và có thể khôi phục.',
      okText: 'Gỡ',
      okButtonProps: { danger: true },
      cancelText: 'Hủy',
      onOk: () => detach.mutateAsync({ id: file.id, rev: file.rev }).catch(() => undefined),
    });

  const renameModal = (
    <RenameModal
      file={renaming}
      onClose={() => setRenaming(null)}
      onSubmit={async (name) => {
        await rename.mutateAsync({ id: renaming!.id, rev: renaming!.rev, name });
        setRenaming(null);
      }}
    />
  );
  const downloadLabel = isDesktop() ? 'Mở' : 'Tải về';
  /** The actions column of a table of files, the same on a record's panel and on "Kho minh chứng". */
  const column = <F extends EvidenceDto>(width: number): TableColumnType<F> => ({
    title: 'Thao tác',
    key: 'actions',
    width,
    render: (_, f) => (
      <Space size={0}>
        <Button size="small" type="link" onClick={() => download(f)} aria-label={`${downloadLabel} ${f.name}`}>
          {downloadLabel}
        </Button>
        {canChange && (
          <>
            <Button size="small" type="link" onClick={() => setRenaming(f)} aria-label={`Đổi tên ${f.name}`}>
              Đổi tên
            </Button>
            <Button size="small" type="link" danger onClick={() => confirmDetach(f)} aria-label={`Gỡ ${f.name}`}>
              Gỡ
            </Button>
          </>
        )}
      </Space>
    ),
  });
  return { download, confirmDetach, startRename: setRenaming, renameModal, downloadLabel, column };
}

function RenameModal({ file, onClose, onSubmit }: { file: EvidenceDto | null; onClose: () => void; onSubmit: (name: string) => Promise<void> }) {
  const [form] = Form.useForm<{ name: string }>();
  const [error, setError] = useState<string | null>(null);
  return (
    <Modal
      title="Đổi tên tệp"
      open={file !== null}
      onCancel={onClose}
      okText="Lưu"
      cancelText="Hủy"
      destroyOnHidden
      onOk={() =>
        form
          .validateFields()
          .then(({ name }) => onSubmit(name))
          .catch((e: unknown) => {
            if (e instanceof Error) setError(toAppError(e).message);
          })
      }
    >
      <Form form={form} layout="vertical" initialValues={{ name: file?.name }} preserve={false}>
        <Form.Item name="name" label="Tên tệp" rules={[{ required: true, message: 'Tên tệp không được để trống' }]} validateStatus={error ? 'error' : undefined} help={error}>
          <Input autoFocus maxLength={255} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
