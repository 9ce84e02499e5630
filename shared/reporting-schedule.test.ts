import { describe, expect, it } from 'vitest';
import { deliveryWord, groupDeliveredOn, isLate, pendingWord } from './reporting-schedule.js';

describe('report delivery words', () => {
  it.each([
    [true, 'Đã gửi', 'Chưa gửi'],
    [false, 'Đã nhận', 'Chưa nhận'],
  ] as const)('outgoing %s: "%s" / "%s"', (outgoing, done, pending) => {
    expect(deliveryWord(outgoing)).toBe(done);
    expect(pendingWord(outgoing)).toBe(pending);
  });
});

describe('isLate', () => {
  it.each<[string, string | null, boolean]>([
    ['2026-06-15', '2026-06-15', false],
    ['2026-06-15', '2026-06-16', true],
    ['2026-06-15', '2026-06-01', false],
    ['2026-06-15', null, false],
  ])('due %s, delivered %s → late %s', (due, on, late) => {
    expect(isLate(due, on)).toBe(late);
  });
});

describe('groupDeliveredOn', () => {
  it.each<[string, (string | null)[], string | null]>([
    ['every member delivered: the last day', ['2026-06-10', '2026-06-14', '2026-06-12'], '2026-06-14'],
    ['one missing: not delivered', ['2026-06-10', null], null],
    ['no members: not delivered', [], null],
  ])('%s', (_name, days, expected) => {
    expect(groupDeliveredOn(days)).toBe(expected);
  });
});
