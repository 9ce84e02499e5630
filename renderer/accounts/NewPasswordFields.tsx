import { Form, Input } from 'antd';

/** A new password typed twice, the second checked against the first before anything is sent. */
export function NewPasswordFields({ name, repeatName, label, repeatLabel }: { name: string; repeatName: string; label: string; repeatLabel: string }) {
  return (
    <>
      <Form.Item name={name} label={label} rules={[{ required: true, message: 'Nhập mật khẩu' }]}>
        <Input.Password autoComplete="new-password" />
      </Form.Item>
      <Form.Item
        name={repeatName}
        label={repeatLabel}
        dependencies={[name]}
        rules={[
          { required: true, message: 'Nhập lại mật khẩu' },
          ({ getFieldValue }) => ({ validator: (_, value) => (!value || value === getFieldValue(name) ? Promise.resolve() : Promise.reject(new Error('Hai mật khẩu chưa khớp'))) }),
        ]}
      >
        <Input.Password autoComplete="new-password" />
      </Form.Item>
    </>
  );
}
