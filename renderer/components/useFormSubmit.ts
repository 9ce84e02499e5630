import type { FormInstance } from 'antd';
import { useState } from 'react';
import type { AppError, FieldIssue } from '../../shared/errors';
import { applyIssuesToForm, toAppError, type IssuePathMap } from './errors';

export interface FormSubmitState {
  error: AppError | null;
  /** Issues that no field of the form could show. */
  otherIssues: FieldIssue[];
  pending: boolean;
}

/** Runs a form's submit and spreads a failure over the fields and one alert. */
export function useFormSubmit<T>(
  form: FormInstance<T>,
  submit: (values: T) => Promise<unknown>,
  mapIssuePath?: IssuePathMap,
) {
  const [state, setState] = useState<FormSubmitState>({ error: null, otherIssues: [], pending: false });
  const onFinish = async (values: T) => {
    setState({ error: null, otherIssues: [], pending: true });
    try {
      await submit(values);
      setState({ error: null, otherIssues: [], pending: false });
    } catch (caught) {
      const error = toAppError(caught);
      const otherIssues = applyIssuesToForm(form, error, mapIssuePath);
      setState({ error, otherIssues, pending: false });
    }
  };
  return { ...state, onFinish };
}
