import { spawnSync } from 'node:child_process';
import { createPrivateKey, createPublicKey, generateKeyPairSync, sign } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { encodePayload, payloadBody, type PayloadFields } from '../../shared/certificate-payload.js';
import { keyIdOf, signPayload } from '../../main/certificates/verify.js';

const CLI = ['--import', 'tsx', 'main/cli/xhht.ts'];
const xhht = (...args: string[]) => {
  const result = spawnSync(process.execPath, [...CLI, ...args], { encoding: 'utf8' });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
};

// Each case starts the CLI under tsx: 20–25 s per start on the shared 2-core machine under load, so budgets are per spawn.
const PER_SPAWN = 60_000;
let dir: string;
let fields: PayloadFields;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'xhht-cli-cert-'));
  expect(xhht('init', '--data-dir', dir, '--office-name', 'Phòng GD&ĐT huyện Tân Hồng', '--office-code', '870', '--level', 'huyen').code).toBe(0);
  const publicKey = createPublicKey(createPrivateKey(readFileSync(join(dir, 'keys', 'office-ed25519.pem'), 'utf8'))).export({ format: 'der', type: 'spki' }).toString('base64');
  fields = { keyId: keyIdOf(publicKey), registerSeq: 3, title: 'cong_dan', year: 2025, holderName: 'Nguyễn Thị Mỹ Hạnh', decisionNumber: '245/QĐ-UBND', decisionDate: '2025-12-20', officeCode: '870' };
}, PER_SPAWN);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('xhht verify-certificate', () => {
  it('exits 0 for a payload signed by this office and prints what was signed', () => {
    const result = xhht('verify-certificate', '--data-dir', dir, signPayload(dir, fields));
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^HỢP LỆ: /);
    expect(result.stdout).toContain('3/2025/CDHT');
    expect(result.stdout).toContain('Nguyễn Thị Mỹ Hạnh');
    expect(result.stdout).toContain('số 245/QĐ-UBND ngày 20/12/2025');
    expect(result.stdout).toContain('văn bản pháp lý là quyết định công nhận đã ký');
  }, PER_SPAWN);

  it('exits 1 for a changed character, an unknown issuer and text that is no payload', () => {
    const good = signPayload(dir, fields);
    const at = 40;
    const changed = good.slice(0, at) + (good[at] === 'A' ? 'B' : 'A') + good.slice(at + 1);
    const stranger = generateKeyPairSync('ed25519');
    const strangerId = keyIdOf(stranger.publicKey.export({ format: 'der', type: 'spki' }).toString('base64'));
    const body = payloadBody({ ...fields, keyId: strangerId });
    const foreign = encodePayload(body, sign(null, Buffer.from(body), stranger.privateKey));
    for (const [payload, verdict] of [
      [changed, /^(CHỮ KÝ SAI|KHÔNG ĐỌC ĐƯỢC MÃ): /],
      [foreign, /^KHÔNG RÕ ĐƠN VỊ CẤP: /],
      ['XH1:hello', /^KHÔNG ĐỌC ĐƯỢC MÃ: /],
    ] as const) {
      const result = xhht('verify-certificate', '--data-dir', dir, payload);
      expect(result.code, payload).toBe(1);
      expect(result.stdout).toMatch(verdict);
    }
  }, 3 * PER_SPAWN);

  it('refuses a payload split by the shell and a folder without data, in one line', () => {
    const split = xhht('verify-certificate', '--data-dir', dir, 'XH1:ABC', 'DEF');
    expect(split.code).toBe(2);
    expect(split.stderr).toMatch(/dấu nháy đơn/);
    const empty = xhht('verify-certificate', '--data-dir', join(dir, 'khong-co'), 'XH1:ABC');
    expect(empty.code).toBe(2);
    expect(empty.stderr.trim().split('\n')).toHaveLength(1);
  }, 2 * PER_SPAWN);
});
