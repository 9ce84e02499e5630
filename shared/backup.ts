import { z } from 'zod';
import { JobRef, JobStarted, jobStatusSchema } from './jobs.js';
import { job, mutation, query } from './op.js';

/**
 * A backup is one file holding a consistent snapshot of the database (SQLite's
 * online backup, taken while the app runs), every evidence file and the
 * office key, checked after writing. It may be encrypted with a passphrase:
 * it holds the office's private key, so a backup on a USB disk is as
 * sensitive as the office PC itself.
 */

export const BACKUP_EXTENSION = '.xhhtbak';
export const BACKUP_FORMAT = 1;

/** The shortest passphrase accepted; a backup carries the office key. */
export const MIN_PASSPHRASE_LENGTH = 8;

const Sha256 = z.string().regex(/^[0-9a-f]{64}$/);

/** Paths inside a backup: only these shapes exist, so a crafted file cannot write outside the restore folder. */
export const DATABASE_ENTRY = 'xhht.sqlite';
export const KEY_ENTRY = 'keys/office-ed25519.pem';
export const MANIFEST_ENTRY = 'manifest.json';
export const EVIDENCE_ENTRY = /^files\/sha256\/[0-9a-f]{2}\/[0-9a-f]{64}$/;

/** More entries than this in a manifest is refused before anything is allocated for them. */
export const MAX_BACKUP_ENTRIES = 500_000;

export const BackupEntry = z.object({ path: z.string().max(200), size: z.number().int().nonnegative(), sha256: Sha256 });
export type BackupEntry = z.infer<typeof BackupEntry>;

export const BackupManifest = z.object({
  format: z.literal(BACKUP_FORMAT),
  app: z.literal('xhht'),
  createdAt: z.string().datetime(),
  /** PRAGMA user_version of the snapshot: a newer one than this app knows is refused on restore. */
  schemaVersion: z.number().int().nonnegative(),
  officeName: z.string().max(500),
  officeCode: z.string().max(50),
  entries: z.array(BackupEntry).max(MAX_BACKUP_ENTRIES),
});
export type BackupManifest = z.infer<typeof BackupManifest>;

/** `xhht-2026-12-04-153000.xhhtbak`: sorts by time, and the time can be read back for rotation. */
export function backupFileName(at: Date): string {
  const p = (n: number) => String(n).padStart(2, '0');
  return `xhht-${at.getFullYear()}-${p(at.getMonth() + 1)}-${p(at.getDate())}-${p(at.getHours())}${p(at.getMinutes())}${p(at.getSeconds())}${BACKUP_EXTENSION}`;
}

/** The local time a backup file was taken, from its name; null for any other file. */
export function backupTakenAt(name: string): Date | null {
  const m = /^xhht-(\d{4})-(\d{2})-(\d{2})-(\d{2})(\d{2})(\d{2})\.xhhtbak$/.exec(name);
  if (!m) return null;
  const [y, mo, d, h, mi, s] = m.slice(1).map(Number) as [number, number, number, number, number, number];
  const at = new Date(y, mo - 1, d, h, mi, s);
  return at.getMonth() === mo - 1 && at.getDate() === d ? at : null;
}

export const ROTATION = { daily: 7, weekly: 4, monthly: 12 } as const;

/**
 * Which automatic backups to keep (grandfather–father–son): the newest of each
 * of the last 7 days that have one, of the last 4 ISO weeks and of the last 12
 * months. Files whose names are not backups are never touched.
 */
export function backupsToKeep(names: readonly string[]): Set<string> {
  const dated = names
    .map((name) => ({ name, at: backupTakenAt(name) }))
    .filter((b): b is { name: string; at: Date } => b.at !== null)
    .sort((a, b) => b.at.getTime() - a.at.getTime());
  const keep = new Set<string>();
  const newestPer = (period: (d: Date) => string, count: number) => {
    const seen = new Set<string>();
    for (const b of dated) {
      const key = period(b.at);
      if (seen.has(key)) continue;
      if (seen.size === count) break;
      seen.add(key);
      keep.add(b.name);
    }
  };
  newestPer((d) => `${d.getFullYear()}-${d.getMonth()}-${d.getDate()}`, ROTATION.daily);
  newestPer(isoWeek, ROTATION.weekly);
  newestPer((d) => `${d.getFullYear()}-${d.getMonth()}`, ROTATION.monthly);
  return keep;
}

function isoWeek(d: Date): string {
  const t = new Date(d.getFullYear(), d.getMonth(), d.getDate());
  const day = (t.getDay() + 6) % 7;
  t.setDate(t.getDate() - day + 3);
  const firstThursday = new Date(t.getFullYear(), 0, 4);
  const week = 1 + Math.round(((t.getTime() - firstThursday.getTime()) / 86_400_000 - 3 + ((firstThursday.getDay() + 6) % 7)) / 7);
  return `${t.getFullYear()}-W${week}`;
}

/** The home page warns when the last good backup is older than this, or there is none. */
export const STALE_AFTER_DAYS = 7;

export function backupIsStale(lastGoodAt: string | null, now: Date): boolean {
  if (lastGoodAt === null) return true;
  return now.getTime() - new Date(lastGoodAt).getTime() > STALE_AFTER_DAYS * 86_400_000;
}

const Passphrase = z
  .string()
  .min(MIN_PASSPHRASE_LENGTH, `Mật khẩu sao lưu cần ít nhất ${MIN_PASSPHRASE_LENGTH} ký tự`)
  .max(200, 'Mật khẩu sao lưu dài quá 200 ký tự');

/** An absolute folder path on this machine, chosen by the officer (a USB disk). */
const FolderPath = z.string().trim().min(1, 'Chưa chọn thư mục').max(1000, 'Đường dẫn dài quá 1.000 ký tự');

export const BackupSettings = z.object({
  folder: FolderPath.nullable(),
  /** Take a backup once a day into `folder`, rotated by ROTATION. */
  daily: z.boolean(),
});
export type BackupSettings = z.infer<typeof BackupSettings>;

export const BackupFile = z.object({ name: z.string(), size: z.number(), takenAt: z.string().nullable(), encrypted: z.boolean() });
export type BackupFile = z.infer<typeof BackupFile>;

export const BackupOverview = BackupSettings.extend({
  lastGoodAt: z.string().nullable(),
  lastGoodFile: z.string().nullable(),
  lastError: z.string().nullable(),
  stale: z.boolean(),
  backups: z.array(BackupFile),
});
export type BackupOverview = z.infer<typeof BackupOverview>;

export const BackupResult = z.object({ file: z.string(), size: z.number(), entries: z.number(), removedByRotation: z.array(z.string()) });
export type BackupResult = z.infer<typeof BackupResult>;
export const BackupJobStatus = jobStatusSchema(BackupResult);
export type BackupJobStatus = z.infer<typeof BackupJobStatus>;

export const RestoreResult = z.object({ restoredTo: z.string(), officeName: z.string(), createdAt: z.string(), entries: z.number() });
export type RestoreResult = z.infer<typeof RestoreResult>;
export const RestoreJobStatus = jobStatusSchema(RestoreResult);
export type RestoreJobStatus = z.infer<typeof RestoreJobStatus>;

export const backupOps = {
  'backup.overview': query(z.object({}), BackupOverview, 'admin'),
  'backup.saveSettings': mutation(BackupSettings, BackupOverview, 'admin'),
  'backup.start': job(z.object({ passphrase: Passphrase.nullable() }), JobStarted, 'admin'),
  'backup.status': query(JobRef, BackupJobStatus, 'admin'),
  'backup.cancel': query(JobRef, BackupJobStatus, 'admin'),
  /** Restores a backup of the backup folder beside the data folder; XHHT switches to it at its next start. */
  'backup.restore': job(z.object({ name: z.string().min(1).max(200), passphrase: z.string().max(200).nullable() }), JobStarted, 'admin'),
  'backup.restoreStatus': query(JobRef, RestoreJobStatus, 'admin'),
  'backup.restoreCancel': query(JobRef, RestoreJobStatus, 'admin'),
} as const;
