import { describe, expect, it } from 'vitest';
import type { TaskStatus } from './plan-model.js';
import { headingIds, headingStatuses, inOutlineOrder, outlineNumbers, rollUpStatus, type OutlineNode } from './task-outline.js';

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

describe('headings', () => {
  const t = (id: string, parentId: string | null, status: TaskStatus) => ({ id, parentId, status });
  // I. › 1. › (a, b, c) and I. › 2 (a leaf); II. a leaf at the top.
  const outline = [t('I', null, 'done'), t('1', 'I', 'done'), t('a', '1', 'done'), t('b', '1', 'not_started'), t('c', '1', 'not_started'), t('2', 'I', 'done'), t('II', null, 'in_progress')];

  it('counts only items with items under them as headings', () => {
    expect([...headingIds(outline)].sort()).toEqual(['1', 'I']);
  });

  it('rolls a heading up from its children, never "Hoàn thành" over undone work', () => {
    expect(Object.fromEntries(headingStatuses(outline))).toEqual({ I: 'in_progress', '1': 'in_progress' });
  });

  it.each<[TaskStatus[], TaskStatus]>([
    [['done', 'done'], 'done'],
    [['done', 'not_started'], 'in_progress'],
    [['not_started', 'not_started'], 'not_started'],
    [['paused', 'paused'], 'paused'],
    [['paused', 'not_started'], 'in_progress'],
    [[], 'not_started'],
  ])('%j → %s', (children, expected) => {
    expect(rollUpStatus(children)).toBe(expected);
  });

  it('survives a parent cycle in bad data', () => {
    expect(headingStatuses([t('a', 'b', 'done'), t('b', 'a', 'not_started')]).size).toBe(2);
  });
});
