import { describe, expect, it } from 'vitest';
import { newId } from './ids.js';

const UUID_V7 = /^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describe('newId', () => {
  it.each([
    [0, '00000000-0000'],
    [1, '00000000-0001'],
    [0xffff, '00000000-ffff'],
    [0x10000, '00000001-0000'],
    [Date.UTC(2026, 11, 4, 17, 0, 0, 123), (Date.UTC(2026, 11, 4, 17, 0, 0, 123)).toString(16).padStart(12, '0').replace(/^(.{8})/, '$1-')],
    [2 ** 48 - 1, 'ffffffff-ffff'],
  ])('puts the milliseconds %d in the first 48 bits', (now, prefix) => {
    const id = newId(now);
    expect(id).toMatch(UUID_V7);
    expect(id.slice(0, 13)).toBe(prefix);
  });

  it('never repeats across many pool refills, and every random hex digit varies', () => {
    const ids = Array.from({ length: 4_000 }, () => newId(1_700_000_000_000));
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id).toMatch(UUID_V7);
    const tails = ids.map((id) => id.replace(/-/g, '').slice(12));
    for (let position = 0; position < 20; position++) {
      // The version and variant digits are fixed; every other one takes many values.
      if (position === 0) continue;
      const seen = new Set(tails.map((t) => t[position]));
      expect(seen.size, `hex digit ${position + 13}`).toBeGreaterThan(position === 4 ? 3 : 15);
    }
  });

  it('sorts by time', () => {
    const a = newId(1_000_000);
    const b = newId(1_000_001);
    expect(a < b).toBe(true);
  });
});
