import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Flex } from 'antd';
import { useEffect, useState, type ReactNode } from 'react';
import { onSignedOut } from '../api/client';
import { LoadError, Loading } from '../components/QueryStatus';
import { FirstAdminPage } from './FirstAdminPage';
import { LoginPage } from './LoginPage';
import { sessionQuery } from './session';

/** Nothing of the office shows until someone has logged in; the very first start asks for the administrator instead. */
export function SessionGate({ children }: { children: ReactNode }) {
  const session = useQuery(sessionQuery());
  const queryClient = useQueryClient();
  const [ended, setEnded] = useState(false);
  useEffect(
    () =>
      onSignedOut(() => {
        setEnded(true);
        void queryClient.resetQueries();
      }),
    [queryClient],
  );
  if (session.isPending) return <Loading text="Đang mở XHHT…" />;
  if (session.error || !session.data) {
    return (
      <Flex justify="center" style={{ paddingTop: 80 }}>
        <LoadError error={session.error} onRetry={() => void session.refetch()} />
      </Flex>
    );
  }
  if (session.data.needsFirstAdmin) return <FirstAdminPage />;
  if (!session.data.account) return <LoginPage ended={ended} />;
  return children;
}
