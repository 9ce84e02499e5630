import { createHash, randomBytes } from 'node:crypto';
import { createReadStream, mkdirSync, rmSync } from 'node:fs';
import { open, rename, stat, type FileHandle } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { Transform, pipeline, type Readable } from 'node:stream';
import yazl from 'yazl';
import { JobCancelled } from '../../jobs/index.js';
import {
  BAGIT_TXT,
  TAG_FILES,
  TAG_MANIFEST_COVERS,
  collisionKey,
  formatManifest,
  formatTagFile,
  pathProblem,
  payloadOxum,
  type ManifestLine,
} from './bagit-text.js';
import { bagInfoFields, type BagInfo } from './bag-info.js';
import { signatureFile, type BagSigner } from './signature.js';

export interface PayloadFile {
  /** Under data/, e.g. 'data/records/units.jsonl'. */
  path: string;
  source: { kind: 'buffer'; bytes: Buffer } | { kind: 'file'; path: string };
}

export interface WriteBagOptions {
  signal?: AbortSignal;
  /** Payload bytes read so far; the total is unknown while the payload is still being produced. */
  onProgress?(doneBytes: number, totalBytes?: number): void;
}

export interface WrittenBag {
  bytes: number;
  payloadOxum: string;
}

/** A part file of a bag being written is named so, beside the target. */
export const BAG_PART_MARK = '.part-';

/**
 * Writes a signed BagIt bag as a zip at `outPath`. Each payload file is
 * hashed as it streams into the zip (never held whole in memory unless the
 * caller hands a buffer); the manifests, bag-info (with Payload-Oxum) and the
 * signature follow the payload. The zip goes to a part file beside the target,
 * is fsynced, then renamed, and the folder fsynced: a crash, a cancel or an
 * error leaves no file at `outPath` and no part file.
 */
export async function writeBag(
  outPath: string,
  info: BagInfo,
  payload: AsyncIterable<PayloadFile> | Iterable<PayloadFile>,
  signer: BagSigner,
  opts: WriteBagOptions = {},
): Promise<WrittenBag> {
  // Refuses a malformed BagInfo before any file is created.
  bagInfoFields(info, payloadOxum(0, 0));
  const outDir = dirname(outPath);
  mkdirSync(outDir, { recursive: true });
  const part = join(outDir, `.${basename(outPath)}${BAG_PART_MARK}${randomBytes(6).toString('hex')}`);
  const file = await open(part, 'wx', 0o644);
  const zip = new yazl.ZipFile();
  const output = zip.outputStream as Readable;
  const mtime = new Date(`${info.baggingDate}T12:00:00Z`);
  const entryOptions = (path: string) => ({ mtime, mode: 0o100644, compressionLevel: path.startsWith('data/files/') ? 0 : 6 });
  // The first failure anywhere (zip, disk, cancel) stops both the producer and the copy to disk.
  let fail: (error: unknown) => void = () => undefined;
  const failed = new Promise<never>((_resolve, reject) => (fail = reject));
  let reading: Readable | null = null;
  failed.catch((error: unknown) => {
    output.destroy(error as Error);
    reading?.destroy();
  });
  zip.on('error', fail);
  const onAbort = () => fail(new JobCancelled());
  opts.signal?.addEventListener('abort', onAbort);
  let closed = false;
  try {
    throwIfAborted(opts.signal);
    const consumed = copyOut(output, file);
    consumed.catch(fail);
    const produced = (async () => {
      zip.addBuffer(Buffer.from(BAGIT_TXT), TAG_FILES.bagit, entryOptions(TAG_FILES.bagit));
      const manifest: ManifestLine[] = [];
      const names = new Map<string, string>();
      let octets = 0;
      for await (const item of payload) {
        throwIfAborted(opts.signal);
        const problem = pathProblem(item.path) ?? (item.path.startsWith('data/') ? null : 'không nằm trong data/');
        if (problem) throw new Error(`bag payload path "${item.path}": ${problem}`);
        const clash = names.get(collisionKey(item.path));
        if (clash !== undefined) throw new Error(`bag payload paths "${clash}" and "${item.path}" collide`);
        names.set(collisionKey(item.path), item.path);
        const added = await Promise.race([addPayload(zip, item, entryOptions(item.path), opts, () => octets, (stream) => (reading = stream)), failed]);
        octets += added.size;
        manifest.push({ sha256: added.sha256, path: item.path });
      }
      throwIfAborted(opts.signal);
      const oxum = payloadOxum(octets, manifest.length);
      const tags = new Map<string, Buffer>([
        [TAG_FILES.bagit, Buffer.from(BAGIT_TXT)],
        [TAG_FILES.info, Buffer.from(formatTagFile(bagInfoFields(info, oxum)))],
        [TAG_FILES.manifest, Buffer.from(formatManifest(manifest))],
      ]);
      const tagManifest = Buffer.from(formatManifest(TAG_MANIFEST_COVERS.map((path) => ({ path, sha256: sha256(tags.get(path)!) }))));
      zip.addBuffer(tags.get(TAG_FILES.info)!, TAG_FILES.info, entryOptions(TAG_FILES.info));
      zip.addBuffer(tags.get(TAG_FILES.manifest)!, TAG_FILES.manifest, entryOptions(TAG_FILES.manifest));
      zip.addBuffer(tagManifest, TAG_FILES.tagManifest, entryOptions(TAG_FILES.tagManifest));
      zip.addBuffer(signatureFile(signer, tagManifest), TAG_FILES.signature, entryOptions(TAG_FILES.signature));
      zip.end();
      return oxum;
    })();
    produced.catch(fail);
    // Both sides settle before the file is closed; the producer's own error is the one to report when there are two.
    const [made, copied] = await Promise.allSettled([produced, Promise.race([consumed, failed])]);
    if (made.status === 'rejected') throw made.reason;
    if (copied.status === 'rejected') throw copied.reason;
    throwIfAborted(opts.signal);
    await file.sync();
    const { size } = await file.stat();
    await file.close();
    closed = true;
    await rename(part, outPath);
    await fsyncDir(outDir);
    return { bytes: size, payloadOxum: made.value };
  } finally {
    opts.signal?.removeEventListener('abort', onAbort);
    if (!closed) await file.close().catch(() => undefined);
    rmSync(part, { force: true });
  }
}

function throwIfAborted(signal: AbortSignal | undefined): void {
  if (signal?.aborted) throw new JobCancelled();
}

const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

async function copyOut(stream: Readable, file: FileHandle): Promise<void> {
  for await (const chunk of stream) {
    const bytes = chunk as Buffer;
    let offset = 0;
    while (offset < bytes.length) offset += (await file.write(bytes, offset)).bytesWritten;
  }
}

/** Adds one payload file and resolves once all of it has been read (so one file is open at a time) with its size and hash. */
async function addPayload(
  zip: yazl.ZipFile,
  item: PayloadFile,
  options: { mtime: Date; mode: number; compressionLevel: number },
  opts: WriteBagOptions,
  before: () => number,
  opened: (stream: Readable) => void,
): Promise<{ size: number; sha256: string }> {
  if (item.source.kind === 'buffer') {
    const bytes = item.source.bytes;
    zip.addBuffer(bytes, item.path, options);
    opts.onProgress?.(before() + bytes.length);
    return { size: bytes.length, sha256: sha256(bytes) };
  }
  const sourcePath = item.source.path;
  const { size: declared } = await stat(sourcePath);
  return new Promise((resolve, reject) => {
    const hash = createHash('sha256');
    let size = 0;
    const tap = new Transform({
      transform(chunk: Buffer, _enc, done) {
        if (opts.signal?.aborted) return done(new JobCancelled());
        hash.update(chunk);
        size += chunk.length;
        opts.onProgress?.(before() + size);
        done(null, chunk);
      },
      flush(done) {
        // yazl also refuses a size change, but only after the bytes are in the zip; refusing here names the file.
        if (size !== declared) return done(new Error(`bag payload file ${sourcePath} changed size while being read (${declared} → ${size})`));
        resolve({ size, sha256: hash.digest('hex') });
        done();
      },
    });
    const source = createReadStream(sourcePath, { highWaterMark: 1 << 20 });
    opened(source);
    zip.addReadStream(
      pipeline(source, tap, (error) => error && reject(error)),
      item.path,
      { ...options, size: declared },
    );
  });
}

async function fsyncDir(dir: string): Promise<void> {
  const handle = await open(dir, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}
