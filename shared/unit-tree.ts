import type { UnitDto } from './units.js';
import { compareNatural, foldText, foldedWords, matchesFoldedWords } from './text.js';

/**
 * The unit tree as the units page shows and filters it; the export of the
 * list runs the same filter, so the file holds what the page shows.
 */

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
