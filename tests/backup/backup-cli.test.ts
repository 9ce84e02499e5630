import Database from 'better-sqlite3';
import { createHash, randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyBackupFile } from '../../main/backup/read-backup.js';
import { dumpDatabase } from '../support/db-dump.js';
import { runChild } from '../support/kill-child.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

const root = mkdtempSync(join(tmpdir(), 'xhht-backup-cli-'));
let app: TestApp;

const cli = (args: string[], options: { env?: Record<string, string> } = {}) => runChild('main/cli/xhht.ts', args, options);

/** Each CLI run starts tsx (about 3 s on a quiet machine, 20 s on a loaded one): budgets per run, measured. */
const PER_RUN_MS = 45_000;

const sha = (path: string) => createHash('sha256').update(readFileSync(path)).digest('hex');

beforeAll(async () => {
  app = await createTestApp({ today: '2026-12-04' });
  // Enough evidence that a backup takes a while, so kills land in every phase of it.
  for (let i = 0; i < 6; i++) {
    const bytes = randomBytes(8 * 1024 * 1024);
    const hash = createHash('sha256').update(bytes).digest('hex');
    mkdirSync(join(app.dir, 'files', 'sha256', hash.slice(0, 2)), { recursive: true });
    writeFileSync(join(app.dir, 'files', 'sha256', hash.slice(0, 2), hash), bytes);
  }
});
afterAll(async () => {
  await app.close();
  rmSync(root, { recursive: true, force: true });
});

describe('xhht backup and restore', () => {
  it('a backup killed with SIGKILL at 20 random moments leaves the previous backup intact and nothing that looks complete but is not', async () => {
    const folder = join(root, 'usb');
    const out = join(folder, 'xhht-2026-12-04-080000.xhhtbak');
    // The app keeps the folder open throughout: the CLI backs up beside it.
    const first = await cli(['backup', '--data-dir', app.dir, '--out', out]);
    expect(first.code, first.stderr).toBe(0);
    expect(first.stdout).toMatch(/^Đã sao lưu 8 mục/);
    let good = sha(out);
    let completed = 0;
    // Kills are drawn within the shortest whole backup seen so far: a first run slowed by a busy machine must not push most kills past the end.
    let window = first.workMs;
    for (let trial = 0; trial < 20; trial++) {
      const trialRun = await runChild('tests/backup/backup-child.ts', [app.dir, out], { killAfter: Math.floor(Math.random() * window) });
      if (trialRun.code === 0) {
        completed++;
        window = Math.min(window, trialRun.workMs);
      } else expect(trialRun.signal, trialRun.stderr).toBe('SIGKILL');
      // Either the previous backup, untouched, or (killed after the rename) the new one, whole.
      if (sha(out) !== good) {
        await verifyBackupFile(out, null);
        good = sha(out);
      }
      const looksComplete = readdirSync(folder).filter((name) => name.endsWith('.xhhtbak'));
      expect(looksComplete).toEqual(['xhht-2026-12-04-080000.xhhtbak']);
    }
    await verifyBackupFile(out, null);
    // Most kills must land mid-backup for the test to mean anything.
    expect(completed).toBeLessThan(10);
  }, 21 * PER_RUN_MS);

  it('restores over existing data only with the app closed, keeping the previous data aside', async () => {
    const out = join(root, 'restore-source.xhhtbak');
    const passphrase = { XHHT_BACKUP_PASSPHRASE: 'mật khẩu đủ dài' };
    expect((await cli(['backup', '--data-dir', app.dir, '--out', out, '--encrypt'], { env: passphrase })).code).toBe(0);
    const target = join(root, 'office');
    const fresh = await cli(['restore', '--from', out, '--data-dir', target], { env: passphrase });
    expect(fresh.code, fresh.stderr).toBe(0);
    const busy = await createTestApp({ today: '2026-12-04' });
    const refused = await cli(['restore', '--from', out, '--data-dir', busy.dir], { env: passphrase });
    expect(refused.code).not.toBe(0);
    expect(refused.stderr).toMatch(/đang được mở|đang dùng|đang chạy/);
    await busy.ctx.close();
    const over = await cli(['restore', '--from', out, '--data-dir', busy.dir], { env: passphrase });
    expect(over.code, over.stderr).toBe(0);
    const aside = readdirSync(dirname(busy.dir)).filter((n) => n.startsWith(`${basename(busy.dir)}.`));
    expect(aside).toHaveLength(1);
    expect(aside[0]).toMatch(/\.truoc-khoi-phuc-/);
    expect(existsSync(join(dirname(busy.dir), aside[0]!, 'xhht.sqlite'))).toBe(true);
    rmSync(join(dirname(busy.dir), aside[0]!), { recursive: true, force: true });
    const restored = new Database(join(busy.dir, 'xhht.sqlite'), { readonly: true });
    expect(dumpDatabase(restored)).toBe(dumpDatabase(app.ctx.sqlite));
    restored.close();
    rmSync(busy.dir, { recursive: true, force: true });
  }, 4 * PER_RUN_MS);

  it.each([
    [['backup', '--data-dir', '/tmp'], /--out/],
    [['backup', '--data-dir', join(tmpdir(), 'khong-co-xhht'), '--out', join(tmpdir(), 'x.xhhtbak')], /không có dữ liệu XHHT/],
    [['backup', '--data-dir', '/tmp', '--out', '/tmp/x.xhhtbak', '--encrypt'], /XHHT_BACKUP_PASSPHRASE/],
    [['restore', '--data-dir', join(tmpdir(), 'moi'), '--from', join(tmpdir(), 'khong-co.xhhtbak')], /Không tìm thấy tệp sao lưu/],
  ])('%j fails with one Vietnamese line', async (args, message) => {
    const run = await cli(args as string[], { env: { XHHT_BACKUP_PASSPHRASE: '' } });
    expect(run.code).not.toBe(0);
    expect(run.stderr).toMatch(message);
    expect(existsSync(join(tmpdir(), 'moi'))).toBe(false);
  }, PER_RUN_MS);
});
