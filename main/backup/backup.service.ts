import { closeSync, existsSync, openSync, readFileSync, readSync, readdirSync, renameSync, statSync } from 'node:fs';
import { isAbsolute, join } from 'node:path';
import { z } from 'zod';
import {
  BackupSettings,
  backupFileName,
  backupIsStale,
  backupTakenAt,
  type BackupFile,
  type BackupJobStatus,
  type BackupOverview,
  type BackupResult,
  type RestoreJobStatus,
  type RestoreResult,
} from '../../shared/backup.js';
import { AppError } from '../../shared/errors.js';
import type { AppContext } from '../app/context.js';
import { inTransaction, writeAudit } from '../db/records.js';
import { writeFileAtomic } from '../files/atomic-write.js';
import { cancelJob, jobStatus, startWorkerJob, waitForJob } from '../jobs/index.js';
import type { BackupWorkerInput } from './backup.worker.js';

/**
 * Backup settings belong to this PC (which USB disk, whether to back up
 * daily), not to the office's data: they live in a small file beside the
 * database, owner-only like the rest of the folder.
 */
const SETTINGS_FILE = 'backup-settings.json';
/** Written when a restore has finished; the next start switches to the restored folder (see applyPendingRestore). */
export const PENDING_RESTORE_FILE = 'restore-pending.json';

const StoredSettings = BackupSettings.extend({
  lastGoodAt: z.string().nullable(),
  lastGoodFile: z.string().nullable(),
  lastError: z.string().nullable(),
});
type StoredSettings = z.infer<typeof StoredSettings>;

const DEFAULTS: StoredSettings = { folder: null, daily: false, lastGoodAt: null, lastGoodFile: null, lastError: null };
/** Enough for the manifest of a large evidence store; the worker streams everything else. */
const WORKER_HEAP_MB = 512;
/** The daily backup is looked at this often, and taken when the last good one is a day old. */
const DAILY_CHECK_MS = 30 * 60 * 1000;
const DAY_MS = 24 * 60 * 60 * 1000;

const BACKUP_SCRIPT = { source: new URL('./backup.worker.ts', import.meta.url), bundled: 'backup.worker.mjs' };

function readSettings(dataDir: string): StoredSettings {
  try {
    return StoredSettings.parse(JSON.parse(readFileSync(join(dataDir, SETTINGS_FILE), 'utf8')));
  } catch {
    return { ...DEFAULTS };
  }
}

function writeSettings(dataDir: string, settings: StoredSettings): void {
  writeFileAtomic(join(dataDir, SETTINGS_FILE), `${JSON.stringify(settings, null, 2)}\n`, 0o600);
}

export function backupOverview(ctx: AppContext): BackupOverview {
  const settings = readSettings(ctx.dataDir);
  return {
    folder: settings.folder,
    daily: settings.daily,
    lastGoodAt: settings.lastGoodAt,
    lastGoodFile: settings.lastGoodFile,
    lastError: settings.lastError,
    stale: backupIsStale(settings.lastGoodAt, ctx.clock.now()),
    backups: settings.folder ? listBackups(settings.folder) : [],
  };
}

/** Backups are work with the office's data as a whole: who changed where they go, took one or restored one is kept in the journal. */
const audit = (ctx: AppContext, entity: 'backupSettings' | 'backups' | 'restores', recordId: string, before: unknown, after: unknown) =>
  inTransaction(ctx, (tx) => writeAudit(tx, ctx, { entity, recordId, before, after }));

export async function saveBackupSettings(ctx: AppContext, input: BackupSettings): Promise<BackupOverview> {
  if (input.folder !== null && !isAbsolute(input.folder)) {
    throw new AppError('VALIDATION', 'Thư mục sao lưu phải là đường dẫn đầy đủ (ví dụ E:\\SaoLuuXHHT hoặc /media/usb/SaoLuuXHHT).', { issues: [{ path: ['folder'], message: 'Cần đường dẫn đầy đủ' }] });
  }
  if (input.daily && input.folder === null) {
    throw new AppError('VALIDATION', 'Hãy chọn thư mục trước khi bật sao lưu hằng ngày.', { issues: [{ path: ['folder'], message: 'Chưa chọn thư mục' }] });
  }
  const before = readSettings(ctx.dataDir);
  await audit(ctx, 'backupSettings', 'may-nay', { folder: before.folder, daily: before.daily }, input);
  writeSettings(ctx.dataDir, { ...before, folder: input.folder, daily: input.daily });
  return backupOverview(ctx);
}

function listBackups(folder: string): BackupFile[] {
  let names: string[];
  try {
    names = readdirSync(folder);
  } catch {
    return [];
  }
  return names
    .filter((name) => backupTakenAt(name) !== null)
    .sort()
    .reverse()
    .map((name) => {
      const path = join(folder, name);
      return { name, size: statSync(path).size, takenAt: backupTakenAt(name)!.toISOString(), encrypted: isEncrypted(path) };
    });
}

/** The header line says so; reading 200 bytes is enough and never the whole file. */
function isEncrypted(path: string): boolean {
  const fd = openSync(path, 'r');
  try {
    const head = Buffer.alloc(200);
    const read = readSync(fd, head, 0, head.length, 0);
    return head.subarray(0, read).includes(Buffer.from('"cipher"'));
  } finally {
    closeSync(fd);
  }
}

function requireFolder(dataDir: string): string {
  const folder = readSettings(dataDir).folder;
  if (!folder) throw new AppError('VALIDATION', 'Chưa chọn thư mục sao lưu: hãy chọn thư mục (ví dụ một ổ USB) rồi lưu cài đặt.');
  return folder;
}

/** Backups and restores share one worker slot per data folder: one of them at a time. */
const startBackupWorker = (dataDir: string, input: BackupWorkerInput): string =>
  startWorkerJob({
    script: BACKUP_SCRIPT,
    key: `backup ${dataDir}`,
    busyMessage: 'Đang có một lần sao lưu hoặc khôi phục chạy; hãy chờ nó xong hoặc hủy nó.',
    input,
    maxHeapMb: WORKER_HEAP_MB,
  });

/** Starts a backup into the chosen folder; the outcome is recorded for the home page's warning. */
export async function startBackup(ctx: AppContext, passphrase: string | null): Promise<{ jobId: string }> {
  const folder = requireFolder(ctx.dataDir);
  const at = ctx.clock.now();
  const input: BackupWorkerInput = { kind: 'backup', dataDir: ctx.dataDir, folder, fileName: backupFileName(at), passphrase, at: at.toISOString() };
  const jobId = startBackupWorker(ctx.dataDir, input);
  await audit(ctx, 'backups', input.fileName, null, { folder, encrypted: passphrase !== null });
  void waitForJob<BackupResult>(jobId).then((status) => {
    const settings = readSettings(ctx.dataDir);
    if (status.phase === 'done' && status.result) writeSettings(ctx.dataDir, { ...settings, lastGoodAt: at.toISOString(), lastGoodFile: status.result.file, lastError: null });
    else if (status.phase === 'failed') writeSettings(ctx.dataDir, { ...settings, lastError: status.message });
  });
  return { jobId };
}

export const backupStatus = (jobId: string): BackupJobStatus => jobStatus(jobId);
export const cancelBackup = (jobId: string): BackupJobStatus => cancelJob(jobId);

/**
 * Restores a backup of the backup folder into a new folder beside the data
 * folder. The running app keeps its data; at the next start XHHT switches to
 * the restored folder and keeps the previous one aside under a dated name.
 */
export async function startRestore(ctx: AppContext, input: { name: string; passphrase: string | null }): Promise<{ jobId: string }> {
  const folder = requireFolder(ctx.dataDir);
  if (backupTakenAt(input.name) === null) throw new AppError('VALIDATION', `"${input.name}" không phải tên một bản sao lưu XHHT.`);
  const file = join(folder, input.name);
  if (!existsSync(file)) throw new AppError('NOT_FOUND', `Không còn tệp ${input.name} trong thư mục sao lưu.`);
  const targetDir = `${ctx.dataDir}.khoi-phuc-${stamp(ctx.clock.now())}`;
  const jobId = startBackupWorker(ctx.dataDir, { kind: 'restore', file, passphrase: input.passphrase, targetDir });
  await audit(ctx, 'restores', input.name, null, { folder, restoredTo: targetDir });
  void waitForJob<RestoreResult>(jobId).then((status) => {
    if (status.phase === 'done' && status.result) {
      writeFileAtomic(join(ctx.dataDir, PENDING_RESTORE_FILE), `${JSON.stringify({ restoredTo: status.result.restoredTo })}\n`, 0o600);
    }
  });
  return { jobId };
}

export const restoreStatus = (jobId: string): RestoreJobStatus => jobStatus(jobId);
export const cancelRestore = (jobId: string): RestoreJobStatus => cancelJob(jobId);

function stamp(at: Date): string {
  return backupFileName(at).replace(/^xhht-/, '').replace(/\.xhhtbak$/, '');
}

/**
 * Called before the data folder is opened: when a restore finished last time,
 * the restored folder takes the data folder's place and the previous data is
 * kept beside it as `<folder>.truoc-khoi-phuc-<time>`. Returns that folder, or
 * null when there was nothing to switch.
 */
export function applyPendingRestore(dataDir: string, now: Date): string | null {
  const marker = join(dataDir, PENDING_RESTORE_FILE);
  if (!existsSync(marker)) return null;
  const parsed = z.object({ restoredTo: z.string() }).safeParse(JSON.parse(readFileSync(marker, 'utf8')));
  const restored = parsed.success ? parsed.data.restoredTo : null;
  if (!restored || !existsSync(join(restored, 'xhht.sqlite'))) {
    // The restored folder is gone (moved by hand): keep working on the current data.
    renameSync(marker, `${marker}.bo-qua`);
    return null;
  }
  const aside = `${dataDir}.truoc-khoi-phuc-${stamp(now)}`;
  renameSync(dataDir, aside);
  renameSync(restored, dataDir);
  return aside;
}

/**
 * While the app runs (desktop or serve): takes the daily backup when it is
 * switched on and the last good one is a day old. A failure is recorded and
 * shown on the settings page; the next check tries again.
 */
export function startDailyBackups(ctx: AppContext): () => void {
  const check = () => {
    const settings = readSettings(ctx.dataDir);
    if (!settings.daily || !settings.folder) return;
    if (settings.lastGoodAt && ctx.clock.now().getTime() - new Date(settings.lastGoodAt).getTime() < DAY_MS) return;
    startBackup({ ...ctx, actor: 'sao lưu tự động', operation: 'backup.daily' }, null).catch((error: unknown) => {
      // A backup already running (started by hand) is the only expected refusal; anything else is recorded.
      if (!(error instanceof AppError && error.code === 'CONFLICT')) writeSettings(ctx.dataDir, { ...settings, lastError: (error as Error).message });
    });
  };
  const first = setTimeout(check, 60_000);
  const timer = setInterval(check, DAILY_CHECK_MS);
  first.unref();
  timer.unref();
  return () => {
    clearTimeout(first);
    clearInterval(timer);
  };
}
