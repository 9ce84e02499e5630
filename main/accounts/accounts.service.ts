import type { z } from 'zod';
import { LOCK_MINUTES, MAX_FAILED_LOGINS, SESSION_IDLE_MINUTES, type AccountDto, type ChangeOwnPasswordInput, type FirstAdminInput, type LoggedIn, type NewAccountInput, type SessionInfo, type UpdateAccountInput } from '../../shared/accounts.js';
import { AppError } from '../../shared/errors.js';
import { ROLE_LABELS, roleAllows, type OpAccess, type Role } from '../../shared/op.js';
import type { AppContext, CallerAccount } from '../app/context.js';
import { newId } from '../db/ids.js';
import { assertRevision, inTransaction, writeAudit, type ReadDb, type Tx } from '../db/records.js';
import type { AccountsTable } from './accounts.tables.js';
import { decoyHash, hashPassword, verifyPassword } from './passwords.js';
import { closeSession, closeSessionsOf, openSession, touchSession } from './sessions.js';

export function toAccountDto(row: AccountsTable): AccountDto {
  return {
    id: row.id,
    name: row.name,
    login: row.login,
    role: row.role,
    active: row.active === 1,
    lockedUntil: row.lockedUntil,
    lastLoginAt: row.lastLoginAt,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
    rev: row.rev,
  };
}

/** What an audit row keeps of an account: never the hash, nor the lock counters that change at every login. */
const audited = (row: AccountsTable) => ({ id: row.id, name: row.name, login: row.login, role: row.role, active: row.active === 1 });

const countAccounts = async (db: ReadDb) => Number((await db.selectFrom('accounts').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);

// ---------------------------------------------------------------- sessions

/**
 * The account behind a transport's session token, read afresh at every call
 * so a role change or a deactivation takes effect at once.
 */
export async function accountOfSession(ctx: AppContext, token: string | null): Promise<CallerAccount | null> {
  if (!token) return null;
  const accountId = touchSession(ctx.sqlite, token, ctx.clock.now().getTime());
  if (!accountId) return null;
  const row = await ctx.db.selectFrom('accounts').select(['id', 'login', 'name', 'role', 'active']).where('id', '=', accountId).executeTakeFirst();
  if (!row || row.active !== 1) {
    closeSession(ctx.sqlite, token);
    return null;
  }
  return { id: row.id, login: row.login, name: row.name, role: row.role };
}

/** Why a caller may not run an op that needs `needs`, or null when they may. */
export function refusalFor(account: CallerAccount | null, needs: OpAccess): AppError | null {
  if (roleAllows(account?.role ?? null, needs)) return null;
  if (!account) return new AppError('UNAUTHORIZED', 'Bạn chưa đăng nhập hoặc phiên làm việc đã hết hạn. Hãy đăng nhập lại.');
  return new AppError(
    'FORBIDDEN',
    `Tài khoản ${account.login} (vai trò ${ROLE_LABELS[account.role]}) không được làm việc này: cần vai trò ${ROLE_LABELS[needs as Role]}. Không có gì bị thay đổi.`,
    { needs, role: account.role },
  );
}

export async function currentSession(ctx: AppContext): Promise<SessionInfo> {
  const row = ctx.account ? await ctx.db.selectFrom('accounts').selectAll().where('id', '=', ctx.account.id).executeTakeFirst() : undefined;
  return { account: row ? toAccountDto(row) : null, needsFirstAdmin: (await countAccounts(ctx.db)) === 0, idleMinutes: SESSION_IDLE_MINUTES };
}

const WRONG = 'Tên đăng nhập hoặc mật khẩu không đúng.';

const lockedMessage = (until: string) =>
  `Tài khoản tạm khóa vì nhập sai mật khẩu ${MAX_FAILED_LOGINS} lần liên tiếp; hãy thử lại sau ${until.slice(11, 16)} (giờ UTC) hoặc nhờ người quản trị đặt lại mật khẩu.`;

/**
 * Checks a login, counting failures: the 5th wrong password in a row locks the
 * account for LOCK_MINUTES, during which even the right one is refused. Each
 * count is written at once (a query op runs in no transaction), so a refusal still leaves its mark.
 */
export async function logIn(ctx: AppContext, input: { login: string; password: string }): Promise<LoggedIn> {
  const row = await ctx.db.selectFrom('accounts').selectAll().where('login', '=', input.login).executeTakeFirst();
  if (!row) {
    await verifyPassword(input.password, await decoyHash());
    throw new AppError('UNAUTHORIZED', WRONG);
  }
  const now = ctx.clock.now();
  if (row.lockedUntil && row.lockedUntil > now.toISOString()) throw new AppError('UNAUTHORIZED', lockedMessage(row.lockedUntil));
  const matches = await verifyPassword(input.password, row.passwordHash);
  if (!matches) {
    const failed = row.failedLogins + 1;
    const lockedUntil = failed >= MAX_FAILED_LOGINS ? new Date(now.getTime() + LOCK_MINUTES * 60_000).toISOString() : null;
    await ctx.db.updateTable('accounts').set({ failedLogins: lockedUntil ? 0 : failed, lockedUntil }).where('id', '=', row.id).execute();
    throw new AppError('UNAUTHORIZED', lockedUntil ? lockedMessage(lockedUntil) : WRONG);
  }
  if (row.active !== 1) throw new AppError('UNAUTHORIZED', 'Tài khoản này đã ngừng hoạt động. Hãy liên hệ người quản trị.');
  const changes = { failedLogins: 0, lockedUntil: null, lastLoginAt: now.toISOString() };
  await ctx.db.updateTable('accounts').set(changes).where('id', '=', row.id).execute();
  return { sessionToken: openSession(ctx.sqlite, row.id, now.getTime()), account: toAccountDto({ ...row, ...changes }) };
}

export function logOut(ctx: AppContext): { loggedOut: boolean } {
  return { loggedOut: ctx.session ? closeSession(ctx.sqlite, ctx.session) : false };
}

// ---------------------------------------------------------------- accounts

export async function listAccounts(db: ReadDb): Promise<AccountDto[]> {
  return (await db.selectFrom('accounts').selectAll().orderBy('active', 'desc').orderBy('name').execute()).map(toAccountDto);
}

async function insertAccount(tx: Tx, ctx: AppContext, input: { name: string; login: string; role: Role; password: string }): Promise<AccountsTable> {
  if (await tx.selectFrom('accounts').select('id').where('login', '=', input.login).executeTakeFirst()) {
    throw new AppError('CONFLICT', `Tên đăng nhập "${input.login}" đã có người dùng; hãy chọn tên khác.`, { issues: [{ path: ['login'], message: 'Tên đăng nhập đã có người dùng' }] });
  }
  const now = ctx.clock.now().toISOString();
  const row: AccountsTable = {
    id: newId(ctx.clock.now().getTime()),
    name: input.name,
    login: input.login,
    role: input.role,
    active: 1,
    passwordHash: await hashPassword(input.password),
    failedLogins: 0,
    lockedUntil: null,
    lastLoginAt: null,
    createdAt: now,
    updatedAt: now,
    rev: 1,
  };
  await tx.insertInto('accounts').values(row).execute();
  await writeAudit(tx, ctx, { entity: 'accounts', recordId: row.id, before: null, after: audited(row) });
  return row;
}

/** First run: the administrator, created only while no account exists, and logged in at once. */
export async function createFirstAdmin(ctx: AppContext, input: z.output<typeof FirstAdminInput>): Promise<LoggedIn> {
  return inTransaction(ctx, async (tx) => {
    if ((await countAccounts(tx)) > 0) throw new AppError('ALREADY_SET_UP', 'Đã có tài khoản quản trị; hãy đăng nhập.');
    const row = await insertAccount(tx, { ...ctx, actor: input.login }, { ...input, role: 'admin' });
    return { sessionToken: openSession(ctx.sqlite, row.id, ctx.clock.now().getTime()), account: toAccountDto(row) };
  });
}

export async function createAccount(ctx: AppContext, input: z.output<typeof NewAccountInput>): Promise<AccountDto> {
  return inTransaction(ctx, async (tx) => toAccountDto(await insertAccount(tx, ctx, input)));
}

async function loadAccount(db: ReadDb, id: string): Promise<AccountsTable> {
  const row = await db.selectFrom('accounts').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) throw new AppError('NOT_FOUND', 'Không tìm thấy tài khoản (có thể đã bị xóa ở nơi khác).');
  return row;
}

async function saveAccount(tx: Tx, ctx: AppContext, before: AccountsTable, changes: Partial<AccountsTable>): Promise<AccountsTable> {
  const after: AccountsTable = { ...before, ...changes, updatedAt: ctx.clock.now().toISOString(), rev: before.rev + 1 };
  await tx.updateTable('accounts').set({ ...changes, updatedAt: after.updatedAt, rev: after.rev }).where('id', '=', before.id).execute();
  await writeAudit(tx, ctx, { entity: 'accounts', recordId: before.id, before: audited(before), after: audited(after) });
  return after;
}

/** An office must keep one active administrator, or nobody could manage accounts again without the key file. */
async function assertAnotherActiveAdmin(tx: Tx, id: string): Promise<void> {
  const others = await tx.selectFrom('accounts').select('id').where('role', '=', 'admin').where('active', '=', 1).where('id', '!=', id).executeTakeFirst();
  if (!others) throw new AppError('CONFLICT', 'Đây là tài khoản quản trị đang hoạt động cuối cùng; hãy cấp quyền quản trị cho người khác trước.');
}

export async function updateAccount(ctx: AppContext, input: z.output<typeof UpdateAccountInput>): Promise<AccountDto> {
  return inTransaction(ctx, async (tx) => {
    const before = await loadAccount(tx, input.id);
    assertRevision(before, input.rev, `Tài khoản ${before.login}`);
    const active = input.active ? 1 : 0;
    if (before.role === 'admin' && before.active === 1 && (input.role !== 'admin' || active === 0)) await assertAnotherActiveAdmin(tx, before.id);
    if (before.name === input.name && before.role === input.role && before.active === active) return toAccountDto(before);
    const after = await saveAccount(tx, ctx, before, { name: input.name, role: input.role, active });
    if (active === 0) closeSessionsOf(ctx.sqlite, before.id);
    return toAccountDto(after);
  });
}

/** An administrator sets a new password for someone who forgot theirs: it unlocks the account and ends its sessions. */
export async function resetPassword(ctx: AppContext, input: { id: string; password: string }): Promise<AccountDto> {
  return inTransaction(ctx, async (tx) => {
    const before = await loadAccount(tx, input.id);
    const after = await saveAccount(tx, ctx, before, { passwordHash: await hashPassword(input.password), failedLogins: 0, lockedUntil: null });
    closeSessionsOf(ctx.sqlite, before.id);
    return toAccountDto(after);
  });
}

/**
 * A person changes their own password. The current one must be given, so a
 * session left open on an office PC cannot be used to take the account; the
 * other sessions of the account end, this one goes on.
 */
export async function changeOwnPassword(ctx: AppContext, input: z.output<typeof ChangeOwnPasswordInput>): Promise<AccountDto> {
  if (!ctx.account) throw new AppError('UNAUTHORIZED', 'Bạn chưa đăng nhập hoặc phiên làm việc đã hết hạn. Hãy đăng nhập lại.');
  const accountId = ctx.account.id;
  return inTransaction(ctx, async (tx) => {
    const before = await loadAccount(tx, accountId);
    if (!(await verifyPassword(input.currentPassword, before.passwordHash))) {
      throw new AppError('VALIDATION', 'Mật khẩu hiện tại không đúng; mật khẩu chưa được đổi.', { issues: [{ path: ['currentPassword'], message: 'Mật khẩu hiện tại không đúng' }] });
    }
    if (input.newPassword === input.currentPassword) {
      throw new AppError('VALIDATION', 'Mật khẩu mới trùng mật khẩu hiện tại.', { issues: [{ path: ['newPassword'], message: 'Hãy chọn mật khẩu khác mật khẩu hiện tại' }] });
    }
    const after = await saveAccount(tx, ctx, before, { passwordHash: await hashPassword(input.newPassword) });
    closeSessionsOf(ctx.sqlite, before.id, ctx.session ?? null);
    return toAccountDto(after);
  });
}

/**
 * Recovery of a lost administrator password, from the command line, by
 * someone holding the office's key file: the account named gets the password
 * and the administrator role (and is created when it does not exist).
 */
export async function recoverAdmin(ctx: AppContext, input: { login: string; name: string; password: string }): Promise<AccountDto> {
  return inTransaction(ctx, async (tx) => {
    const before = await tx.selectFrom('accounts').selectAll().where('login', '=', input.login).executeTakeFirst();
    if (!before) return toAccountDto(await insertAccount(tx, ctx, { ...input, role: 'admin' }));
    const after = await saveAccount(tx, ctx, before, { role: 'admin', active: 1, passwordHash: await hashPassword(input.password), failedLogins: 0, lockedUntil: null });
    closeSessionsOf(ctx.sqlite, before.id);
    return toAccountDto(after);
  });
}
