import { describe, expect, it } from 'vitest';
import { MAX_TREE_DEPTH, checkTreeBatch, depthOf, subtreeHeight, wouldCreateCycle, type TreeProblem, type TreeRow } from './tree-rules.js';

/** A tree built of "child>parent" pairs; a bare name is a root. */
function tree(...edges: string[]): (id: string) => string | null | undefined {
  const parent = new Map<string, string | null>();
  for (const e of edges) {
    const [child, p] = e.split('>');
    parent.set(child!, p ?? null);
  }
  return (id) => parent.get(id);
}

/** A chain n0 › n1 › … › n(length-1), n0 the root. */
function chain(length: number, prefix = 'n'): string[] {
  return Array.from({ length }, (_, i) => (i === 0 ? `${prefix}0` : `${prefix}${i}>${prefix}${i - 1}`));
}

describe('wouldCreateCycle', () => {
  const t = tree('a', 'b>a', 'c>b', 'd>c', 'x');
  it.each<[string, string | null, boolean, string]>([
    ['a', 'a', true, 'itself'],
    ['a', 'b', true, 'its child (length 2)'],
    ['a', 'c', true, 'its grandchild (length 3)'],
    ['a', 'd', true, 'a deep descendant (length 4)'],
    ['b', 'x', false, 'another root'],
    ['d', 'a', false, 'an ancestor'],
    ['x', null, false, 'no parent'],
    ['x', 'unknown', false, 'an unknown id'],
  ])('%s under %s → %s (%s)', (id, parent, expected) => expect(wouldCreateCycle(t, id, parent)).toBe(expected));

  it('ends on a loop already in the data that does not pass through the moved node', () => {
    const looped = tree('p>q', 'q>p', 'z');
    expect(wouldCreateCycle(looped, 'z', 'p')).toBe(true);
  });

  it('handles a 70-deep chain moved under its own leaf', () => {
    expect(wouldCreateCycle(tree(...chain(70)), 'n0', 'n69')).toBe(true);
  });
});

describe('depthOf', () => {
  it.each([
    [tree('a'), 'a', 0],
    [tree('a', 'b>a', 'c>b'), 'c', 2],
    [tree(...chain(MAX_TREE_DEPTH + 1)), `n${MAX_TREE_DEPTH}`, MAX_TREE_DEPTH],
    [tree(...chain(MAX_TREE_DEPTH + 2)), `n${MAX_TREE_DEPTH + 1}`, MAX_TREE_DEPTH + 1],
    [tree(...chain(1000)), 'n999', Infinity],
    [tree('p>q', 'q>p'), 'p', Infinity],
    [tree('p>q', 'q>r', 'r>q'), 'p', Infinity],
  ])('case %#: depth of %s is %s', (parentOf, id, expected) => expect(depthOf(parentOf, id)).toBe(expected));
});

describe('subtreeHeight', () => {
  const children = (edges: [string, string][]) => (id: string) => edges.filter(([, p]) => p === id).map(([c]) => c);
  it.each([
    [[], 'a', 0],
    [[['b', 'a'], ['c', 'a'], ['d', 'c']], 'a', 2],
    [[['b', 'a'], ['a', 'b']], 'a', 1],
  ] as [[string, string][], string, number][])('case %#', (edges, id, expected) => expect(subtreeHeight(children(edges), id)).toBe(expected));

  it('stops past the limit', () => {
    const edges = Array.from({ length: 40 }, (_, i) => [`n${i + 1}`, `n${i}`] as [string, string]);
    expect(subtreeHeight(children(edges), 'n0')).toBe(Infinity);
  });
});

describe('checkTreeBatch', () => {
  const existing = tree('root', 'xa>root', 'ap>xa');
  const rows = (...edges: string[]): TreeRow[] =>
    edges.map((e) => {
      const [id, parentId] = e.split('>');
      return { id: id!, parentId: parentId ?? null };
    });
  const deepChain = chain(MAX_TREE_DEPTH + 2, 'd');
  const cases: [string, TreeRow[], TreeProblem[]][] = [
    ['a clean batch under existing rows', rows('x1>ap', 'x2>x1', 'r2'), []],
    ['a self-parent', rows('s>s'), [{ index: 0, id: 's', kind: 'cycle' }]],
    ['a 2-cycle inside the batch', rows('a>b', 'b>a'), [{ index: 0, id: 'a', kind: 'cycle' }, { index: 1, id: 'b', kind: 'cycle' }]],
    [
      'a 3-cycle inside the batch',
      rows('a>b', 'b>c', 'c>a'),
      [0, 1, 2].map((index) => ({ index, id: 'abc'[index]!, kind: 'cycle' as const })),
    ],
    [
      'a commune moved under its own hamlet (batch edits an existing row)',
      rows('xa>ap'),
      [{ index: 0, id: 'xa', kind: 'cycle' }],
    ],
    ['a row hanging below a cycle', rows('a>b', 'b>a', 'leaf>a'), [
      { index: 0, id: 'a', kind: 'cycle' },
      { index: 1, id: 'b', kind: 'cycle' },
      { index: 2, id: 'leaf', kind: 'under-cycle' },
    ]],
    ['a duplicated id', rows('x1>ap', 'x1>root'), [{ index: 1, id: 'x1', kind: 'duplicate-id' }]],
    [
      `a chain ${MAX_TREE_DEPTH + 2} long (depth ${MAX_TREE_DEPTH + 1} at its leaf)`,
      rows(...deepChain),
      [{ index: MAX_TREE_DEPTH + 1, id: `d${MAX_TREE_DEPTH + 1}`, kind: 'too-deep', depth: MAX_TREE_DEPTH + 1 }],
    ],
    ['exactly the maximum depth', rows(...chain(MAX_TREE_DEPTH + 1, 'd')), []],
    [
      'depth counted through existing rows',
      rows(...chain(MAX_TREE_DEPTH - 1, 'e').map((e) => (e === 'e0' ? 'e0>ap' : e))),
      [{ index: MAX_TREE_DEPTH - 2, id: `e${MAX_TREE_DEPTH - 2}`, kind: 'too-deep', depth: MAX_TREE_DEPTH + 1 }],
    ],
  ];
  it.each(cases)('%s', (_name, batch, expected) => expect(checkTreeBatch(existing, batch)).toEqual(expected));

  it('stays linear on a 100,000-row chain (each depth computed once)', () => {
    let calls = 0;
    const counting = (id: string) => {
      calls++;
      return existing(id);
    };
    const long = rows(...chain(100_000, 'L'));
    const problems = checkTreeBatch(counting, long);
    expect(problems).toHaveLength(100_000 - MAX_TREE_DEPTH - 1);
    expect(calls).toBeLessThan(10);
  });
});
