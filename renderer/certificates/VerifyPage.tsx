import { useMutation } from '@tanstack/react-query';
import { Alert, Button, Card, Descriptions, Form, Input, Space, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { VERIFY_STATUS_LABELS, type VerifyResult } from '../../shared/certificates';
import { formatDateVi } from '../../shared/dates';
import { callOrThrowAppError } from '../components/api';
import { PageHeader } from '../components/PageHeader';
import { VerifyTrustList } from './VerifyTrustList';

const ALERT_TYPE: Record<VerifyResult['status'], 'success' | 'error' | 'warning'> = {
  hop_le: 'success',
  chu_ky_sai: 'error',
  da_thu_hoi: 'error',
  khong_ro_don_vi: 'warning',
  khong_doc_duoc: 'error',
};

/**
 * "Xác minh giấy công nhận": paste the QR text (or let a handheld scanner type
 * it into the box) and read the answer, offline. Webcam scanning is not offered:
 * Chromium on Windows and Linux has no built-in QR reader (BarcodeDetector) and
 * adding a decoder library is outside this change.
 */
export function VerifyPage() {
  const [payload, setPayload] = useState('');
  const verify = useMutation({ mutationFn: (text: string) => callOrThrowAppError('certificates.verify', { payload: text }) });
  return (
    <>
      <PageHeader
        title="Xác minh giấy công nhận"
        subtitle="Dán nội dung mã QR in trên giấy công nhận (bắt đầu bằng XH1:) để kiểm tra chữ ký của đơn vị cấp, không cần mạng."
        extra={<Link to="/certificates">Sổ cấp giấy công nhận</Link>}
      />
      <Space orientation="vertical" size={16} style={{ width: '100%' }}>
        <Card>
          <Form layout="vertical" onFinish={() => verify.mutate(payload)}>
            <Form.Item
              label="Nội dung mã QR"
              htmlFor="certificate-payload"
              extra="Máy quét mã cầm tay (cắm USB, gõ như bàn phím) cũng nhập được vào ô này. Ứng dụng chưa quét bằng webcam."
            >
              <Input.TextArea
                id="certificate-payload"
                value={payload}
                onChange={(e) => setPayload(e.target.value)}
                autoSize={{ minRows: 3, maxRows: 6 }}
                placeholder="XH1:…"
                spellCheck={false}
                style={{ fontFamily: 'monospace' }}
              />
            </Form.Item>
            <Button type="primary" htmlType="submit" loading={verify.isPending} disabled={payload.trim() === ''}>
              Xác minh
            </Button>
          </Form>
        </Card>
        {verify.error && <Alert type="error" showIcon title="Không xác minh được" description={verify.error.message} />}
        {verify.data && <VerifyAnswer result={verify.data} />}
        <Alert
          type="info"
          showIcon
          title="Mã QR chứng minh điều gì"
          description="Chữ ký hợp lệ chứng minh giấy này được in từ phần mềm XHHT của đơn vị cấp và nội dung in trên mã không bị sửa. Văn bản có giá trị pháp lý là quyết định công nhận đã được ký, đóng dấu; khóa của ứng dụng không phải chữ ký số theo quy định về giao dịch điện tử."
        />
        <VerifyTrustList />
      </Space>
    </>
  );
}

function VerifyAnswer({ result }: { result: VerifyResult }) {
  const c = result.content;
  return (
    <Card>
      <Alert
        role="status"
        type={ALERT_TYPE[result.status]}
        showIcon
        title={<Typography.Text strong style={{ fontSize: 18 }}>{VERIFY_STATUS_LABELS[result.status]}</Typography.Text>}
        description={result.message}
      />
      {c && (
        <section aria-label="Nội dung đã được ký">
          <Descriptions
            style={{ marginTop: 16 }}
            title={result.status === 'hop_le' ? 'Nội dung đã được ký' : 'Nội dung đã được ký (giấy này đã bị thu hồi)'}
            bordered
            size="small"
            column={1}
            items={[
              { key: 'number', label: 'Số vào sổ', children: c.registerNumber },
              { key: 'holder', label: 'Được công nhận', children: c.holderName },
              { key: 'title', label: 'Danh hiệu', children: `${c.titleLabel} năm ${c.year}` },
              { key: 'decision', label: 'Quyết định', children: `Số ${c.decisionNumber} ngày ${formatDateVi(c.decisionDate)}` },
              { key: 'issuer', label: 'Đơn vị cấp', children: `${result.issuer ?? ''} — mã cơ quan ${c.officeCode}` },
              { key: 'key', label: 'Mã khóa ký', children: <Typography.Text code>{c.keyId}</Typography.Text> },
              ...(result.revokedOn ? [{ key: 'revoked', label: 'Thu hồi', children: `Ngày ${formatDateVi(result.revokedOn)}: ${result.revokeReason ?? ''}` }] : []),
            ]}
          />
        </section>
      )}
    </Card>
  );
}
