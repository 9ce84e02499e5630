import { describe, expect, it } from 'vitest';
import {
  base45Decode,
  base45Encode,
  decodePayload,
  encodePayload,
  MAX_BODY_BYTES,
  PayloadError,
  payloadBody,
  SIGNATURE_BYTES,
  type PayloadFields,
} from './certificate-payload.js';

const text = (bytes: Uint8Array) => new TextDecoder().decode(bytes);
const bytesOf = (s: string) => new TextEncoder().encode(s);

describe('Base45, the vectors of RFC 9285', () => {
  it.each([
    ['AB', 'BB8'],
    ['Hello!!', '%69 VD92EX0'],
    ['base-45', 'UJCLQE7W581'],
    ['ietf!', 'QED8WEX0'],
    ['', ''],
  ])('%j ⇄ %j', (plain, encoded) => {
    expect(base45Encode(bytesOf(plain))).toBe(encoded);
    expect(text(base45Decode(encoded))).toBe(plain);
  });

  it.each([
    ['GGW', 'vượt giá trị'], // 65536: one past two bytes (RFC 9285 §6)
    ['ZZ', 'vượt giá trị'], // 2024 for a single byte
    ['BB8A', 'Độ dài'],
    ['bb8', 'không thuộc bảng mã'],
  ])('refuses %j', (encoded, message) => {
    expect(() => base45Decode(encoded)).toThrow(message);
  });
});

const base: PayloadFields = {
  keyId: '0123456789abcdef',
  registerSeq: 12,
  title: 'cong_dan',
  year: 2026,
  holderName: 'Nguyễn Thị Mỹ Hạnh',
  decisionNumber: '245/QĐ-UBND',
  decisionDate: '2025-12-20',
  officeCode: '870',
};
const signature = new Uint8Array(SIGNATURE_BYTES).map((_, i) => (i * 37) & 0xff);
// The longest names offices send: a person with four given names, and an organisation.
const LONG_PERSON = 'Huỳnh Thị Ngọc Phượng Quỳnh Hương Nguyễn';
const LONG_ORGANISATION = 'Trường Trung học cơ sở Nguyễn Văn Trỗi xã Tân Hộ Cơ huyện Tân Hồng tỉnh Đồng Tháp';

describe('payload encode/decode', () => {
  it.each<[string, Partial<PayloadFields>]>([
    ['a citizen', {}],
    ['register number past one byte of varint', { registerSeq: 300 }],
    ['a large register', { registerSeq: 2_000_000 }],
    ['a household', { title: 'gia_dinh', holderName: 'Hộ ông Trần Văn Tư' }],
    ['a commune community, decision on 1 January 2000', { title: 'cong_dong_xa', holderName: 'Xã Tân Hộ Cơ', decisionDate: '2000-01-01' }],
    ['a unit, leap day', { title: 'don_vi', holderName: 'Trường Tiểu học Sa Rài 1', decisionDate: '2028-02-29', year: 2027 }],
    ['a long Vietnamese name', { holderName: LONG_PERSON }],
    ['an office code with dots', { officeCode: 'DT.870-PGD' }],
  ])('%s round-trips exactly', (_case, change) => {
    const fields = { ...base, ...change };
    const body = payloadBody(fields);
    const decoded = decodePayload(encodePayload(body, signature));
    expect(decoded.fields).toEqual(fields);
    expect(decoded.body).toEqual(body);
    expect(decoded.signature).toEqual(signature);
  });

  it('normalises strings to NFC before laying them out, so a decomposed name signs the same bytes', () => {
    const decomposed = base.holderName.normalize('NFD');
    expect(decomposed).not.toBe(base.holderName);
    expect(payloadBody({ ...base, holderName: decomposed })).toEqual(payloadBody(base));
  });

  it('shortens an over-long holder name by whole characters with "…", and the shortened name is what is signed', () => {
    const body = payloadBody({ ...base, holderName: LONG_ORGANISATION });
    expect(body.length).toBeLessThanOrEqual(MAX_BODY_BYTES);
    const { fields } = decodePayload(encodePayload(body, signature));
    expect(fields.holderName.endsWith('…')).toBe(true);
    expect(LONG_ORGANISATION.startsWith(fields.holderName.slice(0, -1))).toBe(true);
    expect(fields.holderName.length).toBeGreaterThan(20);
  });

  it('stays within 244 characters for the longest names (the QR version check is in main/certificates/certificates.test.ts)', () => {
    for (const holderName of [LONG_PERSON, LONG_ORGANISATION]) {
      expect(encodePayload(payloadBody({ ...base, holderName, registerSeq: 2_000_000 }), signature).length).toBeLessThanOrEqual(244);
    }
  });

  it.each<[string, string, string]>([
    ['no prefix', 'AB12', 'không bắt đầu bằng "XH1:"'],
    ['too short to hold a signature', 'XH1:' + base45Encode(new Uint8Array(40)), 'quá ngắn'],
    ['unknown format version', 'XH1:' + base45Encode(Uint8Array.from([9, ...new Uint8Array(80)])), 'Phiên bản mã QR 9'],
    ['unknown title code', 'XH1:' + base45Encode(Uint8Array.from([1, ...new Uint8Array(8), 5, 77, ...new Uint8Array(80)])), 'Mã danh hiệu 77'],
  ])('refuses a payload with %s', (_case, payload, message) => {
    expect(() => decodePayload(payload)).toThrow(PayloadError);
    expect(() => decodePayload(payload)).toThrow(message);
  });

  it('refuses a body cut short or with bytes left over', () => {
    const body = payloadBody(base);
    expect(() => decodePayload(encodePayload(body.slice(0, body.length - 2), signature))).toThrow('Mã QR');
    expect(() => decodePayload(encodePayload(Uint8Array.from([...body, 0]), signature))).toThrow('dữ liệu thừa');
  });

  it('refuses fields that cannot be signed', () => {
    expect(() => payloadBody({ ...base, keyId: 'abc' })).toThrow('Mã khóa');
    expect(() => payloadBody({ ...base, registerSeq: 0 })).toThrow('Số vào sổ 0');
    expect(() => payloadBody({ ...base, decisionDate: '1999-12-31' })).toThrow('2000–2179');
    expect(() => payloadBody({ ...base, decisionNumber: 'QĐ'.repeat(60) })).toThrow('quá dài');
  });
});
