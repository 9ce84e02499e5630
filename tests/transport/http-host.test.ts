import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startHttpHost, type HttpHost } from '../../main/transport/http-host.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

let app: TestApp;
let host: HttpHost;
let root: string;

beforeEach(async () => {
  app = await createTestApp();
  root = join(app.dir, 'renderer');
  mkdirSync(root);
  writeFileSync(join(root, 'index.html'), '<!doctype html><title>XHHT</title>');
  writeFileSync(join(app.dir, 'secret.txt'), 'không được lộ');
  host = await startHttpHost(app.ctx, root, 0);
});
afterEach(async () => {
  await host.close();
  await app.close();
});

const api = (op: string, body: unknown, token: string | null = host.token) =>
  fetch(`http://127.0.0.1:${host.port}/api/${op}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token === null ? {} : { authorization: `Bearer ${token}` }) },
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
});
