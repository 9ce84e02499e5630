import { TitleKind } from './titles-criteria.js';

/**
 * The signed record a certificate's QR code carries, laid out as the EU
 * digital COVID certificate and ICAO's visible digital seal do it: a compact
 * binary body + a 64-byte Ed25519 signature over that body, Base45-encoded
 * (RFC 9285, QR alphanumeric mode) behind the prefix "XH1:".
 *
 * Body, version 1 (all integers big-endian):
 *   u8 version · 8 bytes issuer key id · varint register sequence · u8 title code ·
 *   u16 year · u16 decision date (days since 2000-01-01) ·
 *   str holder name · str decision number · str office code
 * where str = u8 byte length + UTF-8 of the NFC text.
 *
 * Signing happens in main (the key never leaves the data directory); this file
 * only lays bytes out, so both sides and the tests share one definition.
 */

export const PAYLOAD_PREFIX = 'XH1:';
export const PAYLOAD_VERSION = 1;
export const KEY_ID_BYTES = 8;
export const SIGNATURE_BYTES = 64;
/**
 * 96 body bytes + 64 signature = 160 bytes = 240 Base45 characters + the prefix:
 * QR version 11 at error correction Q holds 255 alphanumeric characters, and
 * version 11 is the largest that still scans at 25 mm.
 */
export const MAX_BODY_BYTES = 96;

/**
 * Fixed codes per title, written into signed payloads: never renumber one, only add.
 * (The enum order of TitleKind may change; a printed certificate must not.)
 */
export const TITLE_CODES: Record<TitleKind, number> = {
  cong_dan: 1,
  gia_dinh: 2,
  dong_ho: 3,
  cong_dong: 4,
  cong_dong_xa: 5,
  don_vi: 6,
};

export interface PayloadFields {
  /** Hex of the first 8 bytes of SHA-256 over the issuer's public key (SPKI DER). */
  keyId: string;
  registerSeq: number;
  title: TitleKind;
  year: number;
  holderName: string;
  decisionNumber: string;
  /** YYYY-MM-DD */
  decisionDate: string;
  officeCode: string;
}

export interface DecodedPayload {
  fields: PayloadFields;
  /** The exact bytes the signature covers. */
  body: Uint8Array;
  signature: Uint8Array;
}

/** A payload that cannot be read at all (not "signed wrongly": unreadable). */
export class PayloadError extends Error {}

// ---------- Base45 (RFC 9285) ----------

const B45 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ $%*+-./:';
const B45_INDEX = new Map([...B45].map((c, i) => [c, i]));

export function base45Encode(bytes: Uint8Array): string {
  let out = '';
  for (let i = 0; i + 1 < bytes.length; i += 2) {
    const n = bytes[i]! * 256 + bytes[i + 1]!;
    out += B45[n % 45]! + B45[Math.floor(n / 45) % 45]! + B45[Math.floor(n / 2025)]!;
  }
  if (bytes.length % 2 === 1) {
    const n = bytes[bytes.length - 1]!;
    out += B45[n % 45]! + B45[Math.floor(n / 45)]!;
  }
  return out;
}

export function base45Decode(text: string): Uint8Array {
  if (text.length % 3 === 1) throw new PayloadError('Độ dài chuỗi Base45 không hợp lệ');
  const values = [...text].map((c, i) => {
    const v = B45_INDEX.get(c);
    if (v === undefined) throw new PayloadError(`Ký tự "${c}" ở vị trí ${i + 1} không thuộc bảng mã Base45`);
    return v;
  });
  const out = new Uint8Array(Math.floor(text.length / 3) * 2 + (text.length % 3 === 2 ? 1 : 0));
  let o = 0;
  for (let i = 0; i < values.length; i += 3) {
    if (i + 2 < values.length) {
      const n = values[i]! + values[i + 1]! * 45 + values[i + 2]! * 2025;
      if (n > 0xffff) throw new PayloadError(`Nhóm ký tự ở vị trí ${i + 1} vượt giá trị Base45`);
      out[o++] = n >> 8;
      out[o++] = n & 0xff;
    } else {
      const n = values[i]! + values[i + 1]! * 45;
      if (n > 0xff) throw new PayloadError(`Nhóm ký tự cuối vượt giá trị Base45`);
      out[o++] = n;
    }
  }
  return out;
}

// ---------- body ----------

const DAY_MS = 86_400_000;
const EPOCH_2000 = Date.UTC(2000, 0, 1);
const utf8 = new TextEncoder();
const utf8Strict = new TextDecoder('utf-8', { fatal: true });

function daysSince2000(isoDate: string): number {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(isoDate);
  if (!m) throw new PayloadError(`Ngày quyết định "${isoDate}" không đúng dạng YYYY-MM-DD`);
  const days = (Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])) - EPOCH_2000) / DAY_MS;
  if (days < 0 || days > 0xffff) throw new PayloadError(`Ngày quyết định ${isoDate} nằm ngoài khoảng 2000–2179`);
  return days;
}

function dateOf(days: number): string {
  return new Date(EPOCH_2000 + days * DAY_MS).toISOString().slice(0, 10);
}

/**
 * The holder name as signed: NFC, and shortened by whole characters with "…"
 * when the whole body would not fit the QR budget (a long organisation name).
 * The verifier shows exactly what was signed, so the shortening is visible.
 */
export function fitHolderName(fields: PayloadFields): string {
  const name = fields.holderName.normalize('NFC').trim();
  const fixed = bodyBytes({ ...fields, holderName: '' }).length;
  const room = MAX_BODY_BYTES - fixed;
  if (utf8.encode(name).length <= room) return name;
  const chars = [...name];
  while (chars.length > 0 && utf8.encode(chars.join('').trimEnd() + '…').length > room) chars.pop();
  return chars.join('').trimEnd() + '…';
}

function bodyBytes(fields: PayloadFields): Uint8Array {
  const parts: number[] = [PAYLOAD_VERSION];
  if (!/^[0-9a-f]{16}$/.test(fields.keyId)) throw new PayloadError('Mã khóa của đơn vị cấp phải là 8 byte (16 chữ số hex)');
  for (let i = 0; i < KEY_ID_BYTES; i++) parts.push(parseInt(fields.keyId.slice(i * 2, i * 2 + 2), 16));
  if (!Number.isInteger(fields.registerSeq) || fields.registerSeq < 1 || fields.registerSeq > 0x1fffff) throw new PayloadError(`Số vào sổ ${fields.registerSeq} không hợp lệ`);
  let seq = fields.registerSeq;
  while (seq >= 0x80) {
    parts.push((seq & 0x7f) | 0x80);
    seq >>>= 7;
  }
  parts.push(seq);
  parts.push(TITLE_CODES[fields.title]);
  if (!Number.isInteger(fields.year) || fields.year < 2000 || fields.year > 2100) throw new PayloadError(`Năm ${fields.year} không hợp lệ`);
  parts.push(fields.year >> 8, fields.year & 0xff);
  const days = daysSince2000(fields.decisionDate);
  parts.push(days >> 8, days & 0xff);
  for (const [label, text] of [
    ['Tên người được công nhận', fields.holderName],
    ['Số quyết định', fields.decisionNumber],
    ['Mã cơ quan', fields.officeCode],
  ] as const) {
    const bytes = utf8.encode(text.normalize('NFC'));
    if (bytes.length > 255) throw new PayloadError(`${label} quá dài cho mã QR`);
    parts.push(bytes.length, ...bytes);
  }
  return Uint8Array.from(parts);
}

/**
 * The bytes to sign: the holder name fitted to the QR budget, strings NFC.
 * Refuses a body that still does not fit (a decision number or office code far too long).
 */
export function payloadBody(fields: PayloadFields): Uint8Array {
  const body = bodyBytes({ ...fields, holderName: fitHolderName(fields) });
  if (body.length > MAX_BODY_BYTES) throw new PayloadError(`Nội dung mã QR dài ${body.length} byte, quá ${MAX_BODY_BYTES} byte: số quyết định hoặc mã cơ quan quá dài`);
  return body;
}

/** "XH1:" + Base45(body ‖ signature). */
export function encodePayload(body: Uint8Array, signature: Uint8Array): string {
  if (signature.length !== SIGNATURE_BYTES) throw new PayloadError(`Chữ ký phải dài ${SIGNATURE_BYTES} byte`);
  const all = new Uint8Array(body.length + signature.length);
  all.set(body);
  all.set(signature, body.length);
  return PAYLOAD_PREFIX + base45Encode(all);
}

class Reader {
  private at = 0;
  constructor(private readonly bytes: Uint8Array) {}
  get offset(): number {
    return this.at;
  }
  u8(): number {
    if (this.at >= this.bytes.length) throw new PayloadError('Mã QR bị cắt cụt: thiếu dữ liệu');
    return this.bytes[this.at++]!;
  }
  u16(): number {
    return (this.u8() << 8) | this.u8();
  }
  take(n: number): Uint8Array {
    if (this.at + n > this.bytes.length) throw new PayloadError('Mã QR bị cắt cụt: thiếu dữ liệu');
    const out = this.bytes.slice(this.at, this.at + n);
    this.at += n;
    return out;
  }
  varint(): number {
    let value = 0;
    for (let shift = 0; shift < 21; shift += 7) {
      const b = this.u8();
      value |= (b & 0x7f) << shift;
      if ((b & 0x80) === 0) return value;
    }
    throw new PayloadError('Số vào sổ trong mã QR không hợp lệ');
  }
  text(label: string): string {
    const bytes = this.take(this.u8());
    let text: string;
    try {
      text = utf8Strict.decode(bytes);
    } catch {
      throw new PayloadError(`${label} trong mã QR không phải UTF-8 hợp lệ`);
    }
    if (text !== text.normalize('NFC')) throw new PayloadError(`${label} trong mã QR không ở dạng chuẩn NFC`);
    return text;
  }
}

const TITLE_BY_CODE = new Map(Object.entries(TITLE_CODES).map(([title, code]) => [code, TitleKind.parse(title)]));

/** Reads a pasted or scanned payload; throws PayloadError saying what is wrong with it. */
export function decodePayload(input: string): DecodedPayload {
  const text = input.trim();
  if (!text.toUpperCase().startsWith(PAYLOAD_PREFIX)) throw new PayloadError(`Mã không bắt đầu bằng "${PAYLOAD_PREFIX}": không phải giấy công nhận của XHHT`);
  const bytes = base45Decode(text.slice(PAYLOAD_PREFIX.length));
  if (bytes.length <= SIGNATURE_BYTES) throw new PayloadError('Mã QR quá ngắn để chứa chữ ký');
  const body = bytes.slice(0, bytes.length - SIGNATURE_BYTES);
  const signature = bytes.slice(bytes.length - SIGNATURE_BYTES);
  const r = new Reader(body);
  const version = r.u8();
  if (version !== PAYLOAD_VERSION) throw new PayloadError(`Phiên bản mã QR ${version} chưa được hỗ trợ (bản này đọc phiên bản ${PAYLOAD_VERSION})`);
  const keyId = [...r.take(KEY_ID_BYTES)].map((b) => b.toString(16).padStart(2, '0')).join('');
  const registerSeq = r.varint();
  const titleCode = r.u8();
  const title = TITLE_BY_CODE.get(titleCode);
  if (!title) throw new PayloadError(`Mã danh hiệu ${titleCode} không xác định`);
  const year = r.u16();
  const decisionDate = dateOf(r.u16());
  const holderName = r.text('Tên người được công nhận');
  const decisionNumber = r.text('Số quyết định');
  const officeCode = r.text('Mã cơ quan');
  if (r.offset !== body.length) throw new PayloadError('Mã QR có dữ liệu thừa');
  return { fields: { keyId, registerSeq, title, year, holderName, decisionNumber, decisionDate, officeCode }, body, signature };
}
