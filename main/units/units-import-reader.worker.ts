import { parentPort, workerData } from 'node:worker_threads';
import type { ErrorPayload, FieldIssue } from '../../shared/errors.js';
import { AppError } from '../../shared/errors.js';
import { JobCancelled, cancelTokenOf, lowerThreadPriority } from '../jobs/index.js';
import { readStagedSheet } from '../xlsx/index.js';
import { openUnitSheet, packUnits } from './units-import-sheet.js';

/**
 * The reading thread of a units import: parses the sheet and checks its rows
 * while the import worker writes what it has received (main/units/units.import.ts),
 * so the two halves use both cores instead of one after the other.
 */

export interface ReaderInput {
  /** The .xlsx as staged by the upload route: read here, off the threads that answer requests and write. */
  sheetFile: string;
  /** The job's cancel flag, shared with the import worker and the app. */
  cancelFlag: Int32Array;
}

export type ReaderMessage =
  | { type: 'open'; sheetName: string; total: number | null }
  | { type: 'rows'; packed: ReturnType<typeof packUnits>; read: number }
  | { type: 'end'; issues: FieldIssue[]; issueCount: number }
  | { type: 'cancelled' }
  | { type: 'failed'; error: ErrorPayload };

const port = parentPort!;
const post = (message: ReaderMessage) => port.postMessage(message);
const input = workerData as ReaderInput;
lowerThreadPriority();

try {
  const sheet = await openUnitSheet(readStagedSheet(input.sheetFile), cancelTokenOf(input.cancelFlag));
  post({ type: 'open', sheetName: sheet.sheetName, total: sheet.total });
  for await (const batch of sheet.batches()) post({ type: 'rows', packed: packUnits(batch.units), read: batch.read });
  post({ type: 'end', issues: sheet.issues.list, issueCount: sheet.issues.count });
} catch (error) {
  if (error instanceof JobCancelled) post({ type: 'cancelled' });
  else if (error instanceof AppError) post({ type: 'failed', error: { code: error.code, message: error.message, details: error.details } });
  else {
    console.error('[xhht] lỗi khi đọc bảng tính:', error);
    post({ type: 'failed', error: { code: 'INTERNAL', message: 'Đã xảy ra lỗi không mong đợi; dữ liệu không bị thay đổi.' } });
  }
}
