import { Alert, Flex, Modal, Spin } from 'antd';
import { useEffect, useState } from 'react';
import { previewKind, type EvidenceDto } from '../../shared/evidence';
import { toAppError } from '../components/errors';
import { fetchEvidence } from './evidence-transport';

/** Shows a PDF or an image inside the app, from the stored bytes (a blob URL: no file path or token leaves this window). */
export function EvidencePreview({ file, onClose }: { file: Pick<EvidenceDto, 'id' | 'name' | 'mime'> | null; onClose: () => void }) {
  const [url, setUrl] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    if (!file) return;
    let revoked = false;
    let created: string | null = null;
    setUrl(null);
    setError(null);
    fetchEvidence(file.id)
      .then((blob) => {
        if (revoked) return;
        created = URL.createObjectURL(new Blob([blob], { type: file.mime }));
        setUrl(created);
      })
      .catch((e: unknown) => setError(toAppError(e).message));
    return () => {
      revoked = true;
      if (created) URL.revokeObjectURL(created);
    };
  }, [file]);
  const kind = file ? previewKind(file.mime) : null;
  return (
    <Modal title={file?.name} open={file !== null} onCancel={onClose} footer={null} width={kind === 'pdf' ? 1000 : 860} destroyOnHidden centered>
      {error && <Alert type="error" showIcon title={error} />}
      {!error && !url && (
        <Flex justify="center" style={{ padding: 48 }} role="status" gap={12}>
          <Spin /> Đang mở tệp…
        </Flex>
      )}
      {url && kind === 'image' && <img src={url} alt={`Xem trước: ${file!.name}`} style={{ display: 'block', maxWidth: '100%', maxHeight: '72vh', margin: '0 auto' }} />}
      {url && kind === 'pdf' && <iframe src={url} title={`Xem trước: ${file!.name}`} style={{ width: '100%', height: '72vh', border: '1px solid #d9d9d9' }} />}
    </Modal>
  );
}
