import { createPrivateKey, createPublicKey, generateKeyPairSync, randomBytes, sign, verify, type KeyObject } from 'node:crypto';
import { chmodSync, closeSync, existsSync, fchmodSync, fsyncSync, linkSync, mkdirSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { AppError } from '../../shared/errors.js';

/** The office's Ed25519 private key lives only here, inside the data directory; it never crosses the boundary. */
export function officeKeyPath(dataDir: string): string {
  return join(dataDir, 'keys', 'office-ed25519.pem');
}

/**
 * The office's key pair, created if the data directory has none yet, and its
 * public key as base64 SPKI DER. Safe when two processes set up the same folder
 * at once: each writes its candidate to a temp file and hard-links it into place,
 * which fails if a key is already there (O_EXCL semantics), so one key wins and
 * both return the public key of the key on disk — the one the office row records.
 * A key left by a setup that died before storing the office is reused: it has
 * never signed anything. A key is never deleted here.
 */
export function ensureOfficeKey(dataDir: string): string {
  const path = officeKeyPath(dataDir);
  const keysDir = dirname(path);
  mkdirSync(keysDir, { recursive: true, mode: 0o700 });
  chmodSync(keysDir, 0o700);
  if (!existsSync(path)) {
    const { privateKey } = generateKeyPairSync('ed25519');
    const temp = join(keysDir, `.office-ed25519.${process.pid}.${randomBytes(6).toString('hex')}.tmp`);
    writeOwnerOnlyFile(temp, privateKey.export({ format: 'pem', type: 'pkcs8' }) as string);
    try {
      linkSync(temp, path);
    } catch (error) {
      if ((error as { code?: unknown }).code !== 'EEXIST') throw error;
    } finally {
      rmSync(temp, { force: true });
    }
  }
  return publicKeyOf(path);
}

function writeOwnerOnlyFile(path: string, content: string): void {
  const fd = openSync(path, 'wx', 0o600);
  try {
    fchmodSync(fd, 0o600);
    writeSync(fd, content);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

function publicKeyOf(path: string): string {
  let privateKey: KeyObject;
  try {
    privateKey = createPrivateKey(readFileSync(path, 'utf8'));
  } catch (error) {
    throw new AppError('DB_CORRUPT', `Không đọc được khóa ký của cơ quan (${path}). Hãy khôi phục thư mục keys từ bản sao lưu.`, { cause: String(error) });
  }
  return createPublicKey(privateKey).export({ format: 'der', type: 'spki' }).toString('base64');
}

/** Signs bytes with the office key (bundles and certificates use it). */
export function signWithOfficeKey(dataDir: string, data: Buffer): Buffer {
  return sign(null, data, createPrivateKey(readFileSync(officeKeyPath(dataDir), 'utf8')));
}

export function verifyOfficeSignature(publicKeyBase64: string, data: Buffer, signature: Buffer): boolean {
  const key = createPublicKey({ key: Buffer.from(publicKeyBase64, 'base64'), format: 'der', type: 'spki' });
  return verify(null, data, key, signature);
}
