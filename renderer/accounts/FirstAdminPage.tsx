import { useQueryClient } from '@tanstack/react-query';
import { Button, Form, Input, Typography } from 'antd';
import { useEffect, useRef } from 'react';
import { rememberSession } from '../api/transport';
import { callOrThrowAppError } from '../components/api';
import { FormErrorAlert } from '../components/FormErrorAlert';
import { focusFirstField } from '../components/focus';
import { useFormSubmit } from '../components/useFormSubmit';
import { AuthCard } from './LoginPage';
import { NewPasswordFields } from './NewPasswordFields';

interface AdminValues {
  name: string;
  login: string;
  password: string;
  confirm: string;
}

/** First run (or the first start after accounts arrived): the administrator, who then sets up the office and the others' accounts. */
export function FirstAdminPage() {
  const [form] = Form.useForm<AdminValues>();
  const queryClient = useQueryClient();
  const bodyRef = useRef<HTMLDivElement>(null);
  useEffect(() => focusFirstField(bodyRef.current), []);
  const { onFinish, error, otherIssues, pending } = useFormSubmit(form, async ({ confirm: _confirm, ...values }: AdminValues) => {
    const { sessionToken } = await callOrThrowAppError('accounts.createFirstAdmin', values);
    rememberSession(sessionToken);
    await queryClient.resetQueries();
  });
  return (
    <AuthCard title="Tạo tài khoản quản trị">
      <div ref={bodyRef}>
        <Typography.Paragraph type="secondary">
          Người quản trị tạo tài khoản cho các cán bộ, cấp quyền và đặt lại mật khẩu khi cần. Hãy ghi nhớ mật khẩu này.
        </Typography.Paragraph>
        <Form form={form} layout="vertical" onFinish={onFinish} requiredMark={false}>
          <Form.Item name="name" label="Họ tên" rules={[{ required: true, message: 'Nhập họ tên' }]}>
            <Input autoComplete="name" />
          </Form.Item>
          <Form.Item name="login" label="Tên đăng nhập" rules={[{ required: true, message: 'Nhập tên đăng nhập' }]}>
            <Input autoComplete="username" />
          </Form.Item>
          <NewPasswordFields name="password" repeatName="confirm" label="Mật khẩu (ít nhất 8 ký tự)" repeatLabel="Nhập lại mật khẩu" />
          <FormErrorAlert error={error} otherIssues={otherIssues} />
          <Button type="primary" htmlType="submit" loading={pending} block size="large">
            Tạo tài khoản và đăng nhập
          </Button>
        </Form>
      </div>
    </AuthCard>
  );
}
