import { Alert } from 'antd';
import type { FormSubmitState } from './useFormSubmit';

/** The error message of a failed submit, with the issues no field could show. */
export function FormErrorAlert({ error, otherIssues }: Pick<FormSubmitState, 'error' | 'otherIssues'>) {
  if (!error) return null;
  const description = otherIssues.length ? (
    <ul style={{ margin: 0, paddingInlineStart: 18 }}>
      {otherIssues.map((issue, i) => (
        <li key={i}>{issue.path.length ? `${issue.path.join(' › ')}: ${issue.message}` : issue.message}</li>
      ))}
    </ul>
  ) : undefined;
  return <Alert type="error" showIcon title={error.message} description={description} style={{ marginBottom: 16 }} role="alert" />;
}
