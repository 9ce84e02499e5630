import { App, Button, Card, Col, Flex, Form, Input, Radio, Row, Select, Typography, type FormInstance } from 'antd';
import { useEffect, useRef } from 'react';
import { DEFAULT_LEVEL_NAMES, OFFICE_LEVEL_LABELS, unitTypesOfLevel, type OfficeLevel } from '../../shared/office';
import { callOrThrowAppError } from '../components/api';
import { FormErrorAlert } from '../components/FormErrorAlert';
import { focusFirstField } from '../components/focus';
import { renameIssueFields } from '../components/errors';
import { useFormSubmit } from '../components/useFormSubmit';
import { formatLevelNames, parseLevelNames } from './levelNames';
import { LevelNamesField } from './LevelNamesField';

interface SetupValues {
  name: string;
  code: string;
  level: OfficeLevel;
  territoryName: string;
  territoryType: string;
  territoryCode: string;
  provinceName: string;
  levelNamesText: string;
}

const LEVELS = Object.keys(OFFICE_LEVEL_LABELS) as OfficeLevel[];
const firstTypeOf = (levelNamesText: string) => unitTypesOfLevel(parseLevelNames(levelNamesText)[0] ?? '')[0];

const INITIAL: Partial<SetupValues> = {
  level: 'huyen',
  levelNamesText: formatLevelNames(DEFAULT_LEVEL_NAMES.huyen),
  territoryType: firstTypeOf(formatLevelNames(DEFAULT_LEVEL_NAMES.huyen)),
  provinceName: '',
};

/** First run: the office, its territory (the root unit) and the names of its unit levels. */
export function SetupPage() {
  const [form] = Form.useForm<SetupValues>();
  const { message } = App.useApp();
  const bodyRef = useRef<HTMLDivElement>(null);
  useEffect(() => focusFirstField(bodyRef.current), []);

  const { onFinish, error, otherIssues, pending } = useFormSubmit(
    form,
    async (values: SetupValues) => {
      const { levelNamesText, ...rest } = values;
      await callOrThrowAppError('office.setup', { ...rest, levelNames: parseLevelNames(levelNamesText) });
      window.location.hash = '#/units';
      void message.success('Đã khởi tạo cơ quan. Hãy bổ sung các đơn vị hành chính.');
    },
    renameIssueFields({ levelNames: 'levelNamesText' }),
  );

  const onValuesChange = (changed: Partial<SetupValues>, all: SetupValues) => {
    if (changed.level) {
      const text = formatLevelNames(DEFAULT_LEVEL_NAMES[changed.level]);
      form.setFieldsValue({ levelNamesText: text, territoryType: firstTypeOf(text) });
    } else if (changed.levelNamesText !== undefined) {
      const types = unitTypesOfLevel(parseLevelNames(all.levelNamesText)[0] ?? '');
      if (!types.includes(all.territoryType)) form.setFieldsValue({ territoryType: types[0] });
    }
  };

  return (
    <Flex justify="center" style={{ minHeight: '100vh', padding: '40px 16px', background: '#f3f5f7' }}>
      <Card style={{ width: 760, alignSelf: 'flex-start' }}>
        <div ref={bodyRef}>
          <Typography.Title level={2} style={{ marginTop: 0 }}>
            Khởi tạo cơ quan
          </Typography.Title>
          <Typography.Paragraph type="secondary">
            Nhập thông tin cơ quan dùng XHHT trên máy này và địa bàn cơ quan phụ trách. XHHT sẽ tạo một khóa ký số riêng cho cơ quan
            để ký các gói dữ liệu gửi đi, giúp nơi nhận kiểm tra được nguồn gốc.
          </Typography.Paragraph>
          <Form form={form} layout="vertical" initialValues={INITIAL} onFinish={onFinish} onValuesChange={onValuesChange} requiredMark="optional">
            <SetupFields form={form} />
            <FormErrorAlert error={error} otherIssues={otherIssues} />
            <Button type="primary" htmlType="submit" loading={pending} size="large">
              Khởi tạo
            </Button>
          </Form>
        </div>
      </Card>
    </Flex>
  );
}

function SetupFields({ form }: { form: FormInstance<SetupValues> }) {
  const levelNamesText = Form.useWatch('levelNamesText', form) ?? '';
  const typeOptions = unitTypesOfLevel(parseLevelNames(levelNamesText)[0] ?? '').map((t) => ({ value: t, label: t }));
  return (
    <>
      <Row gutter={16}>
        <Col span={16}>
          <Form.Item name="name" label="Tên cơ quan" rules={[{ required: true, message: 'Nhập tên cơ quan' }]}>
            <Input placeholder="Ví dụ: Phòng Giáo dục và Đào tạo huyện Tân Hồng" />
          </Form.Item>
        </Col>
        <Col span={8}>
          <Form.Item name="code" label="Mã cơ quan" rules={[{ required: true, message: 'Nhập mã cơ quan' }]}>
            <Input placeholder="Ví dụ: PGD-TH" />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item name="level" label="Cấp của cơ quan" rules={[{ required: true, message: 'Chọn cấp của cơ quan' }]}>
        <Radio.Group options={LEVELS.map((level) => ({ value: level, label: OFFICE_LEVEL_LABELS[level] }))} />
      </Form.Item>
      <Row gutter={16}>
        <Col span={10}>
          <Form.Item name="territoryName" label="Tên địa bàn" rules={[{ required: true, message: 'Nhập tên địa bàn' }]}>
            <Input placeholder="Ví dụ: Tân Hồng" />
          </Form.Item>
        </Col>
        <Col span={7}>
          <Form.Item name="territoryType" label="Loại địa bàn" rules={[{ required: true, message: 'Chọn loại địa bàn' }]}>
            <Select options={typeOptions} />
          </Form.Item>
        </Col>
        <Col span={7}>
          <Form.Item name="territoryCode" label="Mã địa bàn" rules={[{ required: true, message: 'Nhập mã địa bàn' }]}>
            <Input placeholder="Ví dụ: 874" />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item name="provinceName" label="Tỉnh/thành phố">
        <Input placeholder="Ví dụ: Đồng Tháp" />
      </Form.Item>
      <LevelNamesField hint="Dòng đầu là cấp của địa bàn, các dòng sau là cấp trực thuộc. Các loại trong một cấp cách nhau bởi dấu “/”." />
    </>
  );
}
