import { app, BrowserWindow, dialog, shell } from 'electron';
import { createReadStream } from 'node:fs';
import { chmod, copyFile, mkdtemp } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { Readable } from 'node:stream';
import type { Envelope } from '../../shared/errors.js';
import { AppError } from '../../shared/errors.js';
import { EVIDENCE_CONTENT_PATH, EVIDENCE_UPLOAD_PATH, evidenceOps, normalizeFileName, type StagedFile } from '../../shared/evidence.js';
import type { AppContext } from '../app/context.js';
import { asAppError, contentDisposition, evidenceContent, loadSettings, receiveUpload, storeOf } from '../evidence/index.js';

/**
 * The desktop half of evidence files. The renderer never hands main a path:
 * main shows the system dialog itself and reads what the officer picked, and
 * opens a copy (never the stored original) with the system application. Bytes
 * the renderer holds (a drop) stream through app:// like the browser's upload.
 */

export type DesktopOp = (input: unknown) => Promise<Envelope<unknown>>;

const failure = (error: unknown): Envelope<never> => {
  const e = asAppError(error);
  return { ok: false, error: { code: e.code, message: e.message } };
};

function run<T>(schema: { safeParse(raw: unknown): { success: boolean; data?: unknown } }, work: (input: never) => Promise<T>): DesktopOp {
  return async (raw) => {
    const parsed = schema.safeParse(raw ?? {});
    if (!parsed.success) return failure(new AppError('VALIDATION', 'Dữ liệu nhập chưa hợp lệ'));
    try {
      return { ok: true, data: await work(parsed.data as never) };
    } catch (error) {
      return failure(error);
    }
  };
}

/** Windows refuses these in a file name; the copy keeps the rest of the Vietnamese name as it is. */
const windowsSafe = (name: string) => name.replace(/[<>:"/\\|?*\u0000-\u001f]/g, '_').replace(/[. ]+$/, '') || 'minh-chung';

export function desktopEvidenceOps(ctx: AppContext): Record<string, DesktopOp> {
  const store = storeOf(ctx.dataDir);
  return {
    'evidence.chooseFiles': run(evidenceOps['evidence.chooseFiles'].input, async (): Promise<StagedFile[]> => {
      const window = BrowserWindow.getFocusedWindow();
      const options: Electron.OpenDialogOptions = { title: 'Chọn tệp minh chứng', properties: ['openFile', 'multiSelections'] };
      const picked = window ? await dialog.showOpenDialog(window, options) : await dialog.showOpenDialog(options);
      if (picked.canceled) return [];
      const { maxBytes } = await loadSettings(ctx.db);
      const staged: StagedFile[] = [];
      try {
        for (const path of picked.filePaths) staged.push(await store.receiveFile(path, normalizeFileName(basename(path)), maxBytes));
      } catch (error) {
        for (const s of staged) await store.discard(s.stagedId);
        throw error;
      }
      return staged;
    }),
    'evidence.openCopy': run(evidenceOps['evidence.openCopy'].input, async ({ id }: { id: string }) => {
      const { row, path } = await evidenceContent(ctx.db, ctx.dataDir, id);
      const copy = join(await mkdtemp(join(app.getPath('temp'), 'xhht-minh-chung-')), windowsSafe(row.name));
      await copyFile(path, copy);
      // Read-only, so an edit in Word cannot be mistaken for a change to the evidence.
      await chmod(copy, 0o400);
      const problem = await shell.openPath(copy);
      if (problem) throw new AppError('INTERNAL', `Không mở được "${row.name}" bằng ứng dụng của máy: ${problem}`);
      return { opened: true };
    }),
  };
}

/** The byte routes on app://xhht/, answered in main (only the app's own window loads that origin). */
export function evidenceProtocolRoute(ctx: AppContext): (request: Request) => Promise<Response> | null {
  return (request) => {
    const url = new URL(request.url);
    if (url.pathname === EVIDENCE_UPLOAD_PATH && request.method === 'POST' && request.body) {
      const body = request.body as unknown as AsyncIterable<Uint8Array>;
      return receiveUpload(ctx, body, url.searchParams.get('name') ?? '', Number(request.headers.get('content-length')), url.searchParams.get('purpose'))
        .then((data) => Response.json({ ok: true, data }))
        .catch((error: unknown) => Response.json(failure(error), { status: 400 }));
    }
    if (url.pathname === EVIDENCE_CONTENT_PATH && request.method === 'GET') {
      return evidenceContent(ctx.db, ctx.dataDir, url.searchParams.get('id') ?? '')
        .then(
          ({ row, path }) =>
            new Response(Readable.toWeb(createReadStream(path)) as ReadableStream, {
              headers: { 'content-type': row.mime, 'content-length': String(row.size), 'content-disposition': contentDisposition(row.name, url.searchParams.get('download') === '1') },
            }),
        )
        .catch((error: unknown) => Response.json(failure(error), { status: 404 }));
    }
    return null;
  };
}
