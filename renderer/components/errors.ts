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

export type IssuePath = (string | number)[];
export type IssuePathMap = (path: IssuePath) => IssuePath;

/** Maps an input field to the form field that edits it (e.g. levelNames → levelNamesText). */
export function renameIssueFields(aliases: Record<string, string>): IssuePathMap {
  return (path) => {
    const alias = path.length > 0 ? aliases[String(path[0])] : undefined;
    return alias ? [alias, ...path.slice(1)] : path;
  };
}

const startsWith = (path: IssuePath, prefix: IssuePath) => prefix.every((part, i) => String(path[i]) === String(part));

/**
 * Puts each issue beside the deepest form field its path names — ['milestones', 1, 'year']
 * lands on that milestone's year — or, for a path naming a group, on the group's first field.
 * Returns the issues no field could show, so the caller lists them in the alert.
 */
export function applyIssuesToForm(form: FormInstance, error: unknown, mapPath: IssuePathMap = (p) => p): FieldIssue[] {
  const names = form.getFieldsError().map((f) => f.name as IssuePath);
  const byField = new Map<string, { name: IssuePath; errors: string[] }>();
  const unmatched: FieldIssue[] = [];
  for (const issue of issuesOf(error)) {
    const path = mapPath(issue.path);
    const target = path.length === 0 ? undefined : fieldFor(names, path);
    if (!target) {
      unmatched.push(issue);
      continue;
    }
    const key = JSON.stringify(target);
    const entry = byField.get(key) ?? { name: target, errors: [] };
    if (!entry.errors.includes(issue.message)) entry.errors.push(issue.message);
    byField.set(key, entry);
  }
  form.setFields([...byField.values()].map(({ name, errors }) => ({ name, errors })));
  return unmatched;
}

function fieldFor(names: IssuePath[], path: IssuePath): IssuePath | undefined {
  let best: IssuePath | undefined;
  for (const name of names) if (startsWith(path, name) && (!best || name.length > best.length)) best = name;
  return best ?? names.find((name) => startsWith(name, path));
}
