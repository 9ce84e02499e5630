import { describe, expect, it } from 'vitest';
import { inOutlineOrder, outlineNumbers, type OutlineNode } from './task-outline.js';

const node = (id: string, parentId: string | null, position: number, number: string): OutlineNode => ({ id, parentId, position, number });

describe('outlineNumbers', () => {
  const tasks = [
    node('ii', null, 0, 'II'),
    node('ii-3', 'ii', 2, '3'),
    node('ii-3-a', 'ii-3', 0, 'a)'),
    node('ii-3-b', 'ii-3', 1, '-'),
    node('ii-3-c', 'ii-3', 2, '-'),
    node('ii-3-1', 'ii-3', 3, '3.1'),
    node('p', null, 1, ''),
  ];
  it.each([
    ['ii', 'II'],
    ['ii-3', 'II › 3'],
    ['ii-3-a', 'II › 3 › a)'],
    ['ii-3-b', 'II › 3 › (2)'],
    ['ii-3-c', 'II › 3 › (3)'],
    ['ii-3-1', 'II › 3 › 3.1'],
    ['p', '(2)'],
  ])('numbers %s as %s', (id, expected) => {
    expect(outlineNumbers(tasks).get(id)).toBe(expected);
  });
  it('survives a parent cycle in bad data', () => {
    expect(outlineNumbers([node('a', 'b', 0, '1'), node('b', 'a', 0, '2')]).get('a')).toBe('2 › 1');
  });
});

describe('inOutlineOrder', () => {
  it('puts parents before children and siblings by position', () => {
    const ordered = inOutlineOrder([node('b', null, 1, '2'), node('a1', 'a', 0, 'a)'), node('a', null, 0, '1')]);
    expect(ordered.map((n) => n.id)).toEqual(['a', 'a1', 'b']);
  });
});
