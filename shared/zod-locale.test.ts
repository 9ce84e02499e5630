import { z } from 'zod';
import { describe, expect, it } from 'vitest';
import './zod-locale.js';

describe('Vietnamese zod messages', () => {
  const Schema = z.object({ name: z.string(), year: z.number(), done: z.boolean(), kind: z.enum(['a', 'b']) });
  it.each([
    [{ year: 2025, done: true, kind: 'a' }, ['name'], 'Thiếu trường bắt buộc (cần văn bản)'],
    [{ name: 'x', year: '2025', done: true, kind: 'a' }, ['year'], 'Phải là số'],
    [{ name: 'x', year: 2025, done: 'có', kind: 'a' }, ['done'], 'Phải là đúng/sai'],
  ])('%j → %s', (input, path, message) => {
    const result = Schema.safeParse(input);
    expect(result.success).toBe(false);
    expect(result.error!.issues[0]).toMatchObject({ path, message });
  });

  it.each([
    ['a string over its maximum', z.string().max(5), 'quá dài', 'Tối đa 5 ký tự'],
    ['an empty required string', z.string().min(1), '', 'Không được để trống'],
    ['a string under its minimum', z.string().min(3), 'ab', 'Cần ít nhất 3 ký tự'],
    ['a number over its maximum', z.number().max(10), 11, 'Không được lớn hơn 10'],
    ['zero where positive is required', z.number().positive(), 0, 'Phải lớn hơn 0'],
    ['a fraction where an integer is required', z.number().int(), 1.5, 'Phải là số nguyên'],
    ['an integer beyond exact range', z.number().int(), 1e20, 'Số quá lớn'],
    ['a list over its maximum', z.array(z.number()).max(2), [1, 2, 3], 'Tối đa 2 mục'],
    ['an empty list where one item is required', z.array(z.number()).min(1), [], 'Cần ít nhất một mục'],
    ['text not matching a pattern', z.string().regex(/^\d+$/), 'x', 'Không đúng định dạng'],
    ['a value outside an enum', z.enum(['draft', 'active']), 'other', 'Lựa chọn không hợp lệ'],
    ['a number not a multiple', z.number().multipleOf(5), 7, 'Phải là bội số của 5'],
  ] as const)('%s → %s', (_case, schema, input, message) => {
    expect((schema as z.ZodType).safeParse(input).error!.issues[0]!.message).toBe(message);
  });

  it('words every other check in Vietnamese too', () => {
    const result = Schema.safeParse({ name: 'x', year: 1, done: true, kind: 'c' });
    expect(result.error!.issues[0]!.message).toMatch(/không hợp lệ/i);
  });
});
