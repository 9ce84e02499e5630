/**
 * Rules every tree in XHHT obeys (units, targets, anything with a parent): no cycle of any
 * length and a bounded depth. Pure and iterative: a corrupt parent chain already in the
 * database ends the walk instead of looping inside a transaction.
 */

/** Deepest level allowed below a root (a root has depth 0), e.g. tỉnh › xã › ấp is depth 2. */
export const MAX_TREE_DEPTH = 12;

/** Parent of a node; null or undefined for a root or an unknown id. */
export type ParentOf = (id: string) => string | null | undefined;

/**
 * Whether giving `id` the parent `newParentId` would close a loop: true when the new parent
 * is `id` itself or one of its descendants, or when the new parent's own chain already loops.
 */
export function wouldCreateCycle(parentOf: ParentOf, id: string, newParentId: string | null): boolean {
  const seen = new Set<string>();
  for (let cur: string | null | undefined = newParentId; cur != null; cur = parentOf(cur)) {
    if (cur === id || seen.has(cur)) return true;
    seen.add(cur);
  }
  return false;
}

/**
 * Number of ancestors of `id` (0 for a root). The walk stops after `limit` steps or on a loop
 * and returns Infinity then, so a caller comparing with MAX_TREE_DEPTH refuses it either way.
 */
export function depthOf(parentOf: ParentOf, id: string, limit = MAX_TREE_DEPTH + 1): number {
  const seen = new Set<string>([id]);
  let depth = 0;
  for (let cur = parentOf(id); cur != null; cur = parentOf(cur)) {
    if (seen.has(cur) || depth >= limit) return Infinity;
    seen.add(cur);
    depth++;
  }
  return depth;
}

/** Height of the subtree below `id` (0 for a leaf), for checking a move of a whole branch. */
export function subtreeHeight(childrenOf: (id: string) => readonly string[], id: string, limit = MAX_TREE_DEPTH + 1): number {
  let height = 0;
  let level: readonly string[] = [id];
  const seen = new Set<string>([id]);
  while (level.length) {
    const next: string[] = [];
    for (const node of level)
      for (const child of childrenOf(node)) {
        if (seen.has(child)) continue;
        seen.add(child);
        next.push(child);
      }
    if (!next.length) break;
    if (++height > limit) return Infinity;
    level = next;
  }
  return height;
}

export interface TreeRow {
  id: string;
  parentId: string | null;
}

export type TreeProblem =
  | { index: number; id: string; kind: 'cycle' }
  | { index: number; id: string; kind: 'under-cycle' }
  | { index: number; id: string; kind: 'too-deep'; depth: number }
  | { index: number; id: string; kind: 'duplicate-id' };

/**
 * Checks a batch of rows as if merged over the existing tree (a batch row replaces the existing
 * parent of the same id) and returns the batch rows that are wrong, by their index in `rows`.
 * A row is in a cycle when following parents from it comes back to it; a row hanging below a
 * cycle it is not part of is 'under-cycle'. Linear in the number of rows plus the ancestors
 * walked: every id's depth is computed once.
 */
export function checkTreeBatch(
  existingParentOf: ParentOf,
  rows: readonly TreeRow[],
  maxDepth = MAX_TREE_DEPTH,
): TreeProblem[] {
  const problems: TreeProblem[] = [];
  const batchParent = new Map<string, string | null>();
  const firstIndex = new Map<string, number>();
  rows.forEach((row, index) => {
    if (firstIndex.has(row.id)) problems.push({ index, id: row.id, kind: 'duplicate-id' });
    else {
      firstIndex.set(row.id, index);
      batchParent.set(row.id, row.parentId);
    }
  });
  const parentOf = (id: string) => (batchParent.has(id) ? batchParent.get(id) : existingParentOf(id));

  // Depth per id, filled by walking up to a known depth; CYCLIC marks ids on or below a loop.
  const CYCLIC = -2;
  const depth = new Map<string, number>();
  const onCycle = new Set<string>();
  const resolve = (start: string): number => {
    const path: string[] = [];
    const onPath = new Map<string, number>();
    let cur: string | null | undefined = start;
    let base = -1; // depth of the first id above the path whose depth is known; -1 = above a root
    while (cur != null) {
      const known = depth.get(cur);
      if (known !== undefined) {
        base = known;
        break;
      }
      const at = onPath.get(cur);
      if (at !== undefined) {
        for (const id of path.slice(at)) onCycle.add(id);
        base = CYCLIC;
        break;
      }
      onPath.set(cur, path.length);
      path.push(cur);
      cur = parentOf(cur);
    }
    for (let i = path.length - 1; i >= 0; i--) {
      base = base === CYCLIC ? CYCLIC : base + 1;
      depth.set(path[i]!, base);
    }
    return depth.get(start)!;
  };

  for (const [id, index] of firstIndex) {
    const d = resolve(id);
    if (onCycle.has(id)) problems.push({ index, id, kind: 'cycle' });
    else if (d === CYCLIC) problems.push({ index, id, kind: 'under-cycle' });
    else if (d > maxDepth) problems.push({ index, id, kind: 'too-deep', depth: d });
  }
  return problems.sort((a, b) => a.index - b.index);
}
