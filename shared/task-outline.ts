import type { TaskStatus } from './plan-model.js';

/** The fields of a task the outline needs. */
export interface OutlineNode {
  id: string;
  parentId: string | null;
  position: number;
  number: string;
}

/** Bullets and plain paragraphs carry no number of their own. */
export function isUnnumbered(label: string): boolean {
  return label === '' || label === '-' || label === '+' || label === '•';
}

/**
 * The outline number of each task: its ancestors' labels and its own, e.g.
 * "II › 3 › a)". A bullet or plain paragraph is named by its place among its
 * siblings, "(2)", so two bullets of one heading stay apart.
 */
export function outlineNumbers(nodes: OutlineNode[]): Map<string, string> {
  const byId = new Map(nodes.map((n) => [n.id, n]));
  const ordinal = siblingOrdinals(nodes);
  const own = (n: OutlineNode) => (isUnnumbered(n.number.trim()) ? `(${ordinal.get(n.id)})` : n.number.trim());
  const result = new Map<string, string>();
  for (const node of nodes) {
    const labels: string[] = [];
    const seen = new Set<string>();
    for (let current: OutlineNode | undefined = node; current && !seen.has(current.id); current = current.parentId ? byId.get(current.parentId) : undefined) {
      seen.add(current.id);
      labels.unshift(own(current));
    }
    result.set(node.id, labels.join(' › '));
  }
  return result;
}

function siblingOrdinals(nodes: OutlineNode[]): Map<string, number> {
  const groups = new Map<string | null, OutlineNode[]>();
  for (const n of nodes) groups.set(n.parentId, [...(groups.get(n.parentId) ?? []), n]);
  const ordinal = new Map<string, number>();
  for (const siblings of groups.values()) {
    siblings.sort((a, b) => a.position - b.position).forEach((n, i) => ordinal.set(n.id, i + 1));
  }
  return ordinal;
}

/** Orders tasks as the plan reads: parents before children, siblings by position. */
export function inOutlineOrder<T extends OutlineNode>(nodes: T[]): T[] {
  const children = new Map<string | null, T[]>();
  const ids = new Set(nodes.map((n) => n.id));
  for (const n of nodes) {
    const parent = n.parentId !== null && ids.has(n.parentId) ? n.parentId : null;
    children.set(parent, [...(children.get(parent) ?? []), n]);
  }
  const ordered: T[] = [];
  const visit = (parent: string | null) => {
    for (const n of (children.get(parent) ?? []).sort((a, b) => a.position - b.position)) {
      ordered.push(n);
      visit(n.id);
    }
  };
  visit(null);
  return ordered;
}

/**
 * Outline items that only group others ("I.", "1." with items under it): they
 * are not tasks to count, and take their status from their children.
 */
export function headingIds(nodes: readonly { id: string; parentId: string | null }[]): Set<string> {
  const ids = new Set(nodes.map((n) => n.id));
  return new Set(nodes.flatMap((n) => (n.parentId !== null && ids.has(n.parentId) ? [n.parentId] : [])));
}

/**
 * A heading's status from its children's: done when all are, paused when all
 * are, not started when none began, else in progress — never "Hoàn thành" over undone work.
 * @example rollUpStatus(['done', 'not_started']) === 'in_progress'
 */
export function rollUpStatus(children: readonly TaskStatus[]): TaskStatus {
  if (children.length === 0) return 'not_started';
  if (children.every((s) => s === 'done')) return 'done';
  if (children.every((s) => s === 'paused')) return 'paused';
  if (children.every((s) => s === 'not_started')) return 'not_started';
  return 'in_progress';
}

/** Every heading's rolled-up status, deepest first so a heading over headings sees their roll-up. */
export function headingStatuses(nodes: readonly { id: string; parentId: string | null; status: TaskStatus }[]): Map<string, TaskStatus> {
  const headings = headingIds(nodes);
  const children = new Map<string, string[]>();
  for (const n of nodes) if (n.parentId !== null && headings.has(n.parentId)) children.set(n.parentId, [...(children.get(n.parentId) ?? []), n.id]);
  const own = new Map(nodes.map((n) => [n.id, n.status]));
  const result = new Map<string, TaskStatus>();
  const statusOf = (id: string, seen: Set<string>): TaskStatus => {
    if (!headings.has(id)) return own.get(id)!;
    if (result.has(id)) return result.get(id)!;
    if (seen.has(id)) return own.get(id)!;
    seen.add(id);
    const rolled = rollUpStatus((children.get(id) ?? []).map((c) => statusOf(c, seen)));
    result.set(id, rolled);
    return rolled;
  };
  for (const id of headings) statusOf(id, new Set());
  return result;
}
