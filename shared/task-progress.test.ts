import { describe, expect, it } from 'vitest';
import { percentAfterReport, statusAfterReport } from './task-progress.js';

describe('statusAfterReport', () => {
  it.each([
    ['not_started', 'paused', null, 'paused'],
    ['not_started', null, 40, 'in_progress'],
    ['in_progress', null, 100, 'done'],
    ['in_progress', null, 0, 'in_progress'],
    ['not_started', 'done', 80, 'done'],
  ] as const)('%s + status %s, %s%% → %s', (current, status, percent, expected) => {
    expect(statusAfterReport(current, { status, percent })).toBe(expected);
  });
});

describe('percentAfterReport', () => {
  it.each([
    [null, null, 40, 40],
    [30, 'done', null, 100],
    [30, 'paused', null, 30],
  ] as const)('%s + status %s, %s%% → %s', (current, status, percent, expected) => {
    expect(percentAfterReport(current, { status, percent })).toBe(expected);
  });
});
