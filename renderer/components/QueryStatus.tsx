import { Alert, Button, Flex, Spin } from 'antd';
import type { ReactNode } from 'react';
import { toAppError } from './errors';

export function Loading({ text = 'Đang tải…' }: { text?: string }) {
  return (
    <Flex justify="center" align="center" gap={12} style={{ padding: 48 }} role="status">
      <Spin />
      <span>{text}</span>
    </Flex>
  );
}

/** A failed read, with the Vietnamese message from main and a way to try again. */
export function LoadError({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  return (
    <Alert
      type="error"
      showIcon
      title={toAppError(error).message}
      action={onRetry && <Button onClick={onRetry}>Thử lại</Button>}
      style={{ margin: 16 }}
    />
  );
}

interface QueryLike<T> {
  data: T | undefined;
  error: unknown;
  isPending: boolean;
  refetch: () => unknown;
}

/** Renders loading, error or the data of one query. */
export function QueryView<T>({ query, children, loadingText }: { query: QueryLike<T>; children: (data: T) => ReactNode; loadingText?: string }) {
  if (query.isPending) return <Loading text={loadingText} />;
  if (query.error || query.data === undefined) return <LoadError error={query.error} onRetry={() => void query.refetch()} />;
  return <>{children(query.data)}</>;
}
