import { generateKeyPairSync, sign } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BagSigner } from '../../main/bundles/bag/index.js';
import { composeApp } from '../../main/app/compose.js';
import type { AppContext } from '../../main/app/context.js';
import { dispatch } from '../../main/app/dispatch.js';
import { openBag } from '../../main/bundles/bag/index.js';
import { exportBundle } from '../../main/bundles/export/export-bundle.js';
import { importBundle } from '../../main/bundles/import/import-bundle.js';
import { NOT_CHECKED, verifyBundle, verifyReport } from '../../main/bundles/verify.js';
import { setUpOffice } from '../../main/office/index.js';
import { loadOffice, signWithOfficeKey } from '../../main/office/index.js';
import { AppError } from '../../shared/errors.js';
import { dumpDatabase } from '../support/db-dump.js';
import { TAN_HONG_OFFICE, createTestApp, type TestApp } from '../support/test-app.js';
import { makeBadBundles, makeRecordCases, syntheticBase, type BadCase, type RecordCase } from './bad-bundles.js';
import { readRawZip } from './raw-zip.js';

/**
 * The hostile corpus, generated here from a valid bag signed by the test
 * office's key: each bundle is refused with a Vietnamese message naming its
 * problem, and the database is byte for byte what it was.
 */

const dir = mkdtempSync(join(tmpdir(), 'xhht-bad-bundles-'));
let app: TestApp;
let cases: BadCase[] = [];
let records: RecordCase[] = [];
/** The receiving office of the record-level cases: another XHHT over the same territory, trusting the sender. */
let receiver: AppContext & { close(): Promise<void> };

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

  // A real sync export of the sender, with two communes beside its root, is where the record-level cases start.
  const territory = (await app.call('units.tree', {}))[0]!;
  await app.call('units.create', { parentId: territory.id, name: 'Xã Tân Hộ Cơ', type: 'Xã', code: '30001' });
  await app.call('units.create', { parentId: territory.id, name: 'Xã Thông Bình', type: 'Xã', code: '30004' });
  const exported = join(dir, 'export.xhht');
  await exportBundle({ sqlite: app.ctx.sqlite, dataDir: app.dir, options: { kind: 'sync', period: null, includeFiles: true, includePersonalData: false }, outPath: exported, now: new Date('2026-12-04T08:00:00Z') });
  const bag = await openBag(exported);
  const exportedInfo = bag.info;
  await bag.close();
  const payload = (await readRawZip(exported)).filter((e) => e.name.startsWith('data/')).map((e) => ({ path: e.name, bytes: e.data }));
  records = await makeRecordCases(dir, { info: exportedInfo, payload, signer, stranger });

  receiver = await composeApp(join(dir, 'receiver'), { actor: 'kiểm thử' });
  await setUpOffice({ ...receiver, operation: 'init' }, { ...TAN_HONG_OFFICE, provinceName: 'Đồng Tháp', name: 'Phòng GD&ĐT Tân Hồng (máy nhận)', code: '871' });
  const trusted = await dispatch('certificates.trustAdd', { publicKey: office.publicKey, officeName: office.name, officeCode: office.code, note: '' }, receiver);
  if (!trusted.ok) throw new Error(trusted.error.message);
}, 180_000);

afterAll(async () => {
  await receiver?.close();
  await app?.close();
  rmSync(dir, { recursive: true, force: true });
});

const dump = () => dumpDatabase(app.ctx.sqlite);

function importInto(office: Pick<AppContext, 'db' | 'sqlite' | 'dataDir'>, path: string, mode: 'dryRun' | 'apply') {
  return importBundle({
    db: office.db,
    sqlite: office.sqlite,
    dataDir: office.dataDir,
    path,
    mode,
    trust: false,
    resolutions: { all: null, rows: [] },
    force: false,
    actor: 'kiểm thử',
    operation: 'bundles.applyStart',
    now: new Date('2026-12-04T09:00:00Z'),
  });
}

/** The refusal's message with the rejected records it lists, or null when the import went through. */
async function refusalOf(work: Promise<unknown>): Promise<string | null> {
  const error = await work.then(() => null, (e: unknown) => e);
  if (error === null) return null;
  if (!(error instanceof AppError)) throw error;
  return [error.message, ...(error.details.issues ?? []).map((i) => i.message)].join('\n');
}

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

  it('the importer refuses every format-level case too (dry run and apply), the database unchanged', async () => {
    for (const c of cases) {
      if (c.evidenceLimit1MB) await app.call('evidence.saveSettings', { maxBytes: 1024 * 1024 });
      const before = dump();
      for (const mode of ['dryRun', 'apply'] as const) {
        const message = await refusalOf(importInto(app.ctx, c.file, mode));
        expect(message, `${c.name} (${mode})`).toMatch(c.expect);
      }
      expect(dump() === before, `${c.name}: database changed`).toBe(true);
      if (c.evidenceLimit1MB) await app.call('evidence.saveSettings', { maxBytes: 200 * 1024 * 1024 });
    }
  }, 120_000);

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

describe('record-level cases, through the importer of another office', () => {
  const receiverDump = () => dumpDatabase(receiver.sqlite);

  it('has every record case issue 15 names', () => {
    expect(records.map((c) => c.name)).toEqual(
      expect.arrayContaining(['malformed-jsonl', 'record-fails-validation', 'missing-unit-reference', 'duplicate-ids', 'string-10mb', 'html-in-name', 'nul-in-text', 'invalid-utf8']),
    );
  });

  it('the unchanged export goes through a dry run with nothing rejected (so each refusal is its record)', async () => {
    const report = await importInto(receiver, join(dir, 'export.xhht'), 'dryRun');
    expect(report.rejectionCount).toBe(0);
    expect(report.sender.trusted).toBe(true);
  });

  it('refuses each: the dry run lists the record with its line, apply refuses the bundle, the database unchanged', async () => {
    for (const c of records) {
      const before = receiverDump();
      const dry = await importInto(receiver, c.file, 'dryRun').then(
        (report) => [`${report.rejectionCount} bị từ chối`, ...report.rejections.map((r) => r.message)].join('\n'),
        (e: unknown) => (e instanceof AppError ? e.message : Promise.reject(e)),
      );
      expect(dry, `${c.name} (dry run)`).toMatch(c.expect);
      expect(dry, `${c.name} (dry run)`).not.toMatch(/^0 bị từ chối/);
      const applied = await refusalOf(importInto(receiver, c.file, 'apply'));
      expect(applied, `${c.name} (apply)`).toMatch(/^Gói dữ liệu (bị từ chối|không nhập được)/);
      expect(applied, `${c.name} (apply)`).toMatch(c.expect);
      expect(receiverDump() === before, `${c.name}: database changed`).toBe(true);
    }
  }, 180_000);
});
