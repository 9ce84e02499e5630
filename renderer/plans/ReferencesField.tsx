import { Button, Flex, Form, Input, Select, Typography } from 'antd';
import { PLAN_RELATION_LABELS, type PlanRelation } from '../../shared/plan-model';

const RELATION_OPTIONS = (Object.keys(PLAN_RELATION_LABELS) as PlanRelation[]).map((value) => ({ value, label: PLAN_RELATION_LABELS[value] }));

export interface ReferenceFormValue {
  relation: PlanRelation;
  citation: string;
  number?: string | null;
}

/** The documents a plan implements, replaces or carries attached. */
export function ReferencesField() {
  return (
    <Form.List name="references">
      {(fields, { add, remove }) => (
        <div style={{ marginBottom: 16 }}>
          <Typography.Text strong>Văn bản căn cứ, thay thế</Typography.Text>
          {fields.length === 0 && (
            <Typography.Paragraph type="secondary" style={{ margin: '4px 0' }}>
              Chưa có. Thêm kế hoạch cấp trên mà văn bản này thực hiện, hoặc văn bản mà nó thay thế.
            </Typography.Paragraph>
          )}
          {fields.map((field, index) => (
            <fieldset
              key={field.key}
              aria-label={`Văn bản căn cứ ${index + 1}`}
              style={{ border: '1px solid #eef0f2', borderRadius: 6, padding: '4px 12px', margin: '8px 0' }}
            >
              <Flex justify="space-between" align="center">
                <Typography.Text type="secondary">Văn bản {index + 1}</Typography.Text>
                <Button danger type="link" size="small" onClick={() => remove(field.name)} aria-label={`Bỏ văn bản căn cứ ${index + 1}`}>
                  Bỏ
                </Button>
              </Flex>
              <Flex gap={12} wrap align="flex-start">
                <Form.Item name={[field.name, 'relation']} label="Quan hệ" style={{ width: 170 }}>
                  <Select options={RELATION_OPTIONS} />
                </Form.Item>
                <Form.Item name={[field.name, 'number']} label="Số hiệu văn bản" style={{ width: 240 }}>
                  <Input placeholder="278/KH-UBND" />
                </Form.Item>
              </Flex>
              <Form.Item name={[field.name, 'citation']} label="Trích dẫn" rules={[{ required: true, message: 'Nhập trích dẫn văn bản' }]} style={{ marginBottom: 4 }}>
                <Input placeholder="Kế hoạch số 278/KH-UBND ngày 11/9/2021 của UBND tỉnh Đồng Tháp" />
              </Form.Item>
            </fieldset>
          ))}
          <Button onClick={() => add({ relation: 'implements', citation: '', number: '' })}>Thêm văn bản căn cứ</Button>
        </div>
      )}
    </Form.List>
  );
}
