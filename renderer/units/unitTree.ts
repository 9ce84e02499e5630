import type { UnitDto } from '../../shared/units';
import { compareNatural, foldText, foldedWords, matchesFoldedWords } from '../../shared/text';
import { unitTypesOfLevel } from '../../shared/office';

export interface UnitTreeNode {
  unit: UnitDto;
  children: UnitTreeNode[];
  /** Folded words of type, name and code, computed once so each keystroke of the filter only compares. */
  words: string[];
}

/** "Xã Tân Hộ Cơ" from type "Xã" and name "Tân Hộ Cơ", without doubling a type the name already starts with. */
export function displayNameOf(unit: Pick<UnitDto, 'type' | 'name'>): string {
  const name = foldText(unit.name);
  const type = foldText(unit.type);
  return type === '' || name === type || name.startsWith(`${type} `) ? unit.name : `${unit.type} ${unit.name}`;
}

/**
 * Builds the tree from the flat list. Siblings follow the official code in
 * natural order (870-9 before 870-10), then the shown label ("Khóm 2" before "Khóm 10").
 */
export function buildUnitTree(units: UnitDto[]): UnitTreeNode[] {
  const nodes = new Map(units.map((unit) => [unit.id, { unit, children: [] as UnitTreeNode[], words: foldText(`${unit.type} ${unit.name} ${unit.code}`).split(' ') }]));
  const roots: UnitTreeNode[] = [];
  for (const node of nodes.values()) {
    const parent = node.unit.parentId ? nodes.get(node.unit.parentId) : undefined;
    (parent ? parent.children : roots).push(node);
  }
  const sortDeep = (list: UnitTreeNode[]) => {
    list.sort((a, b) => compareNatural(a.unit.code, b.unit.code) || compareNatural(displayNameOf(a.unit), displayNameOf(b.unit)));
    list.forEach((n) => sortDeep(n.children));
  };
  sortDeep(roots);
  return roots;
}

/**
 * Keeps the nodes that match the query and the ancestors that lead to them.
 * A matching node keeps all its children when none of them matches, so they can still be opened.
 */
export function filterUnitTree(nodes: UnitTreeNode[], query: string): UnitTreeNode[] {
  const words = foldedWords(query);
  if (words.length === 0) return nodes;
  const keep = (list: UnitTreeNode[]): UnitTreeNode[] =>
    list.flatMap((node) => {
      const children = keep(node.children);
      if (children.length) return [{ ...node, children }];
      return matchesFoldedWords(node.words, words) ? [node] : [];
    });
  return keep(nodes);
}

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
