import { request } from 'node:http';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { EVIDENCE_CONTENT_PATH, EVIDENCE_UPLOAD_PATH, SHEET_UPLOAD_MAX_BYTES, type StagedFile } from '../../shared/evidence.js';
import { MAX_LIST_IMPORT_BYTES } from '../../shared/titles-import.js';
import { MAX_IMPORT_BYTES } from '../../shared/units.js';
import { waitForJob } from '../jobs/index.js';
import { GOOD_UNIT_ROWS, unitSheet } from '../../tests/fixtures/units-sheet.js';
import { createAccount } from '../accounts/index.js';
import { startHttpHost, type HttpHost } from '../transport/http-host.js';
import { aPlan } from '../../tests/support/plan-fixtures.js';
import { createTestApp, type TestApp } from '../../tests/support/test-app.js';
import { makePdf } from './demo-files.js';
import { storeOf } from './store.js';

let app: TestApp;
let host: HttpHost;
/** Uploads need a cán bộ's session beside the transport token (issue 17). */
let session: string;
beforeEach(async () => {
  app = await createTestApp();
  host = await startHttpHost(app.ctx, join(app.dir, 'no-renderer'), 0);
  storeOf(app.ctx.dataDir);
  await createAccount(app.ctx, { name: 'Cán bộ', login: 'canbo', role: 'officer', password: 'mat-khau-can-bo' });
  const login = await fetch(`http://127.0.0.1:${host.port}/api/session.login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${host.token}` },
    body: JSON.stringify({ login: 'canbo', password: 'mat-khau-can-bo' }),
  });
  session = ((await login.json()) as { data: { sessionToken: string } }).data.sessionToken;
});
afterEach(async () => {
  await host.close();
  await app.close();
});

const MB = 1024 * 1024;
const staging = () => readdirSync(join(app.dir, 'files', 'tmp'));
const uploadUrl = (name: string) => `http://127.0.0.1:${host.port}${EVIDENCE_UPLOAD_PATH}?name=${encodeURIComponent(name)}`;
type Envelope<T> = { ok: true; data: T } | { ok: false; error: { code: string; message: string } };

async function upload(name: string, body: Buffer, token: string | null = host.token) {
  const response = await fetch(uploadUrl(name), { method: 'POST', headers: token ? { authorization: `Bearer ${token}`, 'x-xhht-session': session } : {}, body: new Uint8Array(body) });
  return { status: response.status, body: (await response.json()) as Envelope<StagedFile> };
}

/** Waits for a state, not a time: the server finishes its clean-up after the client has gone. */
async function until(check: () => boolean, what: string): Promise<void> {
  for (let i = 0; i < 500; i++) {
    if (check()) return;
    await new Promise((r) => setTimeout(r, 10));
  }
  throw new Error(`still not ${what} after 5 s`);
}

describe('the upload route', () => {
  it('streams a file in behind the token, keeps a Vietnamese name intact, and serves it back', async () => {
    const plan = await aPlan(app);
    const name = 'Biên bản họp chi bộ ấp Thống Nhất – đợt 2.pdf';
    const pdf = makePdf(['bien ban']);
    const { status, body } = await upload(name, pdf);
    expect(status).toBe(200);
    if (!body.ok) throw new Error(body.error.message);
    expect(body.data).toMatchObject({ name, size: pdf.length, mime: 'application/pdf' });
    const [file] = await app.call('evidence.attach', { recordTable: 'plans', recordId: plan.id, files: [{ stagedId: body.data.stagedId, name: body.data.name }] });
    expect(file!.name).toBe(name);

    const content = await fetch(`http://127.0.0.1:${host.port}${EVIDENCE_CONTENT_PATH}?id=${file!.id}&download=1`, { headers: { authorization: `Bearer ${host.token}`, 'x-xhht-session': session } });
    expect(content.status).toBe(200);
    expect(content.headers.get('content-type')).toBe('application/pdf');
    expect(content.headers.get('content-disposition')).toBe(`attachment; filename="bien_ban_hop_chi_bo_ap_thong_nhat_dot_2.pdf"; filename*=UTF-8''${encodeURIComponent(name)}`);
    expect(Buffer.from(await content.arrayBuffer())).toEqual(pdf);
  });

  it('answers 401 without the token and stores nothing', async () => {
    const { status } = await upload('a.pdf', makePdf(['x']), null);
    expect(status).toBe(401);
    expect((await fetch(`http://127.0.0.1:${host.port}${EVIDENCE_CONTENT_PATH}?id=x`)).status).toBe(401);
    expect(staging()).toEqual([]);
  });

  it('refuses a file over the configured limit before reading it, naming the file', async () => {
    await app.call('evidence.saveSettings', { maxBytes: MB });
    const big = Buffer.concat([Buffer.from('%PDF-1.4\n'), Buffer.alloc(2 * MB)]);
    const { status, body } = await upload('Bản scan dày.pdf', big);
    expect(status).toBe(400);
    expect(body.ok ? '' : body.error.message).toBe('Tệp "Bản scan dày.pdf" lớn hơn giới hạn 1 MB cho một minh chứng.');
    expect(staging()).toEqual([]);
  });

  it('refuses a program renamed .pdf', async () => {
    const { status, body } = await upload('Quyết định.pdf', Buffer.from('MZ\x90\x00\x03'));
    expect(status).toBe(400);
    expect(body.ok ? '' : body.error.message).toMatch(/^Tệp "Quyết định.pdf" không thuộc loại được nhận/);
  });

  it('leaves nothing behind when the sender cancels part-way', async () => {
    const req = request(uploadUrl('Video.mp4'), { method: 'POST', headers: { authorization: `Bearer ${host.token}`, 'x-xhht-session': session, 'content-length': 50 * MB } });
    req.on('error', () => undefined);
    req.write(Buffer.concat([Buffer.from([0, 0, 0, 24]), Buffer.from('ftypisom'), Buffer.alloc(MB)]));
    await until(() => staging().length === 1, 'receiving');
    req.destroy();
    await until(() => staging().length === 0, 'cleaned up');
  });

  it('streams a 300 MB upload with flat memory', async () => {
    await app.call('evidence.saveSettings', { maxBytes: 400 * MB });
    const total = 300 * MB;
    const chunk = 1 * MB;
    async function* body() {
      for (let sent = 0; sent < total; sent += chunk) {
        const part = Buffer.alloc(chunk, sent / chunk);
        if (sent === 0) Buffer.concat([Buffer.from([0, 0, 0, 24]), Buffer.from('ftypisom')]).copy(part);
        yield part;
      }
    }
    global.gc?.();
    const baseline = process.memoryUsage().rss;
    let peak = baseline;
    const sampler = setInterval(() => {
      peak = Math.max(peak, process.memoryUsage().rss);
    }, 5);
    try {
      const response = await new Promise<Envelope<StagedFile>>((resolve, reject) => {
        const req = request(uploadUrl('Video lớp học cộng đồng.mp4'), { method: 'POST', headers: { authorization: `Bearer ${host.token}`, 'x-xhht-session': session, 'content-length': total } }, (res) => {
          const parts: Buffer[] = [];
          res.on('data', (d: Buffer) => parts.push(d));
          res.on('end', () => resolve(JSON.parse(Buffer.concat(parts).toString('utf8')) as Envelope<StagedFile>));
        });
        req.on('error', reject);
        pipeline(Readable.from(body()), req).catch(reject);
      });
      if (!response.ok) throw new Error(response.error.message);
      expect(response.data.size).toBe(total);
      expect(response.data.mime).toBe('video/mp4');
    } finally {
      clearInterval(sampler);
    }
    const grewMb = (peak - baseline) / MB;
    console.log(`300 MB upload: RSS ${Math.round(baseline / MB)} MB → peak ${Math.round(peak / MB)} MB (+${grewMb.toFixed(1)} MB)`);
    // Client and server share this process; buffering the file anywhere would add at least 300 MB.
    expect(grewMb).toBeLessThan(80);
  }, 120_000);

  describe('a bundle upload (purpose=bundle)', () => {
    const bundleUpload = async (name: string, body: Buffer, purpose = 'bundle') => {
      const response = await fetch(`${uploadUrl(name)}&purpose=${purpose}`, { method: 'POST', headers: { authorization: `Bearer ${host.token}`, 'x-xhht-session': session }, body: new Uint8Array(body) });
      return { status: response.status, body: (await response.json()) as Envelope<StagedFile> };
    };

    it('is staged past the evidence type and size checks, never becomes evidence, and reaches verification to be refused and logged', async () => {
      await app.call('evidence.saveSettings', { maxBytes: MB });
      const broken = Buffer.concat([Buffer.from('PK\x03\x04'), Buffer.alloc(2 * MB, 7)]);
      const { status, body } = await bundleUpload('Gói của xã — hỏng.xhht', broken);
      expect(status).toBe(200);
      if (!body.ok) throw new Error(body.error.message);
      expect(body.data).toMatchObject({ purpose: 'bundle', size: broken.length });

      const plan = await aPlan(app);
      await expect(app.call('evidence.attach', { recordTable: 'plans', recordId: plan.id, files: [{ stagedId: body.data.stagedId, name: body.data.name }] })).rejects.toThrow(
        'Tệp "Gói của xã — hỏng.xhht" được tải lên làm gói dữ liệu, không phải minh chứng. Hãy chọn lại tệp.',
      );

      const { jobId } = await app.call('bundles.verifyStart', { source: { stagedId: body.data.stagedId } });
      let status_ = await app.call('bundles.verifyStatus', { jobId });
      while (status_.phase !== 'done' && status_.phase !== 'failed' && status_.phase !== 'cancelled') {
        await new Promise((r) => setTimeout(r, 50));
        status_ = await app.call('bundles.verifyStatus', { jobId });
      }
      expect(status_.phase).toBe('done');
      expect(status_.result).toMatchObject({ valid: false, header: null, sender: null });
      expect(status_.result!.problem).toBeTruthy();
      const logged = await app.call('bundles.list', {});
      expect(logged).toHaveLength(1);
      expect(logged[0]).toMatchObject({ result: 'refused', bundleId: '' });
      expect(logged[0]!.summary).toContain('Gói của xã — hỏng.xhht');
    });

    it('an evidence upload is not a bundle, and an unknown purpose is refused before anything is stored', async () => {
      const evidence = await upload('Biên bản.pdf', makePdf(['bien ban']));
      if (!evidence.body.ok) throw new Error(evidence.body.error.message);
      expect(evidence.body.data.purpose).toBe('evidence');
      await expect(app.call('bundles.verifyStart', { source: { stagedId: evidence.body.data.stagedId } })).rejects.toThrow('được tải lên làm minh chứng, không phải gói dữ liệu');

      const before = staging();
      const { status, body } = await bundleUpload('x.xhht', Buffer.from('abc'), 'script');
      expect(status).toBe(400);
      expect(body.ok ? '' : body.error.message).toContain('Mục đích tải tệp "script" không có');
      expect(staging()).toEqual(before);
    });
  });

  describe('a sheet upload (purpose=sheet)', () => {
    const sheetUpload = async (name: string, body: Buffer) => {
      const response = await fetch(`${uploadUrl(name)}&purpose=sheet`, { method: 'POST', headers: { authorization: `Bearer ${host.token}`, 'x-xhht-session': session }, body: new Uint8Array(body) });
      return { status: response.status, body: (await response.json()) as Envelope<StagedFile> };
    };

    it('is imported from where it was staged, and is neither evidence nor a bundle', async () => {
      const sheet = await unitSheet(GOOD_UNIT_ROWS);
      const { status, body } = await sheetUpload('Đơn vị — huyện.xlsx', sheet);
      expect(status).toBe(200);
      if (!body.ok) throw new Error(body.error.message);
      expect(body.data).toMatchObject({ purpose: 'sheet', size: sheet.length, mime: 'application/octet-stream' });

      // The check, then the import, read the same staged file.
      for (const dryRun of [true, false]) {
        const { jobId } = await app.call('units.importXlsx', { stagedId: body.data.stagedId, dryRun });
        expect(await waitForJob(jobId)).toMatchObject({ phase: 'done', result: { created: 4, applied: !dryRun } });
      }
      expect((await app.call('units.tree', {})).map((u) => u.name)).toContain('Gò Chòi');

      const plan = await aPlan(app);
      await expect(app.call('evidence.attach', { recordTable: 'plans', recordId: plan.id, files: [{ stagedId: body.data.stagedId, name: body.data.name }] })).rejects.toThrow(
        'Tệp "Đơn vị — huyện.xlsx" được tải lên làm bảng tính để nhập, không phải minh chứng. Hãy chọn lại tệp.',
      );
      await expect(app.call('bundles.verifyStart', { source: { stagedId: body.data.stagedId } })).rejects.toThrow('được tải lên làm bảng tính để nhập, không phải gói dữ liệu');
    });

    it('an evidence upload is not a sheet; a sheet over the largest import limit is refused before it is stored, one over the units limit by the import', async () => {
      const evidence = await upload('Biên bản.pdf', makePdf(['bien ban']));
      if (!evidence.body.ok) throw new Error(evidence.body.error.message);
      await expect(app.call('units.importXlsx', { stagedId: evidence.body.data.stagedId, dryRun: true })).rejects.toThrow(
        'Tệp "Biên bản.pdf" được tải lên làm minh chứng, không phải bảng tính để nhập. Hãy chọn lại tệp.',
      );

      // The upload's limit is the largest import's; each import then holds the sheet to its own.
      expect(SHEET_UPLOAD_MAX_BYTES).toBe(Math.max(MAX_IMPORT_BYTES, MAX_LIST_IMPORT_BYTES));
      const before = staging();
      const tooBig = await sheetUpload('lon.xlsx', Buffer.alloc(SHEET_UPLOAD_MAX_BYTES + 1));
      expect(tooBig.status).toBe(400);
      expect(tooBig.body.ok ? '' : tooBig.body.error.message).toBe('Tệp "lon.xlsx" lớn hơn giới hạn 20 MB cho một bảng tính để nhập.');
      expect(staging()).toEqual(before);

      const overUnits = await sheetUpload('vua.xlsx', Buffer.alloc(MAX_IMPORT_BYTES + 1));
      if (!overUnits.body.ok) throw new Error(overUnits.body.error.message);
      await expect(app.call('units.importXlsx', { stagedId: overUnits.body.data.stagedId, dryRun: true })).rejects.toThrow('Tệp "vua.xlsx" quá lớn (tối đa 10 MB).');
    });
  });
});
