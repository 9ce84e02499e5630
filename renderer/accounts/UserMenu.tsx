import { useQueryClient } from '@tanstack/react-query';
import { Button, Flex, Tag, Typography } from 'antd';
import { ROLE_LABELS } from '../../shared/op';
import { rememberSession } from '../api/transport';
import { callOrThrowAppError } from '../components/api';
import { useAccount } from './session';

/** Who is logged in, and the way out. */
export function UserMenu() {
  const account = useAccount();
  const queryClient = useQueryClient();
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
      <Button size="small" onClick={() => void logOut()}>
        Đăng xuất
      </Button>
    </Flex>
  );
}
