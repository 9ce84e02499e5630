import { QueryClient, QueryClientProvider, useQuery } from '@tanstack/react-query';
import { App as AntApp, ConfigProvider, Flex } from 'antd';
import viVN from 'antd/locale/vi_VN';
import { useEffect, useState } from 'react';
import { SessionGate } from '../accounts/SessionGate';
import { onDataChanged } from '../api/client';
import { isStaleAfter } from '../api/freshness';
import { RouterProvider } from 'react-router';
import { LoadError, Loading } from '../components/QueryStatus';
import { officeStatusQuery } from '../components/useOffice';
import { SetupPage } from '../office/SetupPage';
import { createAppRouter } from './router';
import { appTheme } from './theme';

function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      // One office PC, one user: data changes only through this window, and mutations invalidate what they touch.
      queries: { retry: 1, refetchOnWindowFocus: false, staleTime: 30_000 },
      mutations: { retry: false },
    },
  });
}

/** After any write, every cached answer built from a changed table is read again, on every page. */
function useFreshData(queryClient: QueryClient): void {
  useEffect(
    () => onDataChanged((tables) => void queryClient.invalidateQueries({ predicate: (q) => isStaleAfter(String(q.queryKey[0]), tables) })),
    [queryClient],
  );
}

export function App() {
  const [queryClient] = useState(createQueryClient);
  useFreshData(queryClient);
  return (
    <ConfigProvider locale={viVN} theme={appTheme}>
      <AntApp>
        <QueryClientProvider client={queryClient}>
          <SessionGate>
            <OfficeGate />
          </SessionGate>
        </QueryClientProvider>
      </AntApp>
    </ConfigProvider>
  );
}

/** Until the office is set up, only the setup page exists. */
function OfficeGate() {
  const status = useQuery(officeStatusQuery());
  if (status.isPending) return <Loading text="Đang mở dữ liệu của cơ quan…" />;
  if (status.error || !status.data) {
    return (
      <Flex justify="center" style={{ paddingTop: 80 }}>
        <LoadError error={status.error} onRetry={() => void status.refetch()} />
      </Flex>
    );
  }
  if (!status.data.office) return <SetupPage />;
  return <AppRouter />;
}

function AppRouter() {
  const [router] = useState(createAppRouter);
  return <RouterProvider router={router} />;
}
