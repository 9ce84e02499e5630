import { createHash, randomBytes } from 'node:crypto';
import { createReadStream, mkdirSync, rmSync } from 'node:fs';
import { open, rename, stat } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
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
import { ZipWriter } from './zip-writer.js';

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
const BAG_PART_MARK = '.part-';

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
  throwIfAborted(opts.signal);
  const outDir = dirname(outPath);
  mkdirSync(outDir, { recursive: true });
  const part = join(outDir, `.${basename(outPath)}${BAG_PART_MARK}${randomBytes(6).toString('hex')}`);
  const file = await open(part, 'wx', 0o644);
  let closed = false;
  try {
    const zip = new ZipWriter(file, new Date(`${info.baggingDate}T12:00:00Z`));
    // Evidence is mostly JPEG and PDF, already compressed: storing it is faster and no bigger.
    const deflate = (path: string) => !path.startsWith('data/files/');
    const addWhole = (path: string, bytes: Buffer) => zip.add(path, once(bytes), bytes.length, deflate(path), () => undefined);
    await addWhole(TAG_FILES.bagit, Buffer.from(BAGIT_TXT));
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
      const hash = createHash('sha256');
      const onChunk = (chunk: Buffer) => {
        throwIfAborted(opts.signal);
        hash.update(chunk);
        octets += chunk.length;
        opts.onProgress?.(octets);
      };
      if (item.source.kind === 'buffer') {
        await zip.add(item.path, once(item.source.bytes), item.source.bytes.length, deflate(item.path), onChunk);
      } else {
        const { size } = await stat(item.source.path);
        await zip.add(item.path, createReadStream(item.source.path, { highWaterMark: 1 << 20 }), size, deflate(item.path), onChunk);
      }
      manifest.push({ sha256: hash.digest('hex'), path: item.path });
    }
    throwIfAborted(opts.signal);
    const oxum = payloadOxum(octets, manifest.length);
    const tags = new Map<string, Buffer>([
      [TAG_FILES.bagit, Buffer.from(BAGIT_TXT)],
      [TAG_FILES.info, Buffer.from(formatTagFile(bagInfoFields(info, oxum)))],
      [TAG_FILES.manifest, Buffer.from(formatManifest(manifest))],
    ]);
    const tagManifest = Buffer.from(formatManifest(TAG_MANIFEST_COVERS.map((path) => ({ path, sha256: sha256(tags.get(path)!) }))));
    await addWhole(TAG_FILES.info, tags.get(TAG_FILES.info)!);
    await addWhole(TAG_FILES.manifest, tags.get(TAG_FILES.manifest)!);
    await addWhole(TAG_FILES.tagManifest, tagManifest);
    await addWhole(TAG_FILES.signature, signatureFile(signer, tagManifest));
    await zip.finish();
    await file.sync();
    await file.close();
    closed = true;
    await rename(part, outPath);
    await fsyncDir(outDir);
    return { bytes: zip.bytesWritten, payloadOxum: oxum };
  } finally {
    if (!closed) await file.close().catch(() => undefined);
    rmSync(part, { force: true });
  }
}

function throwIfAborted(signal: AbortSignal | undefined): void {
  if (signal?.aborted) throw new JobCancelled();
}

const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

async function* once(bytes: Buffer): AsyncGenerator<Buffer> {
  yield bytes;
}

async function fsyncDir(dir: string): Promise<void> {
  const handle = await open(dir, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}
