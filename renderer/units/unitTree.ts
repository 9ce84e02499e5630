import type { UnitDto } from '../../shared/units';
import { compareVietnamese, foldText, matchesFolded } from '../../shared/text';
import { unitTypesOfLevel } from '../../shared/office';

export interface UnitTreeNode {
  unit: UnitDto;
  children: UnitTreeNode[];
}

/** "Xã Tân Hộ Cơ" from type "Xã" and name "Tân Hộ Cơ", without doubling a type the name already starts with. */
export function displayNameOf(unit: Pick<UnitDto, 'type' | 'name'>): string {
  const name = foldText(unit.name);
  const type = foldText(unit.type);
  return type === '' || name === type || name.startsWith(`${type} `) ? unit.name : `${unit.type} ${unit.name}`;
}

/** Builds the tree from the flat list; children are sorted the way a Vietnamese reader expects. */
export function buildUnitTree(units: UnitDto[]): UnitTreeNode[] {
  const nodes = new Map(units.map((unit) => [unit.id, { unit, children: [] as UnitTreeNode[] }]));
  const roots: UnitTreeNode[] = [];
  for (const node of nodes.values()) {
    const parent = node.unit.parentId ? nodes.get(node.unit.parentId) : undefined;
    (parent ? parent.children : roots).push(node);
  }
  const sortDeep = (list: UnitTreeNode[]) => {
    // By the label the tree shows, so the visible list reads in order whatever the names contain.
    list.sort((a, b) => compareVietnamese(displayNameOf(a.unit), displayNameOf(b.unit)));
    list.forEach((n) => sortDeep(n.children));
  };
  sortDeep(roots);
  return roots;
}

const matchesUnit = (unit: UnitDto, query: string) => matchesFolded(`${unit.type} ${unit.name} ${unit.code}`, query);

/**
 * Keeps the nodes that match the query and the ancestors that lead to them.
 * A matching node keeps all its children when none of them matches, so they can still be opened.
 */
export function filterUnitTree(nodes: UnitTreeNode[], query: string): UnitTreeNode[] {
  if (query.trim() === '') return nodes;
  return nodes.flatMap((node) => {
    const children = filterUnitTree(node.children, query);
    if (children.length) return [{ unit: node.unit, children }];
    return matchesUnit(node.unit, query) ? [node] : [];
  });
}

/** Ids of the nodes with a matching descendant: open these so every match is visible. */
export function ancestorsOfMatches(nodes: UnitTreeNode[], query: string): string[] {
  const walk = (node: UnitTreeNode): { hasMatch: boolean; ids: string[] } => {
    const results = node.children.map(walk);
    const below = results.some((r) => r.hasMatch);
    const ids = results.flatMap((r) => r.ids);
    return { hasMatch: below || matchesUnit(node.unit, query), ids: below ? [node.unit.id, ...ids] : ids };
  };
  return query.trim() === '' ? [] : nodes.flatMap((n) => walk(n).ids);
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
