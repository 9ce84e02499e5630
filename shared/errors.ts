/** The closed set of failure codes that cross the boundary (IPC, HTTP, CLI). */
export type ErrorCode =
  | 'VALIDATION'
  | 'UNKNOWN_OPERATION'
  | 'NOT_FOUND'
  | 'CONFLICT'
  | 'IN_USE'
  | 'STALE'
  | 'FORBIDDEN'
  | 'UNAUTHORIZED'
  | 'NOT_SET_UP'
  | 'ALREADY_SET_UP'
  | 'IMPORT_INVALID'
  | 'DB_FROM_FUTURE'
  | 'DB_BUSY'
  | 'DB_READONLY'
  | 'DB_CORRUPT'
  | 'INTERNAL';

/** One problem with a field of the input: the form shows it beside the field, the import beside the row. */
export interface FieldIssue {
  /** Where: a field path, e.g. ['figures', 0, 'households'], or a sheet row, e.g. ['Đơn vị', 12, 'mã']. */
  path: (string | number)[];
  message: string;
}

export interface ErrorDetails {
  issues?: FieldIssue[];
  [key: string]: unknown;
}

/**
 * An expected failure caused by the user's input or data; its message is
 * Vietnamese and shown as is. Broken invariants are plain Errors and surface as INTERNAL.
 */
export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details: ErrorDetails = {},
  ) {
    super(message);
    this.name = 'AppError';
  }
}

export interface ErrorPayload {
  code: ErrorCode;
  message: string;
  details?: ErrorDetails;
}

/**
 * What crosses the boundary. A write also says which tables it changed
 * (read from its audit rows), so every page showing them refreshes at once.
 */
export type Envelope<T> = { ok: true; data: T; changed?: string[] } | { ok: false; error: ErrorPayload };

/** Joins field issues into one readable line, for the CLI and toasts. */
export function describeIssues(issues: FieldIssue[], limit = 5): string {
  const shown = issues.slice(0, limit).map((i) => (i.path.length ? `${i.path.join(' › ')}: ${i.message}` : i.message));
  const more = issues.length > limit ? `; và ${issues.length - limit} lỗi khác` : '';
  return shown.join('; ') + more;
}
