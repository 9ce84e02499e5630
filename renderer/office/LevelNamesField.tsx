import { Form, Input } from 'antd';

/** The level names of the unit tree, one level per line, as setup and settings both edit them. */
export function LevelNamesField({ hint }: { hint: string }) {
  return (
    <Form.Item name="levelNamesText" label="Tên các cấp đơn vị (mỗi dòng một cấp)" extra={hint} rules={[{ required: true, message: 'Nhập ít nhất một cấp' }]}>
      <Input.TextArea autoSize={{ minRows: 3, maxRows: 8 }} />
    </Form.Item>
  );
}
