import { describe, expect, it } from 'vitest';
import { formatFingerprint, registerNumberLabel, TITLE_REGISTER_CODES } from './certificates.js';

describe('register numbers', () => {
  it.each([
    [1, 2025, 'cong_dan', '1/2025/CDHT'],
    [12, 2026, 'gia_dinh', '12/2026/GDHT'],
    [305, 2026, 'dong_ho', '305/2026/DHHT'],
    [7, 2027, 'cong_dong', '7/2027/CDAP'],
    [2, 2027, 'cong_dong_xa', '2/2027/CDXA'],
    [40, 2030, 'don_vi', '40/2030/DVHT'],
  ] as const)('%i of %i, %s → %s', (seq, year, title, label) => {
    expect(registerNumberLabel(seq, year, title)).toBe(label);
  });

  it('gives every title its own code, so two registers never print the same number', () => {
    const codes = Object.values(TITLE_REGISTER_CODES);
    expect(new Set(codes).size).toBe(codes.length);
  });
});

describe('fingerprints', () => {
  it.each([
    ['a406ad224fc68e31', 'A406 AD22 4FC6 8E31'],
    ['abc', 'ABC'],
    ['', ''],
  ])('%j → %j', (hex, shown) => {
    expect(formatFingerprint(hex)).toBe(shown);
  });
});
