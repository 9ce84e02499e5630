import { describe, expect, it } from 'vitest';
import { boundedText, loggableText, unsafeTextReason } from './safe-text.js';

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

describe('loggableText', () => {
  it.each<[string, string, number, string]>([
    ['plain text stays', 'Xã Sa Rài', 50, 'Xã Sa Rài'],
    ['NUL and other control characters become a space', 'Sa\u0000Rài\u0007\u009b', 50, 'Sa Rài'],
    ['line breaks and tabs fold into one space', 'dòng 1\r\n\tdòng 2\u2028cuối', 50, 'dòng 1 dòng 2 cuối'],
    ['a lone surrogate becomes the replacement character', 'a\uD800b', 50, 'a\uFFFDb'],
    ['cut to the bound with an ellipsis', 'x'.repeat(20), 10, `${'x'.repeat(9)}…`],
    ['the cut never splits an emoji', `${'x'.repeat(8)}🏠🏠`, 10, `${'x'.repeat(8)}🏠🏠`],
    ['the cut counts an emoji as one character', `${'x'.repeat(8)}🏠🏠🏠`, 10, `${'x'.repeat(8)}🏠…`],
    ['HTML is kept as text (the page shows it as text)', '<script>alert(1)</script>', 50, '<script>alert(1)</script>'],
  ])('%s', (_name, text, max, expected) => {
    expect(loggableText(text, max)).toBe(expected);
  });
});
