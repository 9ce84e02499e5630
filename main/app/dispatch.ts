import type { z } from 'zod';
import { contract, isOpName } from '../../shared/contract.js';
import type { OpAccess } from '../../shared/op.js';
import { AppError, type Envelope, type ErrorPayload, type FieldIssue } from '../../shared/errors.js';
import { accountOfSession, refusalFor } from '../accounts/index.js';
import type { ReadDb } from '../db/records.js';
import type { AppContext } from './context.js';
import { handlers } from './registry.js';

/**
 * The only caller of handlers. IPC, HTTP, the CLI and the tests all come
 * through here: the caller's role is checked against the op's declaration, the
 * input is validated against the contract, the handler runs, and every outcome
 * becomes an envelope — nothing throws across the boundary.
 */
export async function dispatch(op: string, raw: unknown, given: AppContext): Promise<Envelope<unknown>> {
  if (!isOpName(op)) return failure(new AppError('UNKNOWN_OPERATION', `Không có thao tác "${op}"`));
  const ctx = await withCaller(given);
  // Before anything reads the input: a refused caller learns nothing about it and changes nothing.
  const refusal = ctx.session === undefined ? null : refusalFor(ctx.account ?? null, contract[op].role);
  if (refusal) return failure(refusal);
  const parsed = contract[op].input.safeParse(raw ?? {});
  if (!parsed.success) {
    const issues = issuesOf(parsed.error);
    return failure(new AppError('VALIDATION', `Dữ liệu nhập chưa hợp lệ: ${issues[0]?.message ?? ''}`, { issues }));
  }
  try {
    const handler = handlers[op] as (input: unknown, ctx: AppContext) => Promise<unknown>;
    // A query reads; a job starts work that keeps its own transaction off this thread.
    if (contract[op].kind !== 'mutation') return { ok: true, data: await handler(parsed.data, { ...ctx, operation: op }) };
    // Every mutation is one transaction: a handler cannot forget it, and a failure writes nothing.
    return await ctx.db.transaction().execute(async (tx) => {
      const before = await lastAuditSeq(tx);
      const data = await handler(parsed.data, { ...ctx, db: tx, operation: op });
      return { ok: true as const, data, changed: await tablesAuditedSince(tx, before) };
    });
  } catch (error) {
    return failure(toAppError(error));
  }
}

/**
 * A call that came through a transport acts as the account of its session,
 * whose login the audit rows record; the process's own calls (no session
 * field at all) keep the context they were given.
 */
async function withCaller(ctx: AppContext): Promise<AppContext> {
  if (ctx.session === undefined) return ctx;
  const account = await accountOfSession(ctx, ctx.session);
  return { ...ctx, account, actor: account?.login ?? ctx.actor };
}

/** Whether a transport's caller may run something that needs `role` outside the contract (the byte routes of evidence, the desktop's file dialog). */
export async function callerMay(ctx: AppContext, role: OpAccess): Promise<AppError | null> {
  const caller = await withCaller(ctx);
  return caller.session === undefined ? null : refusalFor(caller.account ?? null, role);
}

async function lastAuditSeq(db: ReadDb): Promise<number> {
  const row = await db.selectFrom('auditLog').select((eb) => eb.fn.max('seq').as('seq')).executeTakeFirst();
  return Number(row?.seq ?? 0);
}

async function tablesAuditedSince(db: ReadDb, seq: number): Promise<string[]> {
  const rows = await db.selectFrom('auditLog').select('entity').distinct().where('seq', '>', seq).execute();
  return rows.map((r) => r.entity).sort();
}

export function issuesOf(error: z.ZodError): FieldIssue[] {
  return error.issues.map((i) => ({ path: i.path.map((p) => (typeof p === 'symbol' ? String(p) : p)), message: i.message }));
}

/** Maps any thrown value to an AppError: ours pass through, SQLite's are classified, the rest are bugs. */
export function toAppError(error: unknown): AppError {
  if (error instanceof AppError) return error;
  const code = (error as { code?: unknown })?.code;
  if (typeof code === 'string' && code.startsWith('SQLITE_')) return classifySqliteError(code, error);
  console.error('[xhht] lỗi không mong đợi:', error);
  return new AppError('INTERNAL', 'Đã xảy ra lỗi không mong đợi. Dữ liệu không bị thay đổi; hãy thử lại hoặc báo cho người quản trị.');
}

function classifySqliteError(code: string, error: unknown): AppError {
  if (code === 'SQLITE_BUSY' || code === 'SQLITE_LOCKED') {
    return new AppError('DB_BUSY', 'Cơ sở dữ liệu đang bận (có thể một cửa sổ XHHT khác đang ghi). Hãy thử lại sau giây lát.');
  }
  if (code === 'SQLITE_READONLY') return new AppError('DB_READONLY', 'Không ghi được vào thư mục dữ liệu (chỉ đọc). Hãy kiểm tra quyền ghi.');
  if (code === 'SQLITE_CORRUPT' || code === 'SQLITE_NOTADB') {
    return new AppError('DB_CORRUPT', 'Tệp dữ liệu bị hỏng. Hãy khôi phục từ bản sao lưu gần nhất.');
  }
  if (code.startsWith('SQLITE_CONSTRAINT')) {
    return new AppError('CONFLICT', 'Dữ liệu trùng hoặc tham chiếu không hợp lệ; không có gì được ghi.', { sqlite: code });
  }
  console.error('[xhht] lỗi SQLite:', error);
  return new AppError('INTERNAL', 'Lỗi cơ sở dữ liệu; dữ liệu không bị thay đổi.', { sqlite: code });
}

function failure(error: AppError): Envelope<never> {
  const payload: ErrorPayload = { code: error.code, message: error.message };
  if (Object.keys(error.details).length > 0) payload.details = error.details;
  return { ok: false, error: payload };
}
