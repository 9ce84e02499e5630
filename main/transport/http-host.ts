import { randomBytes, timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { AppContext } from '../app/context.js';
import { callerMay, dispatch } from '../app/dispatch.js';
import { EVIDENCE_UPLOAD_PATH } from '../../shared/evidence.js';
import { isEvidenceRoute, serveEvidenceRoute } from '../evidence/index.js';
import { CONTENT_SECURITY_POLICY } from './security-policy.js';
import { readStaticFile } from './static-files.js';

const MAX_BODY_BYTES = 20 * 1024 * 1024;
/**
 * How long close() lets requests already being answered finish before it cuts
 * every connection. server.close() alone waits for every open socket, and a
 * browser holds sockets that count as busy: a preconnected one that has sent
 * nothing yet (Node starts its header timer at accept, so it is never "idle",
 * and close() stops the timer), and a keep-alive one that was mid-request at
 * close and is then reused by the page's next request. Either kept `serve`
 * running long after SIGTERM.
 */
const CLOSE_GRACE_MS = 1000;
/** How long the rest of an oversize body is read and dropped after the 413, before the connection is cut. */
const DRAIN_MS = 5000;

export interface HttpHost {
  url: string;
  port: number;
  token: string;
  close(): Promise<void>;
}

/** Serves the renderer and `POST /api/:op` on 127.0.0.1 only, guarded by a token made fresh at each start. */
export async function startHttpHost(ctx: AppContext, rendererRoot: string, port = 0): Promise<HttpHost> {
  const token = randomBytes(24).toString('base64url');
  // Set once listening; kept rather than read from server.address(), which is null once close() has begun.
  let origin = '';
  let closing = false;
  /**
   * Requests not yet done — handler settled and answer handed to the system —
   * with their response: close() waits for them, so the database is not closed
   * under a running operation and no answer is cut short.
   */
  const inFlight = new Map<Promise<void>, ServerResponse>();
  const server = createServer((req, res) => {
    if (closing) res.setHeader('connection', 'close');
    const handled = route(req, res, { ctx, rendererRoot, token, origin }).catch(() => sendError(res, 500, 'INTERNAL', 'Lỗi máy chủ nội bộ'));
    const answered = new Promise<void>((resolve) => res.once('close', () => resolve()));
    const done = Promise.all([handled, answered]).then(() => undefined);
    inFlight.set(done, res);
    void done.then(() => {
      inFlight.delete(done);
      if (closing && inFlight.size === 0) server.closeAllConnections();
    });
  });
  await new Promise<void>((resolve, reject) => server.once('error', reject).listen(port, '127.0.0.1', resolve));
  const actual = (server.address() as AddressInfo).port;
  origin = `127.0.0.1:${actual}`;
  let closed: Promise<void> | null = null;
  const close = async () => {
    closing = true;
    // An answer still to be written ends its connection, so a keep-alive socket cannot carry the page's next request.
    for (const res of inFlight.values()) if (!res.headersSent) res.setHeader('connection', 'close');
    const stopped = new Promise<void>((resolve) => server.close(() => resolve()));
    // Nothing is being answered: every socket left is idle, silent or part-way through a request no one will wait for.
    if (inFlight.size === 0) server.closeAllConnections();
    const cut = setTimeout(() => server.closeAllConnections(), CLOSE_GRACE_MS);
    await Promise.all([stopped, ...inFlight.keys()]);
    clearTimeout(cut);
  };
  return { url: `http://127.0.0.1:${actual}/#token=${token}`, port: actual, token, close: () => (closed ??= close()) };
}

interface HostState {
  ctx: AppContext;
  rendererRoot: string;
  token: string;
  /** "127.0.0.1:PORT": the only host this server answers to (a DNS-rebinding page gets 403). */
  origin: string;
}

async function route(req: IncomingMessage, res: ServerResponse, host: HostState): Promise<void> {
  const port = host.origin.split(':')[1];
  // Node keeps only the first of two Host headers; a proxy or cache may read the other, so two are refused outright.
  const hosts = req.headersDistinct.host ?? [];
  if (hosts.length !== 1) return sendError(res, 400, 'VALIDATION', 'Yêu cầu phải có đúng một tiêu đề Host');
  if (hosts[0] !== host.origin && hosts[0] !== `localhost:${port}`) return sendError(res, 403, 'FORBIDDEN', 'Host không hợp lệ');
  const url = req.url ?? '/';
  if (url.startsWith('/api/')) return serveApi(req, res, host, url.slice(5).split('?')[0] ?? '');
  if (decodedPath(url) === null) return sendError(res, 400, 'VALIDATION', 'Địa chỉ không hợp lệ');
  const file = req.method === 'GET' ? readStaticFile(host.rendererRoot, url) : null;
  if (!file) return sendError(res, 404, 'NOT_FOUND', 'Không tìm thấy');
  res.writeHead(200, { 'content-type': file.type, 'cache-control': file.cacheControl, 'content-security-policy': CONTENT_SECURITY_POLICY, 'x-content-type-options': 'nosniff', 'x-frame-options': 'DENY', 'referrer-policy': 'no-referrer' });
  res.end(file.body);
}

/** Token first, so a request without it learns nothing and changes nothing. */
async function serveApi(req: IncomingMessage, res: ServerResponse, host: HostState, rawOp: string): Promise<void> {
  if (!hasToken(req, host.token)) return sendError(res, 401, 'UNAUTHORIZED', 'Thiếu hoặc sai mã truy cập');
  const origin = req.headers.origin;
  const port = host.origin.split(':')[1];
  if (origin && origin !== `http://${host.origin}` && origin !== `http://localhost:${port}`) return sendError(res, 403, 'FORBIDDEN', 'Origin không hợp lệ');
  const op = decodedPath(rawOp);
  if (op === null) return sendError(res, 400, 'VALIDATION', 'Tên thao tác trong địa chỉ không hợp lệ');
  // The token says the request comes from a page this server gave out; the session says which account sends it.
  const ctx: AppContext = { ...host.ctx, session: sessionOf(req) };
  if (isEvidenceRoute(op)) {
    const refusal = await callerMay(ctx, `/api/${op}` === EVIDENCE_UPLOAD_PATH ? 'officer' : 'viewer');
    if (refusal) return sendError(res, 403, refusal.code, refusal.message);
    return serveEvidenceRoute(req, res, ctx, op);
  }
  if (req.method !== 'POST') return sendError(res, 405, 'VALIDATION', 'Chỉ nhận POST');
  const body = await readBody(req);
  if (body === null) return refuseOversizeBody(req, res);
  let input: unknown;
  try {
    input = body.length ? JSON.parse(body.toString('utf8')) : {};
  } catch {
    return sendError(res, 400, 'VALIDATION', 'Dữ liệu gửi lên không phải JSON hợp lệ');
  }
  send(res, 200, await dispatch(op, input, ctx));
}

/** The session token the renderer sends once logged in (renderer/api/transport.ts). */
export const SESSION_HEADER = 'x-xhht-session';

function sessionOf(req: IncomingMessage): string | null {
  const value = req.headers[SESSION_HEADER];
  return typeof value === 'string' && /^[A-Za-z0-9_-]{1,100}$/.test(value) ? value : null;
}

function hasToken(req: IncomingMessage, token: string): boolean {
  const given = Buffer.from(/^Bearer (.+)$/.exec(req.headers.authorization ?? '')?.[1] ?? '');
  const expected = Buffer.from(token);
  return given.length === expected.length && timingSafeEqual(given, expected);
}

/** The percent-decoded path, or null for a malformed escape such as "%E0%A4%A". */
function decodedPath(path: string): string | null {
  try {
    return decodeURIComponent(path);
  } catch {
    return null;
  }
}

/**
 * The body, or null once it passes the limit (declared or counted). Reading
 * stops without destroying the request, so the 413 can still reach the client.
 */
function readBody(req: IncomingMessage): Promise<Buffer | null> {
  if (Number(req.headers['content-length']) > MAX_BODY_BYTES) return Promise.resolve(null);
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size <= MAX_BODY_BYTES) {
        chunks.push(chunk);
        return;
      }
      req.off('data', onData).off('end', onEnd).off('error', reject);
      req.pause();
      resolve(null);
    };
    const onEnd = () => resolve(Buffer.concat(chunks));
    req.on('data', onData).once('end', onEnd).once('error', reject);
  });
}

/**
 * Answers 413, then reads and drops the rest of the body. Closing a socket that
 * still has unread request bytes makes the kernel send a reset, and a client
 * still uploading then loses the answer (ECONNRESET); a body that does not end
 * within DRAIN_MS is cut off all the same.
 */
function refuseOversizeBody(req: IncomingMessage, res: ServerResponse): void {
  sendError(res, 413, 'VALIDATION', `Dữ liệu gửi lên quá lớn (tối đa ${MAX_BODY_BYTES / 1024 / 1024} MB)`);
  req.resume();
  const giveUp = setTimeout(() => req.destroy(), DRAIN_MS);
  req.once('end', () => clearTimeout(giveUp)).once('close', () => clearTimeout(giveUp));
}

function sendError(res: ServerResponse, status: number, code: string, message: string): void {
  send(res, status, { ok: false, error: { code, message } });
}

function send(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store', 'x-content-type-options': 'nosniff' });
  res.end(JSON.stringify(body));
}
