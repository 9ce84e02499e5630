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

  it('words every other check in Vietnamese too', () => {
    const result = Schema.safeParse({ name: 'x', year: 1, done: true, kind: 'c' });
    expect(result.error!.issues[0]!.message).toMatch(/không hợp lệ/i);
  });
});
