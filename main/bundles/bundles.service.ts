import { mkdirSync, readdirSync, rmSync, statSync } from 'node:fs';
import { basename, isAbsolute, join } from 'node:path';
import {
  BUNDLE_DOWNLOAD_PIECE,
  BUNDLE_EXTENSION,
  type BundleSource,
  type ExportJobStatus,
  type ExportOptions,
  type ExportResult,
  type ImportJobStatus,
  type ReceivedBundle,
  type Resolutions,
  type TrustSenderInput,
  type VerifyJobStatus,
  type VerifyReport,
} from '../../shared/bundles.js';
import { formatFingerprint } from '../../shared/certificates.js';
import { AppError } from '../../shared/errors.js';
import type { AppContext } from '../app/context.js';
import { fingerprintOf, keyIdOf, normalisePublicKey } from '../certificates/index.js';
import { inTransaction, insertRecord, writeAudit, type ReadDb, type Tx } from '../db/records.js';
import { storeOf } from '../evidence/index.js';
import { cancelJob, jobStatus, startWorkerJob } from '../jobs/index.js';
import { loadOffice } from '../office/index.js';
import type { BundleWorkerInput } from './bundles.worker.js';
import { estimateBundle } from './export/export-bundle.js';
import { readFilePiece } from '../files/file-piece.js';
import { refusedRow } from './received-log.js';

const BUNDLE_SCRIPT = { source: new URL('./bundles.worker.ts', import.meta.url), bundled: 'bundles.worker.mjs' };
/** A sync of a million people is read as lines and held as ids only; this leaves room for the sets of ids. */
const WORKER_HEAP_MB = 1024;
/** Finished exports wait here to be downloaded; older ones are removed at the next export. */
const OUT_DIR = 'goi-du-lieu';
const KEEP_EXPORTS_MS = 24 * 60 * 60 * 1000;

const exportsDir = (dataDir: string) => join(dataDir, OUT_DIR);
const BUSY = 'Đang có một việc với gói dữ liệu chạy (xuất, kiểm tra hoặc nhập); hãy chờ nó xong hoặc hủy nó.';

const audit = (ctx: AppContext, recordId: string, after: Record<string, unknown>) =>
  inTransaction(ctx, (tx) => writeAudit(tx, ctx, { entity: 'bundles', recordId, before: null, after }));

export function estimate(ctx: AppContext, options: ExportOptions) {
  return estimateBundle(ctx.sqlite, ctx.dataDir, options);
}

/** `xhht-sync-870-2026-12-04.xhht`: the kind, the sender office and the day. */
export function bundleFileName(kind: string, officeCode: string, at: Date): string {
  return `xhht-${kind}-${officeCode.replace(/[^A-Za-z0-9-]/g, '_')}-${at.toISOString().slice(0, 10)}-${at.getTime().toString(36)}${BUNDLE_EXTENSION}`;
}

export async function startExport(ctx: AppContext, options: ExportOptions): Promise<{ jobId: string }> {
  const office = await loadOffice(ctx.db);
  if (!office) throw new AppError('NOT_SET_UP', 'Cơ quan chưa được thiết lập: chưa thể xuất gói dữ liệu.');
  const at = ctx.clock.now();
  const dir = exportsDir(ctx.dataDir);
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (at.getTime() - statSync(path).mtimeMs > KEEP_EXPORTS_MS) rmSync(path, { recursive: true, force: true });
  }
  const outPath = join(dir, bundleFileName(options.kind, office.code, at));
  const input: BundleWorkerInput = { kind: 'export', databaseFile: ctx.sqlite.name, dataDir: ctx.dataDir, options, outPath, at: at.toISOString() };
  const jobId = startWorkerJob({ script: BUNDLE_SCRIPT, key: `bundles ${ctx.dataDir}`, busyMessage: BUSY, input, maxHeapMb: WORKER_HEAP_MB });
  // Who sent what out, and whether it carried citizen-ID numbers, is in the journal.
  await audit(ctx, outPath, { action: 'export', ...options });
  return { jobId };
}

export const exportStatus = (jobId: string): ExportJobStatus => jobStatus(jobId);
export const exportCancel = (jobId: string): ExportJobStatus => cancelJob(jobId);

/** A piece of a finished export, for the browser to save (the file stays in the data folder a day). */
export function exportPiece(ctx: AppContext, jobId: string, offset: number): { base64: string; nextOffset: number | null; size: number } {
  const status = jobStatus<ExportResult>(jobId);
  if (status.phase !== 'done' || !status.result) throw new AppError('CONFLICT', 'Gói dữ liệu chưa xuất xong.');
  const file = join(exportsDir(ctx.dataDir), status.result.fileName);
  return readFilePiece(file, offset, BUNDLE_DOWNLOAD_PIECE);
}

/** The file a bundle source names (a file staged through the upload route, or a path on this machine), and its name as the officer chose it. */
export function sourceFile(dataDir: string, source: BundleSource): { path: string; name: string } {
  if ('path' in source) {
    if (!isAbsolute(source.path)) throw new AppError('VALIDATION', 'Đường dẫn tệp gói dữ liệu phải là đường dẫn đầy đủ.', { issues: [{ path: ['source', 'path'], message: 'Cần đường dẫn đầy đủ' }] });
    return { path: source.path, name: basename(source.path) };
  }
  return storeOf(dataDir).stagedFor(source.stagedId, 'bundle');
}

export async function startVerify(ctx: AppContext, source: BundleSource): Promise<{ jobId: string }> {
  const { path, name } = sourceFile(ctx.dataDir, source);
  const log = { actor: ctx.actor, operation: ctx.operation ?? 'bundles.verifyStart', at: ctx.clock.now().toISOString(), fileName: name };
  const input: BundleWorkerInput = { kind: 'verify', databaseFile: ctx.sqlite.name, path, log };
  const jobId = startWorkerJob({ script: BUNDLE_SCRIPT, key: `bundles ${ctx.dataDir}`, busyMessage: BUSY, input, maxHeapMb: WORKER_HEAP_MB });
  await audit(ctx, path, { action: 'verify' });
  return { jobId };
}

export const verifyStatus = (jobId: string): VerifyJobStatus => jobStatus(jobId);
export const verifyCancel = (jobId: string): VerifyJobStatus => cancelJob(jobId);

export async function startImport(
  ctx: AppContext,
  request: { source: BundleSource; mode: 'dryRun' | 'apply'; resolutions: Resolutions; force: boolean },
): Promise<{ jobId: string }> {
  const { path, name } = sourceFile(ctx.dataDir, request.source);
  const input: BundleWorkerInput = {
    kind: 'import',
    mode: request.mode,
    databaseFile: ctx.sqlite.name,
    dataDir: ctx.dataDir,
    path,
    // In the app the sender is trusted beforehand (bundles.trustSender, after the officer compared the fingerprint).
    trust: false,
    resolutions: request.resolutions,
    force: request.force,
    actor: ctx.actor,
    operation: ctx.operation ?? (request.mode === 'apply' ? 'bundles.applyStart' : 'bundles.dryRunStart'),
    at: ctx.clock.now().toISOString(),
    fileName: name,
    // The officer receiving the file through the Receive page: a refused dry run is logged as an apply's is.
    logRefusal: true,
  };
  const jobId = startWorkerJob({ script: BUNDLE_SCRIPT, key: `bundles ${ctx.dataDir}`, busyMessage: BUSY, input, maxHeapMb: WORKER_HEAP_MB });
  // The apply writes its own audit rows in its transaction; a dry run leaves this one.
  if (request.mode === 'dryRun') await audit(ctx, path, { action: 'dryRun' });
  return { jobId };
}

export const importStatus = (jobId: string): ImportJobStatus => jobStatus(jobId);
export const importCancel = (jobId: string): ImportJobStatus => cancelJob(jobId);

/** Trusts a sender's key after the officer compared its fingerprint; the certificate trust list is the one list. */
export async function trustSender(tx: Tx, ctx: AppContext, input: Required<TrustSenderInput>): Promise<{ keyId: string; fingerprint: string }> {
  const publicKey = normalisePublicKey(input.publicKey);
  const fingerprint = formatFingerprint(fingerprintOf(publicKey));
  if (fingerprint.replace(/\s/g, '').toUpperCase() !== input.fingerprint.replace(/\s/g, '').toUpperCase()) {
    throw new AppError('VALIDATION', `Dấu vân tay không khớp khóa của gói (khóa có dấu vân tay ${fingerprint}).`, { issues: [{ path: ['fingerprint'], message: 'Không khớp khóa' }] });
  }
  const keyId = keyIdOf(publicKey);
  const office = await loadOffice(tx);
  if (office && keyIdOf(office.publicKey) === keyId) throw new AppError('CONFLICT', 'Đây là khóa của chính cơ quan này: gói do cơ quan tự xuất không cần tin cậy thêm.');
  const same = await tx.selectFrom('certificateTrustedKeys').select('officeName').where('keyId', '=', keyId).where('deletedAt', 'is', null).executeTakeFirst();
  if (same) throw new AppError('CONFLICT', `Khóa này đã có trong danh sách tin cậy, ghi là của ${same.officeName}.`);
  await insertRecord(tx, ctx, 'certificateTrustedKeys', { keyId, publicKey, officeName: input.officeName, officeCode: input.officeCode, note: `Tin cậy để nhận gói dữ liệu; dấu vân tay ${fingerprint}` });
  return { keyId, fingerprint };
}

export async function listReceived(db: ReadDb, limit: number): Promise<ReceivedBundle[]> {
  const rows = await db.selectFrom('bundlesReceived').selectAll().orderBy('receivedAt', 'desc').limit(limit).execute();
  return rows.map((r) => ({
    id: r.id,
    bundleId: r.bundleId,
    kind: r.kind as ReceivedBundle['kind'],
    senderCode: r.senderCode,
    senderName: r.senderName,
    fingerprint: r.fingerprint,
    receivedAt: r.receivedAt,
    result: r.result as ReceivedBundle['result'],
    summary: r.summary,
    forced: r.forced === 1,
  }));
}

/**
 * The officer would not trust a new sender's key, so the bundle is not taken:
 * logged as refused, from the finished verification this server ran (never
 * from what the page sends), with the fingerprint that was shown.
 */
export async function declineSender(tx: Tx, ctx: AppContext, jobId: string): Promise<{ logged: true }> {
  const status = jobStatus<VerifyReport>(jobId);
  const report = status.phase === 'done' ? status.result : null;
  if (!report?.header || !report.sender) throw new AppError('CONFLICT', 'Chỉ ghi “không nhận” cho một gói đã kiểm tra xong và đọc được người gửi.');
  if (report.sender.trusted) throw new AppError('CONFLICT', `Khóa của ${report.sender.officeName} đã được tin cậy; gói này không còn chờ quyết định tin cậy.`);
  const { header, sender } = report;
  const summary = `Cán bộ không nhận: chưa tin cậy khóa của người gửi (dấu vân tay ${sender.fingerprint}).`;
  const row = refusedRow({ info: { ...header, officeCode: sender.officeCode, officeName: sender.officeName }, signer: sender }, summary, ctx.actor, ctx.clock.now());
  await tx.insertInto('bundlesReceived').values(row).execute();
  await writeAudit(tx, ctx, { entity: 'bundlesReceived', recordId: row.id, before: null, after: row });
  return { logged: true };
}
