import { randomBytes, timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { AppContext } from '../app/context.js';
import { dispatch } from '../app/dispatch.js';
import { isEvidenceRoute, serveEvidenceRoute } from '../evidence/index.js';
import { CONTENT_SECURITY_POLICY } from './security-policy.js';
import { readStaticFile } from './static-files.js';

const MAX_BODY_BYTES = 20 * 1024 * 1024;

export interface HttpHost {
  url: string;
  port: number;
  token: string;
  close(): Promise<void>;
}

/** Serves the renderer and `POST /api/:op` on 127.0.0.1 only, guarded by a token made fresh at each start. */
export async function startHttpHost(ctx: AppContext, rendererRoot: string, port = 0): Promise<HttpHost> {
  const token = randomBytes(24).toString('base64url');
  const server = createServer((req, res) => {
    const origin = `127.0.0.1:${(server.address() as AddressInfo).port}`;
    route(req, res, { ctx, rendererRoot, token, origin }).catch(() => sendError(res, 500, 'INTERNAL', 'Lỗi máy chủ nội bộ'));
  });
  await new Promise<void>((resolve, reject) => server.once('error', reject).listen(port, '127.0.0.1', resolve));
  const actual = (server.address() as AddressInfo).port;
  return { url: `http://127.0.0.1:${actual}/#token=${token}`, port: actual, token, close: () => new Promise((r) => server.close(() => r())) };
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
  if (req.headers.host !== host.origin && req.headers.host !== `localhost:${port}`) return sendError(res, 403, 'FORBIDDEN', 'Host không hợp lệ');
  const url = req.url ?? '/';
  if (url.startsWith('/api/')) return serveApi(req, res, host, decodeURIComponent(url.slice(5).split('?')[0] ?? ''));
  const file = req.method === 'GET' ? readStaticFile(host.rendererRoot, url) : null;
  if (!file) return sendError(res, 404, 'NOT_FOUND', 'Không tìm thấy');
  res.writeHead(200, { 'content-type': file.type, 'content-security-policy': CONTENT_SECURITY_POLICY, 'x-content-type-options': 'nosniff', 'x-frame-options': 'DENY', 'referrer-policy': 'no-referrer' });
  res.end(file.body);
}

/** Token first, so a request without it learns nothing and changes nothing. */
async function serveApi(req: IncomingMessage, res: ServerResponse, host: HostState, op: string): Promise<void> {
  if (!hasToken(req, host.token)) return sendError(res, 401, 'UNAUTHORIZED', 'Thiếu hoặc sai mã truy cập');
  const origin = req.headers.origin;
  const port = host.origin.split(':')[1];
  if (origin && origin !== `http://${host.origin}` && origin !== `http://localhost:${port}`) return sendError(res, 403, 'FORBIDDEN', 'Origin không hợp lệ');
  if (isEvidenceRoute(op)) return serveEvidenceRoute(req, res, host.ctx, op);
  if (req.method !== 'POST') return sendError(res, 405, 'VALIDATION', 'Chỉ nhận POST');
  const body = await readBody(req);
  if (body === null) return sendError(res, 413, 'VALIDATION', 'Dữ liệu gửi lên quá lớn');
  let input: unknown;
  try {
    input = body.length ? JSON.parse(body.toString('utf8')) : {};
  } catch {
    return sendError(res, 400, 'VALIDATION', 'Dữ liệu gửi lên không phải JSON hợp lệ');
  }
  send(res, 200, await dispatch(op, input, host.ctx));
}

function hasToken(req: IncomingMessage, token: string): boolean {
  const given = Buffer.from(/^Bearer (.+)$/.exec(req.headers.authorization ?? '')?.[1] ?? '');
  const expected = Buffer.from(token);
  return given.length === expected.length && timingSafeEqual(given, expected);
}

async function readBody(req: IncomingMessage): Promise<Buffer | null> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY_BYTES) return null;
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}

function sendError(res: ServerResponse, status: number, code: string, message: string): void {
  send(res, status, { ok: false, error: { code, message } });
}

function send(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store', 'x-content-type-options': 'nosniff' });
  res.end(JSON.stringify(body));
}
