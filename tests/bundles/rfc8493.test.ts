import { createHash, generateKeyPairSync, sign } from 'node:crypto';
import { createWriteStream, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import yazl from 'yazl';
import { ExportOptions } from '../../shared/bundles.js';
import { writeBag, type PayloadFile } from '../../main/bundles/bag/index.js';
import { exportBundle } from '../../main/bundles/export/export-bundle.js';
import { loadDemo } from '../../main/demo/demo.service.js';
import { createTestApp, type TestApp } from '../support/test-app.js';
import { checkBagZip, decodeManifestPath, encodeManifestPath } from './rfc8493-check.js';

const dir = mkdtempSync(join(tmpdir(), 'xhht-rfc8493-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const sha256 = (b: Buffer | string) => createHash('sha256').update(b).digest('hex');

interface HandBag {
  /** zip entry name → content, in zip order; edited by each broken case before writing. */
  entries: [string, Buffer | string, { mode?: number }?][];
}

/**
 * A valid bag built by hand from the RFC, with no code of the exporter: names with a space, a '%', a newline and
 * Vietnamese letters, so the checker is shown to accept what the RFC allows, not only what our exporter writes.
 */
function handBag(): HandBag {
  const payload: [string, string][] = [
    ['data/bundle.json', '{"bundleId":"b1"}\n'],
    ['data/records/units.jsonl', '{"id":"u1","name":"Xã Tân Hộ Cơ"}\n'],
    ['data/files/100% đủ.txt', 'phần trăm'],
    ['data/files/two\nlines.txt', 'a newline in a name'],
    ['data/files/với dấu cách.txt', ''],
  ];
  const manifest = payload.map(([p, c]) => `${sha256(c)}  ${encodeManifestPath(p)}\n`).join('');
  const octets = payload.reduce((s, [, c]) => s + Buffer.byteLength(c), 0);
  const bagit = 'BagIt-Version: 1.0\nTag-File-Character-Encoding: UTF-8\n';
  const info =
    'Source-Organization: Phòng GD&ĐT huyện Tân Hồng\n' +
    'External-Description: a bag made by hand for the checker test, with a\n' +
    '  continuation line\n' +
    'Bagging-Date: 2026-12-04\n' +
    `Payload-Oxum: ${octets}.${payload.length}\n`;
  const tagmanifest = [
    ['bagit.txt', bagit],
    ['bag-info.txt', info],
    ['manifest-sha256.txt', manifest],
  ]
    .map(([p, c]) => `${sha256(c!)} ${p}\n`)
    .join('');
  return {
    entries: [
      ['bagit.txt', bagit],
      ['bag-info.txt', info],
      ['manifest-sha256.txt', manifest],
      ['tagmanifest-sha256.txt', tagmanifest],
      ...payload,
    ],
  };
}

let n = 0;
/** Writes the entries with yazl; `rename` swaps same-length names in the written bytes, for names yazl refuses to write. */
async function writeZip(bag: HandBag, rename?: [string, string]): Promise<string> {
  const path = join(dir, `bag-${++n}.zip`);
  const zip = new yazl.ZipFile();
  for (const [name, content, opts] of bag.entries) {
    zip.addBuffer(Buffer.isBuffer(content) ? content : Buffer.from(content, 'utf8'), name, { mtime: new Date(0), ...(opts?.mode ? { mode: opts.mode } : {}) });
  }
  zip.end();
  await new Promise<void>((resolve, reject) => zip.outputStream.pipe(createWriteStream(path)).once('close', resolve).once('error', reject));
  if (rename) {
    const [from, to] = rename.map((s) => Buffer.from(s, 'utf8')) as [Buffer, Buffer];
    expect(from.length).toBe(to.length);
    const bytes = readFileSync(path);
    let at = bytes.indexOf(from);
    expect(at).toBeGreaterThan(-1);
    for (; at !== -1; at = bytes.indexOf(from, at + 1)) to.copy(bytes, at);
    writeFileSync(path, bytes);
  }
  return path;
}

function edit(bag: HandBag, name: string, f: (text: string) => string): HandBag {
  const e = bag.entries.find(([n]) => n === name);
  if (!e) throw new Error(`no ${name}`);
  e[1] = f(e[1].toString());
  return bag;
}

/** Recomputes the tag manifest after an edit of a tag file, so only the intended rule is broken. */
function resealTags(bag: HandBag): HandBag {
  const get = (name: string) => bag.entries.find(([n]) => n === name)?.[1];
  const lines = ['bagit.txt', 'bag-info.txt', 'manifest-sha256.txt']
    .filter((p) => get(p) !== undefined)
    .map((p) => `${sha256(get(p)!)} ${p}\n`)
    .join('');
  return edit(bag, 'tagmanifest-sha256.txt', () => lines);
}

describe('percent-encoding of manifest paths (RFC 8493 §2.1.3)', () => {
  it.each([
    ['data/a.txt', 'data/a.txt'],
    ['data/100%25.txt', 'data/100%.txt'],
    ['data/a%0Ab', 'data/a\nb'],
    ['data/a%0d%0a', 'data/a\r\n'],
  ])('%s decodes to %j', (encoded, decoded) => {
    expect(decodeManifestPath(encoded)).toEqual({ path: decoded });
    expect(decodeManifestPath(encodeManifestPath(decoded))).toEqual({ path: decoded });
  });
  it.each([['data/100%.txt'], ['data/%4'], ['data/%41.txt'], ['data/%2F']])('%s is refused', (encoded) => {
    expect(decodeManifestPath(encoded)).toHaveProperty('error');
  });
});

describe('the checker on bags made by hand', () => {
  it('accepts a valid bag with awkward names', async () => {
    const r = await checkBagZip(await writeZip(handBag()));
    expect(r.errors).toEqual([]);
    expect(r.warnings).toEqual([]);
    expect(r.payload.map((p) => p.path)).toContain('data/files/two\nlines.txt');
    expect(r.info.find((e) => e.label === 'External-Description')?.value).toBe('a bag made by hand for the checker test, with a continuation line');
  });

  it('accepts a bag inside one top-level folder, and CRLF line endings used throughout a file', async () => {
    const bag = handBag();
    edit(bag, 'bagit.txt', (t) => t.replace(/\n/g, '\r\n'));
    resealTags(bag);
    bag.entries = bag.entries.map(([name, c, o]) => [`bag-1/${name}`, c, o]);
    const r = await checkBagZip(await writeZip(bag));
    expect(r.errors).toEqual([]);
    expect(r.base).toBe('bag-1/');
  });

  // Each case breaks one rule; the checker must name it.
  const cases: [string, (b: HandBag) => HandBag | Promise<string>, RegExp][] = [
    ['bagit.txt missing', (b) => ({ entries: b.entries.filter(([n]) => n !== 'bagit.txt') }), /bagit\.txt is missing/],
    ['wrong BagIt version', (b) => resealTags(edit(b, 'bagit.txt', (t) => t.replace('1.0', '0.97'))), /expected "BagIt-Version: 1\.0"/],
    ['wrong encoding line', (b) => resealTags(edit(b, 'bagit.txt', (t) => t.replace('UTF-8', 'utf-8'))), /Tag-File-Character-Encoding: UTF-8/],
    ['a third line in bagit.txt', (b) => resealTags(edit(b, 'bagit.txt', (t) => t + 'Extra: 1\n')), /exactly two/],
    ['a BOM in bagit.txt', (b) => resealTags(edit(b, 'bagit.txt', (t) => '\ufeff' + t)), /byte-order mark/],
    ['no payload manifest', (b) => ({ entries: b.entries.filter(([n]) => !n.startsWith('manifest-')) }), /no payload manifest/],
    ['a payload file not in the manifest', (b) => resealTags({ entries: [...b.entries, ['data/extra.bin', 'x']] }), /"data\/extra\.bin" is not listed/],
    ['a listed file missing', (b) => ({ entries: b.entries.filter(([n]) => n !== 'data/bundle.json') }), /"data\/bundle\.json" is listed but not in the bag/],
    ['a payload byte changed', (b) => edit(b, 'data/records/units.jsonl', (t) => t.replace('u1', 'u2')), /units\.jsonl" has sha256 [0-9a-f]+, the manifest says/],
    ['Payload-Oxum off by one', (b) => resealTags(edit(b, 'bag-info.txt', (t) => t.replace(/Payload-Oxum: (\d+)/, (_, o: string) => `Payload-Oxum: ${Number(o) + 1}`))), /Payload-Oxum is \d+\.5, the payload holds/],
    ['Payload-Oxum twice', (b) => resealTags(edit(b, 'bag-info.txt', (t) => t + t.match(/Payload-Oxum: .*\n/)![0])), /more than once/],
    ['a tag file changed after sealing', (b) => edit(b, 'bag-info.txt', (t) => t.replace('2026-12-04', '2026-12-05')), /"bag-info\.txt" has sha256 [0-9a-f]+, the tag manifest says/],
    ['a tag manifest without the payload manifest', (b) => edit(b, 'tagmanifest-sha256.txt', (t) => t.split('\n').filter((l) => !l.endsWith('manifest-sha256.txt')).join('\n')), /does not list the payload manifest/],
    ['a tag manifest listing a payload file', (b) => edit(b, 'tagmanifest-sha256.txt', (t) => t + `${sha256('{"bundleId":"b1"}\n')} data/bundle.json\n`), /MUST NOT/],
    ['mixed line endings', (b) => resealTags(edit(b, 'bag-info.txt', (t) => t.replace('\n', '\r\n'))), /mixes line endings \(CRLF, LF\)/],
    ['no terminator on the last line', (b) => resealTags(edit(b, 'manifest-sha256.txt', (t) => t.replace(/\n$/, ''))), /has no line terminator/],
    ['a blank line in the manifest', (b) => resealTags(edit(b, 'manifest-sha256.txt', (t) => t + '\n')), /not of the form "checksum filepath"/],
    ['a raw % in a manifest path', (b) => resealTags(edit(b, 'manifest-sha256.txt', (t) => t.replace('100%25', '100%'))), /'%' that is not percent-encoded/],
    ['an over-encoded manifest path', (b) => resealTags(edit(b, 'manifest-sha256.txt', (t) => t.replace('records/units', 'records%2Funits'))), /neither CR, LF nor '%'/],
    ['a newline in a name left unencoded', (b) => resealTags(edit(b, 'manifest-sha256.txt', (t) => t.replace('two%0Alines', 'two\nlines'))), /not of the form|is listed but not in the bag/],
    ['a ".." in a manifest path', (b) => resealTags(edit(b, 'manifest-sha256.txt', (t) => t.replace('data/records/units.jsonl', 'data/../records/units.jsonl'))), /'\.\.' segment/],
    ['a manifest path outside data/', (b) => resealTags(edit(b, 'manifest-sha256.txt', (t) => t + `${sha256('bagit')} bagit.txt\n`)), /outside the payload directory/],
    ['a file listed twice', (b) => resealTags(edit(b, 'manifest-sha256.txt', (t) => t + t.split('\n')[0] + '\n')), /listed more than once/],
    ['a checksum of the wrong length', (b) => resealTags(edit(b, 'manifest-sha256.txt', (t) => t.replace(/^([0-9a-f]{64})/, '$1ab'))), /64 hex digits, this one 66/],
    ['a bad Bagging-Date', (b) => resealTags(edit(b, 'bag-info.txt', (t) => t.replace('2026-12-04', '2026-13-04'))), /Bagging-Date "2026-13-04"/],
    ['a bag-info line without ": "', (b) => resealTags(edit(b, 'bag-info.txt', (t) => t.replace('Bagging-Date: ', 'Bagging-Date:'))), /not followed by ": "/],
    ['a fetch.txt', (b) => ({ entries: [...b.entries, ['fetch.txt', 'https://example.org/x 1 data/x\n']] }), /fetch\.txt present/],
    ['a duplicate zip entry', (b) => ({ entries: [...b.entries, ['data/bundle.json', '{"bundleId":"b1"}\n']] }), /appears more than once/],
    ['a symbolic link entry', (b) => ({ entries: [...b.entries, ['data/link', '/etc/passwd', { mode: 0o120777 }]] }), /is a symbolic link/],
    ['a ".." zip entry name', (b) => writeZip({ entries: [...b.entries, ['data/xx/evil.txt', 'x']] }, ['data/xx/', 'data/../']), /zip entry "data\/\.\.\/evil\.txt" contains a '\.\.' segment/],
    ['an absolute zip entry name', (b) => writeZip({ entries: [...b.entries, ['x/etc/evil', 'x']] }, ['x/etc/evil', '//etc/evil']), /is absolute/],
    ['a name not in NFC', (b) => writeZip({ entries: [...b.entries, ['data/Ta\u0302n.txt', 'x']] }), /not in Unicode NFC/],
  ];
  it.each(cases)('refuses %s', async (_name, breakIt, message) => {
    const broken = await breakIt(handBag());
    const path = typeof broken === 'string' ? broken : await writeZip(broken);
    const r = await checkBagZip(path);
    expect(r.errors.join('\n')).toMatch(message);
  });

  it('refuses a truncated zip and a file that is not a zip', async () => {
    const good = readFileSync(await writeZip(handBag()));
    const truncated = join(dir, 'truncated.zip');
    writeFileSync(truncated, good.subarray(0, good.length - 30));
    expect((await checkBagZip(truncated)).errors.join('\n')).toMatch(/zip/);
    const text = join(dir, 'text.zip');
    writeFileSync(text, 'BagIt-Version: 1.0\n');
    expect((await checkBagZip(text)).errors.join('\n')).toMatch(/not a readable zip/);
  });
});

describe('bags written by our exporter (writeBag)', () => {
  const { publicKey, privateKey } = generateKeyPairSync('ed25519');
  const signer = { publicKeyPem: publicKey.export({ type: 'spki', format: 'pem' }).toString(), sign: (data: Buffer) => sign(null, data, privateKey) };
  const info = { bundleId: '01937a2b-0000-7000-8000-000000000001', kind: 'sync' as const, schema: 170, officeCode: '870', officeName: 'Phòng GD&ĐT huyện Tân Hồng', period: null, baggingDate: '2026-12-04' };

  it('writes a valid BagIt 1.0 bag: records, evidence from disk, and names the RFC makes it encode', async () => {
    const evidence = Buffer.alloc(300_000, 7);
    const evidencePath = join(dir, 'evidence.bin');
    writeFileSync(evidencePath, evidence);
    const payload: PayloadFile[] = [
      { path: 'data/bundle.json', source: { kind: 'buffer', bytes: Buffer.from('{"bundleId":"x"}\n') } },
      { path: 'data/records/units.jsonl', source: { kind: 'buffer', bytes: Buffer.from('{"id":"u1","name":"Xã Tân Hộ Cơ"}\n{"id":"u2","name":"Thị trấn Sa Rài"}\n') } },
      { path: `data/files/${sha256(evidence)}`, source: { kind: 'file', path: evidencePath } },
      { path: 'data/files/100% đủ.txt', source: { kind: 'buffer', bytes: Buffer.from('phần trăm') } },
      { path: 'data/records/empty.jsonl', source: { kind: 'buffer', bytes: Buffer.alloc(0) } },
    ];
    const out = join(dir, 'ours.xhht');
    const written = await writeBag(out, info, payload, signer);
    const r = await checkBagZip(out);
    expect(r.errors).toEqual([]);
    // The signature signs the tag manifest, so the tag manifest cannot list it; that is the only tag file it leaves out.
    expect(r.warnings).toEqual(['tagmanifest-sha256.txt: the tag file signature-ed25519.txt is not listed, so nothing checks its integrity']);
    expect(r.tagFiles).toEqual(expect.arrayContaining(['bagit.txt', 'bag-info.txt', 'manifest-sha256.txt', 'tagmanifest-sha256.txt']));
    expect(r.payload.map((p) => p.path).sort()).toEqual(payload.map((p) => p.path).sort());
    const oxum = r.info.find((e) => e.label === 'Payload-Oxum')?.value;
    expect(oxum).toBe(`${r.payload.reduce((s, p) => s + p.bytes, 0)}.${payload.length}`);
    expect(written.payloadOxum).toBe(oxum);
    // DESIGN.md "Bundles": the labels the format names.
    const labels = r.info.map((e) => e.label);
    for (const label of ['Source-Organization', 'Bagging-Date', 'Payload-Oxum', 'External-Identifier', 'XHHT-Kind', 'XHHT-Schema', 'XHHT-Office']) expect(labels).toContain(label);
    expect(r.info.find((e) => e.label === 'External-Identifier')?.value).toBe(info.bundleId);
  });
});

describe('bundles exported from the demo territory', () => {
  let demo: TestApp;
  // The demo seeds in about 6 s on a quiet machine and 35 s with the load average near 20.
  beforeAll(async () => {
    demo = await createTestApp({ today: '2026-12-04', setUp: false });
    await loadDemo(demo.ctx);
  }, 180_000);
  afterAll(async () => demo?.close());

  it.each([
    ['sync', { kind: 'sync' }],
    ['sync without evidence', { kind: 'sync', includeFiles: false }],
    ['report of 2025 with personal data', { kind: 'report', period: '2025', includePersonalData: true }],
    ['template', { kind: 'template' }],
  ] as const)('a %s bundle is a valid BagIt 1.0 bag', async (name, options) => {
    const out = join(dir, `demo-${name.replace(/\W+/g, '-')}.xhht`);
    const result = await exportBundle({ sqlite: demo.ctx.sqlite, dataDir: demo.dir, options: ExportOptions.parse(options), outPath: out, now: new Date('2026-12-04T08:00:00Z') });
    const r = await checkBagZip(out);
    expect(r.errors).toEqual([]);
    expect(r.warnings).toEqual(['tagmanifest-sha256.txt: the tag file signature-ed25519.txt is not listed, so nothing checks its integrity']);
    for (const p of r.payload) expect(p.path).toMatch(/^data\/(bundle\.json|records\/\w+\.jsonl|files\/[0-9a-f]{64})$/);
    const evidence = r.payload.filter((p) => p.path.startsWith('data/files/'));
    expect(evidence.length).toBe(result.files.count);
    if (options.kind === 'sync' && !('includeFiles' in options)) expect(evidence.length).toBeGreaterThan(0);
    else if (options.kind === 'sync') expect(evidence).toEqual([]);
    expect(r.info.find((e) => e.label === 'External-Identifier')?.value).toBe(result.bundleId);
    expect(r.info.find((e) => e.label === 'XHHT-Kind')?.value).toBe(options.kind);
  });
});
