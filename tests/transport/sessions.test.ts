import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SESSION_IDLE_MINUTES } from '../../shared/accounts.js';
import { createAccount } from '../../main/accounts/index.js';
import { startHttpHost, type HttpHost } from '../../main/transport/http-host.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

let app: TestApp;
let host: HttpHost;

beforeEach(async () => {
  app = await createTestApp({ today: '2026-12-01' });
  const root = join(app.dir, 'renderer');
  mkdirSync(root);
  writeFileSync(join(root, 'index.html'), '<!doctype html><title>XHHT</title>');
  host = await startHttpHost(app.ctx, root, 0);
  await createAccount(app.ctx, { name: 'Người xem', login: 'xem', role: 'viewer', password: 'mat-khau-xem' });
  await createAccount(app.ctx, { name: 'Cán bộ', login: 'canbo', role: 'officer', password: 'mat-khau-can-bo' });
});
afterEach(async () => {
  await host.close();
  await app.close();
});

type Envelope = { ok: boolean; data?: any; error?: { code: string; message: string } };

const api = async (op: string, body: unknown, session?: string): Promise<Envelope> =>
  (await fetch(`http://127.0.0.1:${host.port}/api/${op}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${host.token}`, ...(session ? { 'x-xhht-session': session } : {}) },
    body: JSON.stringify(body),
  }).then((r) => r.json())) as Envelope;

const logIn = async (login: string, password: string) => (await api('session.login', { login, password })).data.sessionToken as string;

describe('browser sessions over the token', () => {
  it('answers nothing of the office before login, but says a login is needed', async () => {
    const refused = await api('agencies.list', {});
    expect(refused.error?.code).toBe('UNAUTHORIZED');
    expect(refused.error?.message).toMatch(/chưa đăng nhập/);
    const status = await api('session.current', {});
    expect(status.data).toMatchObject({ account: null, needsFirstAdmin: false });
  });

  it('lets a viewer read and refuses the same viewer a crafted write, changing nothing', async () => {
    const session = await logIn('xem', 'mat-khau-xem');
    expect((await api('session.current', {}, session)).data.account.login).toBe('xem');
    const agencies = (await api('agencies.list', {}, session)).data as { id: string; rev: number; name: string }[];
    expect(agencies.length).toBeGreaterThan(5);
    const target = agencies[0]!;
    const refused = await api('agencies.update', { ...target, name: 'Tên đổi lén' }, session);
    expect(refused.error?.code).toBe('FORBIDDEN');
    expect(refused.error?.message).toMatch(/vai trò Xem.*cần vai trò Cán bộ/);
    expect((await app.call('agencies.list', {})).find((a) => a.id === target.id)?.name).toBe(target.name);
  });

  it('ends a session at logout and after the idle time', async () => {
    const session = await logIn('canbo', 'mat-khau-can-bo');
    expect((await api('agencies.list', {}, session)).ok).toBe(true);
    expect((await api('session.logout', {}, session)).data).toEqual({ loggedOut: true });
    expect((await api('agencies.list', {}, session)).error?.code).toBe('UNAUTHORIZED');

    const idle = await logIn('canbo', 'mat-khau-can-bo');
    expect((await api('agencies.list', {}, idle)).ok).toBe(true);
    // A day without a call is far past the idle limit (SESSION_IDLE_MINUTES).
    expect(SESSION_IDLE_MINUTES).toBeLessThan(24 * 60);
    app.clock.set('2026-12-02');
    expect((await api('agencies.list', {}, idle)).error?.code).toBe('UNAUTHORIZED');
  });

  it('names the account in the audit row of a change made over HTTP', async () => {
    const session = await logIn('canbo', 'mat-khau-can-bo');
    const created = await api('agencies.create', { name: 'Trung tâm học tập cộng đồng xã Bình Phú', shortName: 'TTHTCĐ Bình Phú', kind: 'khac', contact: '' }, session);
    expect(created.ok).toBe(true);
    const history = (await api('audit.history', { recordId: created.data.id }, session)).data as { actor: string; actorName: string; action: string }[];
    expect(history[0]).toMatchObject({ actor: 'canbo', actorName: 'Cán bộ', action: 'created' });
  });

  it('refuses an evidence upload from a viewer before reading a byte', async () => {
    const session = await logIn('xem', 'mat-khau-xem');
    const response = await fetch(`http://127.0.0.1:${host.port}/api/evidence.upload?name=a.pdf`, {
      method: 'POST',
      headers: { authorization: `Bearer ${host.token}`, 'x-xhht-session': session },
      body: Buffer.from('%PDF-1.4 thử'),
    });
    expect(response.status).toBe(403);
  });
});
