import Database from 'better-sqlite3';
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
import { logRefusal } from '../../main/bundles/received-log.js';
import type { BundlesReceivedTable } from '../../main/bundles/bundles.tables.js';
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
 * problem, and the data is byte for byte what it was. A refused apply adds
 * exactly one row to the log of bundles received (and that row's audit row),
 * saying why; a dry run leaves the database wholly as it was.
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
/** Every table but the log of bundles received and its audit rows: the data a refusal must leave as it was. */
const dataOf = (sqlite: AppContext['sqlite']) => dumpDatabase(sqlite, { without: ['bundlesReceived'] });

type LoggedRow = Omit<BundlesReceivedTable, 'id' | 'receivedAt' | 'forced'> & { audits: number };
const lastLogRow = (sqlite: AppContext['sqlite']) => sqlite.prepare('SELECT coalesce(max(rowid), 0) FROM bundlesReceived').pluck().get() as number;
/** The rows logged since `after` (a rowid), each with the count of its audit rows. */
const loggedSince = (sqlite: AppContext['sqlite'], after: number) =>
  sqlite
    .prepare(
      `SELECT bundleId, kind, senderOfficeId, senderCode, senderName, fingerprint, result, summary, actor,
         (SELECT count(*) FROM auditLog a WHERE a.entity = 'bundlesReceived' AND a.recordId = b.id) AS audits
       FROM bundlesReceived b WHERE rowid > ? ORDER BY rowid`,
    )
    .all(after) as LoggedRow[];

function importInto(office: Pick<AppContext, 'db' | 'sqlite' | 'dataDir'>, path: string, mode: 'dryRun' | 'apply', options: { logRefusal?: boolean } = {}) {
  return importBundle({
    ...options,
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

  it('the importer refuses every format-level case too: a dry run changes nothing, apply logs one refused row and changes no data', async () => {
    for (const c of cases) {
      if (c.evidenceLimit1MB) await app.call('evidence.saveSettings', { maxBytes: 1024 * 1024 });
      const before = dump();
      const dry = await refusalOf(importInto(app.ctx, c.file, 'dryRun'));
      expect(dry, `${c.name} (dry run)`).toMatch(c.expect);
      expect(dump() === before, `${c.name}: the dry run changed the database`).toBe(true);

      const data = dataOf(app.ctx.sqlite);
      const logged = lastLogRow(app.ctx.sqlite);
      const applied = await refusalOf(importInto(app.ctx, c.file, 'apply'));
      expect(applied, `${c.name} (apply)`).toMatch(c.expect);
      expect(dataOf(app.ctx.sqlite) === data, `${c.name}: data changed`).toBe(true);
      const rows = loggedSince(app.ctx.sqlite, logged);
      expect(rows.map((r) => [r.result, r.actor, r.audits]), c.name).toEqual([['refused', 'kiểm thử', 1]]);
      expect(rows[0]!.summary, c.name).toMatch(c.expect);
      expect(rows[0]!.summary.length, c.name).toBeLessThanOrEqual(500);
      expect(rows[0]!.summary, c.name).not.toMatch(/[\u0000-\u001f]/);
      if (c.evidenceLimit1MB) await app.call('evidence.saveSettings', { maxBytes: 200 * 1024 * 1024 });
    }
  }, 120_000);

  it('a refused row names what the checks vouched for: nothing for a broken zip (the file name instead), the signer and bag-info once signed', async () => {
    const office = (await loadOffice(app.ctx.db))!;
    const logOf = async (name: string) => {
      const logged = lastLogRow(app.ctx.sqlite);
      await refusalOf(importInto(app.ctx, cases.find((c) => c.name === name)!.file, 'apply'));
      return loggedSince(app.ctx.sqlite, logged)[0]!;
    };
    for (const name of ['truncated-zip', 'missing-bagit-txt', 'bad-signature']) {
      const row = await logOf(name);
      expect(row, name).toMatchObject({ bundleId: '', kind: '', senderOfficeId: '', senderCode: '', senderName: '', result: 'refused' });
      expect(row.summary, name).toMatch(new RegExp(`^Tệp "${name}\\.xhht": Gói dữ liệu bị từ chối: `));
    }
    // Signed by a key nobody trusts: who signed and what the bag says it is are known, and shown with the reason.
    const stranger = await logOf('unknown-key');
    expect(stranger).toMatchObject({ kind: 'sync', senderCode: office.code, senderName: office.name, senderOfficeId: office.id });
    expect(stranger.bundleId).not.toBe('');
    expect(stranger.fingerprint).toMatch(/^([0-9A-F]{4} ){15}[0-9A-F]{4}$/);
    expect(stranger.summary).toMatch(/^Gói dữ liệu bị từ chối: .*chưa có trong danh sách tin cậy/);
    expect(stranger.summary).toContain(stranger.fingerprint);
  });

  it('a refusal the log cannot take is still the refusal, saying the log was not written', () => {
    const readOnly = new Database(app.ctx.sqlite.name, { readonly: true });
    try {
      const refusal = new AppError('IMPORT_INVALID', 'Gói dữ liệu bị từ chối: thiếu tệp bagit.txt.', { stage: 'bagit' });
      const thrown = logRefusal({ sqlite: readOnly, actor: 'kiểm thử', operation: 'import-bundle', now: new Date(), fileName: 'x.xhht' }, {}, refusal);
      expect(thrown).toMatchObject({ code: 'IMPORT_INVALID', details: { stage: 'bagit' } });
      expect(thrown.message).toMatch(/^Gói dữ liệu bị từ chối: thiếu tệp bagit\.txt\. \(Không ghi được việc từ chối vào danh sách gói đã nhận: .+\.\)$/);
    } finally {
      readOnly.close();
    }
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

  it('refuses each: the dry run lists the record with its line and writes nothing, apply refuses the bundle and logs why, the data unchanged', async () => {
    for (const c of records) {
      const before = receiverDump();
      const dry = await importInto(receiver, c.file, 'dryRun').then(
        (report) => [`${report.rejectionCount} bị từ chối`, ...report.rejections.map((r) => r.message)].join('\n'),
        (e: unknown) => (e instanceof AppError ? e.message : Promise.reject(e)),
      );
      expect(dry, `${c.name} (dry run)`).toMatch(c.expect);
      expect(dry, `${c.name} (dry run)`).not.toMatch(/^0 bị từ chối/);
      expect(receiverDump() === before, `${c.name}: the dry run changed the database`).toBe(true);

      const data = dataOf(receiver.sqlite);
      const logged = lastLogRow(receiver.sqlite);
      const applied = await refusalOf(importInto(receiver, c.file, 'apply'));
      expect(applied, `${c.name} (apply)`).toMatch(/^Gói dữ liệu (bị từ chối|không nhập được)/);
      expect(applied, `${c.name} (apply)`).toMatch(c.expect);
      expect(dataOf(receiver.sqlite) === data, `${c.name}: data changed`).toBe(true);
      const rows = loggedSince(receiver.sqlite, logged);
      expect(rows.map((r) => [r.result, r.audits]), c.name).toEqual([['refused', 1]]);
      expect(rows[0]!.summary, c.name).toMatch(c.expect);
    }
  }, 180_000);

  it('the Receive page’s dry run logs a bundle with refused records (it cannot be applied); the data unchanged', async () => {
    const c = records.find((r) => r.name === 'html-in-name')!;
    const data = dataOf(receiver.sqlite);
    const logged = lastLogRow(receiver.sqlite);
    const report = await importInto(receiver, c.file, 'dryRun', { logRefusal: true });
    expect(report.rejectionCount).toBeGreaterThan(0);
    expect(dataOf(receiver.sqlite) === data).toBe(true);
    const [row, ...more] = loggedSince(receiver.sqlite, logged);
    expect(more).toEqual([]);
    expect(row).toMatchObject({ result: 'refused', bundleId: report.bundleId, senderName: report.sender.officeName, fingerprint: report.sender.fingerprint, audits: 1 });
    expect(row!.summary).toMatch(/^Gói dữ liệu không nhập được: 1 bản ghi bị từ chối/);
    expect(row!.summary).toMatch(c.expect);
  });
});
