import type { FormInstance } from 'antd';
import { AppError, type FieldIssue } from '../../shared/errors';

/** Anything thrown by a call becomes an AppError, so every screen shows one kind of message. */
export function toAppError(error: unknown): AppError {
  if (error instanceof AppError) return error;
  return new AppError('INTERNAL', 'Đã xảy ra lỗi không mong muốn. Hãy thử lại; nếu vẫn lỗi, hãy khởi động lại XHHT.', {
    cause: error instanceof Error ? error.message : String(error),
  });
}

export function issuesOf(error: unknown): FieldIssue[] {
  return error instanceof AppError ? (error.details.issues ?? []) : [];
}

/**
 * Puts each issue beside the form field named by its first path segment.
 * Returns the issues no field could show, so the caller lists them in the alert.
 * `aliases` maps an input field to the form field that edits it (e.g. levelNames → levelNamesText).
 */
export function applyIssuesToForm(form: FormInstance, error: unknown, aliases: Record<string, string> = {}): FieldIssue[] {
  const registered = new Set(form.getFieldsError().map((f) => String(f.name[0])));
  const byField = new Map<string, string[]>();
  const unmatched: FieldIssue[] = [];
  for (const issue of issuesOf(error)) {
    const head = issue.path[0];
    const field = head === undefined ? undefined : (aliases[String(head)] ?? String(head));
    if (field !== undefined && registered.has(field)) byField.set(field, [...(byField.get(field) ?? []), issue.message]);
    else unmatched.push(issue);
  }
  form.setFields([...byField].map(([name, errors]) => ({ name, errors: [...new Set(errors)] })));
  return unmatched;
}
