import { useQueryClient } from '@tanstack/react-query';
import { Button, Card, Flex, Form, Input, Typography } from 'antd';
import { useEffect, useRef } from 'react';
import { rememberSession } from '../api/transport';
import { callOrThrowAppError } from '../components/api';
import { FormErrorAlert } from '../components/FormErrorAlert';
import { focusFirstField } from '../components/focus';
import { useFormSubmit } from '../components/useFormSubmit';

interface LoginValues {
  login: string;
  password: string;
}

/** Who is working: every window and browser tab logs in before it shows anything of the office. */
export function LoginPage({ ended }: { ended: boolean }) {
  const [form] = Form.useForm<LoginValues>();
  const queryClient = useQueryClient();
  const bodyRef = useRef<HTMLDivElement>(null);
  useEffect(() => focusFirstField(bodyRef.current), []);
  const { onFinish, error, otherIssues, pending } = useFormSubmit(form, async (values: LoginValues) => {
    const { sessionToken } = await callOrThrowAppError('session.login', values);
    rememberSession(sessionToken);
    // Everything cached belonged to nobody in particular; read it again as this account.
    await queryClient.resetQueries();
  });
  return (
    <AuthCard title="Đăng nhập XHHT">
      <div ref={bodyRef}>
        {ended && (
          <Typography.Paragraph type="warning">Phiên làm việc đã kết thúc (đăng xuất hoặc để lâu không dùng). Hãy đăng nhập lại.</Typography.Paragraph>
        )}
        <Form form={form} layout="vertical" onFinish={onFinish} requiredMark={false}>
          <Form.Item name="login" label="Tên đăng nhập" rules={[{ required: true, message: 'Nhập tên đăng nhập' }]}>
            <Input autoComplete="username" />
          </Form.Item>
          <Form.Item name="password" label="Mật khẩu" rules={[{ required: true, message: 'Nhập mật khẩu' }]}>
            <Input.Password autoComplete="current-password" />
          </Form.Item>
          <FormErrorAlert error={error} otherIssues={otherIssues} />
          <Button type="primary" htmlType="submit" loading={pending} block size="large">
            Đăng nhập
          </Button>
        </Form>
        <Typography.Paragraph type="secondary" style={{ marginTop: 16, marginBottom: 0 }}>
          Quên mật khẩu? Người quản trị đặt lại được ở trang Tài khoản. Quên cả mật khẩu quản trị: chạy lệnh <code>xhht reset-admin</code> trên máy
          giữ thư mục dữ liệu (cần tệp khóa của cơ quan).
        </Typography.Paragraph>
      </div>
    </AuthCard>
  );
}

export function AuthCard({ title, children }: { title: string; children: React.ReactNode }) {
  return (
    <Flex justify="center" style={{ minHeight: '100vh', padding: '64px 16px', background: '#f3f5f7' }}>
      <main style={{ width: 440, alignSelf: 'flex-start' }}>
        <Card>
          <Typography.Title level={2} style={{ marginTop: 0 }}>
            {title}
          </Typography.Title>
          {children}
        </Card>
      </main>
    </Flex>
  );
}
