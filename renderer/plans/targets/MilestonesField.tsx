import { Button, Flex, Form, Input, InputNumber, Select, Typography } from 'antd';
import { MEASURE_KIND_LABELS, QUALIFIER_LABELS, type MeasureKind, type Qualifier } from '../../../shared/plan-model';

const KIND_OPTIONS = (Object.keys(MEASURE_KIND_LABELS) as MeasureKind[]).map((value) => ({ value, label: MEASURE_KIND_LABELS[value] }));
const QUALIFIER_OPTIONS = (Object.keys(QUALIFIER_LABELS) as Qualifier[]).map((value) => ({ value, label: QUALIFIER_LABELS[value] }));

export interface MilestoneFormValue {
  year: number | null;
  kind: MeasureKind;
  value: number | null;
  total?: number | null;
  qualifier?: Qualifier | null;
  scope?: string;
  wording?: string;
}

export const blankMilestone = (year: number | null): MilestoneFormValue => ({ year, kind: 'percent', value: null, total: null, qualifier: null, scope: '', wording: '' });

/** The milestones of a target; each carries its own measure ("9/9 xã" in 2025, "100%" in 2030). */
export function MilestonesField({ defaultYear }: { defaultYear: number }) {
  return (
    <Form.List name="milestones">
      {(fields, { add, remove }) => (
        <div style={{ marginBottom: 16 }}>
          <Typography.Text strong>Các mốc</Typography.Text>
          {fields.map((field, index) => (
            <fieldset
              key={field.key}
              aria-label={`Mốc ${index + 1}`}
              style={{ border: '1px solid #eef0f2', borderRadius: 6, padding: '4px 12px 0', margin: '8px 0' }}
            >
              <Flex justify="space-between" align="center">
                <Typography.Text type="secondary">Mốc {index + 1}</Typography.Text>
                {fields.length > 1 && (
                  <Button type="link" size="small" danger onClick={() => remove(field.name)} aria-label={`Bỏ mốc ${index + 1}`}>
                    Bỏ mốc
                  </Button>
                )}
              </Flex>
              <MilestoneRow name={field.name} />
            </fieldset>
          ))}
          <Button onClick={() => add(blankMilestone(defaultYear))}>Thêm mốc</Button>
        </div>
      )}
    </Form.List>
  );
}

function MilestoneRow({ name }: { name: number }) {
  const form = Form.useFormInstance();
  const kind = Form.useWatch(['milestones', name, 'kind'], form) as MeasureKind | undefined;
  return (
    <>
      <Flex gap={12} wrap align="flex-start">
        <Form.Item name={[name, 'year']} label="Năm" tooltip="Để trống khi văn bản không ghi năm: tính là cuối giai đoạn." style={{ width: 160 }}>
          <InputNumber min={1990} max={2100} controls={false} placeholder="Cuối kỳ" style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name={[name, 'qualifier']} label="Mức độ" style={{ width: 150 }}>
          <Select options={QUALIFIER_OPTIONS} allowClear placeholder="—" />
        </Form.Item>
        <Form.Item name={[name, 'kind']} label="Cách đo" style={{ width: 190 }}>
          <Select options={KIND_OPTIONS} />
        </Form.Item>
        <Form.Item name={[name, 'value']} label="Giá trị" rules={[{ required: true, message: 'Nhập giá trị' }]} style={{ width: 120 }}>
          <InputNumber min={0} controls={false} suffix={kind === 'percent' ? '%' : undefined} style={{ width: '100%' }} />
        </Form.Item>
        {kind === 'unitCount' && (
          <Form.Item name={[name, 'total']} label="Tổng số" rules={[{ required: true, message: 'Nhập tổng số' }]} style={{ width: 100 }}>
            <InputNumber min={1} precision={0} controls={false} style={{ width: '100%' }} />
          </Form.Item>
        )}
      </Flex>
      <Flex gap={12} wrap>
        <Form.Item name={[name, 'scope']} label="Phạm vi" style={{ flex: '1 1 180px' }}>
          <Input placeholder="xã, thị trấn" />
        </Form.Item>
        <Form.Item name={[name, 'wording']} label="Nguyên văn" style={{ flex: '2 1 260px' }}>
          <Input placeholder="Câu chữ trong văn bản (không bắt buộc)" />
        </Form.Item>
      </Flex>
    </>
  );
}
