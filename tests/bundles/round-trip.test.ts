import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ExportOptions, ImportReport, Resolutions } from '../../shared/bundles.js';
import { AppError } from '../../shared/errors.js';
import { composeApp } from '../../main/app/compose.js';
import type { AppContext } from '../../main/app/context.js';
import { exportBundle } from '../../main/bundles/export/export-bundle.js';
import { importBundle } from '../../main/bundles/import/import-bundle.js';
import { inTransaction, loadLiveRow, tombstoneRecord, updateRecord, type Tx } from '../../main/db/records.js';
import { loadDemo } from '../../main/demo/demo.service.js';
import { setUpOffice } from '../../main/office/index.js';
import { TAN_HONG_OFFICE } from '../support/test-app.js';

type Office = AppContext & { close(): Promise<void> };

const root = mkdtempSync(join(tmpdir(), 'xhht-bundles-'));
let a: Office;
let b: Office;
let files = 0;
const SYNC: ExportOptions = { kind: 'sync', period: null, includeFiles: true, includePersonalData: true };
const NO_RESOLUTION: Resolutions = { all: null, rows: [] };

async function send(from: Office, options: ExportOptions = SYNC): Promise<string> {
  const outPath = join(root, `b${files++}.xhht`);
  await exportBundle({ sqlite: from.sqlite, dataDir: from.dataDir, options, outPath, now: new Date() });
  return outPath;
}

function receive(to: Office, path: string, options: { mode?: 'dryRun' | 'apply'; resolutions?: Resolutions; force?: boolean } = {}): Promise<ImportReport> {
  return importBundle({
    db: to.db,
    sqlite: to.sqlite,
    dataDir: to.dataDir,
    path,
    mode: options.mode ?? 'apply',
    trust: true,
    resolutions: options.resolutions ?? NO_RESOLUTION,
    force: options.force ?? false,
    actor: 'kiểm thử',
    operation: 'bundles.applyStart',
    now: new Date(),
  });
}

/** The sum of each outcome over every entity. */
function totals(report: ImportReport) {
  const sum = { created: 0, updated: 0, unchanged: 0, conflicts: 0, rejected: 0 };
  for (const e of report.entities) for (const key of Object.keys(sum) as (keyof typeof sum)[]) sum[key] += e[key];
  return sum;
}
const outcome = (report: ImportReport, entity: string) => report.entities.find((e) => e.entity === entity);

const edit = <T>(office: Office, work: (tx: Tx, ctx: AppContext) => Promise<T>) => inTransaction(office, (tx) => work(tx, office));
const communeNamed = (office: Office, name: string) => office.db.selectFrom('units').selectAll().where('name', '=', name).where('deletedAt', 'is', null).executeTakeFirstOrThrow();

beforeAll(async () => {
  a = await composeApp(join(root, 'A'), { actor: 'A' });
  await loadDemo(a);
  b = await composeApp(join(root, 'B'), { actor: 'B' });
  // Set up as `init` does, over the same territory (its official code 870) as office A.
  await setUpOffice({ ...b, operation: 'init' }, { ...TAN_HONG_OFFICE, provinceName: 'Đồng Tháp', name: 'Phòng GD&ĐT Tân Hồng (máy B)', code: '871' });
}, 120_000);

afterAll(async () => {
  await a?.close();
  await b?.close();
  rmSync(root, { recursive: true, force: true });
});

describe('bundles between two offices (real SQLite files, real bundle files)', () => {
  it('round trip: A (demo) sync → fresh B → B sync → A creates, updates and conflicts with nothing', async () => {
    const started = Date.now();
    const toB = await send(a);
    const intoB = await receive(b, toB);
    expect(intoB.rejectionCount).toBe(0);
    expect(totals(intoB).created).toBeGreaterThan(500);
    // B's own territory unit from init is A's root by its code, not a second Tân Hồng.
    expect(outcome(intoB, 'units')).toMatchObject({ unchanged: 1, created: 47 });
    expect((await b.db.selectFrom('units').select('id').where('code', '=', '870').execute()).length).toBe(1);
    const communesUnder = async (office: Office) =>
      (await office.db.selectFrom('units').select('code').where('parentId', '=', (await office.db.selectFrom('office').select('rootUnitId').executeTakeFirstOrThrow()).rootUnitId).orderBy('code').execute()).map((u) => u.code);
    expect(await communesUnder(b)).toEqual(await communesUnder(a));
    // Imported rows keep their origin office, revision and timestamps.
    const planA = await a.db.selectFrom('plans').selectAll().executeTakeFirstOrThrow();
    expect(await b.db.selectFrom('plans').selectAll().where('id', '=', planA.id).executeTakeFirstOrThrow()).toEqual(planA);
    expect(intoB.newFiles.count).toBeGreaterThan(0);

    const back = await send(b);
    const intoA = await receive(a, back);
    expect(totals(intoA)).toMatchObject({ created: 0, updated: 0, conflicts: 0, rejected: 0 });
    expect(a.sqlite.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(b.sqlite.pragma('integrity_check', { simple: true })).toBe('ok');
    console.log(`round trip: A→B ${statSync(toB).size} bytes, B→A ${statSync(back).size} bytes, ${Date.now() - started} ms in all`);
  });

  it('takes a change made on one side only, and the change comes back as no change', async () => {
    const agency = await a.db.selectFrom('agencies').selectAll().where('deletedAt', 'is', null).orderBy('name').executeTakeFirstOrThrow();
    await edit(a, (tx, ctx) => updateRecord(tx, ctx, 'agencies', agency, { contact: 'Số điện thoại mới 0277 3 800 800' }));
    const report = await receive(b, await send(a));
    expect(outcome(report, 'agencies')).toMatchObject({ updated: 1, conflicts: 0 });
    // B matched A's usual agencies by name at the first exchange; the edited one is one of those or A's own.
    const mapped = await b.db.selectFrom('agencies').select('contact').where('name', '=', agency.name).where('deletedAt', 'is', null).executeTakeFirstOrThrow();
    expect(mapped.contact).toBe('Số điện thoại mới 0277 3 800 800');
    expect(totals(await receive(a, await send(b)))).toMatchObject({ created: 0, updated: 0, conflicts: 0 });
  });

  it('a row changed on both sides is a conflict with both versions; apply refuses it unresolved, then takes the chosen side', async () => {
    const inA = await communeNamed(a, 'Thông Bình');
    await edit(a, (tx, ctx) => updateRecord(tx, ctx, 'units', inA, { name: 'Thông Bình (A sửa)' }));
    const inB = await communeNamed(b, 'Thông Bình');
    await edit(b, (tx, ctx) => updateRecord(tx, ctx, 'units', inB, { name: 'Thông Bình (B sửa)' }));
    const bundle = await send(a);

    const dry = await receive(b, bundle, { mode: 'dryRun' });
    expect(dry.conflictCount).toBe(1);
    expect(dry.conflicts[0]).toMatchObject({ entity: 'units', id: inA.id, fields: ['name'], mine: { name: 'Thông Bình (B sửa)' }, theirs: { name: 'Thông Bình (A sửa)' } });

    // The refusal changes no data: its only trace is its row in the log of bundles received (with that row's audit row).
    const audits = () => b.sqlite.prepare("SELECT count(*) FROM auditLog WHERE entity <> 'bundlesReceived'").pluck().get();
    const before = audits();
    const refused = await receive(b, bundle).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(AppError);
    expect((refused as AppError).code).toBe('CONFLICT');
    expect(audits()).toBe(before);
    expect(b.sqlite.prepare("SELECT result, summary FROM bundlesReceived ORDER BY receivedAt DESC, rowid DESC LIMIT 1").get()).toEqual({ result: 'refused', summary: (refused as AppError).message });
    expect((await loadLiveRow(b.db, 'units', inA.id, '')).name).toBe('Thông Bình (B sửa)');

    const applied = await receive(b, bundle, { resolutions: { all: null, rows: [{ entity: 'units', id: inA.id, take: 'theirs' }] } });
    expect(outcome(applied, 'units')).toMatchObject({ conflicts: 1 });
    expect((await loadLiveRow(b.db, 'units', inA.id, '')).name).toBe('Thông Bình (A sửa)');
    // Both hold A's version now: back at A it is no change.
    expect(totals(await receive(a, await send(b)))).toMatchObject({ created: 0, updated: 0, conflicts: 0 });
  });

  it('keeping mine remembers their version: the same version sent again is no conflict', async () => {
    const inA = await communeNamed(a, 'Bình Phú');
    await edit(a, (tx, ctx) => updateRecord(tx, ctx, 'units', inA, { name: 'Bình Phú (A)' }));
    const inB = await communeNamed(b, 'Bình Phú');
    await edit(b, (tx, ctx) => updateRecord(tx, ctx, 'units', inB, { name: 'Bình Phú (B)' }));
    const first = await receive(b, await send(a), { resolutions: { all: 'mine', rows: [] } });
    expect(outcome(first, 'units')?.conflicts).toBe(1);
    expect((await loadLiveRow(b.db, 'units', inA.id, '')).name).toBe('Bình Phú (B)');
    const again = await receive(b, await send(a));
    expect(outcome(again, 'units')).toMatchObject({ conflicts: 0, updated: 0 });
  });

  it('a tombstone deletes: a plan deleted at A (with its tasks) is deleted at B', async () => {
    const plan = await a.db.selectFrom('plans').selectAll().where('deletedAt', 'is', null).executeTakeFirstOrThrow();
    await edit(a, (tx, ctx) => tombstoneRecord(tx, ctx, 'plans', plan));
    const liveTasksAtB = await b.db.selectFrom('tasks').select('id').where('planId', '=', plan.id).where('deletedAt', 'is', null).execute();
    expect(liveTasksAtB.length).toBeGreaterThan(0);
    const report = await receive(b, await send(a));
    expect(outcome(report, 'plans')).toMatchObject({ updated: 1, created: 0 });
    expect(outcome(report, 'tasks')?.updated).toBe(liveTasksAtB.length);
    expect((await b.db.selectFrom('plans').select('deletedAt').where('id', '=', plan.id).executeTakeFirstOrThrow()).deletedAt).not.toBeNull();
    expect(await b.db.selectFrom('tasks').select('id').where('planId', '=', plan.id).where('deletedAt', 'is', null).execute()).toEqual([]);
  });

  it('the same bundle twice: refused without force (and logged so); with force it changes nothing and is logged as forced', async () => {
    const bundle = await send(a);
    await receive(b, bundle);
    const dump = () => b.sqlite.prepare("SELECT count(*) FROM auditLog WHERE entity <> 'bundlesReceived'").pluck().get();
    const audits = dump();
    const refused = await receive(b, bundle).catch((e: unknown) => e);
    expect((refused as AppError).code).toBe('CONFLICT');
    expect((refused as AppError).message).toContain('đã được nhập');
    const forced = await receive(b, bundle, { force: true });
    expect(totals(forced)).toMatchObject({ created: 0, updated: 0, conflicts: 0, rejected: 0 });
    expect(forced.appliedBefore).not.toBeNull();
    expect(dump()).toBe(audits);
    const log = b.sqlite.prepare('SELECT result, forced, summary FROM bundlesReceived WHERE bundleId = ? ORDER BY receivedAt, rowid').all(forced.bundleId) as { result: string; forced: number; summary: string }[];
    expect(log.map(({ result, forced }) => ({ result, forced }))).toEqual([
      { result: 'applied', forced: 0 },
      { result: 'refused', forced: 0 },
      { result: 'applied', forced: 1 },
    ]);
    expect(log[1]!.summary).toBe((refused as AppError).message);
  });

  it('leaves citizen-ID numbers home unless chosen, and a bundle without them keeps the receiver’s', async () => {
    const person = await a.db.selectFrom('titleSubjects').selectAll().where('idNumber', 'is not', null).executeTakeFirstOrThrow();
    const path = await send(a, { ...SYNC, includePersonalData: false });
    const { openBag } = await import('../../main/bundles/bag/index.js');
    const bag = await openBag(path);
    const text = await bag.readText('data/records/titleSubjects.jsonl');
    await bag.close();
    expect(text).not.toContain('"idNumber"');
    await receive(b, path);
    expect((await b.db.selectFrom('titleSubjects').select('idNumber').where('id', '=', person.id).executeTakeFirstOrThrow()).idNumber).toBe(person.idNumber);
  });
});
