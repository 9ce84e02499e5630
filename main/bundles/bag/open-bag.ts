import { createHash, randomBytes } from 'node:crypto';
import { rmSync } from 'node:fs';
import { open, rename, type FileHandle } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type yauzl from 'yauzl';
import { AppError } from '../../../shared/errors.js';
import { JobCancelled } from '../../jobs/index.js';
import { MIGRATIONS } from '../../db/migrations/index.js';
import { BAGIT_TXT, TAG_FILES, TAG_MANIFEST_COVERS, parseManifest, pathProblem, shownName } from './bagit-text.js';
import { readBagInfo, type BagInfo } from './bag-info.js';
import { DEFAULT_BAG_LIMITS, MAX_MANIFEST_BYTES, MAX_TAG_FILE_BYTES, refuse, type BagLimits } from './limits.js';
import { checkSignature, type SignerIdentity } from './signature.js';
import { isRecordFile, openEntry, openZip, readEntries, type BagEntry } from './zip-entries.js';

export interface OpenBagOptions {
  signal?: AbortSignal;
  /** Payload bytes hashed so far of the total the bag declares. */
  onProgress?(doneBytes: number, totalBytes: number): void;
  /** Filled as the checks vouch for them, so a refusal can still say who signed the bag and what it says it is. */
  seen?: BagSeen;
}

/** What a bag's checks have vouched for so far: the signer once its signature holds, bag-info once the signed tag manifest covers it. */
export interface BagSeen {
  signer?: SignerIdentity;
  info?: BagInfo;
}

/**
 * The checks in the order openBag runs them; a refusal carries the one that
 * failed as `details.stage`, so a report can show what passed before it.
 */
export const BAG_STAGES = ['zip', 'bagit', 'signature', 'info', 'schema', 'manifest', 'oxum', 'hashes'] as const;
export type BagStage = (typeof BAG_STAGES)[number];

export interface OpenedBag {
  info: BagInfo;
  signer: SignerIdentity;
  /** Payload-Oxum, checked against the zip. */
  payload: { bytes: number; files: number };
  payloadPaths(): string[];
  /** The SHA-256 the manifest gives a payload file (checked): evidence is stored under it. */
  payloadHash(path: string): string;
  payloadSize(path: string): number;
  /** A data/bundle.json or data/records/ file as text (bounded by maxRecordFileBytes). */
  readText(path: string): Promise<string>;
  /** A records file line by line, each at most maxLineBytes, numbered from 1. */
  lines(path: string): AsyncIterable<{ line: string; lineNo: number }>;
  /** Copies a payload file to `dest` (temp file, fsync, rename); `dest` must not exist. */
  copyTo(path: string, dest: string): Promise<void>;
  close(): Promise<void>;
}

/** The schema version of this app: its last migration's id, as backups record it. */
export function appSchemaVersion(): number {
  return MIGRATIONS.at(-1)?.id ?? 0;
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

/**
 * Opens a .xhht bag and checks all of it before returning: the zip layer
 * (names, links, sizes, bombs), bagit.txt, the Ed25519 signature over the tag
 * manifest, the tag manifest's hashes, bag-info, the schema version, the
 * payload manifest against the zip in both directions, Payload-Oxum, and the
 * SHA-256 of every payload file. Throws an IMPORT_INVALID AppError naming the
 * first problem. Whether the signer is trusted is not decided here
 * (main/bundles/verify.ts). Every later read hashes again, so a file changed
 * on disk after the check is still caught.
 */
export async function openBag(path: string, limits: Partial<BagLimits> = {}, opts: OpenBagOptions = {}): Promise<OpenedBag> {
  const bounds: BagLimits = { ...DEFAULT_BAG_LIMITS, ...limits };
  const stage: { at: BagStage } = { at: 'zip' };
  let zip: yauzl.ZipFile | null = null;
  try {
    zip = await openZip(path);
    return await checkBag(zip, bounds, opts, stage);
  } catch (error) {
    zip?.close();
    if (error instanceof AppError) throw new AppError(error.code, error.message, { ...error.details, stage: stage.at });
    throw error;
  }
}

async function checkBag(zip: yauzl.ZipFile, limits: BagLimits, opts: OpenBagOptions, stage: { at: BagStage }): Promise<OpenedBag> {
  const entries = await readEntries(zip, limits);
  stage.at = 'bagit';
  const tagEntry = (name: string) => {
    const entry = entries.get(name);
    if (!entry) throw refuse(`thiếu tệp ${name} (không phải túi BagIt của XHHT)`);
    return entry;
  };
  const known = new Set<string>(Object.values(TAG_FILES));
  for (const name of entries.keys()) {
    if (!name.startsWith('data/') && !known.has(name)) throw refuse(`có phần lạ "${shownName(name)}" ngoài thư mục data/`);
  }

  const bagit = await readWhole(zip, tagEntry(TAG_FILES.bagit), MAX_TAG_FILE_BYTES);
  if (!bagit.equals(Buffer.from(BAGIT_TXT))) throw refuse('tệp bagit.txt không phải "BagIt-Version: 1.0" với mã UTF-8');

  for (const name of Object.values(TAG_FILES)) tagEntry(name);
  const tagManifestBytes = await readWhole(zip, tagEntry(TAG_FILES.tagManifest), MAX_TAG_FILE_BYTES);
  stage.at = 'signature';
  const signature = checkSignature(text(await readWhole(zip, tagEntry(TAG_FILES.signature), MAX_TAG_FILE_BYTES), TAG_FILES.signature), tagManifestBytes);
  if (!signature.ok) throw refuse(`${TAG_FILES.signature}: ${signature.problem}`);
  if (opts.seen) opts.seen.signer = signature.signer;

  const tagManifest = parseManifest(text(tagManifestBytes, TAG_FILES.tagManifest));
  if (!tagManifest.ok) throw refuse(`${TAG_FILES.tagManifest} dòng ${tagManifest.lineNo}: ${tagManifest.problem}`);
  const listed = tagManifest.value.map((l) => l.path).sort();
  if (listed.join('\n') !== [...TAG_MANIFEST_COVERS].sort().join('\n')) throw refuse(`${TAG_FILES.tagManifest} phải kê đúng ${TAG_MANIFEST_COVERS.join(', ')}`);
  const tagBytes = new Map<string, Buffer>([[TAG_FILES.bagit, bagit]]);
  tagBytes.set(TAG_FILES.info, await readWhole(zip, tagEntry(TAG_FILES.info), MAX_TAG_FILE_BYTES));
  tagBytes.set(TAG_FILES.manifest, await readWhole(zip, tagEntry(TAG_FILES.manifest), MAX_MANIFEST_BYTES));
  for (const line of tagManifest.value) {
    if (sha256(tagBytes.get(line.path)!) !== line.sha256) throw refuse(`mã băm của ${line.path} không khớp ${TAG_FILES.tagManifest} (tệp đã bị sửa)`);
  }

  stage.at = 'info';
  const read = readBagInfo(text(tagBytes.get(TAG_FILES.info)!, TAG_FILES.info));
  if (!read.ok) throw refuse(`${TAG_FILES.info}: ${read.problem}`);
  const info = read.info;
  if (opts.seen) opts.seen.info = info;
  stage.at = 'schema';
  checkSchema(info.schema);
  stage.at = 'manifest';

  const manifest = parseManifest(text(tagBytes.get(TAG_FILES.manifest)!, TAG_FILES.manifest));
  if (!manifest.ok) throw refuse(`${TAG_FILES.manifest} dòng ${manifest.lineNo}: ${manifest.problem}`);
  const expected = new Map(manifest.value.map((l) => [l.path, l.sha256]));
  const payload = [...entries.values()].filter((e) => e.name.startsWith('data/'));
  for (const entry of payload) {
    if (!expected.has(entry.name)) throw refuse(`tệp "${shownName(entry.name)}" có trong gói nhưng không có trong ${TAG_FILES.manifest}`);
  }
  for (const [i, line] of manifest.value.entries()) {
    const problem = pathProblem(line.path) ?? (line.path.startsWith('data/') ? null : 'không nằm trong data/');
    if (problem) throw refuse(`${TAG_FILES.manifest} dòng ${i + 1}: đường dẫn "${shownName(line.path)}" ${problem}`);
    if (!entries.has(line.path)) throw refuse(`${TAG_FILES.manifest} kê tệp "${shownName(line.path)}" nhưng gói không có tệp đó`);
  }
  stage.at = 'oxum';
  const bytes = payload.reduce((sum, e) => sum + e.size, 0);
  if (bytes !== read.oxum.bytes || payload.length !== read.oxum.files) {
    throw refuse(`Payload-Oxum ghi ${read.oxum.bytes}.${read.oxum.files} nhưng gói có ${bytes}.${payload.length} (byte.tệp)`);
  }

  stage.at = 'hashes';
  let done = 0;
  for (const entry of payload) {
    await drain(zip, entry, expected.get(entry.name)!, opts.signal, (n) => {
      done += n;
      opts.onProgress?.(done, bytes);
    });
  }
  return openedBag(zip, info, signature.signer, { bytes, files: payload.length }, new Map(payload.map((e) => [e.name, e])), expected, limits);
}

function checkSchema(schema: number): void {
  const latest = appSchemaVersion();
  if (schema > latest) {
    throw refuse(`gói được tạo bởi phiên bản XHHT mới hơn (lược đồ ${schema}, phiên bản này hiểu đến ${latest}); hãy cập nhật XHHT rồi nhận lại gói`);
  }
  if (!MIGRATIONS.some((m) => m.id === schema)) throw refuse(`phiên bản lược đồ ${schema} trong bag-info.txt không phải phiên bản XHHT nào`);
}

const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

async function writeAll(file: FileHandle, bytes: Buffer): Promise<void> {
  let offset = 0;
  while (offset < bytes.length) offset += (await file.write(bytes, offset)).bytesWritten;
}

function text(bytes: Buffer, name: string): string {
  try {
    return utf8.decode(bytes);
  } catch {
    throw refuse(`tệp ${name} không phải văn bản UTF-8 hợp lệ`);
  }
}

async function readWhole(zip: yauzl.ZipFile, entry: BagEntry, maxBytes: number): Promise<Buffer> {
  if (entry.size > maxBytes) throw refuse(`tệp "${shownName(entry.name)}" lớn bất thường (${entry.size.toLocaleString('vi-VN')} byte)`);
  const chunks: Buffer[] = [];
  await pipeline(
    await openEntry(zip, entry),
    new Writable({
      write(chunk: Buffer, _enc, done) {
        chunks.push(chunk);
        done();
      },
    }),
  ).catch((error: unknown) => {
    throw readError(entry, error);
  });
  return Buffer.concat(chunks);
}

/** What a failed inflate means to the person: yauzl's own text is English and technical. */
function readError(entry: BagEntry, error: unknown) {
  if (error instanceof JobCancelled || (error as { code?: string }).code === 'IMPORT_INVALID') return error;
  const message = (error as Error).message ?? '';
  if (/too many bytes|not enough bytes/i.test(message)) return refuse(`phần "${shownName(entry.name)}" giải nén ra khác kích thước đã khai`);
  return refuse(`phần "${shownName(entry.name)}" không giải nén được (dữ liệu hỏng)`);
}

/** Hashes one payload entry through, keeping nothing. */
async function drain(zip: yauzl.ZipFile, entry: BagEntry, sha: string, signal: AbortSignal | undefined, onBytes: (n: number) => void): Promise<void> {
  const hash = createHash('sha256');
  await pipeline(
    await openEntry(zip, entry),
    new Writable({
      write(chunk: Buffer, _enc, done) {
        if (signal?.aborted) return done(new JobCancelled());
        hash.update(chunk);
        onBytes(chunk.length);
        done();
      },
    }),
  ).catch((error: unknown) => {
    throw readError(entry, error);
  });
  if (hash.digest('hex') !== sha) throw refuse(`nội dung tệp "${shownName(entry.name)}" không khớp mã băm trong ${TAG_FILES.manifest} (tệp đã bị sửa hoặc hỏng)`);
}

function openedBag(
  zip: yauzl.ZipFile,
  info: BagInfo,
  signer: SignerIdentity,
  payload: { bytes: number; files: number },
  entries: Map<string, BagEntry>,
  hashes: Map<string, string>,
  limits: BagLimits,
): OpenedBag {
  const entryOf = (path: string) => {
    const entry = entries.get(path);
    if (!entry) throw refuse(`gói không có tệp "${shownName(path)}"`);
    return entry;
  };
  const changed = (path: string) => refuse(`tệp "${shownName(path)}" đã thay đổi sau khi kiểm tra (mã băm không còn khớp)`);
  const recordFile = (path: string) => {
    const entry = entryOf(path);
    if (!isRecordFile(path)) throw new Error(`bag: ${path} is not a records file`);
    return entry;
  };
  return {
    info,
    signer,
    payload,
    payloadPaths: () => [...entries.keys()],
    payloadHash(path) {
      entryOf(path);
      return hashes.get(path)!;
    },
    payloadSize: (path) => entryOf(path).size,
    async readText(path) {
      const entry = recordFile(path);
      const bytes = await readWhole(zip, entry, limits.maxRecordFileBytes);
      if (sha256(bytes) !== hashes.get(path)) throw changed(path);
      return text(bytes, path);
    },
    lines(path) {
      const entry = recordFile(path);
      return readLines(zip, entry, hashes.get(path)!, limits.maxLineBytes, changed);
    },
    async copyTo(path, dest) {
      const entry = entryOf(path);
      const part = join(dirname(dest), `.${basename(dest)}.part-${randomBytes(6).toString('hex')}`);
      const file = await open(part, 'wx', 0o644);
      try {
        const hash = createHash('sha256');
        await pipeline(
          await openEntry(zip, entry),
          async function* (source: AsyncIterable<Buffer>) {
            for await (const chunk of source) {
              hash.update(chunk);
              yield chunk;
            }
          },
          new Writable({
            write(chunk: Buffer, _enc, done) {
              writeAll(file, chunk).then(() => done(), done);
            },
          }),
        ).catch((error: unknown) => {
          throw readError(entry, error);
        });
        if (hash.digest('hex') !== hashes.get(path)) throw changed(path);
        await file.sync();
        await file.close();
        await rename(part, dest);
      } finally {
        await file.close().catch(() => undefined);
        rmSync(part, { force: true });
      }
    },
    async close() {
      zip.close();
    },
  };
}

async function* readLines(
  zip: yauzl.ZipFile,
  entry: BagEntry,
  sha: string,
  maxLineBytes: number,
  changed: (path: string) => Error,
): AsyncGenerator<{ line: string; lineNo: number }> {
  const hash = createHash('sha256');
  const stream = await openEntry(zip, entry);
  const shown = shownName(entry.name);
  let pending: Buffer[] = [];
  let pendingBytes = 0;
  let lineNo = 0;
  const decode = (bytes: Buffer) => {
    lineNo += 1;
    if (bytes.length > maxLineBytes) throw refuse(`dòng ${lineNo} của "${shown}" dài ${bytes.length.toLocaleString('vi-VN')} byte, tối đa ${maxLineBytes.toLocaleString('vi-VN')}`);
    try {
      return { line: utf8.decode(bytes), lineNo };
    } catch {
      throw refuse(`dòng ${lineNo} của "${shown}" không phải văn bản UTF-8 hợp lệ`);
    }
  };
  try {
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      hash.update(chunk);
      let start = 0;
      for (let nl = chunk.indexOf(0x0a); nl !== -1; nl = chunk.indexOf(0x0a, start)) {
        pending.push(chunk.subarray(start, nl));
        const line = Buffer.concat(pending);
        pending = [];
        pendingBytes = 0;
        start = nl + 1;
        yield decode(line);
      }
      if (start < chunk.length) {
        pending.push(chunk.subarray(start));
        pendingBytes += chunk.length - start;
        // A line is refused as soon as it is too long, not once it has all been held.
        if (pendingBytes > maxLineBytes) throw refuse(`dòng ${lineNo + 1} của "${shown}" dài hơn ${maxLineBytes.toLocaleString('vi-VN')} byte`);
      }
    }
  } catch (error) {
    throw readError(entry, error);
  } finally {
    // Also when the reader stops early: the entry's stream holds the zip's file open.
    stream.destroy();
  }
  if (pendingBytes > 0) yield decode(Buffer.concat(pending));
  if (hash.digest('hex') !== sha) throw changed(entry.name);
}
