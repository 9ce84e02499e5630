import { z } from 'zod';
import { mutation, query, ROLES } from './op.js';
import { RecordId } from './sync-row.js';

export const Role = z.enum(ROLES, 'Vai trò phải là Quản trị, Cán bộ hoặc Xem');

/** Login names are compared as typed lower case, so "NguyenAn" and "nguyenan" are one account. */
export const Login = z
  .string()
  .trim()
  .toLowerCase()
  .min(3, 'Tên đăng nhập cần ít nhất 3 ký tự')
  .max(40, 'Tên đăng nhập tối đa 40 ký tự')
  .regex(/^[a-z0-9._-]+$/, 'Tên đăng nhập chỉ gồm chữ không dấu, số, dấu chấm, gạch');

/** Long enough to resist guessing at 5 tries per lock; no composition rules, which push people to predictable patterns. */
export const Password = z.string().min(8, 'Mật khẩu cần ít nhất 8 ký tự').max(200, 'Mật khẩu tối đa 200 ký tự');

export const PersonName = z.string().trim().min(2, 'Họ tên cần ít nhất 2 ký tự').max(120, 'Họ tên tối đa 120 ký tự');

/** Failed logins in a row that lock an account, and for how long. */
export const MAX_FAILED_LOGINS = 5;
export const LOCK_MINUTES = 15;
/** A session nobody has used for this long ends; the next call asks for the login again. */
export const SESSION_IDLE_MINUTES = 30;

export const AccountDto = z.object({
  id: RecordId,
  name: z.string(),
  login: z.string(),
  role: Role,
  active: z.boolean(),
  /** Set while the account is locked after repeated failed logins. */
  lockedUntil: z.string().nullable(),
  lastLoginAt: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
  rev: z.number().int(),
});
export type AccountDto = z.infer<typeof AccountDto>;

export const SessionInfo = z.object({
  /** The logged-in account, or null: the app then shows the login page. */
  account: AccountDto.nullable(),
  /** No account exists yet (first run, or a database from before accounts): the app asks for the administrator. */
  needsFirstAdmin: z.boolean(),
  idleMinutes: z.number().int(),
});
export type SessionInfo = z.infer<typeof SessionInfo>;

export const LoggedIn = z.object({ sessionToken: z.string(), account: AccountDto });
export type LoggedIn = z.infer<typeof LoggedIn>;

export const NewAccountInput = z.object({ name: PersonName, login: Login, role: Role, password: Password });
export const FirstAdminInput = z.object({ name: PersonName, login: Login, password: Password });
export const ChangeOwnPasswordInput = z.object({ currentPassword: z.string().min(1, 'Hãy nhập mật khẩu hiện tại').max(200), newPassword: Password });
export const UpdateAccountInput = z.object({ id: RecordId, rev: z.number().int().min(1), name: PersonName, role: Role, active: z.boolean() });

export const accountsOps = {
  /** Who is logged in on this window or tab; open to all, since the login page needs it. */
  'session.current': query(z.object({}), SessionInfo, 'public'),
  /**
   * A query, not a mutation: a failed attempt must still be counted, and a
   * mutation's transaction would roll the count back with the refusal.
   */
  'session.login': query(z.object({ login: Login, password: z.string().min(1, 'Hãy nhập mật khẩu').max(200) }), LoggedIn, 'public'),
  'session.logout': query(z.object({}), z.object({ loggedOut: z.boolean() }), 'public'),
  /** First run: creates the administrator and logs them in; refused once any account exists. */
  'accounts.createFirstAdmin': mutation(FirstAdminInput, LoggedIn, 'public'),
  'accounts.list': query(z.object({}), z.array(AccountDto), 'admin'),
  'accounts.create': mutation(NewAccountInput, AccountDto, 'admin'),
  /** Name, role and active; refused when it would leave no active administrator. */
  'accounts.update': mutation(UpdateAccountInput, AccountDto, 'admin'),
  /** Sets a new password for a person who forgot theirs, and unlocks the account. */
  'accounts.resetPassword': mutation(z.object({ id: RecordId, password: Password }), AccountDto, 'admin'),
  /** Anyone logged in changes their own password, proving the current one; their other sessions end. */
  'accounts.changeOwnPassword': mutation(ChangeOwnPasswordInput, AccountDto, 'viewer'),
} as const;
