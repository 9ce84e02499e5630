import { generateKeyPairSync, sign } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BagSigner } from '../../main/bundles/bag/index.js';
import { NOT_CHECKED, verifyBundle, verifyReport } from '../../main/bundles/verify.js';
import { loadOffice, signWithOfficeKey } from '../../main/office/index.js';
import { AppError } from '../../shared/errors.js';
import { dumpDatabase } from '../support/db-dump.js';
import { createTestApp, type TestApp } from '../support/test-app.js';
import { makeBadBundles, syntheticBase, type BadCase } from './bad-bundles.js';

/**
 * The hostile corpus, generated here from a valid bag signed by the test
 * office's key: each bundle is refused with a Vietnamese message naming its
 * problem, and the database is byte for byte what it was.
 */

const dir = mkdtempSync(join(tmpdir(), 'xhht-bad-bundles-'));
let app: TestApp;
let cases: BadCase[] = [];

beforeAll(async () => {
  app = await createTestApp({ today: '2026-12-04' });
  const office = (await loadOffice(app.ctx.db))!;
  const signer: BagSigner = { publicKeyPem: office.publicKey, sign: (data) => signWithOfficeKey(app.dir, data) };
  const other = generateKeyPairSync('ed25519');
  const stranger: BagSigner = {
    publicKeyPem: other.publicKey.export({ format: 'pem', type: 'spki' }) as string,
    sign: (data) => sign(null, data, other.privateKey),
  };
  const base = syntheticBase({ code: office.code, name: office.name, id: office.id }, signer, stranger);
  cases = await makeBadBundles(dir, base);
}, 120_000);

afterAll(async () => {
  await app?.close();
  rmSync(dir, { recursive: true, force: true });
});

const dump = () => dumpDatabase(app.ctx.sqlite);

describe('the hostile corpus', () => {
  it('has every case issue 15 names, and more', () => {
    const names = cases.map((c) => c.name);
    for (const required of [
      'path-traversal',
      'absolute-path',
      'symlink-entry',
      'duplicate-name',
      'zip-bomb-ratio',
      'zip-bomb-total',
      'truncated-zip',
      'missing-bagit-txt',
      'wrong-manifest-hash',
      'payload-not-in-manifest',
      'manifest-entry-without-file',
      'bad-signature',
      'unknown-key',
      'wrong-schema-version',
      'future-schema-version',
      'oversize-evidence',
      'other-kind-than-claimed',
    ]) {
      expect(names).toContain(required);
    }
    expect(names.length).toBeGreaterThanOrEqual(30);
  });

  it('the valid bag it starts from verifies, trusted (so each refusal is its own defect)', async () => {
    const report = await verifyReport(app.ctx.db, join(dir, 'valid.xhht'));
    expect(report.problem).toBeNull();
    expect(report.valid).toBe(true);
    expect(report.sender?.trusted).toBe(true);
    expect(report.checks.every((c) => c.ok)).toBe(true);
  });

  it('refuses every case with a Vietnamese message naming the problem, and changes nothing in the database', async () => {
    const outcomes: string[] = [];
    for (const c of cases) {
      if (c.evidenceLimit1MB) await app.call('evidence.saveSettings', { maxBytes: 1024 * 1024 });
      const before = dump();
      const error = await verifyBundle(app.ctx.db, c.file, { requireTrusted: true }).then(
        async (verified) => {
          await verified.bag.close();
          return null;
        },
        (e: unknown) => e,
      );
      const after = dump();
      if (c.evidenceLimit1MB) await app.call('evidence.saveSettings', { maxBytes: 200 * 1024 * 1024 });
      const message = error instanceof AppError ? error.message : String(error);
      outcomes.push(`${c.name}: ${message}`);
      expect(error, c.name).toBeInstanceOf(AppError);
      expect(message, c.name).toMatch(/^Gói dữ liệu bị từ chối: /);
      expect(message, c.name).toMatch(c.expect);
      expect(after === before, `${c.name}: database changed`).toBe(true);
    }
    expect(outcomes).toHaveLength(cases.length);
  });

  it('the verify report stops at the failing check and names it', async () => {
    const report = await verifyReport(app.ctx.db, cases.find((c) => c.name === 'bad-signature')!.file);
    expect(report.valid).toBe(false);
    expect(report.checks.map((c) => [c.name, c.ok])).toEqual([
      ['Tệp zip an toàn (tên, liên kết, kích thước, bom zip)', true],
      ['Cấu trúc BagIt', true],
      ['Chữ ký Ed25519', false],
      ['Thông tin gói (bag-info.txt)', false],
      ['Phiên bản lược đồ', false],
      ['Danh mục tệp (manifest)', false],
      ['Payload-Oxum', false],
      ['Mã băm từng tệp', false],
      ['Nội dung gói (bundle.json)', false],
      ['Người gửi tin cậy', false],
    ]);
    expect(report.checks[2]!.message).toMatch(/^signature-ed25519\.txt: chữ ký không khớp/);
    expect(report.checks[3]!.message).toBe(NOT_CHECKED);
  });

  it('an unknown sender is reported with its fingerprint; once on the trust list it is trusted', async () => {
    const file = cases.find((c) => c.name === 'unknown-key')!.file;
    const before = await verifyReport(app.ctx.db, file);
    expect(before.valid).toBe(false);
    expect(before.sender?.trusted).toBe(false);
    expect(before.problem).toContain(before.sender!.fingerprint);
    await app.call('certificates.trustAdd', { publicKey: before.sender!.publicKey, officeName: 'Phòng GD&ĐT huyện Tân Hồng', officeCode: '870', note: '' });
    const after = await verifyReport(app.ctx.db, file);
    expect(after.valid).toBe(true);
    expect(after.sender?.trusted).toBe(true);
  });
});
