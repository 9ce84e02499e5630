import { generateKeyPairSync, sign } from 'node:crypto';
import QRCode from 'qrcode';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decodePayload, encodePayload, payloadBody } from '../../shared/certificate-payload.js';
import { createTestApp, type TestApp } from '../../tests/support/test-app.js';
import { inTransaction } from '../db/records.js';
import { loadDemo } from '../demo/demo.service.js';
import { issueCertificates, type IssuedCertificate } from './index.js';

let app: TestApp;
let recognitionIds: string[];
const issue = (ids: string[]) => inTransaction(app.ctx, (tx) => issueCertificates(tx, app.ctx, ids));
const revOf = async (id: string) => (await app.ctx.db.selectFrom('certificates').select('rev').where('id', '=', id).executeTakeFirstOrThrow()).rev;
const auditOf = (entity: string, recordId: string) => app.ctx.db.selectFrom('auditLog').selectAll().where('entity', '=', entity).where('recordId', '=', recordId).execute();

beforeAll(async () => {
  app = await createTestApp({ today: '2026-11-25', setUp: false });
  await loadDemo(app.ctx);
  const [decision] = await app.call('decisions.list', { year: 2025 });
  const entries = await app.ctx.db.selectFrom('titleDecisionEntries').select('id').where('decisionId', '=', decision!.id).where('deletedAt', 'is', null).orderBy('position').execute();
  recognitionIds = entries.map((e) => e.id);
}, 120_000);
afterAll(() => app.close());

describe('the register', () => {
  let first: IssuedCertificate[];

  it('the demo gives its decision\'s certificates numbers 1, 2, 3 … in its year\'s and title\'s register, each with a QR that verifies', async () => {
    expect(recognitionIds.length).toBeGreaterThan(2);
    const register = await app.call('certificates.list', { year: 2025, title: 'cong_dan' });
    expect(register.certificates.map((c) => c.registerSeq)).toEqual(recognitionIds.map((_, i) => i + 1));
    // Asked again, the register gives the same certificates: same numbers, now as reprints.
    first = await issue(recognitionIds);
    expect(first.map((c) => c.registerNumber)).toEqual(recognitionIds.map((_, i) => `${i + 1}/2025/CDHT`));
    expect(first.every((c) => c.reprint && c.titleName === 'Công dân học tập' && c.decisionNumber === '245/QĐ-UBND')).toBe(true);
    expect(first[0]!.communeName).toBe('Xã Tân Hộ Cơ');
    for (const c of first) {
      expect(QRCode.create(c.qrPayload, { errorCorrectionLevel: 'Q' }).version).toBeLessThanOrEqual(11);
      const result = await app.call('certificates.verify', { payload: c.qrPayload });
      expect(result.status).toBe('hop_le');
      expect(result.content).toMatchObject({ registerNumber: c.registerNumber, holderName: c.holderName, year: 2025, decisionNumber: '245/QĐ-UBND', officeCode: '870' });
    }
    // Each certificate's issue is audited once, as the demo's.
    expect((await auditOf('certificates', first[0]!.certificateId)).map((a) => a.operation)).toEqual(['demo']);
  });

  it('a reprint keeps its number and its payload, and the register page logs who, when and why', async () => {
    const again = await issue([recognitionIds[1]!]);
    expect(again[0]).toMatchObject({ certificateId: first[1]!.certificateId, registerNumber: '2/2025/CDHT', reprint: true, qrPayload: first[1]!.qrPayload });
    const id = first[1]!.certificateId;
    const logged = await app.call('certificates.logReprint', { id, rev: await revOf(id), reason: 'Gia đình báo mất bản cũ' });
    expect(logged.reprintCount).toBe(1);
    const reprints = await app.call('certificates.reprints', { id });
    expect(reprints).toEqual([expect.objectContaining({ actor: 'kiểm thử', reason: 'Gia đình báo mất bản cũ', at: expect.stringMatching(/^2026-11-25T/) })]);
    const audit = await auditOf('certificateReprints', reprints[0]!.id);
    expect(audit).toEqual([expect.objectContaining({ operation: 'certificates.logReprint', actor: 'kiểm thử' })]);
  });

  it('a revoked number verifies as revoked, cannot be reprinted, and is never given again', async () => {
    const revoked = first[0]!;
    const after = await app.call('certificates.revoke', { id: revoked.certificateId, rev: await revOf(revoked.certificateId), reason: 'Cấp nhầm người', date: '2026-11-24' });
    expect(after.revokedOn).toBe('2026-11-24');
    expect((await auditOf('certificates', revoked.certificateId)).map((a) => a.operation)).toEqual(['demo', 'certificates.revoke']);
    const result = await app.call('certificates.verify', { payload: revoked.qrPayload });
    expect(result).toMatchObject({ status: 'da_thu_hoi', revokedOn: '2026-11-24', revokeReason: 'Cấp nhầm người', content: { registerNumber: '1/2025/CDHT' } });
    expect(result.message).toContain('24/11/2026');

    const refusal = await app.fail('certificates.logReprint', { id: revoked.certificateId, rev: after.rev, reason: 'In lại' });
    expect(refusal).toMatchObject({ code: 'CONFLICT' });
    expect(refusal.message).toContain('đã bị thu hồi ngày 24/11/2026');
    expect((await app.fail('certificates.revoke', { id: revoked.certificateId, rev: after.rev, reason: 'Lần nữa', date: '2026-11-25' })).code).toBe('CONFLICT');

    // The recognition stands, so it may get a new certificate: under the next number, not the revoked 1.
    const [renewed] = await issue([recognitionIds[0]!]);
    expect(renewed).toMatchObject({ reprint: false, registerNumber: `${recognitionIds.length + 1}/2025/CDHT` });
    expect(renewed!.certificateId).not.toBe(revoked.certificateId);
    expect((await app.call('certificates.verify', { payload: renewed!.qrPayload })).status).toBe('hop_le');
    const register = await app.call('certificates.list', { year: 2025, title: 'cong_dan' });
    expect(register.certificates.map((c) => c.registerSeq)).toEqual([...recognitionIds.map((_, i) => i + 1), recognitionIds.length + 1]);
    expect(register.registers).toEqual([{ year: 2025, title: 'cong_dan', count: recognitionIds.length + 1 }]);
  });

  it('a stale revision is refused', async () => {
    const id = first[2]!.certificateId;
    expect((await app.fail('certificates.revoke', { id, rev: (await revOf(id)) + 1, reason: 'Cấp nhầm', date: '2026-11-24' })).code).toBe('STALE');
  });
});

describe('verification', () => {
  let payload: string;
  beforeAll(async () => {
    payload = (await issue([recognitionIds[2]!]))[0]!.qrPayload;
  });

  it('rejects the payload with any one character changed', async () => {
    const alphabet = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ $%*+-./:';
    for (let at = 4; at < payload.length; at += 7) {
      const swapped = alphabet[(alphabet.indexOf(payload[at]!) + 1) % alphabet.length]!;
      const changed = payload.slice(0, at) + swapped + payload.slice(at + 1);
      const result = await app.call('certificates.verify', { payload: changed });
      expect(result.status, `character ${at + 1} changed`).not.toBe('hop_le');
      expect(result.status).not.toBe('da_thu_hoi');
    }
  });

  it('says "chữ ký sai" for a body signed by another key under this office\'s key id', async () => {
    const { body } = decodePayload(payload);
    const forged = encodePayload(body, sign(null, Buffer.from(body), generateKeyPairSync('ed25519').privateKey));
    expect(await app.call('certificates.verify', { payload: forged })).toMatchObject({ status: 'chu_ky_sai', content: null });
  });

  it('knows another office only once its key is on the trust list, showing its fingerprint', async () => {
    const other = generateKeyPairSync('ed25519');
    const spki = other.publicKey.export({ format: 'der', type: 'spki' }).toString('base64');
    const { createHash } = await import('node:crypto');
    const keyId = createHash('sha256').update(Buffer.from(spki, 'base64')).digest('hex').slice(0, 16);
    const body = payloadBody({ keyId, registerSeq: 7, title: 'gia_dinh', year: 2026, holderName: 'Hộ bà Lê Thị Sáu', decisionNumber: '12/QĐ-UBND', decisionDate: '2026-10-02', officeCode: '871' });
    const foreign = encodePayload(body, sign(null, Buffer.from(body), other.privateKey));
    const unknown = await app.call('certificates.verify', { payload: foreign });
    expect(unknown).toMatchObject({ status: 'khong_ro_don_vi', content: null });
    expect(unknown.message).toContain('871');

    const added = await app.call('certificates.trustAdd', { publicKey: other.publicKey.export({ format: 'pem', type: 'spki' }) as string, officeName: 'Phòng GD&ĐT huyện Hồng Ngự', officeCode: '871' });
    expect(added.keyId).toBe(keyId);
    expect(added.fingerprint).toMatch(/^[0-9A-F]{4}( [0-9A-F]{4}){15}$/);
    expect((await app.call('certificates.trustList', {})).own).toMatchObject({ officeCode: '870' });
    expect(await app.call('certificates.verify', { payload: foreign })).toMatchObject({ status: 'hop_le', issuer: 'Phòng GD&ĐT huyện Hồng Ngự (mã 871)', content: { registerNumber: '7/2026/GDHT' } });
    expect((await app.fail('certificates.trustAdd', { publicKey: spki, officeName: 'Trùng' })).message).toContain('đã có trong danh sách');
    expect((await app.fail('certificates.trustAdd', { publicKey: 'MCowBQYDK2VwAyEA' + 'x'.repeat(40), officeName: 'Sai' })).code).toBe('VALIDATION');

    await app.call('certificates.trustRemove', { id: added.id, rev: added.rev });
    expect((await app.call('certificates.verify', { payload: foreign })).status).toBe('khong_ro_don_vi');
  });

  it('says what is wrong with text that is no payload at all', async () => {
    expect(await app.call('certificates.verify', { payload: 'https://example.com' })).toMatchObject({ status: 'khong_doc_duoc' });
  });
});
