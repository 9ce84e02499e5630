import { readFileSync } from 'node:fs';
import { AppError } from '../../shared/errors.js';

/**
 * The bytes of a sheet staged by the upload route (main/evidence/store.ts), read
 * by the worker thread that parses it; one that is gone (expired, swept at a
 * restart) is asked for again.
 */
export function readStagedSheet(path: string): Buffer {
  try {
    return readFileSync(path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') throw new AppError('NOT_FOUND', 'Tệp bảng tính tải lên đã hết hạn hoặc đã được dùng. Hãy chọn lại tệp.');
    throw error;
  }
}
