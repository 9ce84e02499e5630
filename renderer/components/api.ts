import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import { App } from 'antd';
import type { InputOf, OpName, OutputOf } from '../../shared/contract';
import type { AppError } from '../../shared/errors';
import { call } from '../api/client';
import { toAppError } from './errors';

/** Query options for one read op; the key starts with the op name so mutations can invalidate by name. */
export function apiQuery<K extends OpName>(op: K, input: InputOf<K>) {
  return queryOptions({
    queryKey: [op, input] as const,
    queryFn: () => callOrThrowAppError(op, input),
  });
}

export async function callOrThrowAppError<K extends OpName>(op: K, input: InputOf<K>): Promise<OutputOf<K>> {
  try {
    return await call(op, input);
  } catch (error) {
    throw toAppError(error);
  }
}

interface ApiMutationOptions<K extends OpName> {
  /** Read ops whose cached answers this mutation makes stale. */
  invalidates?: OpName[];
  /** Shown as a short toast after success. */
  successMessage?: string | ((output: OutputOf<K>) => string);
  /** Forms show the error inline themselves; actions without a form want a notification. */
  notifyError?: boolean;
  onSuccess?: (output: OutputOf<K>, input: InputOf<K>) => void;
}

export function useApiMutation<K extends OpName>(op: K, options: ApiMutationOptions<K> = {}) {
  const queryClient = useQueryClient();
  const { message, notification } = App.useApp();
  return useMutation<OutputOf<K>, AppError, InputOf<K>>({
    mutationFn: (input) => callOrThrowAppError(op, input),
    onSuccess: async (output, input) => {
      // The caller moves on first (e.g. away from a deleted record), so the refetch below skips what is no longer shown.
      options.onSuccess?.(output, input);
      const text = typeof options.successMessage === 'function' ? options.successMessage(output) : options.successMessage;
      if (text) void message.success(text);
      // Search results mention names, so any change may make them stale.
      const keys: OpName[] = [...(options.invalidates ?? []), 'search.query'];
      await Promise.all(keys.map((key) => queryClient.invalidateQueries({ queryKey: [key] })));
    },
    onError: (error) => {
      if (options.notifyError) notification.error({ title: 'Không thực hiện được', description: error.message, duration: 8 });
    },
  });
}
