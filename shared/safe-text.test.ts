import { describe, expect, it } from 'vitest';
import { boundedText, unsafeTextReason } from './safe-text.js';

describe('unsafeTextReason', () => {
  it.each<[string, string, RegExp | null]>([
    ['plain Vietnamese', 'Ấp Gò Chòi', null],
    ['an emoji (a whole surrogate pair)', 'Khóm 1 🏠', null],
    ['tabs and new lines', 'a\tb\nc', null],
    ['NUL', 'Sa\u0000Rài', /NUL/],
    ['a lone high surrogate', 'Sa Rài \uD83C', /nửa cặp/],
    ['a lone low surrogate', '\uDFE0 Sa Rài', /nửa cặp/],
    ['a reversed pair', '\uDFE0\uD83C', /nửa cặp/],
  ])('%s', (_name, text, expected) => {
    const reason = unsafeTextReason(text);
    if (expected === null) expect(reason).toBeNull();
    else expect(reason).toMatch(expected);
  });
});

describe('boundedText', () => {
  const name = boundedText('Tên đơn vị', 10);
  it.each<[string, string | null]>([
    ['  Sa Rài ', null],
    ['', 'Tên đơn vị không được để trống'],
    ['x'.repeat(11), 'Tên đơn vị tối đa 10 ký tự'],
    ['a\u0000b', 'Tên đơn vị chứa ký tự rỗng (NUL)'],
    ['a\uD800', 'Tên đơn vị chứa ký tự Unicode hỏng (nửa cặp thay thế)'],
  ])('%j', (text, message) => {
    const parsed = name.safeParse(text);
    if (message === null) expect(parsed).toMatchObject({ success: true, data: text.trim() });
    else expect(parsed.error?.issues.map((i) => i.message)).toContain(message);
  });
});
