import { createPrivateKey, createPublicKey } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { Login, Password, PersonName } from '../../shared/accounts.js';
import { AppError } from '../../shared/errors.js';
import type { AppContext } from '../app/context.js';
import { createAccount, recoverAdmin } from './accounts.service.js';

/**
 * The demo's administrator, known so that `npm start`, the README and the
 * tests can log in; printed wherever the demo is made. Never for real data.
 */
export const DEMO_ADMIN = { name: 'Quản trị (dữ liệu mẫu)', login: 'admin', password: 'xhht-demo', role: 'admin' } as const;

export const demoCredentialsLine = () => `Tài khoản mẫu: ${DEMO_ADMIN.login} / ${DEMO_ADMIN.password} (quản trị)`;

export async function createDemoAdmin(ctx: AppContext): Promise<void> {
  if (await ctx.db.selectFrom('accounts').select('id').where('login', '=', DEMO_ADMIN.login).executeTakeFirst()) return;
  await createAccount({ ...ctx, operation: 'demo' }, { ...DEMO_ADMIN });
}

/** The password comes from the environment, never the command line, where any user of the PC could read it in the process list. */
export const ADMIN_PASSWORD_ENV = 'XHHT_ADMIN_PASSWORD';

/** The administrator's password from the environment, checked as the login page checks it. */
export function adminPasswordFromEnv(env: NodeJS.ProcessEnv): string {
  const parsed = Password.safeParse(env[ADMIN_PASSWORD_ENV] ?? '');
  if (!parsed.success) throw new AppError('VALIDATION', `đặt mật khẩu quản trị trong biến môi trường ${ADMIN_PASSWORD_ENV} (${parsed.error.issues[0]!.message.toLowerCase()})`);
  return parsed.data;
}

/** `xhht init --admin-login L [--admin-name N]` with XHHT_ADMIN_PASSWORD set: the administrator with the office, without a prompt (CI runs it). */
export const AdminArgs = z.object({
  'admin-login': Login.optional(),
  'admin-name': PersonName.default('Quản trị'),
});

export async function createAdminFromArgs(ctx: AppContext, args: z.output<typeof AdminArgs>, env: NodeJS.ProcessEnv): Promise<string | null> {
  if (!args['admin-login']) return null;
  const account = await createAccount({ ...ctx, operation: 'init' }, { name: args['admin-name'], login: args['admin-login'], role: 'admin', password: adminPasswordFromEnv(env) });
  return account.login;
}

export const ResetAdminArgs = z.object({
  'data-dir': z.string({ message: 'thiếu --data-dir' }).min(1, 'thiếu --data-dir'),
  'key-file': z.string({ message: 'thiếu --key-file (tệp keys/office-ed25519.pem của cơ quan)' }).min(1, 'thiếu --key-file'),
  'admin-login': Login,
  'admin-name': PersonName.default('Quản trị'),
});

/**
 * Recovery of a lost administrator password. Whoever runs it must hand over
 * the office's private key file: its public half must be the one the office
 * row recorded at setup, so a copy of the database alone is not enough.
 */
export async function resetAdminWithKey(ctx: AppContext, args: z.output<typeof ResetAdminArgs>, env: NodeJS.ProcessEnv): Promise<string> {
  const password = adminPasswordFromEnv(env);
  const office = await ctx.db.selectFrom('office').select('publicKey').executeTakeFirst();
  if (!office) throw new AppError('NOT_SET_UP', 'cơ quan chưa được thiết lập: hãy mở XHHT, trang đầu tiên tạo tài khoản quản trị');
  let publicKey: string;
  try {
    publicKey = createPublicKey(createPrivateKey(readFileSync(args['key-file'], 'utf8'))).export({ format: 'der', type: 'spki' }).toString('base64');
  } catch (error) {
    throw new AppError('VALIDATION', `không đọc được khóa riêng trong ${args['key-file']} (${(error as Error).message.split('\n')[0]})`);
  }
  if (publicKey !== office.publicKey) throw new AppError('FORBIDDEN', `${args['key-file']} không phải khóa của cơ quan này; không có gì bị thay đổi`);
  const account = await recoverAdmin({ ...ctx, operation: 'reset-admin', actor: `khôi phục bằng khóa (${ctx.actor})` }, { login: args['admin-login'], name: args['admin-name'], password });
  return account.login;
}
