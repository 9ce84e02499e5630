import Database from 'better-sqlite3';
import { spawnSync } from 'node:child_process';
import { generateKeyPairSync, sign } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signWithOfficeKey } from '../../main/office/index.js';
import { dumpDatabase } from '../support/db-dump.js';
import { makeBadBundles, syntheticBase } from './bad-bundles.js';

const CLI = ['--import', 'tsx', 'main/cli/xhht.ts'];
const xhht = (...args: string[]) => {
  const result = spawnSync(process.execPath, [...CLI, ...args], { encoding: 'utf8' });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
};

// Each case starts the CLI under tsx: 20–25 s per start on the shared 2-core machine under load.
const PER_SPAWN = 60_000;
const root = mkdtempSync(join(tmpdir(), 'xhht-cli-bundle-'));
const dataDir = join(root, 'office');
const corpus = join(root, 'corpus');
const file = (name: string) => join(corpus, `${name}.xhht`);

beforeAll(async () => {
  expect(xhht('init', '--data-dir', dataDir, '--office-name', 'Phòng GD&ĐT huyện Tân Hồng', '--office-code', '870', '--level', 'huyen').code).toBe(0);
  const sqlite = new Database(join(dataDir, 'xhht.sqlite'), { readonly: true });
  const office = sqlite.prepare('SELECT id, code, name, publicKey FROM office').get() as { id: string; code: string; name: string; publicKey: string };
  sqlite.close();
  const other = generateKeyPairSync('ed25519');
  await makeBadBundles(
    corpus,
    syntheticBase(
      { id: office.id, code: office.code, name: office.name },
      { publicKeyPem: office.publicKey, sign: (data) => signWithOfficeKey(dataDir, data) },
      { publicKeyPem: other.publicKey.export({ format: 'pem', type: 'spki' }) as string, sign: (data) => sign(null, data, other.privateKey) },
    ),
  );
}, 2 * PER_SPAWN);
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('xhht verify-bundle', () => {
  it('without --data-dir checks structure and signature, says trust was not checked, exits 0', () => {
    const result = xhht('verify-bundle', file('valid'));
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^HỢP LỆ\n/);
    expect(result.stdout).toContain('✓ Mã băm từng tệp');
    expect(result.stdout).toContain('✓ Chữ ký Ed25519');
    expect(result.stdout).not.toContain('Người gửi tin cậy');
    expect(result.stdout).toContain('Tin cậy:    chưa kiểm tra (không có --data-dir)');
    expect(result.stdout).toMatch(/Dấu vân tay: ([0-9A-F]{4} ){15}[0-9A-F]{4}\n/);
  }, PER_SPAWN);

  it('with --data-dir a bundle signed by the office itself is trusted', () => {
    const result = xhht('verify-bundle', '--data-dir', dataDir, file('valid'));
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('✓ Người gửi tin cậy');
    expect(result.stdout).toContain('Tin cậy:    có');
  }, PER_SPAWN);

  it('an unknown sender exits 1 with its fingerprint on stderr', () => {
    const result = xhht('verify-bundle', '--data-dir', dataDir, file('unknown-key'));
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(/^KHÔNG HỢP LỆ: /);
    expect(result.stdout).toContain('✗ Người gửi tin cậy');
    expect(result.stderr).toMatch(/xhht: Gói dữ liệu bị từ chối: .*chưa có trong danh sách tin cậy \(dấu vân tay ([0-9A-F]{4} ){15}[0-9A-F]{4}\)/);
  }, PER_SPAWN);

  it('a zip bomb exits 1, naming the entry; later checks are marked not run', () => {
    const result = xhht('verify-bundle', file('zip-bomb-ratio'));
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(/✗ Tệp zip an toàn \(tên, liên kết, kích thước, bom zip\): phần "data\/files\/[0-9a-f]{64}" nén [\d.]+ lần/);
    expect(result.stdout).toContain('– Chữ ký Ed25519: Chưa kiểm tra');
    expect(result.stderr).toMatch(/xhht: Gói dữ liệu bị từ chối: .*nghi là bom zip/);
  }, PER_SPAWN);
});

describe('xhht import-bundle on a refused bundle', () => {
  const inDatabase = <T>(read: (db: Database.Database) => T): T => {
    const db = new Database(join(dataDir, 'xhht.sqlite'), { readonly: true });
    try {
      return read(db);
    } finally {
      db.close();
    }
  };
  const refusedRows = () =>
    inDatabase((db) => db.prepare("SELECT bundleId, senderName, fingerprint, result, summary FROM bundlesReceived WHERE result = 'refused'").all()) as {
      bundleId: string;
      senderName: string;
      fingerprint: string;
      result: string;
      summary: string;
    }[];

  it('--dry-run exits non-zero and writes nothing at all, not even the log', () => {
    const before = inDatabase((db) => dumpDatabase(db));
    const result = xhht('import-bundle', '--data-dir', dataDir, '--dry-run', file('unknown-key'));
    expect(result.code).not.toBe(0);
    expect(result.stderr).toMatch(/xhht: Gói dữ liệu bị từ chối: .*chưa có trong danh sách tin cậy/);
    expect(inDatabase((db) => dumpDatabase(db))).toBe(before);
  }, PER_SPAWN);

  it('without --dry-run exits non-zero, the data unchanged, and one refused row says who signed it and why', () => {
    const data = inDatabase((db) => dumpDatabase(db, { without: ['bundlesReceived'] }));
    expect(refusedRows()).toEqual([]);
    const result = xhht('import-bundle', '--data-dir', dataDir, file('unknown-key'));
    expect(result.code).not.toBe(0);
    expect(inDatabase((db) => dumpDatabase(db, { without: ['bundlesReceived'] }))).toBe(data);
    const rows = refusedRows();
    expect(rows).toHaveLength(1);
    expect(rows[0]!.senderName).toBe('Phòng GD&ĐT huyện Tân Hồng');
    expect(rows[0]!.fingerprint).toMatch(/^([0-9A-F]{4} ){15}[0-9A-F]{4}$/);
    expect(rows[0]!.summary).toMatch(/^Gói dữ liệu bị từ chối: .*chưa có trong danh sách tin cậy/);
    expect(result.stderr).toContain(rows[0]!.fingerprint);
  }, PER_SPAWN);
});
