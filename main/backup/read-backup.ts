import Database from 'better-sqlite3';
import { createHash, randomBytes } from 'node:crypto';
import { chmodSync, createWriteStream, existsSync, mkdirSync, readdirSync, rmSync } from 'node:fs';
import { open, rename } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { Writable, type Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type yauzl from 'yauzl';
import {
  BackupManifest,
  DATABASE_ENTRY,
  EVIDENCE_ENTRY,
  KEY_ENTRY,
  MANIFEST_ENTRY,
  MAX_BACKUP_ENTRIES,
  type BackupEntry,
} from '../../shared/backup.js';
import { AppError } from '../../shared/errors.js';
import { NEVER_CANCELLED, type CancelToken, type Progress } from '../jobs/index.js';
import { MIGRATIONS } from '../db/migrations/index.js';
import { openContainer } from './container.js';
import { fsyncDir } from './fs-sync.js';

/** A manifest bigger than this is not one XHHT wrote (500,000 entries take about 60 MB). */
const MAX_MANIFEST_BYTES = 128 * 1024 * 1024;

const bad = (why: string) => new AppError('VALIDATION', `Tệp sao lưu không dùng được: ${why}.`);

/** Reads a backup end to end and checks every entry against its manifest; writes nothing. */
export async function verifyBackupFile(file: string, passphrase: string | null, progress: Progress = () => undefined, cancel: CancelToken = NEVER_CANCELLED): Promise<BackupManifest> {
  return readBackup(file, passphrase, progress, cancel, async (_entry, stream) => {
    await pipeline(stream, new Writable({ write: (_c, _e, done) => done() }));
  });
}

export interface RestoreInput {
  file: string;
  passphrase: string | null;
  /** A folder that must not exist yet (or be empty): restore never writes over data. */
  targetDir: string;
}

export interface RestoredBackup {
  manifest: BackupManifest;
  targetDir: string;
}

/**
 * Restores a backup into a new folder: every entry is checked against the
 * manifest's hash, the database passes SQLite's integrity check and carries
 * the schema version the manifest names, and only then does the folder take
 * its name. A backup made by a newer XHHT is refused before anything is copied.
 */
export async function restoreBackup(input: RestoreInput, progress: Progress = () => undefined, cancel: CancelToken = NEVER_CANCELLED): Promise<RestoredBackup> {
  const target = resolve(input.targetDir);
  if (existsSync(target) && readdirSync(target).length > 0) throw new AppError('VALIDATION', `Thư mục ${target} đã có dữ liệu; hãy khôi phục vào một thư mục mới.`);
  const staging = join(dirname(target), `.${basename(target)}.restoring-${randomBytes(6).toString('hex')}`);
  mkdirSync(staging, { recursive: true, mode: 0o700 });
  try {
    const manifest = await readBackup(input.file, input.passphrase, progress, cancel, async (entry, stream) => {
      const path = join(staging, ...entry.path.split('/'));
      mkdirSync(dirname(path), { recursive: true, mode: 0o700 });
      await pipeline(stream, createWriteStream(path, { flags: 'wx', mode: 0o600 }));
    }, refuseNewerSchema);
    progress('validating', 0, null);
    const database = new Database(join(staging, DATABASE_ENTRY), { fileMustExist: true });
    try {
      const check = database.pragma('integrity_check', { simple: true });
      if (check !== 'ok') throw bad(`cơ sở dữ liệu trong bản sao lưu lỗi toàn vẹn (${String(check)})`);
      if (database.pragma('user_version', { simple: true }) !== manifest.schemaVersion) throw bad('phiên bản lược đồ của cơ sở dữ liệu khác với bản kê');
    } finally {
      database.close();
    }
    cancel.commitNow();
    if (existsSync(target)) rmSync(target, { recursive: true });
    await rename(staging, target);
    chmodSync(target, 0o700);
    await fsyncDir(dirname(target));
    return { manifest, targetDir: target };
  } finally {
    rmSync(staging, { recursive: true, force: true });
  }
}

type EntrySink = (entry: BackupEntry, stream: Readable) => Promise<void>;

/** Checked on restore only: verifying a newer app's backup is fine, opening it is not. */
function refuseNewerSchema(manifest: BackupManifest): void {
  const latest = MIGRATIONS.at(-1)?.id ?? 0;
  if (manifest.schemaVersion > latest) {
    throw new AppError(
      'DB_FROM_FUTURE',
      `Bản sao lưu được tạo bởi phiên bản XHHT mới hơn (lược đồ ${manifest.schemaVersion}, phiên bản này hiểu đến ${latest}). Hãy cập nhật XHHT rồi khôi phục.`,
    );
  }
}

async function readBackup(
  file: string,
  passphrase: string | null,
  progress: Progress,
  cancel: CancelToken,
  sink: EntrySink,
  beforeCopy: (manifest: BackupManifest) => void = () => undefined,
): Promise<BackupManifest> {
  if (!existsSync(file)) throw new AppError('NOT_FOUND', `Không tìm thấy tệp sao lưu ${file}.`);
  const handle = await open(file, 'r');
  try {
    const container = await openContainer(file, handle, passphrase, (done, total) => {
      cancel.throwIfCancelled();
      progress('checking', done, total);
    });
    const manifest = await readManifest(await container.openZip());
    beforeCopy(manifest);
    const expected = new Map(manifest.entries.map((e) => [e.path, e]));
    const total = manifest.entries.reduce((sum, e) => sum + e.size, 0);
    let copied = 0;
    const seen = new Set<string>();
    await eachEntry(await container.openZip(), async (entry, zip) => {
      if (entry.fileName === MANIFEST_ENTRY) return;
      cancel.throwIfCancelled();
      const listed = expected.get(entry.fileName)!;
      const hash = createHash('sha256');
      const stream = await openEntry(zip, entry);
      stream.on('data', (chunk: Buffer) => {
        hash.update(chunk);
        copied += chunk.length;
        progress('writing', copied, total);
      });
      await sink(listed, stream);
      if (hash.digest('hex') !== listed.sha256) throw bad(`nội dung "${entry.fileName}" không khớp mã băm trong bản kê (tệp đã bị sửa hoặc hỏng)`);
      seen.add(entry.fileName);
    });
    if (seen.size !== expected.size) throw bad('thiếu tệp so với bản kê');
    return manifest;
  } finally {
    await handle.close();
  }
}

/** First reading: names, counts and sizes against the manifest, before a byte of content is copied. */
async function readManifest(zip: yauzl.ZipFile): Promise<BackupManifest> {
  const names = new Map<string, number>();
  let manifestEntry: yauzl.Entry | null = null;
  await eachEntry(zip, async (entry) => {
    if (names.size > MAX_BACKUP_ENTRIES) throw bad(`có hơn ${MAX_BACKUP_ENTRIES.toLocaleString('vi-VN')} mục`);
    const name = entry.fileName;
    if (names.has(name)) throw bad(`mục "${name}" xuất hiện hai lần`);
    if (name === MANIFEST_ENTRY) manifestEntry = entry;
    else if (name !== DATABASE_ENTRY && name !== KEY_ENTRY && !EVIDENCE_ENTRY.test(name)) throw bad(`có mục lạ "${name.slice(0, 100)}"`);
    names.set(name, entry.uncompressedSize);
  }, false);
  const found = manifestEntry as yauzl.Entry | null;
  if (!found) throw bad('không có bản kê manifest.json');
  if (found.uncompressedSize > MAX_MANIFEST_BYTES) throw bad('bản kê quá lớn');
  const chunks: Buffer[] = [];
  for await (const chunk of await openEntry(zip, found)) chunks.push(chunk as Buffer);
  zip.close();
  let manifest: BackupManifest;
  try {
    manifest = BackupManifest.parse(JSON.parse(Buffer.concat(chunks).toString('utf8')));
  } catch {
    throw bad('bản kê manifest.json không đúng định dạng');
  }
  if (!manifest.entries.some((e) => e.path === DATABASE_ENTRY)) throw bad('không có cơ sở dữ liệu');
  if (manifest.entries.length !== names.size - 1) throw bad('số mục khác với bản kê');
  for (const entry of manifest.entries) {
    if (names.get(entry.path) !== entry.size) throw bad(`mục "${entry.path.slice(0, 100)}" thiếu hoặc khác kích thước trong bản kê`);
  }
  return manifest;
}

function eachEntry(zip: yauzl.ZipFile, visit: (entry: yauzl.Entry, zip: yauzl.ZipFile) => Promise<void>, closeAfter = true): Promise<void> {
  return new Promise((resolvePromise, reject) => {
    const fail = (error: unknown) => {
      zip.close();
      reject(error instanceof AppError || (error as Error).name === 'JobCancelled' ? error : bad(`phần nén hỏng (${(error as Error).message})`));
    };
    zip.on('error', fail);
    zip.on('entry', (entry: yauzl.Entry) => {
      visit(entry, zip).then(() => zip.readEntry(), fail);
    });
    zip.on('end', () => {
      if (closeAfter) zip.close();
      resolvePromise();
    });
    zip.readEntry();
  });
}

function openEntry(zip: yauzl.ZipFile, entry: yauzl.Entry): Promise<Readable> {
  return new Promise((resolvePromise, reject) => {
    zip.openReadStream(entry, (error, stream) => (error || !stream ? reject(error ?? new Error('no stream')) : resolvePromise(stream)));
  });
}

