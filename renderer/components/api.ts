import { queryOptions, useMutation } from '@tanstack/react-query';
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
  /** Shown as a short toast after success. */
  successMessage?: string | ((output: OutputOf<K>) => string);
  /** Forms show the error inline themselves; actions without a form want a notification. */
  notifyError?: boolean;
  onSuccess?: (output: OutputOf<K>, input: InputOf<K>) => void;
}

export function useApiMutation<K extends OpName>(op: K, options: ApiMutationOptions<K> = {}) {
  const { message, notification } = App.useApp();
  return useMutation<OutputOf<K>, AppError, InputOf<K>>({
    mutationFn: (input) => callOrThrowAppError(op, input),
    // What the write changed is refreshed on every page by the app (renderer/api/freshness.ts), not listed here.
    onSuccess: (output, input) => {
      options.onSuccess?.(output, input);
      const text = typeof options.successMessage === 'function' ? options.successMessage(output) : options.successMessage;
      if (text) void message.success(text);
    },
    onError: (error) => {
      if (options.notifyError) notification.error({ title: 'Không thực hiện được', description: error.message, duration: 8 });
    },
  });
}
