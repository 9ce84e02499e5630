import { createHash, randomBytes } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { appSchemaVersion, writeBag, type BagInfo, type BagSigner } from '../../main/bundles/bag/index.js';
import { TAG_MANIFEST_COVERS, formatManifest } from '../../main/bundles/bag/bagit-text.js';
import { signatureFile } from '../../main/bundles/bag/signature.js';
import type { BundleJson } from '../../shared/bundles.js';
import { rawZip, readRawZip, type RawEntry } from './raw-zip.js';

/**
 * The hostile corpus (issue 15): bundles that must each be refused with a
 * Vietnamese message naming the problem. Every case starts from a valid bag
 * written by writeBag and signed by the office's key; a case about content
 * is signed again (so only its own defect is wrong), a case about the
 * signature or the zip is not.
 */

export interface CorpusBase {
  info: BagInfo;
  /** A valid bundle's payload: data/bundle.json, data/records/*.jsonl, data/files/<sha256>. */
  payload: { path: string; bytes: Buffer }[];
  /** The office's key, which the receiver trusts. */
  signer: BagSigner;
  /** A key nobody trusts. */
  stranger: BagSigner;
}

export interface BadCase {
  name: string;
  about: string;
  file: string;
  /** What the Vietnamese refusal must say. */
  expect: RegExp;
  /** Only refused when the receiving office's evidence limit is 1 MB. */
  evidenceLimit1MB?: boolean;
}

const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');
const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Writes the format-level cases (the zip, BagIt, signature and bundle layers) into `dir`. */
export async function makeBadBundles(dir: string, base: CorpusBase): Promise<BadCase[]> {
  const cases: BadCase[] = [];
  const validFile = join(dir, 'valid.xhht');
  await writeBag(validFile, base.info, base.payload.map(asPayload), base.signer);
  const valid = await readRawZip(validFile);
  const records = base.payload.find((p) => p.path.startsWith('data/records/'))!;

  const raw = (name: string, about: string, expect: RegExp, entries: RawEntry[]) => {
    const file = join(dir, `${name}.xhht`);
    writeFileSync(file, rawZip(entries));
    cases.push({ name, about, file, expect });
  };
  const bytes = (name: string, about: string, expect: RegExp, content: Buffer) => {
    const file = join(dir, `${name}.xhht`);
    writeFileSync(file, content);
    cases.push({ name, about, file, expect });
  };
  const signed = async (name: string, about: string, expect: RegExp, payload: { path: string; bytes: Buffer }[], info: BagInfo = base.info, signer = base.signer) => {
    const file = join(dir, `${name}.xhht`);
    await writeBag(file, info, payload.map(asPayload), signer);
    cases.push({ name, about, file, expect });
  };
  const plus = (...extra: RawEntry[]): RawEntry[] => [...valid, ...extra];
  const without = (name: string): RawEntry[] => valid.filter((e) => e.name !== name);
  const replaced = (name: string, data: Buffer, entries: RawEntry[] = valid): RawEntry[] => entries.map((e) => (e.name === name ? { ...e, data } : e));
  /** The tag manifest and signature made anew over the tag files as they now are: the bag is then "properly signed" nonsense. */
  const resigned = (entries: RawEntry[]): RawEntry[] => {
    const data = (name: string) => entries.find((e) => e.name === name)!.data;
    const tagManifest = Buffer.from(formatManifest(TAG_MANIFEST_COVERS.map((path) => ({ path, sha256: sha256(data(path)) }))));
    return replaced('signature-ed25519.txt', signatureFile(base.signer, tagManifest), replaced('tagmanifest-sha256.txt', tagManifest, entries));
  };
  const withBundleJson = (change: (json: Record<string, unknown>) => void) =>
    base.payload.map((p) => {
      if (p.path !== 'data/bundle.json') return p;
      const json = JSON.parse(p.bytes.toString()) as Record<string, unknown>;
      change(json);
      return { path: p.path, bytes: Buffer.from(JSON.stringify(json)) };
    });

  // The zip layer.
  raw('path-traversal', 'an entry whose name climbs out of the bag', /"data\/\.\.\/\.\.\/\.\.\/xhht-evil\.sh" không hợp lệ: có đoạn "\.\."/, plus({ name: 'data/../../../xhht-evil.sh', data: Buffer.from('echo evil') }));
  raw('absolute-path', 'an entry with an absolute path', /"\/tmp\/xhht-evil\.sh" không hợp lệ: đường dẫn tuyệt đối/, plus({ name: '/tmp/xhht-evil.sh', data: Buffer.from('echo evil') }));
  raw('windows-drive-path', 'an entry with a drive letter', /"C:\/xhht-evil\.bat" không hợp lệ: đường dẫn tuyệt đối/, plus({ name: 'C:/xhht-evil.bat', data: Buffer.from('echo evil') }));
  raw('backslash-path', 'an entry separated by backslashes (a Windows traversal)', /gạch ngược/, plus({ name: 'data\\..\\..\\evil.bat', data: Buffer.from('x') }));
  raw('symlink-entry', 'an entry that is a symbolic link to /etc/passwd', /"data\/files\/link" là liên kết \(symlink\)/, plus({ name: 'data/files/link', data: Buffer.from('/etc/passwd'), mode: 0o120777, method: 0 }));
  raw('directory-entry', 'an entry that is a directory', /là thư mục/, plus({ name: 'data/extra/', data: Buffer.alloc(0), mode: 0o040755, method: 0 }));
  raw('duplicate-name', 'data/bundle.json twice', /"data\/bundle\.json" xuất hiện hai lần/, plus({ name: 'data/bundle.json', data: Buffer.from('{}') }));
  raw('duplicate-name-case', 'two names equal on a case-insensitive disk', /"data\/Bundle\.json" trùng tên với "data\/bundle\.json"/, plus({ name: 'data/Bundle.json', data: Buffer.from('{}') }));
  raw('name-not-nfc', 'a name in decomposed Unicode (NFD)', /không ở dạng Unicode NFC/, plus({ name: 'data/files/Ấp'.normalize('NFD'), data: Buffer.from('x') }));
  raw('name-invalid-utf8', 'a name that is not UTF-8', /tên không phải UTF-8 hợp lệ/, plus({ name: Buffer.from([0x64, 0x61, 0x74, 0x61, 0x2f, 0xff, 0xfe]), data: Buffer.from('x') }));
  raw('name-nul', 'a name with a NUL byte (C string truncation)', /"data\/files\/a\\x00\.sh" không hợp lệ: có ký tự NUL/, plus({ name: 'data/files/a\u0000.sh', data: Buffer.from('x') }));
  const zeros = Buffer.alloc(20 * 1024 * 1024);
  raw('zip-bomb-ratio', 'a 20 MB entry of zeros deflated about 1000 times', /nén [\d.]+ lần, quá mức cho phép \(200 lần\): nghi là bom zip/, plus({ name: `data/files/${sha256(zeros)}`, data: zeros }));
  raw(
    'zip-bomb-total',
    'nine entries each declaring 4 GB: 36 GB in all, above the 32 GB total',
    /giới hạn tổng dung lượng/,
    plus(...Array.from({ length: 9 }, (_, i) => ({ name: `data/extra/${i}`, data: Buffer.from('tiny'), method: 0 as const, declaredSize: 0xfffffff0, declaredCompressedSize: 0xfffffff0 }))),
  );
  raw('size-lie', 'bag-info.txt inflates to more than its header declares', /"bag-info\.txt" giải nén ra khác kích thước đã khai/, valid.map((e) => (e.name === 'bag-info.txt' ? { ...e, declaredSize: e.data.length - 5 } : e)));
  raw('encrypted-entry', 'an entry flagged as encrypted', /được mã hóa/, plus({ name: 'data/files/secret', data: Buffer.from('x'), flags: 0x801 }));
  const whole = rawZip(valid);
  bytes('truncated-zip', 'the bag cut off at 60 %', /không đọc được tệp zip: tệp bị cắt cụt/, whole.subarray(0, Math.floor(whole.length * 0.6)));
  bytes('not-a-zip', 'an HTML page renamed to .xhht', /không đọc được tệp zip/, Buffer.from('<html><script>alert(1)</script></html>'));

  // The BagIt layer.
  raw('missing-bagit-txt', 'no bagit.txt', /thiếu tệp bagit\.txt/, without('bagit.txt'));
  raw('wrong-bagit-txt', 'bagit.txt of BagIt 0.97', /bagit\.txt không phải "BagIt-Version: 1\.0"/, replaced('bagit.txt', Buffer.from('BagIt-Version: 0.97\nTag-File-Character-Encoding: UTF-8\n')));
  raw('stray-top-level-file', 'a script beside the tag files', /phần lạ "run\.sh" ngoài thư mục data\//, plus({ name: 'run.sh', data: Buffer.from('rm -rf /') }));
  const flipped = Buffer.from(records.bytes);
  flipped[0] = flipped[0]! ^ 0x01;
  raw('wrong-manifest-hash', 'a records file changed after signing (same length)', new RegExp(`nội dung tệp "${escape(records.path)}" không khớp mã băm`), replaced(records.path, flipped));
  raw('payload-not-in-manifest', 'an evidence file nobody listed', /"data\/files\/unlisted" có trong gói nhưng không có trong manifest-sha256\.txt/, plus({ name: 'data/files/unlisted', data: Buffer.from('x') }));
  raw('manifest-entry-without-file', 'the manifest lists a records file the zip lacks', new RegExp(`kê tệp "${escape(records.path)}" nhưng gói không có tệp đó`), without(records.path));
  raw(
    'bad-signature',
    "a signature that is 64 bytes of someone's guess",
    /chữ ký không khớp/,
    replaced('signature-ed25519.txt', Buffer.from(valid.find((e) => e.name === 'signature-ed25519.txt')!.data.toString().replace(/^Signature: .*$/m, `Signature: ${randomBytes(64).toString('base64')}`))),
  );
  raw('tag-file-changed', 'bag-info.txt edited after signing', /mã băm của bag-info\.txt không khớp tagmanifest-sha256\.txt/, replaced('bag-info.txt', Buffer.from(valid.find((e) => e.name === 'bag-info.txt')!.data.toString().replace('XHHT-Kind: sync', 'XHHT-Kind: tmpl'))));
  raw('wrong-payload-oxum', 'Payload-Oxum one byte off, signed', /Payload-Oxum ghi/, resigned(replaced('bag-info.txt', Buffer.from(valid.find((e) => e.name === 'bag-info.txt')!.data.toString().replace(/Payload-Oxum: (\d+)/, (_m, n: string) => `Payload-Oxum: ${Number(n) + 1}`)))));
  await signed('unknown-key', 'signed by a key on nobody’s trust list', /ký gói bằng khóa chưa có trong danh sách tin cậy \(dấu vân tay [0-9A-F ]+\)/, base.payload, base.info, base.stranger);
  await signed('wrong-schema-version', 'XHHT-Schema 55, which no XHHT ever had', /phiên bản lược đồ 55 trong bag-info\.txt không phải phiên bản XHHT nào/, withBundleJson((j) => (j.schema = 55)), { ...base.info, schema: 55 });
  const future = appSchemaVersion() + 1000;
  await signed('future-schema-version', 'a schema newer than this app', new RegExp(`phiên bản XHHT mới hơn \\(lược đồ ${future}`), withBundleJson((j) => (j.schema = future)), { ...base.info, schema: future });

  // What the bag says about itself.
  await signed('kind-disagrees', 'bag-info says template, bundle.json says sync', /bag-info\.txt ghi loại gói "template" nhưng data\/bundle\.json ghi "sync"/, base.payload, { ...base.info, kind: 'template' });
  await signed(
    'other-kind-than-claimed',
    'a template bundle carrying units (only a sync or report bundle carries them)',
    new RegExp(`gói loại template không mang bảng "units"`),
    [...withBundleJson((j) => (j.kind = 'template')).filter((p) => !p.path.startsWith('data/records/')), { path: 'data/records/units.jsonl', bytes: records.bytes }],
    { ...base.info, kind: 'template' },
  );
  await signed('bundle-json-invalid', 'bundle.json is not JSON', /data\/bundle\.json không phải JSON hợp lệ/, base.payload.map((p) => (p.path === 'data/bundle.json' ? { path: p.path, bytes: Buffer.from('{"kind": sync') } : p)));
  await signed('evidence-misnamed', 'an evidence file not named by its own hash', /không mang đúng tên theo mã băm/, [...withBundleJson((j) => (j.files = { count: 1, bytes: 3 })).filter((p) => !p.path.startsWith('data/files/')), { path: `data/files/${'0'.repeat(64)}`, bytes: Buffer.from('abc') }]);
  await signed('stray-payload-file', 'a payload file outside the bundle layout', /không thuộc cấu trúc gói XHHT/, [...base.payload, { path: 'data/run.sh', bytes: Buffer.from('rm -rf /') }]);
  const big = randomBytes(1536 * 1024);
  const bigPath = `data/files/${sha256(big)}`;
  const file = join(dir, 'oversize-evidence.xhht');
  await writeBag(
    file,
    base.info,
    [...withBundleJson((j) => (j.files = { count: 1, bytes: big.length })).filter((p) => !p.path.startsWith('data/files/')), { path: bigPath, bytes: big }].map(asPayload),
    base.signer,
  );
  cases.push({ name: 'oversize-evidence', about: 'a 1.5 MB evidence file at an office whose limit is 1 MB', file, expect: new RegExp(`tệp minh chứng "${bigPath}" dài 1,5 MB, lớn hơn giới hạn 1 MB`), evidenceLimit1MB: true });
  return cases;
}

/**
 * A small valid sync bundle from `office`: bundle.json, one unit record and
 * one evidence file. Enough for every format-level case; the record-level
 * cases start from a real export instead.
 */
export function syntheticBase(office: { code: string; name: string; id: string }, signer: BagSigner, stranger: BagSigner): CorpusBase {
  const info: BagInfo = {
    bundleId: '0193a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b',
    kind: 'sync',
    schema: appSchemaVersion(),
    officeCode: office.code,
    officeName: office.name,
    period: '2026',
    baggingDate: '2026-12-04',
  };
  const evidence = randomBytes(2048);
  const bundle: BundleJson = {
    bundleId: info.bundleId,
    kind: 'sync',
    schema: info.schema,
    period: info.period,
    office,
    counts: { units: 1 },
    files: { count: 1, bytes: evidence.length },
    personalData: false,
  };
  return {
    info,
    signer,
    stranger,
    payload: [
      { path: 'data/bundle.json', bytes: Buffer.from(JSON.stringify(bundle)) },
      { path: 'data/records/units.jsonl', bytes: Buffer.from('{"id":"0193a1b2-0000-7000-8000-000000000001","name":"Xã Tân Hộ Cơ","code":"30001"}\n') },
      { path: `data/files/${sha256(evidence)}`, bytes: evidence },
    ],
  };
}

function asPayload(p: { path: string; bytes: Buffer }) {
  return { path: p.path, source: { kind: 'buffer' as const, bytes: p.bytes } };
}

export interface RecordCase {
  name: string;
  about: string;
  file: string;
  /** What the refusal (or the rejection of the record) must say. */
  expect: RegExp;
}

const UNITS = 'data/records/units.jsonl';

/**
 * The record-level cases, from a real export (`base`, which must carry units):
 * each changes data/records/units.jsonl (and the count in bundle.json to
 * match), and is signed again by the sender, so the bag is sound and only a
 * record is wrong. The importer must refuse each.
 */
export async function makeRecordCases(dir: string, base: CorpusBase): Promise<RecordCase[]> {
  const cases: RecordCase[] = [];
  const units = base.payload.find((p) => p.path === UNITS);
  if (!units) throw new Error('the base bundle carries no units');
  const lines = units.bytes.toString('utf8').split('\n').filter((l) => l !== '');
  const sample = JSON.parse(lines.at(-1)!) as Record<string, unknown>;
  const fresh = (n: number) => `0193a1b2-dead-7000-8000-${String(n).padStart(12, '0')}`;
  const unit = (n: number, changes: Record<string, unknown>) => JSON.stringify({ ...sample, id: fresh(n), code: `9${String(n).padStart(4, '0')}`, ...changes });
  const withUnits = async (name: string, about: string, expect: RegExp, extra: (string | Buffer)[]) => {
    const body = Buffer.concat([units.bytes, ...extra.map((l) => Buffer.concat([Buffer.isBuffer(l) ? l : Buffer.from(l), Buffer.from('\n')]))]);
    const payload = base.payload.map((p) => {
      if (p.path === UNITS) return { path: p.path, bytes: body };
      if (p.path !== 'data/bundle.json') return p;
      const json = JSON.parse(p.bytes.toString()) as { counts: Record<string, number> };
      json.counts.units = lines.length + extra.length;
      return { path: p.path, bytes: Buffer.from(JSON.stringify(json)) };
    });
    const file = join(dir, `${name}.xhht`);
    await writeBag(file, base.info, payload.map(asPayload), base.signer);
    cases.push({ name, about, file, expect });
  };
  const line = lines.length + 1;
  await withUnits('malformed-jsonl', 'a line cut in the middle of a JSON object', new RegExp(`units\\.jsonl, dòng ${line}: không phải JSON hợp lệ`), ['{"id":"0193a1b2-dead-7000-8000-000000000001","name":"Xã']);
  await withUnits('record-fails-validation', 'a unit whose rev is text and name a number', new RegExp(`units\\.jsonl, dòng ${line}: cột "(rev|name)"`), [unit(2, { rev: 'một', name: 42 })]);
  await withUnits('unknown-column', 'a unit with a column this XHHT does not have', new RegExp(`units\\.jsonl, dòng ${line}: có cột lạ "isAdmin"`), [unit(3, { isAdmin: 1 })]);
  await withUnits('missing-unit-reference', 'a unit under a parent unit nobody has', new RegExp(`units\\.jsonl, dòng ${line}: .*cột "parentId" trỏ tới units "${fresh(999)}" không có`), [unit(4, { parentId: fresh(999) })]);
  await withUnits('duplicate-ids', 'the same unit id on two lines', new RegExp(`units\\.jsonl, dòng ${line + 1}: trùng mã bản ghi với dòng ${line}`), [unit(5, {}), unit(5, { code: '98765' })]);
  await withUnits('string-10mb', 'a unit name of 10 MB (random, so it is no zip bomb)', new RegExp(`dòng ${line} của "data/records/units\\.jsonl" dài hơn 1\\.048\\.576 byte`), [unit(6, { name: randomBytes(7.5 * 1024 * 1024).toString('base64') })]);
  await withUnits('html-in-name', 'a unit named with a script tag', new RegExp(`units\\.jsonl, dòng ${line}: cột "name": chứa thẻ HTML`), [unit(7, { name: '<script>alert("xhht")</script>' })]);
  await withUnits('nul-in-text', 'a unit name with a NUL character', new RegExp(`units\\.jsonl, dòng ${line}: cột "name": chứa ký tự rỗng \\(NUL\\)`), [unit(8, { name: 'Xã\u0000Tân' })]);
  const broken = Buffer.from(unit(9, { name: 'XAXX' }));
  broken.set([0xc3, 0x28], broken.indexOf('XAXX') + 1);
  await withUnits('invalid-utf8', 'a line with bytes that are not UTF-8', new RegExp(`dòng ${line} của "data/records/units\\.jsonl" không phải văn bản UTF-8 hợp lệ`), [broken]);
  await withUnits('lone-surrogate', 'a unit name with half a surrogate pair', new RegExp(`units\\.jsonl, dòng ${line}: cột "name": chứa ký tự Unicode hỏng`), [unit(10, {}).replace(`"name":${JSON.stringify(sample.name)}`, '"name":"X\\ud800"')]);
  return cases;
}
