import { createPublicKey } from 'node:crypto';
import { fingerprintOf, keyIdOf, normalisePublicKey } from '../../certificates/index.js';
import { formatFingerprint } from '../../../shared/certificates.js';
import { verifyOfficeSignature } from '../../office/index.js';
import { formatTagFile, parseTagFile } from './bagit-text.js';

/**
 * signature-ed25519.txt: the sender office's public key (base64 SPKI DER, the
 * form the trust list stores), its key id, and an Ed25519 signature over the
 * exact bytes of tagmanifest-sha256.txt. The tag manifest holds the hashes of
 * bagit.txt, bag-info.txt and the payload manifest, so the one signature
 * covers every byte of the bag.
 */

export interface BagSigner {
  /** PEM ("-----BEGIN PUBLIC KEY-----") or base64 SPKI DER, as the office row stores it. */
  publicKeyPem: string;
  sign(data: Buffer): Buffer;
}

export interface SignerIdentity {
  /** base64 SPKI DER: what certificateTrustedKeys.publicKey holds. */
  publicKey: string;
  publicKeyPem: string;
  /** 16 hex digits, as certificates name their key. */
  keyId: string;
  /** The full SHA-256 of the key, grouped by four, as officers read it aloud. */
  fingerprint: string;
}

export function identityOf(publicKeyText: string): SignerIdentity {
  const publicKey = normalisePublicKey(publicKeyText);
  const publicKeyPem = createPublicKey({ key: Buffer.from(publicKey, 'base64'), format: 'der', type: 'spki' }).export({ format: 'pem', type: 'spki' }) as string;
  return { publicKey, publicKeyPem, keyId: keyIdOf(publicKey), fingerprint: formatFingerprint(fingerprintOf(publicKey)) };
}

export function signatureFile(signer: BagSigner, tagManifest: Buffer): Buffer {
  const identity = identityOf(signer.publicKeyPem);
  const signature = signer.sign(tagManifest);
  // A signer holding another key than the one it names would make bags nobody can verify: caught here, at the sender.
  if (!verifyOfficeSignature(identity.publicKey, tagManifest, signature)) throw new Error('bag signer: the signature does not verify under the public key given');
  return Buffer.from(
    formatTagFile([
      ['Algorithm', 'Ed25519'],
      ['Key-Id', identity.keyId],
      ['Public-Key', identity.publicKey],
      ['Signature', signature.toString('base64')],
    ]),
  );
}

export type SignatureCheck = { ok: true; signer: SignerIdentity } | { ok: false; problem: string };

/** Reads signature-ed25519.txt and checks its signature over the tag manifest's bytes. */
export function checkSignature(text: string, tagManifest: Buffer): SignatureCheck {
  const parsed = parseTagFile(text);
  if (!parsed.ok) return { ok: false, problem: `dòng ${parsed.lineNo}: ${parsed.problem}` };
  const fields = parsed.value;
  if (fields.get('Algorithm') !== 'Ed25519') return { ok: false, problem: 'thuật toán chữ ký không phải Ed25519' };
  const keyText = fields.get('Public-Key');
  const signatureText = fields.get('Signature');
  if (!keyText || !signatureText) return { ok: false, problem: 'thiếu khóa công khai hoặc chữ ký' };
  let signer: SignerIdentity;
  try {
    signer = identityOf(keyText);
  } catch {
    return { ok: false, problem: 'khóa công khai không phải khóa Ed25519 đọc được' };
  }
  if (fields.get('Key-Id') !== signer.keyId) return { ok: false, problem: 'mã khóa (Key-Id) không khớp với khóa công khai' };
  const signature = Buffer.from(signatureText, 'base64');
  if (signature.length !== 64 || signature.toString('base64') !== signatureText) return { ok: false, problem: 'chữ ký không phải 64 byte base64' };
  if (!verifyOfficeSignature(signer.publicKey, tagManifest, signature)) return { ok: false, problem: 'chữ ký không khớp (gói đã bị sửa sau khi ký, hoặc ký bằng khóa khác)' };
  return { ok: true, signer };
}
