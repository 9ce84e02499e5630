import { describe, expect, it } from 'vitest';
import { percentAfterReport, proposedStatus, statusAfterReport } from './task-progress.js';

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

describe('proposedStatus', () => {
  it.each([
    [100, null, 'done'],
    [100, 'paused', 'done'],
    [60, null, 'in_progress'],
    [60, 'done', 'in_progress'],
    [60, 'paused', 'paused'],
    [0, 'done', null],
    [null, 'paused', 'paused'],
  ] as const)('%s%% with %s chosen proposes %s', (percent, chosen, expected) => {
    expect(proposedStatus(percent, chosen)).toBe(expected);
  });
});
