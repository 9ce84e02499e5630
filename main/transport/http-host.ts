import { randomBytes, timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { AppContext } from '../app/context.js';
import { dispatch } from '../app/dispatch.js';
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
  const server: Server = createServer((req, res) => {
    handle(req, res).catch(() => send(res, 500, { ok: false, error: { code: 'INTERNAL', message: 'Lỗi máy chủ nội bộ' } }));
  });
  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    const actualPort = (server.address() as AddressInfo).port;
    if (!isLocalHost(req.headers.host, actualPort)) return send(res, 403, { error: 'Host không hợp lệ' });
    const url = req.url ?? '/';
    if (url.startsWith('/api/')) {
      if (!hasToken(req, token)) return send(res, 401, { ok: false, error: { code: 'UNAUTHORIZED', message: 'Thiếu hoặc sai mã truy cập' } });
      const origin = req.headers.origin;
      if (origin && origin !== `http://127.0.0.1:${actualPort}` && origin !== `http://localhost:${actualPort}`) return send(res, 403, { error: 'Origin không hợp lệ' });
      if (req.method !== 'POST') return send(res, 405, { ok: false, error: { code: 'VALIDATION', message: 'Chỉ nhận POST' } });
      const body = await readBody(req);
      if (body === null) return send(res, 413, { ok: false, error: { code: 'VALIDATION', message: 'Dữ liệu gửi lên quá lớn' } });
      let input: unknown;
      try {
        input = body.length ? JSON.parse(body.toString('utf8')) : {};
      } catch {
        return send(res, 400, { ok: false, error: { code: 'VALIDATION', message: 'Dữ liệu gửi lên không phải JSON hợp lệ' } });
      }
      return send(res, 200, await dispatch(decodeURIComponent(url.slice(5).split('?')[0] ?? ''), input, ctx));
    }
    const file = req.method === 'GET' ? readStaticFile(rendererRoot, url) : null;
    if (!file) return send(res, 404, { error: 'Không tìm thấy' });
    res.writeHead(200, { 'content-type': file.type, 'content-security-policy': CONTENT_SECURITY_POLICY, 'x-content-type-options': 'nosniff', 'x-frame-options': 'DENY', 'referrer-policy': 'no-referrer' });
    res.end(file.body);
  };
  await new Promise<void>((resolve, reject) => server.once('error', reject).listen(port, '127.0.0.1', resolve));
  const actual = (server.address() as AddressInfo).port;
  return { url: `http://127.0.0.1:${actual}/#token=${token}`, port: actual, token, close: () => new Promise((r) => server.close(() => r())) };
}

function isLocalHost(host: string | undefined, port: number): boolean {
  return host === `127.0.0.1:${port}` || host === `localhost:${port}`;
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

function send(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store', 'x-content-type-options': 'nosniff' });
  res.end(JSON.stringify(body));
}
