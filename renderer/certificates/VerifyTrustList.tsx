import { useQuery } from '@tanstack/react-query';
import { Button, Card, Descriptions, Form, Input, Table, Typography } from 'antd';
import { useState } from 'react';
import type { TrustAddInput, TrustedKeyDto } from '../../shared/certificates';
import { apiQuery, useApiMutation } from '../components/api';
import { FormModal } from '../components/FormModal';
import { QueryView } from '../components/QueryStatus';
import { useConfirmDelete } from '../components/useConfirmDelete';

/**
 * The issuers this XHHT can verify: its own key (to hand to other offices) and
 * other offices' keys entered by hand once their fingerprint was compared,
 * by phone or on paper. Signed bundles will fill this list later.
 */
export function VerifyTrustList() {
  const trust = useQuery(apiQuery('certificates.trustList', {}));
  const [adding, setAdding] = useState(false);
  const remove = useApiMutation('certificates.trustRemove', { successMessage: 'Đã bỏ khóa khỏi danh sách tin cậy', notifyError: true });
  const confirmDelete = useConfirmDelete();
  return (
    <Card
      title="Đơn vị cấp tin cậy"
      extra={
        <Button onClick={() => setAdding(true)}>Thêm khóa của đơn vị khác</Button>
      }
    >
      <QueryView query={trust} loadingText="Đang tải danh sách khóa…">
        {({ own, keys }) => (
          <>
            {own && (
              <Descriptions
                title="Khóa của đơn vị này"
                size="small"
                bordered
                column={1}
                style={{ marginBottom: 16 }}
                items={[
                  { key: 'office', label: 'Đơn vị', children: `${own.officeName} (mã ${own.officeCode})` },
                  { key: 'fingerprint', label: 'Dấu vân tay (SHA-256)', children: <Typography.Text code>{own.fingerprint}</Typography.Text> },
                  {
                    key: 'public',
                    label: 'Khóa công khai',
                    children: (
                      <Typography.Text code copyable={{ text: own.publicKey, tooltips: ['Chép khóa', 'Đã chép'] }} style={{ wordBreak: 'break-all' }}>
                        {own.publicKey}
                      </Typography.Text>
                    ),
                  },
                ]}
              />
            )}
            <Table<TrustedKeyDto>
              aria-label="Khóa của các đơn vị cấp khác"
              rowKey="id"
              size="small"
              pagination={false}
              dataSource={keys}
              locale={{ emptyText: 'Chưa có khóa của đơn vị nào khác: giấy do đơn vị khác cấp sẽ được báo “Không rõ đơn vị cấp”.' }}
              columns={[
                { title: 'Đơn vị cấp', render: (_, k) => (k.officeCode ? `${k.officeName} (mã ${k.officeCode})` : k.officeName) },
                { title: 'Dấu vân tay (SHA-256)', dataIndex: 'fingerprint', render: (f: string) => <Typography.Text code>{f}</Typography.Text> },
                { title: 'Ghi chú', dataIndex: 'note' },
                {
                  title: 'Thao tác',
                  key: 'actions',
                  width: 90,
                  render: (_, k) => (
                    <Button
                      size="small"
                      type="link"
                      danger
                      aria-label={`Bỏ khóa: ${k.officeName}`}
                      onClick={() => confirmDelete(`Bỏ khóa của ${k.officeName}?`, 'Giấy do đơn vị này cấp sẽ không xác minh được nữa cho đến khi thêm lại khóa.', () => remove.mutateAsync({ id: k.id, rev: k.rev }))}
                    >
                      Bỏ
                    </Button>
                  ),
                },
              ]}
            />
          </>
        )}
      </QueryView>
      {adding && <TrustAddModal onClose={() => setAdding(false)} />}
    </Card>
  );
}

function TrustAddModal({ onClose }: { onClose: () => void }) {
  const add = useApiMutation('certificates.trustAdd', { successMessage: (k) => `Đã thêm khóa của ${k.officeName}, dấu vân tay ${k.fingerprint}` });
  return (
    <FormModal<TrustAddInput>
      title="Thêm khóa của đơn vị cấp khác"
      open
      width={680}
      onClose={onClose}
      onSubmit={async (values) => {
        await add.mutateAsync(values);
        onClose();
      }}
      submitText="Thêm khóa"
    >
      <Typography.Paragraph type="secondary">
        Nhận khóa công khai từ đơn vị kia (mục “Khóa của đơn vị này” trên trang này ở máy của họ), rồi đối chiếu dấu vân tay qua điện thoại hoặc văn bản trước khi tin dùng.
      </Typography.Paragraph>
      <Form.Item name="officeName" label="Tên đơn vị cấp" rules={[{ required: true, message: 'Nhập tên đơn vị cấp' }]}>
        <Input placeholder="Phòng GD&ĐT huyện Hồng Ngự" />
      </Form.Item>
      <Form.Item name="officeCode" label="Mã cơ quan">
        <Input placeholder="871" />
      </Form.Item>
      <Form.Item name="publicKey" label="Khóa công khai" rules={[{ required: true, message: 'Dán khóa công khai' }]} extra="Dạng PEM (-----BEGIN PUBLIC KEY-----) hoặc chuỗi base64.">
        <Input.TextArea autoSize={{ minRows: 3, maxRows: 6 }} spellCheck={false} style={{ fontFamily: 'monospace' }} />
      </Form.Item>
      <Form.Item name="note" label="Ghi chú" extra="Ví dụ: đã đối chiếu dấu vân tay với ông A ngày …">
        <Input />
      </Form.Item>
    </FormModal>
  );
}
