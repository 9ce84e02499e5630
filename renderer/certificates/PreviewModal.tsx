import { useQuery } from '@tanstack/react-query';
import { Modal } from 'antd';
import type { CertificateCandidate } from '../../shared/certificate-print';
import { apiQuery } from '../components/api';
import { QueryView } from '../components/QueryStatus';
import { PreviewFrame } from './PreviewFrame';

/** One certificate as the next print will make it; one never printed shows where its number and QR go. */
export function PreviewModal({ candidate, onClose }: { candidate: CertificateCandidate; onClose: () => void }) {
  const preview = useQuery(apiQuery('certificates.preview', { recognitionId: candidate.recognitionId }));
  return (
    <Modal open title={`Xem trước giấy công nhận — ${candidate.holderName}`} width={1000} footer={null} onCancel={onClose} destroyOnHidden>
      <QueryView query={preview} loadingText="Đang dựng giấy công nhận…">
        {({ html }) => <PreviewFrame html={html} width={950} title={`Giấy công nhận của ${candidate.holderName}`} />}
      </QueryView>
    </Modal>
  );
}
