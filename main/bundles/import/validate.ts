import { z } from 'zod';
import { unsafeTextReason } from '../../../shared/safe-text.js';
import '../../../shared/zod-locale.js';
import type { ColumnInfo, Row } from '../travel.js';

/**
 * The schema a record of one table must pass, built from the columns this
 * database has: the sync columns exactly, every other column by its SQLite
 * type, text bounded and free of NUL, broken Unicode and HTML tags. A column
 * this office does not know is refused; one the sender does not have (an
 * older XHHT, or personal data left out) may be absent when it can be NULL
 * or has a default.
 */

/** Longer than any text XHHT writes (a criteria set's JSON definition is the largest, tens of kB). */
export const MAX_TEXT_CHARS = 200_000;
/** Ids are UUIDv7 here, but older rows and other offices may carry any short token; bounded either way. */
const Id = z.string().min(1).max(64).regex(/^[A-Za-z0-9._:-]+$/, 'mã bản ghi chứa ký tự không hợp lệ');
const Instant = z.string().regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,6})?Z$/, 'không phải thời điểm ISO (UTC)');
/** A tag: "<script", "</b", "<img …>"; a lone "<" in "điểm < 5" is text. */
const HTML_TAG = /<\s*\/?\s*[A-Za-z!][^<>]*>/;

const SYNC_SCHEMAS: Record<string, z.ZodType> = {
  id: Id,
  originOfficeId: Id,
  createdAt: Instant,
  updatedAt: Instant,
  rev: z.number().int().min(1).max(Number.MAX_SAFE_INTEGER),
  deletedAt: Instant.nullable(),
};

const Text = z
  .string()
  .max(MAX_TEXT_CHARS, `dài quá ${MAX_TEXT_CHARS.toLocaleString('vi-VN')} ký tự`)
  .superRefine((text, ctx) => {
    const reason = unsafeTextReason(text) ?? (HTML_TAG.test(text) ? 'chứa thẻ HTML' : null);
    if (reason) ctx.addIssue({ code: 'custom', message: reason });
  });

function columnSchema(column: ColumnInfo): z.ZodType {
  const sync = SYNC_SCHEMAS[column.name];
  if (sync) return sync;
  const base = column.type === 'integer' ? z.number().int().min(Number.MIN_SAFE_INTEGER).max(Number.MAX_SAFE_INTEGER) : column.type === 'real' ? z.number() : Text;
  const nullable = column.notNull ? base : base.nullable();
  return column.notNull && !column.hasDefault ? nullable : nullable.optional();
}

export type RecordCheck = { ok: true; row: Row } | { ok: false; message: string };

export function recordValidator(columns: readonly ColumnInfo[]): (value: unknown) => RecordCheck {
  const schema = z.strictObject(Object.fromEntries(columns.map((c) => [c.name, columnSchema(c)])));
  return (value) => {
    const parsed = schema.safeParse(value);
    if (parsed.success) return { ok: true, row: parsed.data as Row };
    const issue = parsed.error.issues[0]!;
    if (issue.code === 'unrecognized_keys') return { ok: false, message: `có cột lạ ${issue.keys.map((k) => `"${k.slice(0, 40)}"`).join(', ')}` };
    const column = issue.path.length ? `cột "${String(issue.path[0])}": ` : '';
    return { ok: false, message: `${column}${issue.message}` };
  };
}

/** One line of a records file: a JSON object, or why not. */
export function parseRecordLine(line: string): { ok: true; value: unknown } | { ok: false; message: string } {
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch {
    return { ok: false, message: 'không phải JSON hợp lệ' };
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return { ok: false, message: 'không phải một đối tượng JSON' };
  return { ok: true, value };
}
