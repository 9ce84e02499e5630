import type { TaskDto } from '../../shared/tasks';

export interface OutlineNode<T extends TaskDto = TaskDto> {
  task: T;
  depth: number;
  children: OutlineNode<T>[];
}

/** The plan's tasks as a tree by parentId, each level in the plan's order; an orphan becomes a root. */
export function buildOutline<T extends TaskDto>(tasks: T[]): OutlineNode<T>[] {
  const ids = new Set(tasks.map((t) => t.id));
  const byParent = new Map<string | null, T[]>();
  for (const t of [...tasks].sort((a, b) => a.position - b.position)) {
    const parent = t.parentId && ids.has(t.parentId) ? t.parentId : null;
    byParent.set(parent, [...(byParent.get(parent) ?? []), t]);
  }
  const seen = new Set<string>();
  const build = (parent: string | null, depth: number): OutlineNode<T>[] =>
    (byParent.get(parent) ?? [])
      .filter((t) => !seen.has(t.id) && seen.add(t.id))
      .map((task) => ({ task, depth, children: build(task.id, depth + 1) }));
  return build(null, 0);
}

/** Tasks in outline order with their depth, for a select of parents. */
export function flattenOutline<T extends TaskDto>(nodes: OutlineNode<T>[]): OutlineNode<T>[] {
  return nodes.flatMap((n) => [n, ...flattenOutline(n.children)]);
}

/** The task and everything under it: none of them can become its parent. */
export function subtreeIds(tasks: TaskDto[], rootId: string): Set<string> {
  const result = new Set([rootId]);
  let grew = true;
  while (grew) {
    grew = false;
    for (const t of tasks) {
      if (t.parentId && result.has(t.parentId) && !result.has(t.id)) {
        result.add(t.id);
        grew = true;
      }
    }
  }
  return result;
}

/** "3.1 Tổ chức tuyên truyền…", cut short for a select. */
export function taskLabel(task: Pick<TaskDto, 'number' | 'text'>, max = 90): string {
  const text = task.text.length > max ? `${task.text.slice(0, max - 1)}…` : task.text;
  return task.number ? `${task.number} ${text}` : text;
}

/** Overdue first, then by due day (none last); ties keep the list's own (outline) order, as sort is stable. */
export function compareByDue(a: TaskDto, b: TaskDto): number {
  if (a.overdue !== b.overdue) return a.overdue ? -1 : 1;
  if (a.dueDate === b.dueDate) return 0;
  return a.dueDate === null ? 1 : b.dueDate === null ? -1 : a.dueDate.localeCompare(b.dueDate);
}
