import { z } from 'zod';

/**
 * Text that XHHT stores and later prints, exports and signs. NUL cuts strings
 * short in C libraries (SQLite's FTS, PDF writers) and a lone UTF-16 surrogate
 * cannot be written as UTF-8 at all, so both are refused at the door, whether the
 * text comes from a form, a spreadsheet or a template file.
 */
// Without the u flag a regex sees UTF-16 code units, so it can find a half pair.
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

export function unsafeTextReason(text: string): string | null {
  if (text.includes('\u0000')) return 'chứa ký tự rỗng (NUL)';
  if (LONE_SURROGATE.test(text)) return 'chứa ký tự Unicode hỏng (nửa cặp thay thế)';
  return null;
}

/** A required single-line text field with the same limits wherever it is entered. */
export function boundedText(label: string, max: number, options: { min?: number; emptyMessage?: string } = {}) {
  const min = options.min ?? 1;
  return z
    .string()
    .trim()
    .min(min, min === 1 ? (options.emptyMessage ?? `${label} không được để trống`) : `${label} tối thiểu ${min} ký tự`)
    .max(max, `${label} tối đa ${max} ký tự`)
    .superRefine((text, ctx) => {
      const reason = unsafeTextReason(text);
      if (reason) ctx.addIssue({ code: 'custom', message: `${label} ${reason}` });
    });
}

/**
 * Text from a file this office did not write, kept for the record (the log of
 * bundles received): control characters (NUL included) and line breaks become
 * one space, a lone surrogate the replacement character, and the result is cut
 * to `max` characters without splitting a pair — stored whatever it held,
 * where an input form would refuse it.
 */
export function loggableText(text: string, max: number): string {
  const clean = text
    .replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '\uFFFD')
    .replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]+/g, ' ')
    .replace(/ {2,}/g, ' ')
    .trim();
  const chars = Array.from(clean);
  return chars.length <= max ? clean : `${chars.slice(0, max - 1).join('')}…`;
}
