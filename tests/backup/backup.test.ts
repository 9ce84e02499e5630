import Database from 'better-sqlite3';
import { createHash, randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { restoreBackup, verifyBackupFile } from '../../main/backup/read-backup.js';
import { writeBackup } from '../../main/backup/write-backup.js';
import { MIGRATIONS } from '../../main/db/migrations/index.js';
import { AppError } from '../../shared/errors.js';
import { dumpDatabase } from '../support/db-dump.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

const root = mkdtempSync(join(tmpdir(), 'xhht-backup-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));
let app: TestApp;
const evidence: { path: string; bytes: Buffer }[] = [];

/** Puts a file in the evidence store the way the store names it: by the SHA-256 of its bytes. */
function storeEvidence(dataDir: string, bytes: Buffer): string {
  const hash = createHash('sha256').update(bytes).digest('hex');
  const dir = join(dataDir, 'files', 'sha256', hash.slice(0, 2));
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, hash), bytes);
  return join('files', 'sha256', hash.slice(0, 2), hash);
}

beforeAll(async () => {
  app = await createTestApp({ today: '2026-12-04' });
  const territory = (await app.call('units.tree', {}))[0]!;
  await app.call('units.create', { parentId: territory.id, name: 'Tân Hộ Cơ', type: 'Xã', code: '30001' });
  for (const size of [0, 10, 300_000]) {
    const bytes = randomBytes(size);
    evidence.push({ path: storeEvidence(app.dir, bytes), bytes });
  }
});
afterAll(() => app.close());

async function refusal(work: Promise<unknown>): Promise<AppError> {
  const error = await work.then(() => null, (e: unknown) => e);
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}

function snapshotOf(dir: string): string {
  const db = new Database(join(dir, 'xhht.sqlite'), { readonly: true });
  try {
    return dumpDatabase(db);
  } finally {
    db.close();
  }
}

describe('backup and restore', () => {
  it('restores the same database content, the evidence files and the key, while the app keeps the data open', async () => {
    const out = join(root, 'plain', 'a.xhhtbak');
    const written = await writeBackup({ dataDir: app.dir, outFile: out, passphrase: null, now: new Date() });
    expect(written.entries).toBe(2 + evidence.length);
    const target = join(root, 'restored-plain');
    const restored = await restoreBackup({ file: out, passphrase: null, targetDir: target });
    expect(restored.manifest.officeName).toBe('Phòng Giáo dục và Đào tạo huyện Tân Hồng');
    expect(snapshotOf(target)).toBe(dumpDatabase(app.ctx.sqlite));
    for (const e of evidence) expect(readFileSync(join(target, e.path)).equals(e.bytes)).toBe(true);
    expect(readFileSync(join(target, 'keys/office-ed25519.pem'), 'utf8')).toBe(readFileSync(join(app.dir, 'keys/office-ed25519.pem'), 'utf8'));
    expect(readdirSync(join(root, 'plain'))).toEqual(['a.xhhtbak']);
  });

  it('encrypts with a passphrase: the right one restores, a wrong or missing one is refused and writes nothing', async () => {
    const out = join(root, 'enc', 'b.xhhtbak');
    await writeBackup({ dataDir: app.dir, outFile: out, passphrase: 'mật khẩu dài', now: new Date() });
    const bytes = readFileSync(out);
    expect(bytes.includes(Buffer.from('BEGIN PRIVATE KEY'))).toBe(false);
    expect(bytes.includes(Buffer.from('SQLite format 3'))).toBe(false);
    expect((await refusal(restoreBackup({ file: out, passphrase: 'sai mật khẩu', targetDir: join(root, 'x1') }))).message).toBe('Mật khẩu sao lưu không đúng.');
    expect((await refusal(restoreBackup({ file: out, passphrase: null, targetDir: join(root, 'x2') }))).message).toMatch(/được mã hóa/);
    expect(readdirSync(root).filter((n) => n.startsWith('x') || n.includes('restoring'))).toEqual([]);
    const target = join(root, 'restored-enc');
    await restoreBackup({ file: out, passphrase: 'mật khẩu dài', targetDir: target });
    expect(snapshotOf(target)).toBe(dumpDatabase(app.ctx.sqlite));
    for (const e of evidence) expect(readFileSync(join(target, e.path)).equals(e.bytes)).toBe(true);
  });

  it.each([
    ['plain', null],
    ['encrypted', 'mật khẩu dài'],
  ])('a %s backup with one byte changed is refused', async (kind, passphrase) => {
    const out = join(root, `tamper-${kind}.xhhtbak`);
    await writeBackup({ dataDir: app.dir, outFile: out, passphrase, now: new Date() });
    const bytes = readFileSync(out);
    // A byte inside the largest evidence file, which is stored uncompressed about two thirds into the file.
    const at = Math.floor(bytes.length * 0.6);
    bytes[at] = bytes[at]! ^ 0x55;
    writeFileSync(out, bytes);
    const error = await refusal(verifyBackupFile(out, passphrase));
    expect(error.message).toMatch(/^Tệp sao lưu (hỏng|không dùng được)/);
  });

  it('refuses a backup made by a newer XHHT, and a target folder that already has data', async () => {
    const newer = join(root, 'newer-data');
    mkdirSync(newer);
    const source = new Database(join(app.dir, 'xhht.sqlite'), { readonly: true });
    await source.backup(join(newer, 'xhht.sqlite'));
    source.close();
    const future = new Database(join(newer, 'xhht.sqlite'));
    future.pragma(`user_version = ${MIGRATIONS.at(-1)!.id + 10}`);
    future.close();
    const out = join(root, 'newer.xhhtbak');
    await writeBackup({ dataDir: newer, outFile: out, passphrase: null, now: new Date() });
    const error = await refusal(restoreBackup({ file: out, passphrase: null, targetDir: join(root, 'from-future') }));
    expect(error.code).toBe('DB_FROM_FUTURE');
    expect(error.message).toMatch(/phiên bản XHHT mới hơn/);
    const occupied = await refusal(restoreBackup({ file: join(root, 'plain', 'a.xhhtbak'), passphrase: null, targetDir: app.dir }));
    expect(occupied.message).toMatch(/đã có dữ liệu/);
  });

  it('refuses a file that is not a backup', async () => {
    const fake = join(root, 'fake.xhhtbak');
    writeFileSync(fake, 'PK\u0003\u0004 not a backup');
    expect((await refusal(verifyBackupFile(fake, null))).message).toMatch(/không phải tệp sao lưu XHHT/);
  });
});
