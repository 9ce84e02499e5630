import { createHash, createPublicKey, verify } from 'node:crypto';
import { decodePayload, encodePayload, PayloadError, payloadBody, type PayloadFields } from '../../shared/certificate-payload.js';
import { registerNumberLabel, type SignedContent, type VerifyResult } from '../../shared/certificates.js';
import { formatDateVi } from '../../shared/dates.js';
import { AppError } from '../../shared/errors.js';
import { TITLE_LABELS } from '../../shared/titles-criteria.js';
import type { ReadDb } from '../db/records.js';
import { loadOffice, signWithOfficeKey } from '../office/index.js';

/** The id a payload names its signing key by: the first 8 bytes of SHA-256 over the public key (SPKI DER), in hex. */
export function keyIdOf(publicKeyBase64: string): string {
  return createHash('sha256').update(Buffer.from(publicKeyBase64, 'base64')).digest('hex').slice(0, 16);
}

/** The full SHA-256 of the public key, shown beside a trusted key so two officers can compare it by phone. */
export function fingerprintOf(publicKeyBase64: string): string {
  return createHash('sha256').update(Buffer.from(publicKeyBase64, 'base64')).digest('hex');
}

/**
 * A pasted public key (PEM block or base64 SPKI DER) as base64 SPKI DER, refusing
 * anything that is not an Ed25519 public key.
 */
export function normalisePublicKey(text: string): string {
  const trimmed = text.trim();
  try {
    const key = trimmed.includes('BEGIN')
      ? createPublicKey(trimmed)
      : createPublicKey({ key: Buffer.from(trimmed.replace(/\s+/g, ''), 'base64'), format: 'der', type: 'spki' });
    if (key.asymmetricKeyType !== 'ed25519') throw new Error(`loại khóa ${key.asymmetricKeyType}`);
    return key.export({ format: 'der', type: 'spki' }).toString('base64');
  } catch (error) {
    throw new AppError('VALIDATION', 'Khóa công khai không đọc được: cần khóa Ed25519 dạng PEM ("-----BEGIN PUBLIC KEY-----") hoặc base64.', {
      issues: [{ path: ['publicKey'], message: 'Không phải khóa công khai Ed25519' }],
      cause: String(error),
    });
  }
}

/** Signs the fields with this office's key and returns the QR text "XH1:…". */
export function signPayload(dataDir: string, fields: PayloadFields): string {
  const body = payloadBody(fields);
  return encodePayload(body, signWithOfficeKey(dataDir, Buffer.from(body)));
}

interface IssuerKey {
  publicKey: string;
  issuer: string;
}

/** The keys this XHHT accepts: its own office key and the trust list, by key id. */
async function knownKeys(db: ReadDb): Promise<Map<string, IssuerKey>> {
  const keys = new Map<string, IssuerKey>();
  const trusted = await db.selectFrom('certificateTrustedKeys').selectAll().where('deletedAt', 'is', null).execute();
  for (const k of trusted) keys.set(k.keyId, { publicKey: k.publicKey, issuer: k.officeCode ? `${k.officeName} (mã ${k.officeCode})` : k.officeName });
  const office = await loadOffice(db);
  if (office) keys.set(keyIdOf(office.publicKey), { publicKey: office.publicKey, issuer: `${office.name} (đơn vị này)` });
  return keys;
}

function contentOf(fields: PayloadFields): SignedContent {
  return {
    keyId: fields.keyId,
    registerNumber: registerNumberLabel(fields.registerSeq, fields.year, fields.title),
    holderName: fields.holderName,
    title: fields.title,
    titleLabel: TITLE_LABELS[fields.title],
    year: fields.year,
    decisionNumber: fields.decisionNumber,
    decisionDate: fields.decisionDate,
    officeCode: fields.officeCode,
  };
}

/**
 * Answers, offline, what a certificate's QR says: unreadable, signed by a key
 * this XHHT does not know, signed wrongly (altered), revoked in a register
 * this XHHT holds, or valid.
 */
export async function verifyCertificatePayload(db: ReadDb, text: string): Promise<VerifyResult> {
  const none = { content: null, issuer: null, revokedOn: null, revokeReason: null };
  let decoded;
  try {
    decoded = decodePayload(text);
  } catch (error) {
    if (error instanceof PayloadError) return { status: 'khong_doc_duoc', message: error.message, ...none };
    throw error;
  }
  const { fields, body, signature } = decoded;
  const key = (await knownKeys(db)).get(fields.keyId);
  if (!key) {
    return {
      status: 'khong_ro_don_vi',
      message: `Mã được ký bằng khóa ${fields.keyId} (ghi mã cơ quan "${fields.officeCode}") không có trong danh sách đơn vị cấp tin cậy: chưa thể xác minh. Nhập khóa công khai của đơn vị đó sau khi đối chiếu dấu vân tay.`,
      ...none,
    };
  }
  const publicKey = createPublicKey({ key: Buffer.from(key.publicKey, 'base64'), format: 'der', type: 'spki' });
  if (!verify(null, Buffer.from(body), publicKey, Buffer.from(signature))) {
    return { status: 'chu_ky_sai', message: `Chữ ký không khớp với nội dung: mã đã bị sửa hoặc không do ${key.issuer} cấp.`, ...none, issuer: key.issuer };
  }
  const content = contentOf(fields);
  const revoked = await db
    .selectFrom('certificates')
    .select(['revokedOn', 'revokeReason'])
    .where('keyId', '=', fields.keyId)
    .where('year', '=', fields.year)
    .where('title', '=', fields.title)
    .where('registerSeq', '=', fields.registerSeq)
    .where('revokedOn', 'is not', null)
    .executeTakeFirst();
  if (revoked?.revokedOn) {
    return {
      status: 'da_thu_hoi',
      message: `Giấy công nhận số ${content.registerNumber} đã bị thu hồi ngày ${formatDateVi(revoked.revokedOn)}: ${revoked.revokeReason}`,
      content,
      issuer: key.issuer,
      revokedOn: revoked.revokedOn,
      revokeReason: revoked.revokeReason,
    };
  }
  return { status: 'hop_le', message: `Chữ ký hợp lệ: mã do XHHT của ${key.issuer} cấp, nội dung đúng như đã ký.`, content, issuer: key.issuer, revokedOn: null, revokeReason: null };
}

