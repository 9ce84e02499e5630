import { rmSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exportBundle } from '../../main/bundles/export/export-bundle.js';
import { waitForJob } from '../../main/jobs/index.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

/**
 * "Không nhận": the officer would not trust a new sender's key. The bundle was
 * received all the same, so the list of bundles received says so, from the
 * verification this office ran, with the fingerprint that was shown.
 */

let office: TestApp;
let stranger: TestApp;
let strangerBundle: string;

beforeAll(async () => {
  office = await createTestApp();
  stranger = await createTestApp();
  strangerBundle = `${stranger.dir}-goi.xhht`;
  await exportBundle({ sqlite: stranger.ctx.sqlite, dataDir: stranger.ctx.dataDir, options: { kind: 'sync', period: null, includeFiles: false, includePersonalData: false }, outPath: strangerBundle, now: new Date() });
}, 120_000);
afterAll(async () => {
  await office.close();
  await stranger.close();
  for (const file of [strangerBundle, `${office.dir}-goi-rieng.xhht`]) rmSync(file, { force: true });
});

async function verified(path: string) {
  const { jobId } = await office.call('bundles.verifyStart', { source: { path } });
  await waitForJob(jobId);
  return { jobId, status: await office.call('bundles.verifyStatus', { jobId }) };
}

describe('declining a new sender', () => {
  it('logs the bundle as refused with its id, sender and fingerprint, and leaves the trust list as it was', async () => {
    const { jobId, status } = await verified(strangerBundle);
    const sender = status.result!.sender!;
    expect(sender.trusted).toBe(false);
    const trustedBefore = await office.call('certificates.trustList', {});
    await office.call('bundles.declineSender', { jobId });
    const [row, ...rest] = await office.call('bundles.list', {});
    expect(rest).toHaveLength(0);
    expect(row).toMatchObject({ result: 'refused', bundleId: status.result!.header!.bundleId, kind: 'sync', senderName: sender.officeName, fingerprint: sender.fingerprint });
    expect(row!.summary).toBe(`Cán bộ không nhận: chưa tin cậy khóa của người gửi (dấu vân tay ${sender.fingerprint}).`);
    expect(await office.call('certificates.trustList', {})).toEqual(trustedBefore);
  });

  it('refuses a verification that asks nothing: the office’s own bundle, or a job that is not a finished verification', async () => {
    const own = `${office.dir}-goi-rieng.xhht`;
    await exportBundle({ sqlite: office.ctx.sqlite, dataDir: office.ctx.dataDir, options: { kind: 'sync', period: null, includeFiles: false, includePersonalData: false }, outPath: own, now: new Date() });
    const { jobId } = await verified(own);
    const logged = (await office.call('bundles.list', {})).length;
    expect((await office.fail('bundles.declineSender', { jobId })).message).toContain('đã được tin cậy');
    expect((await office.fail('bundles.declineSender', { jobId: 'khong-co' })).code).toBe('NOT_FOUND');
    expect(await office.call('bundles.list', {})).toHaveLength(logged);
  });
});
