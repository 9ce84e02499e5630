import { existsSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { z } from 'zod';
import { MIN_PASSPHRASE_LENGTH } from '../../shared/backup.js';
import { AppError } from '../../shared/errors.js';
import { progressLines } from '../jobs/index.js';
import { restoreBackup } from './read-backup.js';
import { writeBackup } from './write-backup.js';
import { writeFileAtomic } from '../files/atomic-write.js';
import { applyPendingRestore, PENDING_RESTORE_FILE } from './backup.service.js';

/** The passphrase comes from the environment, never the command line, where any user of the PC could read it. */
export const PASSPHRASE_ENV = 'XHHT_BACKUP_PASSPHRASE';

export const BackupArgs = z.object({
  'data-dir': z.string({ message: 'thiếu --data-dir' }).min(1, 'thiếu --data-dir'),
  out: z.string({ message: 'thiếu --out TỆP.xhhtbak' }).min(1, 'thiếu --out TỆP.xhhtbak'),
  encrypt: z.boolean().default(false),
});

export const RestoreArgs = z.object({
  'data-dir': z.string({ message: 'thiếu --data-dir' }).min(1, 'thiếu --data-dir'),
  from: z.string({ message: 'thiếu --from TỆP.xhhtbak' }).min(1, 'thiếu --from TỆP.xhhtbak'),
});

function passphraseFromEnv(required: boolean): string | null {
  const value = process.env[PASSPHRASE_ENV] ?? '';
  if (value === '') {
    if (required) throw new AppError('VALIDATION', `--encrypt cần mật khẩu trong biến môi trường ${PASSPHRASE_ENV}`);
    return null;
  }
  if (value.length < MIN_PASSPHRASE_LENGTH) throw new AppError('VALIDATION', `mật khẩu sao lưu (${PASSPHRASE_ENV}) cần ít nhất ${MIN_PASSPHRASE_LENGTH} ký tự`);
  return value;
}


/**
 * `xhht backup`: works while the app runs on the same folder (SQLite's online
 * backup reads beside it), so it takes no lock.
 */
export async function backupCommand(args: z.output<typeof BackupArgs>, out: NodeJS.WritableStream, err: NodeJS.WritableStream): Promise<void> {
  const dataDir = resolve(args['data-dir']);
  const written = await writeBackup({ dataDir, outFile: resolve(args.out), passphrase: passphraseFromEnv(args.encrypt), now: new Date() }, progressLines(err));
  out.write(`Đã sao lưu ${written.entries} mục (${(written.size / 1024 / 1024).toLocaleString('vi-VN', { maximumFractionDigits: 1 })} MB) vào ${written.file}; đã đọc lại và kiểm tra.\n`);
}

/**
 * `xhht restore`: into an empty or new folder directly; over existing data
 * only when no XHHT has it open, and the previous data is kept aside.
 */
export async function restoreCommand(
  args: z.output<typeof RestoreArgs>,
  lockDataDir: (dir: string) => { release(): void },
  out: NodeJS.WritableStream,
  err: NodeJS.WritableStream,
): Promise<void> {
  const dataDir = resolve(args['data-dir']);
  const passphrase = passphraseFromEnv(false);
  const progress = progressLines(err);
  if (!existsSync(dataDir) || readdirSync(dataDir).length === 0) {
    const { manifest } = await restoreBackup({ file: resolve(args.from), passphrase, targetDir: dataDir }, progress);
    out.write(`Đã khôi phục bản sao lưu ngày ${manifest.createdAt.slice(0, 10).split('-').reverse().join('/')} của ${manifest.officeName} vào ${dataDir}.\n`);
    return;
  }
  // The lock refuses while the app or a server has this folder open; it is released before the folders move.
  const lock = lockDataDir(dataDir);
  let restoredTo: string;
  try {
    const now = new Date();
    const target = `${dataDir}.khoi-phuc-${now.getTime()}`;
    ({ targetDir: restoredTo } = await restoreBackup({ file: resolve(args.from), passphrase, targetDir: target }, progress));
    writeFileAtomic(join(dataDir, PENDING_RESTORE_FILE), `${JSON.stringify({ restoredTo })}\n`, 0o600);
  } finally {
    lock.release();
  }
  const aside = applyPendingRestore(dataDir, new Date());
  out.write(`Đã khôi phục vào ${dataDir}; dữ liệu trước đó được giữ ở ${aside}.\n`);
}
