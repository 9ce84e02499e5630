import Database from 'better-sqlite3';
import { createHash, randomBytes } from 'node:crypto';
import { createReadStream, existsSync, mkdirSync, readdirSync, rmSync, statSync } from 'node:fs';
import { open, rename } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { Transform, type Readable } from 'node:stream';
import yazl from 'yazl';
import { DATABASE_ENTRY, KEY_ENTRY, MANIFEST_ENTRY, type BackupEntry, type BackupManifest } from '../../shared/backup.js';
import { AppError } from '../../shared/errors.js';
import { JobCancelled, NEVER_CANCELLED, type CancelToken, type Progress } from '../jobs/index.js';
import { ContainerWriter } from './container.js';
import { fsyncDir } from './fs-sync.js';
import { verifyBackupFile } from './read-backup.js';

export interface WriteBackupInput {
  dataDir: string;
  outFile: string;
  passphrase: string | null;
  now: Date;
}

export interface WrittenBackup {
  file: string;
  size: number;
  entries: number;
}

/** A part file left by a backup that was killed is named so; nothing else in the folder looks like it. */
export const PART_MARK = '.part-';

/**
 * Writes a backup of a data folder to `outFile`, while the app may be running
 * on it: a consistent database snapshot through SQLite's online backup (never
 * a file copy of a live database), the evidence store (content-addressed,
 * files are never changed in place) and the office key. The bytes go to a
 * part file in the same folder, are read back and checked entry by entry, and
 * only then renamed into place — so a kill at any moment leaves the previous
 * backup intact and no complete-looking file that is not.
 */
export async function writeBackup(input: WriteBackupInput, progress: Progress = () => undefined, cancel: CancelToken = NEVER_CANCELLED): Promise<WrittenBackup> {
  const databaseFile = join(input.dataDir, DATABASE_ENTRY);
  if (!existsSync(databaseFile)) throw new AppError('VALIDATION', `Thư mục ${input.dataDir} không có dữ liệu XHHT để sao lưu.`);
  const outDir = dirname(input.outFile);
  mkdirSync(outDir, { recursive: true });
  const part = join(outDir, `.${basename(input.outFile)}${PART_MARK}${randomBytes(6).toString('hex')}`);
  const scratch = join(input.dataDir, `.backup-${randomBytes(6).toString('hex')}`);
  mkdirSync(scratch, { mode: 0o700 });
  try {
    progress('checking', 0, null);
    const snapshot = join(scratch, DATABASE_ENTRY);
    const facts = await snapshotDatabase(databaseFile, snapshot, cancel);
    const sources = listSources(input.dataDir, snapshot);
    const total = sources.reduce((sum, s) => sum + s.size, 0);
    const file = await open(part, 'wx', 0o600);
    let entries: BackupEntry[];
    try {
      const writer = await ContainerWriter.open(file, input.passphrase);
      entries = await writeZip(sources, writer, (done) => progress('writing', done, total), cancel, (hashed) => ({
        format: 1,
        app: 'xhht',
        createdAt: input.now.toISOString(),
        schemaVersion: facts.schemaVersion,
        officeName: facts.officeName,
        officeCode: facts.officeCode,
        entries: hashed,
      }));
      await writer.finish();
      await file.sync();
    } finally {
      await file.close();
    }
    cancel.throwIfCancelled();
    await verifyBackupFile(part, input.passphrase, (phase, done, of) => progress(phase, done, of), cancel);
    cancel.commitNow();
    await rename(part, input.outFile);
    await fsyncDir(outDir);
    return { file: input.outFile, size: statSync(input.outFile).size, entries: entries.length };
  } finally {
    rmSync(scratch, { recursive: true, force: true });
    rmSync(part, { force: true });
  }
}

interface SnapshotFacts {
  schemaVersion: number;
  officeName: string;
  officeCode: string;
}

async function snapshotDatabase(source: string, target: string, cancel: CancelToken): Promise<SnapshotFacts> {
  const live = new Database(source, { readonly: true, fileMustExist: true, timeout: 10_000 });
  try {
    // Pages are copied a few thousand at a time, so the app goes on answering and a cancel is seen between steps.
    await live.backup(target, {
      progress: () => {
        cancel.throwIfCancelled();
        return 4096;
      },
    });
  } finally {
    live.close();
  }
  const copy = new Database(target, { fileMustExist: true });
  try {
    copy.pragma('journal_mode = DELETE');
    const check = copy.pragma('quick_check', { simple: true });
    if (check !== 'ok') throw new AppError('INTERNAL', `Cơ sở dữ liệu đang dùng có lỗi toàn vẹn (${String(check)}); hãy chạy kiểm tra trước khi sao lưu.`);
    const office = copy.prepare('SELECT name, code FROM office LIMIT 1').get() as { name: string; code: string } | undefined;
    return { schemaVersion: copy.pragma('user_version', { simple: true }) as number, officeName: office?.name ?? '', officeCode: office?.code ?? '' };
  } finally {
    copy.close();
  }
}

interface Source {
  entry: string;
  path: string;
  size: number;
  /** Deflate level: 0 stores. */
  level: number;
}

function listSources(dataDir: string, snapshot: string): Source[] {
  // Level 1: the database is most of the work for a large office, and deflate at 1 is several times faster than at 6 for a little more size.
  const sources: Source[] = [{ entry: DATABASE_ENTRY, path: snapshot, size: statSync(snapshot).size, level: 1 }];
  const key = join(dataDir, KEY_ENTRY);
  if (existsSync(key)) sources.push({ entry: KEY_ENTRY, path: key, size: statSync(key).size, level: 6 });
  const store = join(dataDir, 'files', 'sha256');
  if (existsSync(store)) {
    for (const prefix of readdirSync(store).sort()) {
      if (!/^[0-9a-f]{2}$/.test(prefix)) continue;
      for (const name of readdirSync(join(store, prefix)).sort()) {
        if (!/^[0-9a-f]{64}$/.test(name)) continue;
        const path = join(store, prefix, name);
        // Evidence is mostly PDF and JPEG, already compressed: storing it is faster and no bigger.
        sources.push({ entry: `files/sha256/${prefix}/${name}`, path, size: statSync(path).size, level: 0 });
      }
    }
  }
  return sources;
}

async function writeZip(
  sources: Source[],
  writer: { write(chunk: Buffer): Promise<void> },
  onBytes: (done: number) => void,
  cancel: CancelToken,
  manifestOf: (entries: BackupEntry[]) => BackupManifest,
): Promise<BackupEntry[]> {
  const zip = new yazl.ZipFile();
  let read = 0;
  const hashed: Promise<BackupEntry>[] = sources.map(
    (source) =>
      new Promise<BackupEntry>((resolve, reject) => {
        const hash = createHash('sha256');
        let size = 0;
        const tap = new Transform({
          transform(chunk: Buffer, _enc, done) {
            if (cancel.cancelled) return done(new JobCancelled());
            hash.update(chunk);
            size += chunk.length;
            read += chunk.length;
            onBytes(read);
            done(null, chunk);
          },
          flush(done) {
            resolve({ path: source.entry, size, sha256: hash.digest('hex') });
            done();
          },
        });
        const stream = createReadStream(source.path, { highWaterMark: 1 << 20 });
        stream.on('error', reject);
        tap.on('error', reject);
        zip.addReadStream(stream.pipe(tap), source.entry, { compressionLevel: source.level, size: source.size, mtime: new Date(0), mode: 0o100600 });
      }),
  );
  const manifestAdded = Promise.all(hashed).then((entries) => {
    zip.addBuffer(Buffer.from(JSON.stringify(manifestOf(entries))), MANIFEST_ENTRY, { mtime: new Date(0), mode: 0o100600 });
    zip.end();
    return entries;
  });
  // Any failure (a cancel, an unreadable file) stops the copy; the part file is then removed by the caller.
  manifestAdded.catch(() => (zip.outputStream as Readable).destroy());
  for await (const chunk of zip.outputStream) await writer.write(chunk as Buffer);
  cancel.throwIfCancelled();
  return manifestAdded;
}
