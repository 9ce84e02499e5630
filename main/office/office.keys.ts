import { createPrivateKey, createPublicKey, generateKeyPairSync, sign, verify } from 'node:crypto';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { writeFileAtomic } from '../files/atomic-write.js';

/** The office's Ed25519 private key lives only here, inside the data directory; it never crosses the boundary. */
export function officeKeyPath(dataDir: string): string {
  return join(dataDir, 'keys', 'office-ed25519.pem');
}

/** Creates the key pair, stores the private key (owner-only) and returns the public key as base64 SPKI DER. */
export function createOfficeKeyPair(dataDir: string): { publicKey: string; discard(): void } {
  const { publicKey, privateKey } = generateKeyPairSync('ed25519');
  const path = officeKeyPath(dataDir);
  writeFileAtomic(path, privateKey.export({ format: 'pem', type: 'pkcs8' }) as string, 0o600);
  return {
    publicKey: publicKey.export({ format: 'der', type: 'spki' }).toString('base64'),
    discard: () => rmSync(path, { force: true }),
  };
}

export function hasOfficeKey(dataDir: string): boolean {
  return existsSync(officeKeyPath(dataDir));
}

/** Signs bytes with the office key (bundles and certificates use it). */
export function signWithOfficeKey(dataDir: string, data: Buffer): Buffer {
  return sign(null, data, createPrivateKey(readFileSync(officeKeyPath(dataDir), 'utf8')));
}

export function verifyOfficeSignature(publicKeyBase64: string, data: Buffer, signature: Buffer): boolean {
  const key = createPublicKey({ key: Buffer.from(publicKeyBase64, 'base64'), format: 'der', type: 'spki' });
  return verify(null, data, key, signature);
}
