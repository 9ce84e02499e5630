import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { afterEach, describe, expect, it } from 'vitest';
import { composeApp } from '../../main/app/compose.js';
import { dispatch } from '../../main/app/dispatch.js';
import { TAN_HONG_OFFICE } from '../support/test-app.js';

const noPrinter = { printToPdf: () => Promise.reject(new Error('no printing here')) };
const dirs: string[] = [];
function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'xhht-lock-'));
  dirs.push(dir);
  return dir;
}
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** A process that holds the folder open, started and ready. */
async function holder(dir: string) {
  const proc = spawn(process.execPath, ['--import', 'tsx', 'tests/support/hold-data-dir-child.ts', dir], { stdio: ['ignore', 'pipe', 'inherit'] });
  const exited = new Promise((resolve) => proc.once('exit', resolve));
  await Promise.race([new Promise((resolve) => createInterface({ input: proc.stdout }).once('line', resolve)), exited]);
  expect(proc.exitCode).toBeNull();
  return { pid: proc.pid!, kill: () => (proc.kill('SIGKILL'), exited) };
}

const IN_USE = /Thư mục dữ liệu .* đang được một chương trình XHHT khác sử dụng/;

describe('one process per data folder', () => {
  it('refuses a second opening of the folder in the same process, and allows it once the first is closed', async () => {
    const dir = tempDir();
    const first = await composeApp(dir, { printer: noPrinter });
    await expect(composeApp(dir, { printer: noPrinter })).rejects.toMatchObject({ code: 'DB_BUSY', message: expect.stringMatching(IN_USE), details: { pid: process.pid } });
    await first.close();
    const second = await composeApp(dir, { printer: noPrinter });
    await second.close();
  });

  it('tells a second process which process holds the folder, and frees it when that process is killed with SIGKILL', async () => {
    const dir = tempDir();
    const held = await holder(dir);
    const refused = await composeApp(dir, { printer: noPrinter }).then(
      () => null,
      (error: unknown) => error,
    );
    expect(refused).toMatchObject({ code: 'DB_BUSY', message: expect.stringMatching(new RegExp(`tiến trình số ${held.pid}`)) });
    await held.kill();
    const after = await composeApp(dir, { printer: noPrinter });
    expect((await dispatch('office.setup', TAN_HONG_OFFICE, after)).ok).toBe(true);
    await after.close();
  }, 60_000);

  it('makes a CLI command on a folder in use stop with one Vietnamese line', async () => {
    const dir = tempDir();
    const held = await holder(dir);
    try {
      const result = spawnSync(process.execPath, ['--import', 'tsx', 'main/cli/xhht.ts', 'init', '--data-dir', dir, '--office-name', TAN_HONG_OFFICE.name, '--office-code', '870', '--level', 'huyen'], { encoding: 'utf8' });
      expect(result.status).toBe(2);
      expect(result.stderr.trim().split('\n')).toHaveLength(1);
      expect(result.stderr).toMatch(IN_USE);
    } finally {
      await held.kill();
    }
  }, 60_000);
});

describe('permissions of the data folder', () => {
  it('creates the folder and keys/ for the owner only and the database files 0600, even with umask 000', async () => {
    const previous = process.umask(0);
    try {
      const dir = join(tempDir(), 'office', 'data');
      const ctx = await composeApp(dir, { printer: noPrinter });
      expect((await dispatch('office.setup', TAN_HONG_OFFICE, ctx)).ok).toBe(true);
      const mode = (...path: string[]) => statSync(join(dir, ...path)).mode & 0o777;
      expect(mode()).toBe(0o700);
      expect(mode('keys')).toBe(0o700);
      expect(mode('keys', 'office-ed25519.pem')).toBe(0o600);
      for (const file of ['xhht.sqlite', 'xhht.sqlite-wal', 'xhht.sqlite-shm', 'xhht.lock', 'xhht.lock.pid']) expect([file, mode(file)]).toEqual([file, 0o600]);
      await ctx.close();
    } finally {
      process.umask(previous);
    }
  });
});
