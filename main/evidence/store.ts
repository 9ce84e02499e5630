import { createHash, randomBytes } from 'node:crypto';
import { createReadStream, mkdirSync, readdirSync, rmSync } from 'node:fs';
import { open, rename, stat, unlink, type FileHandle } from 'node:fs/promises';
import { join } from 'node:path';
import { isMainThread } from 'node:worker_threads';
import { AppError } from '../../shared/errors.js';
import { ALLOWED_TYPES_TEXT, EVIDENCE_MIME, formatBytes, UPLOAD_PURPOSE_NOUNS, type StagedFile, type UploadPurpose } from '../../shared/evidence.js';
import { sniffFile } from './sniff.js';

/**
 * The content-addressed store: `<dataDir>/files/sha256/ab/<hash>`. Bytes
 * arrive in `files/tmp/` (hashed on the way, fsynced), wait there as a staged
 * file until their batch is attached, then are renamed into place — so a file
 * under `sha256/` is always whole, and the same content is kept once.
 */

/** What the store needs from an open file for writing; tests inject one that fails like a full disk. */
export interface WritableFile {
  write(chunk: Uint8Array): Promise<unknown>;
  sync(): Promise<void>;
  close(): Promise<void>;
}

export interface StoreOptions {
  openForWrite?: (path: string) => Promise<WritableFile>;
}

interface Staged extends StagedFile {
  path: string;
  stagedAt: number;
}

/** Staged files nobody attached or discarded (a closed tab) are dropped after this long. */
const STAGED_LIFETIME_MS = 6 * 60 * 60 * 1000;

export class EvidenceStore {
  readonly blobsDir: string;
  readonly stagingDir: string;
  private readonly staged = new Map<string, Staged>();
  private readonly openForWrite: (path: string) => Promise<WritableFile>;

  constructor(
    readonly root: string,
    options: StoreOptions = {},
  ) {
    this.blobsDir = join(root, 'sha256');
    this.stagingDir = join(root, 'tmp');
    this.openForWrite = options.openForWrite ?? ((path) => open(path, 'wx', 0o600));
    mkdirSync(this.blobsDir, { recursive: true, mode: 0o700 });
    mkdirSync(this.stagingDir, { recursive: true, mode: 0o700 });
    // One process holds the data folder (its lock), so whatever is in tmp/ was left by a crash or a kill.
    // Its worker threads (bundle export and import) open the store too, while uploads wait in tmp/: only the main thread sweeps.
    if (isMainThread) for (const name of readdirSync(this.stagingDir)) rmSync(join(this.stagingDir, name), { force: true });
  }

  blobPath(sha256: string): string {
    return join(this.blobsDir, sha256.slice(0, 2), sha256);
  }

  /**
   * Streams bytes into a staged file, hashing and counting on the way, and
   * checks size and type. Any failure (too big, not allowed, disk full, the
   * sender gone) removes the partial file and leaves the store as it was.
   */
  async receive(source: AsyncIterable<Uint8Array> | Iterable<Uint8Array>, name: string, maxBytes: number, purpose: UploadPurpose = 'evidence'): Promise<StagedFile> {
    this.dropExpired();
    const stagedId = randomBytes(16).toString('base64url');
    const path = join(this.stagingDir, `${stagedId}.part`);
    let file: WritableFile | null = null;
    try {
      file = await this.openForWrite(path);
      const hash = createHash('sha256');
      let size = 0;
      for await (const chunk of source) {
        size += chunk.length;
        if (size > maxBytes) throw tooBig(name, maxBytes, purpose);
        hash.update(chunk);
        await file.write(chunk);
      }
      await file.sync();
      await file.close();
      file = null;
      // A bundle's own verification, or a sheet's import, reads it; a broken one must get there to be refused (and a bundle logged).
      const mime = purpose === 'evidence' ? await sniffStaged(path, size, name) : 'application/octet-stream';
      const entry: Staged = { stagedId, purpose, name, size, mime, sha256: hash.digest('hex'), path, stagedAt: Date.now() };
      this.staged.set(stagedId, entry);
      const { path: _path, stagedAt: _at, ...dto } = entry;
      return dto;
    } catch (error) {
      await file?.close().catch(() => undefined);
      await unlink(path).catch(() => undefined);
      throw asStoreError(error, name);
    }
  }

  /** Stages a file on this machine (the Electron dialog, the demo, the benchmark). */
  receiveFile(path: string, name: string, maxBytes: number): Promise<StagedFile> {
    return this.receive(createReadStream(path, { highWaterMark: 1024 * 1024 }), name, maxBytes);
  }

  stagedFile(stagedId: string): StagedFile | null {
    return this.staged.get(stagedId) ?? null;
  }

  /**
   * Where a file staged for `purpose` waits on the disk; an unknown one, one uploaded for something
   * else, or one over the caller's own limit (an import's, below the route's) is refused.
   */
  stagedFor(stagedId: string, purpose: UploadPurpose, maxBytes = Number.POSITIVE_INFINITY): { path: string; name: string; size: number } {
    const entry = this.staged.get(stagedId);
    if (!entry) throw new AppError('NOT_FOUND', `Tệp ${UPLOAD_PURPOSE_NOUNS[purpose]} tải lên đã hết hạn hoặc đã được dùng. Hãy chọn lại tệp.`);
    if (entry.purpose !== purpose) {
      throw new AppError('VALIDATION', `Tệp "${entry.name}" được tải lên làm ${UPLOAD_PURPOSE_NOUNS[entry.purpose]}, không phải ${UPLOAD_PURPOSE_NOUNS[purpose]}. Hãy chọn lại tệp.`);
    }
    if (entry.size > maxBytes) throw new AppError('VALIDATION', `Tệp "${entry.name}" quá lớn (tối đa ${formatBytes(maxBytes)}).`);
    return { path: entry.path, name: entry.name, size: entry.size };
  }

  /**
   * Moves a staged file to its place under its hash, fsyncing the folder so
   * the rename survives a power cut. Content already stored is not written twice.
   */
  async commit(stagedId: string): Promise<void> {
    const entry = this.staged.get(stagedId);
    if (!entry) throw new AppError('NOT_FOUND', 'Tệp tải lên đã hết hạn hoặc đã được dùng. Hãy chọn lại tệp.');
    const target = this.blobPath(entry.sha256);
    const existing = await stat(target).catch(() => null);
    if (existing?.size === entry.size) {
      await unlink(entry.path).catch(() => undefined);
    } else {
      mkdirSync(join(this.blobsDir, entry.sha256.slice(0, 2)), { recursive: true, mode: 0o700 });
      await rename(entry.path, target);
      await syncDirectory(join(this.blobsDir, entry.sha256.slice(0, 2)));
    }
    this.staged.delete(stagedId);
  }

  async discard(stagedId: string): Promise<boolean> {
    const entry = this.staged.get(stagedId);
    if (!entry) return false;
    this.staged.delete(stagedId);
    await unlink(entry.path).catch(() => undefined);
    return true;
  }

  async hasBlob(sha256: string): Promise<boolean> {
    return (await stat(this.blobPath(sha256)).catch(() => null)) !== null;
  }

  async removeBlob(sha256: string): Promise<void> {
    await unlink(this.blobPath(sha256)).catch((error: NodeJS.ErrnoException) => {
      if (error.code !== 'ENOENT') throw error;
    });
  }

  /** SHA-256 of a stored file as it is on disk now, or null when it is missing. */
  async hashBlob(sha256: string, onBytes?: (bytes: number) => void): Promise<string | null> {
    const hash = createHash('sha256');
    try {
      for await (const chunk of createReadStream(this.blobPath(sha256), { highWaterMark: 1024 * 1024 })) {
        hash.update(chunk as Buffer);
        onBytes?.((chunk as Buffer).length);
      }
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw error;
    }
    return hash.digest('hex');
  }

  private dropExpired(): void {
    const cutoff = Date.now() - STAGED_LIFETIME_MS;
    for (const entry of this.staged.values()) if (entry.stagedAt < cutoff) void this.discard(entry.stagedId);
  }
}

async function sniffStaged(path: string, size: number, name: string): Promise<string> {
  const file: FileHandle = await open(path, 'r');
  try {
    const type = await sniffFile(file, size);
    if (!type) throw new AppError('VALIDATION', `Tệp "${name}" không thuộc loại được nhận làm minh chứng (${ALLOWED_TYPES_TEXT}).`);
    return EVIDENCE_MIME[type];
  } finally {
    await file.close();
  }
}

async function syncDirectory(path: string): Promise<void> {
  // Windows cannot open a folder for fsync; NTFS journals the rename itself.
  if (process.platform === 'win32') return;
  const dir = await open(path, 'r');
  try {
    await dir.sync();
  } finally {
    await dir.close();
  }
}

export function tooBig(name: string, maxBytes: number, purpose: UploadPurpose): AppError {
  return new AppError('VALIDATION', `Tệp "${name}" lớn hơn giới hạn ${formatBytes(maxBytes)} cho một ${UPLOAD_PURPOSE_NOUNS[purpose]}.`);
}

function asStoreError(error: unknown, name: string): unknown {
  const code = (error as NodeJS.ErrnoException)?.code;
  if (code === 'ENOSPC' || code === 'EDQUOT') {
    return new AppError('INTERNAL', `Ổ đĩa đã đầy: không lưu được tệp "${name}". Không có gì được ghi; hãy giải phóng dung lượng rồi thử lại.`);
  }
  if (code === 'ECONNRESET' || code === 'ERR_STREAM_PREMATURE_CLOSE' || (error as Error)?.message === 'aborted') {
    return new AppError('VALIDATION', `Việc tải tệp "${name}" đã bị ngắt; không có gì được lưu.`);
  }
  return error;
}

const stores = new Map<string, EvidenceStore>();

/** The store of a data folder, made once per process. */
export function storeOf(dataDir: string): EvidenceStore {
  let store = stores.get(dataDir);
  if (!store) {
    store = new EvidenceStore(join(dataDir, 'files'));
    stores.set(dataDir, store);
  }
  return store;
}

/** Puts a store with injected faults in place of a data folder's own (tests of the full-disk path). */
export function replaceStore(dataDir: string, store: EvidenceStore): void {
  stores.set(dataDir, store);
}
