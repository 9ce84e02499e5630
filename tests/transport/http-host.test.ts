import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createAccount } from '../../main/accounts/index.js';
import { startHttpHost, type HttpHost } from '../../main/transport/http-host.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

let app: TestApp;
let host: HttpHost;
let root: string;
/** An officer's session: the HTTP host answers ops only for a logged-in account (tests/transport/sessions.test.ts). */
let session: string;

beforeEach(async () => {
  app = await createTestApp();
  root = join(app.dir, 'renderer');
  mkdirSync(root);
  writeFileSync(join(root, 'index.html'), '<!doctype html><title>XHHT</title>');
  writeFileSync(join(app.dir, 'secret.txt'), 'không được lộ');
  host = await startHttpHost(app.ctx, root, 0);
  await createAccount(app.ctx, { name: 'Cán bộ thử', login: 'canbo', role: 'officer', password: 'mat-khau-thu' });
  session = (await app.call('session.login', { login: 'canbo', password: 'mat-khau-thu' })).sessionToken;
});
afterEach(async () => {
  await host.close();
  await app.close();
});

const api = (op: string, body: unknown, token: string | null = host.token) =>
  fetch(`http://127.0.0.1:${host.port}/api/${op}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-xhht-session': session, ...(token === null ? {} : { authorization: `Bearer ${token}` }) },
    body: JSON.stringify(body),
  });

describe('HTTP host', () => {
  it('prints a loopback URL with a fresh token', () => {
    expect(host.url).toMatch(new RegExp(`^http://127\\.0\\.0\\.1:${host.port}/#token=[A-Za-z0-9_-]{20,}$`));
  });

  it('answers 401 without the token, or with a wrong one, and changes nothing', async () => {
    const root = (await app.call('office.status', {})).office!.rootUnitId;
    const input = { parentId: root, code: 'X1', name: 'Xã lạ', type: 'Xã' };
    expect((await api('units.create', input, null)).status).toBe(401);
    expect((await api('units.create', input, 'sai-ma')).status).toBe(401);
    expect((await api('no.such.op', {}, null)).status).toBe(401);
    expect(await app.call('units.tree', {})).toHaveLength(1);
  });

  it('runs an operation with the token and returns its envelope', async () => {
    const response = await api('agencies.list', {});
    expect(response.status).toBe(200);
    const body = (await response.json()) as { ok: boolean; data: unknown[] };
    expect(body.ok).toBe(true);
    expect(body.data.length).toBeGreaterThan(10);
  });

  it('returns validation failures as data with a Vietnamese message', async () => {
    const body = (await (await api('units.create', { parentId: 'x' })).json()) as { ok: false; error: { code: string; message: string } };
    expect(body.ok).toBe(false);
    expect(body.error.code).toBe('VALIDATION');
    expect(body.error.message).toMatch(/Dữ liệu nhập chưa hợp lệ/);
  });

  it('refuses a foreign Host or Origin', async () => {
    const { request } = await import('node:http');
    const status = await new Promise<number>((resolve) => {
      const req = request({ host: '127.0.0.1', port: host.port, path: '/', headers: { host: 'evil.example:80' } }, (res) => resolve(res.statusCode ?? 0));
      req.end();
    });
    expect(status).toBe(403);
    const origin = await fetch(`http://127.0.0.1:${host.port}/api/agencies.list`, {
      method: 'POST',
      headers: { authorization: `Bearer ${host.token}`, origin: 'http://evil.example' },
      body: '{}',
    });
    expect(origin.status).toBe(403);
  });

  it('serves the renderer with a CSP and nothing outside its folder', async () => {
    const index = await fetch(`http://127.0.0.1:${host.port}/`);
    expect(index.status).toBe(200);
    expect(index.headers.get('content-security-policy')).toContain("default-src 'none'");
    expect((await fetch(`http://127.0.0.1:${host.port}/..%2fsecret.txt`)).status).toBe(404);
    expect((await fetch(`http://127.0.0.1:${host.port}/%2e%2e/secret.txt`)).status).toBe(404);
  });

  it('answers a malformed percent escape with 400 — after the token check for the API — never 500', async () => {
    expect((await api('units.%E0%A4%A', {}, null)).status).toBe(401);
    const withToken = await api('units.%E0%A4%A', {});
    expect(withToken.status).toBe(400);
    expect(((await withToken.json()) as { error: { message: string } }).error.message).toMatch(/không hợp lệ/);
    expect((await fetch(`http://127.0.0.1:${host.port}/%E0%A4%A.js`)).status).toBe(400);
  });

  it('refuses a request with two Host headers', async () => {
    const head = (hosts: string[]) => rawRequest(host.port, ['GET / HTTP/1.1', ...hosts.map((h) => `Host: ${h}`), 'Connection: close', '', ''].join('\r\n'));
    expect(await head([`127.0.0.1:${host.port}`])).toMatch(/^HTTP\/1\.1 200/);
    expect(await head([`127.0.0.1:${host.port}`, 'evil.example'])).toMatch(/^HTTP\/1\.1 400/);
    expect(await head([`127.0.0.1:${host.port}`, `127.0.0.1:${host.port}`])).toMatch(/^HTTP\/1\.1 400/);
  });

  it.each([
    ['declared in Content-Length', true],
    ['sent chunked without a length', false],
  ])('delivers the 413 for a body over 20 MB %s to a client still uploading, without resetting the connection', async (_name, declared) => {
    const outcome = await uploadOversize(host.port, host.token, declared);
    expect(outcome.error).toBeNull();
    expect(outcome.answer).toMatch(/^HTTP\/1\.1 413/);
    expect(outcome.answer).toMatch(/quá lớn/);
    expect((await api('agencies.list', {})).status).toBe(200);
  });

  it('closes without waiting for a browser\'s silent or kept-alive sockets', async () => {
    const silent = await openSocket(host.port);
    const keptAlive = await openSocket(host.port);
    keptAlive.socket.write(`GET / HTTP/1.1\r\nHost: 127.0.0.1:${host.port}\r\n\r\n`);
    await keptAlive.received(/<title>XHHT<\/title>/);
    // Before the fix, close() waited for both sockets as long as the client kept them open.
    await host.close();
    await Promise.all([silent.ended, keptAlive.ended]);
  });

  it('answers a request already under way when it closes, then ends that connection', async () => {
    const client = await openSocket(host.port);
    client.socket.write(`POST /api/agencies.list HTTP/1.1\r\nHost: 127.0.0.1:${host.port}\r\nAuthorization: Bearer ${host.token}\r\nX-Xhht-Session: ${session}\r\nContent-Length: 2\r\nExpect: 100-continue\r\n\r\n`);
    // Node answers "100 Continue" as it hands the request to the handler, which then waits for the body.
    await client.received(/^HTTP\/1\.1 100 Continue/);
    const closed = host.close();
    client.socket.write('{}');
    const answer = await client.received(/"ok":true/);
    expect(answer).toMatch(/^HTTP\/1\.1 100 Continue\r\n\r\nHTTP\/1\.1 200 /);
    expect(answer).toMatch(/\r\nConnection: close\r\n/i);
    await Promise.all([closed, client.ended]);
  });
});

interface OpenSocket {
  socket: import('node:net').Socket;
  /** Resolves with everything received once it matches. */
  received(pattern: RegExp): Promise<string>;
  /** Resolves when the server ends the connection. */
  ended: Promise<void>;
}

async function openSocket(port: number): Promise<OpenSocket> {
  const { connect } = await import('node:net');
  const socket = connect(port, '127.0.0.1');
  await new Promise((resolve) => socket.once('connect', resolve));
  let text = '';
  const waiting: { pattern: RegExp; resolve: (text: string) => void }[] = [];
  socket.on('data', (d: Buffer) => {
    text += d.toString('utf8');
    for (const w of waiting.filter((w) => w.pattern.test(text))) w.resolve(text);
  });
  socket.on('error', () => undefined);
  const ended = new Promise<void>((resolve) => socket.once('close', () => resolve()));
  return {
    socket,
    received: (pattern) => (pattern.test(text) ? Promise.resolve(text) : new Promise((resolve) => waiting.push({ pattern, resolve }))),
    ended,
  };
}

/**
 * Uploads 40 MB as fast as the socket takes it, reading the answer meanwhile.
 * Done when every byte is written and the answer is complete; `error` is the
 * socket error if the server reset the connection first.
 */
async function uploadOversize(port: number, token: string, declared: boolean): Promise<{ answer: string; error: string | null }> {
  const { connect } = await import('node:net');
  const megabyte = Buffer.alloc(1024 * 1024, 0x20);
  const total = 40;
  return new Promise((resolve) => {
    let answer = '';
    let written = false;
    const socket = connect(port, '127.0.0.1');
    const finish = (error: string | null) => {
      socket.destroy();
      resolve({ answer, error });
    };
    // The JSON answer, whole: sent with a length or as the last chunk before the terminating one.
    const answered = () => /\r\n\r\n[^]*\}(\r\n0\r\n\r\n)?$/.test(answer);
    socket.on('data', (d: Buffer) => {
      answer += d.toString('utf8');
      if (written && answered()) finish(null);
    });
    socket.on('error', (e: NodeJS.ErrnoException) => finish(e.code ?? String(e)));
    const head = `POST /api/agencies.list HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nAuthorization: Bearer ${token}\r\n${declared ? `Content-Length: ${total * megabyte.length}` : 'Transfer-Encoding: chunked'}\r\n\r\n`;
    socket.write(head);
    let sent = 0;
    const pump = () => {
      while (sent < total) {
        sent++;
        const piece = declared ? megabyte : Buffer.concat([Buffer.from(`${megabyte.length.toString(16)}\r\n`), megabyte, Buffer.from('\r\n')]);
        if (!socket.write(piece)) return void socket.once('drain', pump);
      }
      socket.write(declared ? '' : '0\r\n\r\n', () => {
        written = true;
        if (answered()) finish(null);
      });
    };
    pump();
  });
}

/** Sends raw bytes (for requests fetch refuses to make) and returns the raw answer. */
async function rawRequest(port: number, bytes: string): Promise<string> {
  const { connect } = await import('node:net');
  return new Promise((resolve, reject) => {
    let answer = '';
    const socket = connect(port, '127.0.0.1', () => socket.end(bytes));
    socket.on('data', (d: Buffer) => (answer += d.toString('latin1'))).on('end', () => resolve(answer)).on('error', reject);
  });
}
