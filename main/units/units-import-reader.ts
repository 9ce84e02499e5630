import { Worker } from 'node:worker_threads';
import { AppError } from '../../shared/errors.js';
import { JobCancelled } from '../jobs/index.js';
import { Issues, unpackUnits, type RowBatch, type UnitSheet } from './units-import-sheet.js';
import type { ReaderInput, ReaderMessage } from './units-import-reader.worker.js';

/** A unit sheet read in its own thread, and the means to stop that thread. */
export interface ThreadedSheet extends UnitSheet {
  stop(): Promise<void>;
}

/**
 * Starts the reading thread (main/units/units-import-reader.worker.ts) on the
 * file `readerFile` and resolves once the sheet is open: its batches then
 * arrive while the caller writes the ones before.
 */
export function readUnitSheetInThread(readerFile: string, sheetFile: string, cancelFlag: Int32Array, maxHeapMb: number): Promise<ThreadedSheet> {
  const input: ReaderInput = { sheetFile, cancelFlag };
  const worker = new Worker(readerFile, { workerData: input, resourceLimits: { maxOldGenerationSizeMb: maxHeapMb } });
  const queue: ReaderMessage[] = [];
  let wake: (() => void) | null = null;
  const push = (message: ReaderMessage) => {
    queue.push(message);
    wake?.();
  };
  worker.on('message', push);
  worker.on('error', (error: Error & { code?: string }) => {
    const message =
      error.code === 'ERR_WORKER_OUT_OF_MEMORY'
        ? 'Tệp cần nhiều bộ nhớ hơn mức cho phép nên đã bị dừng; dữ liệu không bị thay đổi.'
        : 'Đã xảy ra lỗi không mong đợi; dữ liệu không bị thay đổi.';
    if (error.code !== 'ERR_WORKER_OUT_OF_MEMORY') console.error('[xhht] lỗi khi đọc bảng tính:', error);
    push({ type: 'failed', error: { code: error.code === 'ERR_WORKER_OUT_OF_MEMORY' ? 'IMPORT_INVALID' : 'INTERNAL', message } });
  });
  worker.on('exit', () => push({ type: 'failed', error: { code: 'INTERNAL', message: 'Tiến trình đọc bảng tính dừng đột ngột; dữ liệu không bị thay đổi.' } }));

  const next = async (): Promise<ReaderMessage> => {
    while (queue.length === 0) await new Promise<void>((r) => (wake = r));
    wake = null;
    const message = queue.shift()!;
    if (message.type === 'cancelled') throw new JobCancelled();
    if (message.type === 'failed') throw new AppError(message.error.code, message.error.message, message.error.details);
    return message;
  };
  const stop = () => worker.terminate().then(() => undefined);

  return next().then(
    (opened) => {
      if (opened.type !== 'open') throw new Error(`reader sent ${opened.type} before open`);
      const sheet: ThreadedSheet = {
        sheetName: opened.sheetName,
        total: opened.total,
        issues: new Issues(opened.sheetName),
        stop,
        async *batches(): AsyncGenerator<RowBatch> {
          for (;;) {
            const message = await next();
            if (message.type === 'rows') yield { units: unpackUnits(message.packed), read: message.read };
            else if (message.type === 'end') {
              sheet.issues = Issues.of(opened.sheetName, message.issues, message.issueCount);
              return;
            } else throw new Error(`reader sent ${message.type} among rows`);
          }
        },
      };
      return sheet;
    },
    async (error: unknown) => {
      await stop();
      throw error;
    },
  );
}
