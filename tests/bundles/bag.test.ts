import { createHash, generateKeyPairSync, randomBytes, sign } from 'node:crypto';
import { createWriteStream, existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { finished } from 'node:stream/promises';
import { crc32 } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import yauzl from 'yauzl';
import { appSchemaVersion, openBag, writeBag, type BagInfo, type BagSigner, type PayloadFile } from '../../main/bundles/bag/index.js';
import { JobCancelled } from '../../main/jobs/index.js';
import { AppError } from '../../shared/errors.js';

const root = mkdtempSync(join(tmpdir(), 'xhht-bag-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

const keys = generateKeyPairSync('ed25519');
const signer: BagSigner = {
  publicKeyPem: keys.publicKey.export({ format: 'der', type: 'spki' }).toString('base64'),
  sign: (data) => sign(null, data, keys.privateKey),
};
const info: BagInfo = {
  bundleId: '0193a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b',
  kind: 'sync',
  schema: appSchemaVersion(),
  officeCode: 'XA-30001',
  officeName: 'UBND xã Tân Hộ Cơ',
  period: '2026',
  baggingDate: '2026-12-04',
};
const buffer = (path: string, text: string): PayloadFile => ({ path, source: { kind: 'buffer', bytes: Buffer.from(text) } });
const sha = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');
let n = 0;
const target = () => join(root, `bag-${++n}.xhht`);

/** Every entry of the zip with its bytes, read with a plain zip reader: what any BagIt tool would see. */
async function entriesOf(path: string): Promise<Map<string, Buffer>> {
  const zip = await yauzl.openPromise(path, { lazyEntries: true });
  const out = new Map<string, Buffer>();
  for await (const entry of zip.eachEntry()) {
    const chunks: Buffer[] = [];
    for await (const chunk of await zip.openReadStreamPromise(entry)) chunks.push(chunk as Buffer);
    const data = Buffer.concat(chunks);
    // yauzl does not check CRC-32; unzip and every other tool does.
    if (entry.crc32 !== crc32(data)) throw new Error(`${entry.fileName}: CRC-32 ${entry.crc32} in the zip, ${crc32(data)} computed`);
    out.set(entry.fileName, data);
  }
  zip.close();
  return out;
}

describe('writeBag → openBag', () => {
  it('writes the BagIt tag files as DESIGN.md gives them and reads every record back', async () => {
    const out = target();
    const records = ['{"id":"a","name":"Nguyễn Văn Ấn"}', '{"id":"b","name":"Trần Thị Bé"}'].join('\n') + '\n';
    const written = await writeBag(out, info, [buffer('data/bundle.json', '{"kind":"sync"}'), buffer('data/records/persons.jsonl', records)], signer);
    const recordBytes = Buffer.byteLength(records) + Buffer.byteLength('{"kind":"sync"}');
    expect(written.payloadOxum).toBe(`${recordBytes}.2`);
    expect(written.bytes).toBe(statSync(out).size);

    const entries = await entriesOf(out);
    expect([...entries.keys()].sort()).toEqual(
      ['bag-info.txt', 'bagit.txt', 'data/bundle.json', 'data/records/persons.jsonl', 'manifest-sha256.txt', 'signature-ed25519.txt', 'tagmanifest-sha256.txt'],
    );
    expect(entries.get('bagit.txt')!.toString()).toBe('BagIt-Version: 1.0\nTag-File-Character-Encoding: UTF-8\n');
    expect(entries.get('bag-info.txt')!.toString()).toBe(
      [
        'Source-Organization: UBND xã Tân Hộ Cơ',
        'Bagging-Date: 2026-12-04',
        `Payload-Oxum: ${recordBytes}.2`,
        `External-Identifier: ${info.bundleId}`,
        'XHHT-Kind: sync',
        `XHHT-Schema: ${appSchemaVersion()}`,
        'XHHT-Office: XA-30001',
        'XHHT-Period: 2026',
        '',
      ].join('\n'),
    );
    expect(entries.get('manifest-sha256.txt')!.toString()).toBe(
      `${sha(entries.get('data/bundle.json')!)}  data/bundle.json\n${sha(entries.get('data/records/persons.jsonl')!)}  data/records/persons.jsonl\n`,
    );
    const tagManifest = entries.get('tagmanifest-sha256.txt')!.toString();
    for (const tag of ['bagit.txt', 'bag-info.txt', 'manifest-sha256.txt']) expect(tagManifest).toContain(`${sha(entries.get(tag)!)}  ${tag}\n`);
    expect(entries.get('signature-ed25519.txt')!.toString()).toMatch(/^Algorithm: Ed25519\nKey-Id: [0-9a-f]{16}\nPublic-Key: \S+\nSignature: \S{86}==\n$/);

    const bag = await openBag(out);
    try {
      expect(bag.info).toEqual(info);
      expect(bag.payload).toEqual({ bytes: recordBytes, files: 2 });
      expect(bag.signer.publicKey).toBe(signer.publicKeyPem);
      expect(bag.signer.fingerprint).toMatch(/^([0-9A-F]{4} ){15}[0-9A-F]{4}$/);
      expect(bag.payloadPaths().sort()).toEqual(['data/bundle.json', 'data/records/persons.jsonl']);
      expect(await bag.readText('data/bundle.json')).toBe('{"kind":"sync"}');
      const lines: { line: string; lineNo: number }[] = [];
      for await (const line of bag.lines('data/records/persons.jsonl')) lines.push(line);
      expect(lines).toEqual([
        { line: '{"id":"a","name":"Nguyễn Văn Ấn"}', lineNo: 1 },
        { line: '{"id":"b","name":"Trần Thị Bé"}', lineNo: 2 },
      ]);
    } finally {
      await bag.close();
    }
  });

  it('percent-encodes %, CR and LF in manifest names and reads them back', async () => {
    const out = target();
    const names = ['data/files/100%.txt', 'data/files/hai\ndòng.txt', 'data/files/cr\r.txt', 'data/files/Ấp Tân Thành.txt'];
    await writeBag(out, info, names.map((name) => buffer(name, name)), signer);
    const manifest = (await entriesOf(out)).get('manifest-sha256.txt')!.toString();
    expect(manifest).toContain('  data/files/100%25.txt\n');
    expect(manifest).toContain('  data/files/hai%0Adòng.txt\n');
    expect(manifest).toContain('  data/files/cr%0D.txt\n');
    expect(manifest.split('\n')).toHaveLength(names.length + 1);
    const bag = await openBag(out);
    expect(bag.payloadPaths().sort()).toEqual([...names].sort());
    const copy = join(root, 'copied.txt');
    await bag.copyTo('data/files/hai\ndòng.txt', copy);
    expect(readFileSync(copy, 'utf8')).toBe('data/files/hai\ndòng.txt');
    await bag.close();
  });

  it('writes and opens a bag with an empty payload (Payload-Oxum 0.0)', async () => {
    const out = target();
    expect((await writeBag(out, { ...info, period: null }, [], signer)).payloadOxum).toBe('0.0');
    expect((await entriesOf(out)).get('manifest-sha256.txt')!.length).toBe(0);
    const bag = await openBag(out);
    expect(bag.payloadPaths()).toEqual([]);
    expect(bag.info.period).toBeNull();
    await bag.close();
  });

  it('streams a 64 MB evidence file in and out without holding it', async () => {
    const big = join(root, 'big.bin');
    const stream = createWriteStream(big);
    const hash = createHash('sha256');
    for (let i = 0; i < 64; i++) {
      const chunk = randomBytes(1024 * 1024);
      hash.update(chunk);
      // Waiting for the stream keeps the test itself from holding the 64 MB it measures the bag without.
      if (!stream.write(chunk)) await new Promise<void>((resolve) => stream.once('drain', () => resolve()));
    }
    stream.end();
    await finished(stream);
    const digest = hash.digest('hex');
    const out = target();
    const progress: number[] = [];
    async function* payload(): AsyncIterable<PayloadFile> {
      yield { path: `data/files/${digest}`, source: { kind: 'file', path: big } };
    }
    const before = process.memoryUsage().rss;
    await writeBag(out, info, payload(), signer, { onProgress: (done) => progress.push(done) });
    expect(progress.at(-1)).toBe(64 * 1024 * 1024);
    // Stored, not deflated: evidence is mostly JPEG and PDF.
    expect(statSync(out).size).toBeGreaterThan(64 * 1024 * 1024);
    expect(statSync(out).size).toBeLessThan(64 * 1024 * 1024 + 8192);
    const bag = await openBag(out);
    const copy = join(root, 'big-copy.bin');
    await bag.copyTo(`data/files/${digest}`, copy);
    await bag.close();
    expect(sha(readFileSync(copy))).toBe(digest);
    // Generous: two copies of the file held whole would be 128 MB.
    expect(process.memoryUsage().rss - before).toBeLessThan(100 * 1024 * 1024);
  });

  it('a cancelled write leaves neither the bag nor a part file', async () => {
    const dir = mkdtempSync(join(root, 'cancel-'));
    const out = join(dir, 'cancelled.xhht');
    const files = [0, 1, 2].map((i) => {
      const path = join(dir, `src-${i}.bin`);
      writeFileSync(path, randomBytes(4 * 1024 * 1024));
      return path;
    });
    const controller = new AbortController();
    const error = await writeBag(
      out,
      info,
      files.map((path, i) => ({ path: `data/files/f${i}`, source: { kind: 'file', path } })),
      signer,
      { signal: controller.signal, onProgress: (done) => done > 5 * 1024 * 1024 && controller.abort() },
    ).then(() => null, (e: unknown) => e);
    expect(error).toBeInstanceOf(JobCancelled);
    expect(readdirSync(dir).sort()).toEqual(['src-0.bin', 'src-1.bin', 'src-2.bin']);
  });

  it('a source file that fails mid-way leaves nothing either', async () => {
    const dir = mkdtempSync(join(root, 'fail-'));
    const out = join(dir, 'failed.xhht');
    const error = await writeBag(out, info, [buffer('data/bundle.json', '{}'), { path: 'data/files/missing', source: { kind: 'file', path: join(dir, 'nope') } }], signer).then(
      () => null,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(Error);
    expect(existsSync(out)).toBe(false);
    expect(readdirSync(dir)).toEqual([]);
  });

  it('refuses payload names the reader would refuse, before writing anything', async () => {
    const dir = mkdtempSync(join(root, 'names-'));
    for (const path of ['bundle.json', 'data/../x', '/data/x', 'data\\x', 'data/x\u0000', 'data/e\u0301']) {
      await expect(writeBag(join(dir, 'x.xhht'), info, [buffer(path, 'x')], signer)).rejects.toThrow(/bag payload path/);
    }
    await expect(writeBag(join(dir, 'x.xhht'), info, [buffer('data/A.txt', '1'), buffer('data/a.txt', '2')], signer)).rejects.toThrow(/collide/);
    expect(readdirSync(dir)).toEqual([]);
  });

  it('a bag signed by someone else than it names is refused at the sender', async () => {
    const other = generateKeyPairSync('ed25519');
    const wrong: BagSigner = { publicKeyPem: signer.publicKeyPem, sign: (data) => sign(null, data, other.privateKey) };
    await expect(writeBag(target(), info, [], wrong)).rejects.toThrow(/does not verify/);
  });

  it('more than 65,535 entries take the ZIP64 end records, and read back', async () => {
    const out = target();
    const count = 66_000;
    function* many(): Iterable<PayloadFile> {
      for (let i = 0; i < count; i++) yield buffer(`data/files/${i}`, String(i));
    }
    await writeBag(out, info, many(), signer);
    const bag = await openBag(out);
    expect(bag.payload.files).toBe(count);
    expect(bag.payloadHash('data/files/65999')).toBe(sha(Buffer.from('65999')));
    await bag.close();
  }, 240_000);

  it('openBag refuses more entries than its limit from the directory alone', async () => {
    const out = target();
    await writeBag(out, info, [buffer('data/a', 'a'), buffer('data/b', 'b')], signer);
    await expect(openBag(out, { maxEntries: 6 })).rejects.toThrow(/^Gói dữ liệu bị từ chối: có 7 phần, tối đa 6\.$/);
    await expect(openBag(out, { maxEntries: 7 }).then((bag) => bag.close())).resolves.toBeUndefined();
  });

  it('openBag names a missing file in Vietnamese', async () => {
    const error = await openBag(join(root, 'none.xhht')).then(() => null, (e: unknown) => e);
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).message).toMatch(/^Gói dữ liệu bị từ chối: không đọc được tệp zip/);
  });
});
