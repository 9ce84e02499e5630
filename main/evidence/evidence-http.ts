import { createReadStream } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { AppError } from '../../shared/errors.js';
import { BUNDLE_MAX_TOTAL_BYTES } from '../../shared/bundles.js';
import { EVIDENCE_CONTENT_PATH, EVIDENCE_UPLOAD_PATH, fileNameProblem, normalizeFileName, SHEET_UPLOAD_MAX_BYTES, UploadPurpose, type StagedFile } from '../../shared/evidence.js';
import { foldText } from '../../shared/text.js';
import type { AppContext } from '../app/context.js';
import { evidenceContent, loadSettings } from './evidence.service.js';
import { storeOf, tooBig } from './store.js';

/**
 * The byte routes beside the JSON ops, behind the same token (the host checks
 * it first): an upload streams the request body into the staging area,
 * hashing on the way; content streams a stored file out. Bytes never sit in
 * memory whole and never travel inside a JSON op.
 */

const UPLOAD_OP = EVIDENCE_UPLOAD_PATH.slice('/api/'.length);
const CONTENT_OP = EVIDENCE_CONTENT_PATH.slice('/api/'.length);

export function isEvidenceRoute(op: string): boolean {
  return op === UPLOAD_OP || op === CONTENT_OP;
}

export async function serveEvidenceRoute(req: IncomingMessage, res: ServerResponse, ctx: AppContext, op: string): Promise<void> {
  const params = new URL(req.url ?? '/', 'http://host').searchParams;
  try {
    if (op === UPLOAD_OP) {
      if (req.method !== 'POST') throw new AppError('VALIDATION', 'Tải tệp lên chỉ nhận POST');
      sendJson(res, 200, { ok: true, data: await receiveUpload(ctx, req, params.get('name') ?? '', Number(req.headers['content-length']), params.get('purpose')) });
      return;
    }
    if (req.method !== 'GET') throw new AppError('VALIDATION', 'Đọc tệp chỉ nhận GET');
    await sendContent(res, ctx, params.get('id') ?? '', params.get('download') === '1');
  } catch (error) {
    const appError = asAppError(error);
    if (res.headersSent) {
      res.destroy();
      return;
    }
    const status = appError.code === 'NOT_FOUND' ? 404 : appError.code === 'VALIDATION' ? 400 : 500;
    if (op === UPLOAD_OP && !req.complete) res.setHeader('connection', 'close');
    sendJson(res, status, { ok: false, error: { code: appError.code, message: appError.message } });
  }
}

/**
 * Stages one uploaded body under its name; the HTTP host and Electron's app://
 * protocol both come here. `purpose` (the query's `purpose`, evidence when
 * absent) picks the checks: evidence types and the office's evidence limit; or
 * a bundle's or a sheet's own size limit, its content left to the bundle's
 * verification or the sheet's import.
 */
export async function receiveUpload(ctx: AppContext, body: AsyncIterable<Uint8Array>, rawName: string, declaredLength: number, rawPurpose: string | null): Promise<StagedFile> {
  const parsed = UploadPurpose.safeParse(rawPurpose ?? 'evidence');
  if (!parsed.success) {
    throw new AppError('VALIDATION', `Mục đích tải tệp "${String(rawPurpose).slice(0, 40)}" không có; chỉ nhận minh chứng (evidence), gói dữ liệu (bundle) hoặc bảng tính để nhập (sheet).`);
  }
  const purpose = parsed.data;
  const name = normalizeFileName(rawName);
  const problem = fileNameProblem(name);
  if (problem) throw new AppError('VALIDATION', problem);
  const maxBytes = purpose === 'bundle' ? BUNDLE_MAX_TOTAL_BYTES : purpose === 'sheet' ? SHEET_UPLOAD_MAX_BYTES : (await loadSettings(ctx.db)).maxBytes;
  // Refused before a byte is read when the size is declared.
  if (Number.isFinite(declaredLength) && declaredLength > maxBytes) throw tooBig(name, maxBytes, purpose);
  return storeOf(ctx.dataDir).receive(body, name, maxBytes, purpose);
}

async function sendContent(res: ServerResponse, ctx: AppContext, id: string, download: boolean): Promise<void> {
  const { row, path } = await evidenceContent(ctx.db, ctx.dataDir, id);
  const stream = createReadStream(path);
  await new Promise<void>((resolve, reject) => {
    stream.once('open', () => resolve());
    stream.once('error', (error: NodeJS.ErrnoException) => reject(error.code === 'ENOENT' ? new AppError('NOT_FOUND', `Nội dung tệp "${row.name}" không còn trong kho; hãy chạy "Kiểm tra toàn vẹn".`) : error));
  });
  res.writeHead(200, {
    'content-type': row.mime,
    'content-length': row.size,
    'content-disposition': contentDisposition(row.name, download),
    'cache-control': 'no-store',
    'x-content-type-options': 'nosniff',
  });
  stream.pipe(res);
  await new Promise<void>((resolve) => res.once('close', resolve));
  stream.destroy();
}

/** RFC 6266: an ASCII fallback for old clients and the exact UTF-8 name in filename*. */
export function contentDisposition(name: string, download: boolean): string {
  const fallback = foldText(name.replace(/\.[^.]*$/, '')).replace(/ /g, '_') + (/\.[^.]*$/.exec(name)?.[0] ?? '');
  const encoded = encodeURIComponent(name).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `${download ? 'attachment' : 'inline'}; filename="${fallback.replace(/[^\x20-\x7e]|"/g, '_')}"; filename*=UTF-8''${encoded}`;
}

export function asAppError(error: unknown): AppError {
  if (error instanceof AppError) return error;
  console.error('[xhht] lỗi khi truyền tệp minh chứng:', error);
  return new AppError('INTERNAL', 'Lỗi khi truyền tệp; không có gì được lưu. Hãy thử lại.');
}

function sendJson(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store', 'x-content-type-options': 'nosniff' });
  res.end(JSON.stringify(body));
}
