import type { FormInstance } from 'antd';
import type { FieldIssue } from '../../../shared/errors';
import { issuesOf } from '../../components/errors';

export type IssuePath = (string | number)[];

const startsWith = (path: IssuePath, prefix: IssuePath) => prefix.every((part, i) => String(path[i]) === String(part));

/**
 * Puts each issue beside the deepest form field its path names — ['milestones', 1, 'year']
 * lands on that milestone's year — or, for a path naming a group, on the group's first field.
 * Returns the issues no field could show.
 */
export function applyIssuesDeep(form: FormInstance, error: unknown, mapPath: (path: IssuePath) => IssuePath = (p) => p): FieldIssue[] {
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
