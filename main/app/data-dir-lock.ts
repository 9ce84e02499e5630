import Database from 'better-sqlite3';
import { chmodSync, closeSync, openSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { AppError } from '../../shared/errors.js';
import { writeFileAtomic } from '../files/atomic-write.js';

export const LOCK_FILE = 'xhht.lock';
/** Who holds the lock, for the message the next process shows; the lock itself is the SQLite lock on LOCK_FILE. */
export const LOCK_OWNER_FILE = 'xhht.lock.pid';

/** How long a second process waits, so a window that is just closing does not refuse the next one. */
const WAIT_MS = 1500;

export interface DataDirLock {
  release(): void;
}

/**
 * One process per data folder: the desktop app, `serve` and every CLI command
 * hold an exclusive SQLite transaction on `xhht.lock` for as long as they run.
 * The operating system drops the lock with the process however it ends
 * (a kill -9 or a power cut leaves no stale lock to clean up), unlike a pid file.
 */
export function lockDataDir(dir: string): DataDirLock {
  const file = join(dir, LOCK_FILE);
  closeSync(openSync(file, 'a', 0o600));
  chmodSync(file, 0o600);
  const lock = new Database(file, { timeout: WAIT_MS });
  try {
    // The lock file holds no data; a journal in memory keeps a -journal file out of the folder.
    lock.pragma('journal_mode = MEMORY');
    lock.exec('BEGIN EXCLUSIVE');
  } catch (error) {
    lock.close();
    if ((error as { code?: unknown }).code === 'SQLITE_BUSY') throw inUse(dir);
    throw error;
  }
  writeFileAtomic(join(dir, LOCK_OWNER_FILE), `${process.pid}\n`, 0o600);
  return {
    release: () => {
      rmSync(join(dir, LOCK_OWNER_FILE), { force: true });
      lock.close();
    },
  };
}

function inUse(dir: string): AppError {
  const pid = ownerPid(dir);
  return new AppError(
    'DB_BUSY',
    `Thư mục dữ liệu ${dir} đang được một chương trình XHHT khác sử dụng${pid ? ` (tiến trình số ${pid})` : ''}. Hãy đóng cửa sổ XHHT hoặc lệnh đang chạy trên thư mục này rồi thử lại.`,
    { dataDir: dir, ...(pid ? { pid } : {}) },
  );
}

function ownerPid(dir: string): number | null {
  try {
    const pid = Number.parseInt(readFileSync(join(dir, LOCK_OWNER_FILE), 'utf8'), 10);
    return Number.isSafeInteger(pid) && pid > 0 ? pid : null;
  } catch {
    return null;
  }
}
