import { Button, Card, Col, Descriptions, Form, Input, Row, Typography } from 'antd';
import { formatDateVi } from '../../shared/dates';
import { OFFICE_LEVEL_LABELS, type OfficeDto } from '../../shared/office';
import { useApiMutation } from '../components/api';
import { FormErrorAlert } from '../components/FormErrorAlert';
import { Loading } from '../components/QueryStatus';
import { PageHeader } from '../components/PageHeader';
import { renameIssueFields } from '../components/errors';
import { useFormSubmit } from '../components/useFormSubmit';
import { useOffice } from '../components/useOffice';
import { formatLevelNames, parseLevelNames } from '../office/levelNames';
import { LevelNamesField } from '../office/LevelNamesField';

export function SettingsPage() {
  const office = useOffice();
  if (!office) return <Loading />;
  return (
    <>
      <PageHeader title="Cài đặt" subtitle="Thông tin cơ quan dùng XHHT trên máy này." />
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={11}>
          <OfficeFacts office={office} />
        </Col>
        <Col xs={24} xl={13}>
          <OfficeEditForm office={office} />
        </Col>
      </Row>
    </>
  );
}

function OfficeFacts({ office }: { office: OfficeDto }) {
  return (
    <Card title="Thông tin cơ quan">
      <Descriptions
        column={1}
        size="small"
        items={[
          { key: 'name', label: 'Tên cơ quan', children: office.name },
          { key: 'code', label: 'Mã cơ quan', children: office.code },
          { key: 'level', label: 'Cấp', children: OFFICE_LEVEL_LABELS[office.level] },
          { key: 'province', label: 'Tỉnh/thành phố', children: office.provinceName || 'Chưa nhập' },
          { key: 'levels', label: 'Các cấp đơn vị', children: office.levelNames.join(' › ') },
          {
            key: 'key',
            label: 'Khóa ký số (dấu vân tay)',
            children: <Typography.Text code copyable={{ text: office.publicKey }}>{fingerprintOf(office.publicKey)}</Typography.Text>,
          },
          { key: 'created', label: 'Ngày khởi tạo', children: formatDateVi(office.createdAt) },
        ]}
      />
    </Card>
  );
}

/** Every Ed25519 SPKI key in base64 starts with these 16 characters; the fingerprint skips them so it tells offices apart. */
const ED25519_SPKI_PREFIX = 'MCowBQYDK2VwAyEA';
const fingerprintOf = (publicKey: string) =>
  (publicKey.startsWith(ED25519_SPKI_PREFIX) ? publicKey.slice(ED25519_SPKI_PREFIX.length) : publicKey).slice(0, 16);

interface EditValues {
  name: string;
  provinceName: string;
  levelNamesText: string;
}

function OfficeEditForm({ office }: { office: OfficeDto }) {
  const [form] = Form.useForm<EditValues>();
  const update = useApiMutation('office.update', { successMessage: 'Đã lưu thông tin cơ quan' });
  const { onFinish, error, otherIssues, pending } = useFormSubmit(
    form,
    (values: EditValues) => update.mutateAsync({ name: values.name, provinceName: values.provinceName, levelNames: parseLevelNames(values.levelNamesText) }),
    renameIssueFields({ levelNames: 'levelNamesText' }),
  );
  return (
    <Card title="Sửa thông tin">
      <Form
        form={form}
        layout="vertical"
        requiredMark="optional"
        onFinish={onFinish}
        initialValues={{ name: office.name, provinceName: office.provinceName, levelNamesText: formatLevelNames(office.levelNames) }}
      >
        <Form.Item name="name" label="Tên cơ quan" rules={[{ required: true, message: 'Nhập tên cơ quan' }]}>
          <Input />
        </Form.Item>
        <Form.Item name="provinceName" label="Tỉnh/thành phố">
          <Input />
        </Form.Item>
        <LevelNamesField hint="Dòng đầu là cấp của địa bàn, các dòng sau là cấp trực thuộc; các loại trong một cấp cách nhau bởi dấu “/”. Dùng để gợi ý loại khi thêm, sửa đơn vị." />
        <FormErrorAlert error={error} otherIssues={otherIssues} />
        <Button type="primary" htmlType="submit" loading={pending}>
          Lưu thay đổi
        </Button>
      </Form>
    </Card>
  );
}
