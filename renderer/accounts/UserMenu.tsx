import { useQueryClient } from '@tanstack/react-query';
import { App, Button, Flex, Form, Input, Tag, Typography } from 'antd';
import { useState } from 'react';
import { ROLE_LABELS } from '../../shared/op';
import { rememberSession } from '../api/transport';
import { callOrThrowAppError } from '../components/api';
import { FormModal } from '../components/FormModal';
import { NewPasswordFields } from './NewPasswordFields';
import { useAccount } from './session';

interface PasswordChange {
  currentPassword: string;
  newPassword: string;
  repeated: string;
}

/** Who is logged in, their own password, and the way out. */
export function UserMenu() {
  const account = useAccount();
  const queryClient = useQueryClient();
  const { message } = App.useApp();
  const [changing, setChanging] = useState(false);
  if (!account) return null;
  const logOut = async () => {
    await callOrThrowAppError('session.logout', {}).catch(() => undefined);
    rememberSession(null);
    await queryClient.resetQueries();
  };
  return (
    <Flex align="center" gap={8} style={{ flex: 'none' }}>
      <Typography.Text ellipsis style={{ maxWidth: 180 }} title={`${account.name} (${account.login})`}>
        {account.name}
      </Typography.Text>
      <Tag color={account.role === 'admin' ? 'red' : account.role === 'officer' ? 'blue' : 'default'}>{ROLE_LABELS[account.role]}</Tag>
      <Button size="small" onClick={() => setChanging(true)}>
        Đổi mật khẩu
      </Button>
      <Button size="small" onClick={() => void logOut()}>
        Đăng xuất
      </Button>
      {changing && (
        <FormModal<PasswordChange>
          title={`Đổi mật khẩu của ${account.login}`}
          open
          onClose={() => setChanging(false)}
          submitText="Đổi mật khẩu"
          onSubmit={async ({ currentPassword, newPassword }) => {
            await callOrThrowAppError('accounts.changeOwnPassword', { currentPassword, newPassword });
            setChanging(false);
            void message.success('Đã đổi mật khẩu. Các phiên đăng nhập khác của tài khoản này đã kết thúc.');
          }}
        >
          <Form.Item name="currentPassword" label="Mật khẩu hiện tại" rules={[{ required: true, message: 'Nhập mật khẩu hiện tại' }]}>
            <Input.Password autoComplete="current-password" />
          </Form.Item>
          <NewPasswordFields name="newPassword" repeatName="repeated" label="Mật khẩu mới (ít nhất 8 ký tự)" repeatLabel="Nhập lại mật khẩu mới" />
        </FormModal>
      )}
    </Flex>
  );
}
