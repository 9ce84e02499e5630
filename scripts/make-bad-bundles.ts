import { generateKeyPairSync, sign, type KeyObject } from 'node:crypto';
import { mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { BagSigner } from '../main/bundles/bag/index.js';
import { makeBadBundles, syntheticBase } from '../tests/bundles/bad-bundles.js';

/**
 * Writes the hostile bundle corpus to a folder (default tests/fixtures/bad-bundles)
 * for trying by hand: `npx tsx scripts/make-bad-bundles.ts [DIR]`, then
 * `npm run xhht -- verify-bundle DIR/<case>.xhht`. The test
 * (tests/bundles/hostile.test.ts) generates the same corpus afresh each run.
 * Signed with a key made here; sender-key.txt holds its public key, for the
 * trust list of a data folder that should accept the valid bag.
 */

const dir = resolve(process.argv[2] ?? 'tests/fixtures/bad-bundles');
mkdirSync(dir, { recursive: true });
for (const name of readdirSync(dir)) if (name.endsWith('.xhht')) rmSync(join(dir, name));

const signerOf = (keys: { publicKey: KeyObject; privateKey: KeyObject }): BagSigner => ({
  publicKeyPem: keys.publicKey.export({ format: 'pem', type: 'spki' }) as string,
  sign: (data) => sign(null, data, keys.privateKey),
});
const sender = signerOf(generateKeyPairSync('ed25519'));
const base = syntheticBase({ code: '870', name: 'Phòng Giáo dục và Đào tạo huyện Tân Hồng', id: '0193a1b2-0000-7000-8000-0000000000aa' }, sender, signerOf(generateKeyPairSync('ed25519')));
const cases = await makeBadBundles(dir, base);
writeFileSync(join(dir, 'sender-key.txt'), sender.publicKeyPem);
writeFileSync(join(dir, 'cases.json'), `${JSON.stringify(cases.map((c) => ({ name: c.name, about: c.about, expect: c.expect.source, evidenceLimit1MB: c.evidenceLimit1MB ?? false })), null, 2)}\n`);
process.stdout.write(`${cases.length} gói hỏng và valid.xhht trong ${dir}\n`);
