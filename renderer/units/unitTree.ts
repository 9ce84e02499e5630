import type { UnitDto } from '../../shared/units';
import { foldedWords, matchesFoldedWords } from '../../shared/text';
import type { UnitTreeNode } from '../../shared/unit-tree';
import { unitTypesOfLevel } from '../../shared/office';

export { buildUnitTree, displayNameOf, filterUnitTree, type UnitTreeNode } from '../../shared/unit-tree';

/** Ids of the nodes with a matching descendant: open these so every match is visible. */
export function ancestorsOfMatches(nodes: UnitTreeNode[], query: string): string[] {
  const words = foldedWords(query);
  if (words.length === 0) return [];
  const ids: string[] = [];
  const walk = (node: UnitTreeNode): boolean => {
    const at = ids.length;
    let below = false;
    for (const child of node.children) below = walk(child) || below;
    if (below) ids.splice(at, 0, node.unit.id);
    return below || matchesFoldedWords(node.words, words);
  };
  nodes.forEach(walk);
  return ids;
}

export function collectIds(nodes: UnitTreeNode[]): string[] {
  return nodes.flatMap((n) => [n.unit.id, ...collectIds(n.children)]);
}

/** The unit and everything below it: none of these may become its new parent. */
export function subtreeIds(units: UnitDto[], rootId: string): Set<string> {
  const ids = new Set([rootId]);
  // Parents come before children in units.tree, but do not rely on it: repeat until nothing changes.
  let grew = true;
  while (grew) {
    grew = false;
    for (const u of units) {
      if (u.parentId && ids.has(u.parentId) && !ids.has(u.id)) {
        ids.add(u.id);
        grew = true;
      }
    }
  }
  return ids;
}

/** Unit types offered at a depth, from the office's level names; the current type stays offered. */
export function unitTypesAtDepth(levelNames: string[], depth: number, current?: string): string[] {
  const types = unitTypesOfLevel(levelNames[depth] ?? '');
  return current && !types.includes(current) ? [current, ...types] : types;
}
