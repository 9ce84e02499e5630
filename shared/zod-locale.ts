import { z } from 'zod';

const TYPE_NAMES: Record<string, string> = {
  string: 'văn bản',
  number: 'số',
  int: 'số nguyên',
  boolean: 'đúng/sai',
  array: 'danh sách',
  object: 'đối tượng',
  date: 'ngày',
  null: 'rỗng',
};

const vietnamese = z.locales.vi().localeError;

/**
 * Vietnamese messages for the checks a schema does not word itself (a missing
 * field, a wrong type in a template file), so no English reaches an officer.
 */
export function vietnameseErrorMap(issue: Parameters<NonNullable<typeof vietnamese>>[0]): { message: string } | string | undefined {
  if (issue.code === 'invalid_type') {
    const expected = TYPE_NAMES[String(issue.expected)] ?? String(issue.expected);
    return issue.input === undefined ? `Thiếu trường bắt buộc (cần ${expected})` : `Phải là ${expected}`;
  }
  if (issue.code === 'unrecognized_keys') return `Trường không được hỗ trợ: ${issue.keys.join(', ')}`;
  return vietnamese?.(issue) ?? undefined;
}

z.config({ localeError: vietnameseErrorMap });
