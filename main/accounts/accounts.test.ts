import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { LOCK_MINUTES, MAX_FAILED_LOGINS, type SessionInfo } from '../../shared/accounts.js';
import { createTestApp, type TestApp } from '../../tests/support/test-app.js';
import { dispatch } from '../app/dispatch.js';
import { createAccount } from './index.js';

const PASSWORD = 'Mật-khẩu-bí-mật-9137';

let app: TestApp;
beforeEach(async () => {
  app = await createTestApp({ today: '2026-12-01' });
});
afterEach(() => app.close());

const login = (password: string) => dispatch('session.login', { login: 'nguyenan', password }, { ...app.ctx, session: null });

describe('accounts', () => {
  it('locks an account after 5 wrong passwords, refuses even the right one while locked, and lets it in afterwards', async () => {
    await createAccount(app.ctx, { name: 'Nguyễn An', login: 'nguyenan', role: 'officer', password: PASSWORD });
    for (let i = 1; i < MAX_FAILED_LOGINS; i++) {
      const wrong = await login('sai');
      expect(!wrong.ok && wrong.error.message).toBe('Tên đăng nhập hoặc mật khẩu không đúng.');
    }
    const fifth = await login('sai');
    expect(!fifth.ok && fifth.error.message).toMatch(/tạm khóa vì nhập sai mật khẩu 5 lần/);
    const right = await login(PASSWORD);
    expect(!right.ok && right.error.code).toBe('UNAUTHORIZED');
    expect(!right.ok && right.error.message).toMatch(/tạm khóa/);
    app.clock.set('2026-12-02'); // LOCK_MINUTES later and more
    expect(LOCK_MINUTES).toBeLessThan(24 * 60);
    expect((await login(PASSWORD)).ok).toBe(true);
  });

  it('an administrator reset unlocks and replaces the password', async () => {
    const account = await createAccount(app.ctx, { name: 'Nguyễn An', login: 'nguyenan', role: 'officer', password: PASSWORD });
    for (let i = 0; i < MAX_FAILED_LOGINS; i++) await login('sai');
    expect((await login(PASSWORD)).ok).toBe(false);
    await app.call('accounts.resetPassword', { id: account.id, password: 'mat-khau-moi-2026' });
    expect((await login(PASSWORD)).ok).toBe(false);
    expect((await login('mat-khau-moi-2026')).ok).toBe(true);
  });

  it('a person changes their own password with the current one: other sessions end, this one goes on', async () => {
    await createAccount(app.ctx, { name: 'Nguyễn An', login: 'nguyenan', role: 'viewer', password: PASSWORD });
    const sessionOf = async () => ((await login(PASSWORD)) as { ok: true; data: { sessionToken: string } }).data.sessionToken;
    const here = await sessionOf();
    const elsewhere = await sessionOf();
    const change = (currentPassword: string, newPassword: string) => dispatch('accounts.changeOwnPassword', { currentPassword, newPassword }, { ...app.ctx, session: here });
    const wrong = await change('sai-mat-khau', 'mat-khau-moi-2026');
    expect(!wrong.ok && wrong.error.message).toBe('Mật khẩu hiện tại không đúng; mật khẩu chưa được đổi.');
    expect((await login(PASSWORD)).ok).toBe(true);
    expect((await change(PASSWORD, 'mat-khau-moi-2026')).ok).toBe(true);
    expect((await login(PASSWORD)).ok).toBe(false);
    expect((await login('mat-khau-moi-2026')).ok).toBe(true);
    const stillHere = await dispatch('session.current', {}, { ...app.ctx, session: here });
    expect(stillHere.ok && (stillHere.data as SessionInfo).account?.login).toBe('nguyenan');
    const ended = await dispatch('session.current', {}, { ...app.ctx, session: elsewhere });
    expect(ended.ok && (ended.data as SessionInfo).account).toBeNull();
    const anonymous = await dispatch('accounts.changeOwnPassword', { currentPassword: 'mat-khau-moi-2026', newPassword: 'mat-khau-khac-2027' }, { ...app.ctx, session: null });
    expect(!anonymous.ok && anonymous.error.code).toBe('UNAUTHORIZED');
  });

  it('keeps one active administrator', async () => {
    const admin = await createAccount(app.ctx, { name: 'Quản trị', login: 'quantri', role: 'admin', password: PASSWORD });
    const refused = await app.fail('accounts.update', { id: admin.id, rev: admin.rev, name: admin.name, role: 'viewer', active: true });
    expect(refused.message).toMatch(/quản trị đang hoạt động cuối cùng/);
  });

  it('names the account in the audit of a change, and shows it in words in the record history', async () => {
    await createAccount(app.ctx, { name: 'Nguyễn An', login: 'nguyenan', role: 'officer', password: PASSWORD });
    const session = (await login(PASSWORD)) as { ok: true; data: { sessionToken: string } };
    const ctx = { ...app.ctx, session: session.data.sessionToken };
    const agency = (await app.call('agencies.list', {}))[0]!;
    const saved = await dispatch('agencies.update', { id: agency.id, rev: agency.rev, name: 'Phòng Văn hóa - Thông tin', shortName: agency.shortName, kind: agency.kind, contact: agency.contact }, ctx);
    expect(saved.ok).toBe(true);
    const row = app.ctx.sqlite.prepare('SELECT actor, operation FROM auditLog WHERE recordId = ? ORDER BY seq DESC LIMIT 1').get(agency.id);
    expect(row).toEqual({ actor: 'nguyenan', operation: 'agencies.update' });
    const [latest] = await app.call('audit.history', { recordId: agency.id });
    expect(latest).toMatchObject({ actor: 'nguyenan', actorName: 'Nguyễn An', action: 'changed', entityLabel: 'Cơ quan, đơn vị phối hợp' });
    expect(latest!.changes).toEqual([{ field: 'name', label: 'Tên', before: agency.name, after: 'Phòng Văn hóa - Thông tin' }]);
    const journal = await app.call('audit.journal', { actor: 'nguyenan' });
    expect(journal.rows.map((r) => r.recordId)).toEqual([agency.id]);
    // 01:00 on 02/03 on a Vietnamese office clock is still 01/03 in UTC: the day filter follows the office clock.
    const zone = process.env.TZ;
    process.env.TZ = 'Asia/Ho_Chi_Minh';
    try {
      app.ctx.sqlite.prepare("UPDATE auditLog SET at = '2026-03-01T18:00:00.000Z' WHERE recordId = ?").run(agency.id);
      expect((await app.call('audit.journal', { actor: 'nguyenan', from: '2026-03-02', to: '2026-03-02' })).total).toBe(1);
      expect((await app.call('audit.journal', { actor: 'nguyenan', from: '2026-03-01', to: '2026-03-01' })).total).toBe(0);
    } finally {
      if (zone === undefined) delete process.env.TZ;
      else process.env.TZ = zone;
    }
    const exported = await app.call('audit.exportJournal', { actor: 'nguyenan' });
    expect(exported.rows).toBe(1);
    expect(Buffer.from(exported.contentBase64, 'base64').subarray(0, 2).toString()).toBe('PK');
  });

  it('never writes a password in clear: not in any table of the database, not in the logs', async () => {
    const logged: string[] = [];
    const spies = (['log', 'info', 'warn', 'error', 'debug'] as const).map((level) => vi.spyOn(console, level).mockImplementation((...args: unknown[]) => void logged.push(args.map(String).join(' '))));
    try {
      const admin = await createAccount(app.ctx, { name: 'Quản trị', login: 'quantri', role: 'admin', password: PASSWORD });
      await login('Mật-khẩu-sai-5521');
      await app.call('accounts.resetPassword', { id: admin.id, password: 'Mật-khẩu-mới-7788' });
      await dispatch('session.login', { login: 'quantri', password: 'Mật-khẩu-mới-7788' }, { ...app.ctx, session: null });
    } finally {
      for (const spy of spies) spy.mockRestore();
    }
    // The `.dump` equivalent: every row of every table, read back through SQLite.
    const tables = app.ctx.sqlite.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").pluck().all() as string[];
    const dump: string[] = [];
    for (const table of tables) for (const row of app.ctx.sqlite.prepare(`SELECT * FROM "${table}"`).iterate()) dump.push(JSON.stringify(row));
    const text = dump.join('\n') + logged.join('\n');
    expect(text).toContain('quantri');
    for (const secret of [PASSWORD, 'Mật-khẩu-sai-5521', 'Mật-khẩu-mới-7788']) expect(text.includes(secret), secret).toBe(false);
    const hash = app.ctx.sqlite.prepare("SELECT passwordHash FROM accounts WHERE login = 'quantri'").pluck().get() as string;
    expect(hash).toMatch(/^scrypt\$32768\$8\$1\$[A-Za-z0-9+/=]{24}\$[A-Za-z0-9+/=]{44}$/);
  });
});
