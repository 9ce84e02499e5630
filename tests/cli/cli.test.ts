import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { afterEach, describe, expect, it } from 'vitest';

const CLI = ['--import', 'tsx', 'main/cli/xhht.ts'];
const dirs: string[] = [];
function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'xhht-cli-'));
  dirs.push(dir);
  return dir;
}
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function xhht(...args: string[]) {
  return xhhtWith({}, ...args);
}

function xhhtWith(env: Record<string, string>, ...args: string[]) {
  const result = spawnSync(process.execPath, [...CLI, ...args], { encoding: 'utf8', env: { ...process.env, ...env } });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

const INIT = ['--office-name', 'Phòng GD&ĐT huyện Tân Hồng', '--office-code', '870', '--level', 'huyen'];

// Each CLI start under tsx took up to 25 s on a busy 2-core machine; tests here start two or three.
describe('xhht CLI', { timeout: 120_000 }, () => {
  it('init sets up the office non-interactively and exits 0', () => {
    const dir = tempDir();
    const result = xhht('init', '--data-dir', dir, ...INIT);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('Đã thiết lập Phòng GD&ĐT huyện Tân Hồng');
    expect(existsSync(join(dir, 'xhht.sqlite'))).toBe(true);
    expect(existsSync(join(dir, 'keys', 'office-ed25519.pem'))).toBe(true);
  });

  it.each([
    [['init', '--data-dir', 'X', '--office-code', '870', '--level', 'huyen'], /--office-name/],
    [['init', '--data-dir', 'X', ...INIT.slice(0, 4), '--level', 'quan'], /--level/],
    [['frobnicate'], /không có lệnh "frobnicate"/],
    [['serve', '--data-dir', 'X', '--port', 'abc'], /--port/],
    [['init', '--bogus'], /tùy chọn không hợp lệ/],
  ])('%j fails with one line on stderr and a non-zero code', (args, reason) => {
    const result = xhht(...args);
    expect(result.code).not.toBe(0);
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
    expect(result.stderr).toMatch(reason);
  });

  it('init makes the administrator and reset-admin recovers it with the key file, passwords from the environment only', async () => {
    const dir = tempDir();
    expect(xhhtWith({ XHHT_ADMIN_PASSWORD: 'ngắn' }, 'init', '--data-dir', dir, ...INIT, '--admin-login', 'quantri').stderr).toMatch(/XHHT_ADMIN_PASSWORD \(mật khẩu cần ít nhất 8 ký tự\)/);
    const fresh = tempDir();
    const made = xhhtWith({ XHHT_ADMIN_PASSWORD: 'mat-khau-ban-dau' }, 'init', '--data-dir', fresh, ...INIT, '--admin-login', 'quantri');
    expect(made.stderr).toBe('');
    expect(made.stdout).toContain('Đã tạo tài khoản quản trị quantri');
    expect(xhht('reset-admin', '--data-dir', fresh, '--key-file', join(fresh, 'keys', 'office-ed25519.pem'), '--admin-login', 'quantri', '--admin-password', 'lo-ra-ngoai').stderr).toMatch(/tùy chọn không hợp lệ/);
    const reset = xhhtWith({ XHHT_ADMIN_PASSWORD: 'mat-khau-moi-2027' }, 'reset-admin', '--data-dir', fresh, '--key-file', join(fresh, 'keys', 'office-ed25519.pem'), '--admin-login', 'quantri');
    expect(reset.stderr).toBe('');
    expect(reset.code).toBe(0);
    const { composeApp } = await import('../../main/app/compose.js');
    const { dispatch } = await import('../../main/app/dispatch.js');
    const ctx = await composeApp(fresh);
    try {
      const logIn = (password: string) => dispatch('session.login', { login: 'quantri', password }, { ...ctx, session: null });
      expect((await logIn('mat-khau-ban-dau')).ok).toBe(false);
      expect((await logIn('mat-khau-moi-2027')).ok).toBe(true);
    } finally {
      await ctx.close();
    }
    // Four CLI starts: about 100 s at load 30 on the 2-core machine.
  }, 300_000);

  it('refuses to init twice', () => {
    const dir = tempDir();
    xhht('init', '--data-dir', dir, ...INIT);
    const again = xhht('init', '--data-dir', dir, ...INIT);
    expect(again.code).not.toBe(0);
    expect(again.stderr).toMatch(/đã được thiết lập/);
  });

  it('--help lists the commands', () => {
    const result = xhht('--help');
    expect(result.code).toBe(0);
    for (const command of ['init', 'demo', 'serve']) expect(result.stdout).toContain(command);
  });

  it('serve prints exactly one line with the URL and answers 401 without the token', async () => {
    const dir = tempDir();
    xhht('init', '--data-dir', dir, ...INIT);
    const child = spawn(process.execPath, [...CLI, 'serve', '--data-dir', dir, '--port', '0'], { stdio: ['ignore', 'pipe', 'pipe'] });
    try {
      const lines = createInterface({ input: child.stdout });
      let stderr = '';
      child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
      // serve exits at once when it cannot start (no built renderer, say): fail with its reason then, not at the test timeout.
      const first = await new Promise<string>((resolve, reject) => {
        lines.once('line', resolve);
        child.once('close', (code) => reject(new Error(`serve exited with ${code} before printing its URL: ${stderr.trim()}`)));
      });
      const match = /^XHHT listening at (http:\/\/127\.0\.0\.1:(\d+)\/)#token=([A-Za-z0-9_-]+)$/.exec(first);
      expect(match).not.toBeNull();
      const response = await fetch(`${match![1]}api/units.create`, { method: 'POST', body: '{}' });
      expect(response.status).toBe(401);
      const page = await fetch(match![1]!);
      expect(page.status).toBe(200);
    } finally {
      child.kill('SIGTERM');
    }
  });
});
