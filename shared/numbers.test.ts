import { describe, expect, it } from 'vitest';
import { formatVietnameseNumber, parseHumanNumber, type ParsedNumber } from './numbers.js';

const n = (value: number): ParsedNumber => ({ kind: 'number', value });

describe('parseHumanNumber', () => {
  it.each<[string, ParsedNumber]>([
    ['', { kind: 'empty' }],
    ['   ', { kind: 'empty' }],
    ['1210', n(1210)],
    ['0', n(0)],
    ['-5', n(-5)],
    ['+5', n(5)],
    // vi-VN thousands and decimals
    ['1.210', n(1210)],
    ['1.210.500', n(1_210_500)],
    ['980,7', n(980.7)],
    ['0,5', n(0.5)],
    ['1.210,5', n(1210.5)],
    ['-1.210', n(-1210)],
    // plain and en-US forms that cannot be misread
    ['980.7', n(980.7)],
    ['0.500', n(0.5)],
    ['12.3456', n(12.3456)],
    ['1210.500', n(1210.5)],
    ['1,210.5', n(1210.5)],
    ['1,210,500', n(1_210_500)],
    ['12,3456', n(12.3456)],
    // digit groups separated by spaces, including the no-break spaces spreadsheets insert
    ['1 210', n(1210)],
    ['1\u00a0210\u00a0500', n(1_210_500)],
    ['1\u202f210,5', n(1210.5)],
  ])('%j → %j', (text, expected) => expect(parseHumanNumber(text)).toEqual(expected));

  it.each(['1,210', '12,345', '-1,210', '999,000'])('%j is ambiguous and names both readings', (text) => {
    const parsed = parseHumanNumber(text);
    expect(parsed.kind).toBe('ambiguous');
    expect(parsed.kind === 'ambiguous' && parsed.message).toMatch(/cách viết Việt Nam.*cách viết tiếng Anh/);
  });

  it.each(['abc', '1e3', '1.2.3', '1,2,3', '12.34.567', '1.210,5,6', '1.2,5', '1,210.5.6', '1.', '.5', ',5', '--5', '1 2', '0.210.000', 'Infinity', '0x10', '5 người'])(
    '%j is not a number',
    (text) => expect(parseHumanNumber(text).kind).toBe('invalid'),
  );

  it('keeps a decimal exact (the bug stored 980.7 as 9807)', () => {
    expect(parseHumanNumber('980,7')).toEqual(n(980.7));
    expect(parseHumanNumber('980.7')).toEqual(n(980.7));
  });
});

describe('formatVietnameseNumber', () => {
  it.each([
    [1210, '1.210'],
    [980.7, '980,7'],
    [0.1 + 0.2, '0,30000000000000004'],
    [-5, '-5'],
  ])('%d → %s', (value, text) => expect(formatVietnameseNumber(value)).toBe(text));
});
