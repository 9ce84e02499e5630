import type Database from 'better-sqlite3';
import { closeSync, mkdtempSync, openSync, rmSync, statSync, writeSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import type { BundleJson, EntityEstimate, ExportEstimate, ExportOptions, ExportResult } from '../../../shared/bundles.js';
import { AppError } from '../../../shared/errors.js';
import { newId } from '../../db/ids.js';
import { NEVER_CANCELLED, type CancelToken, type Progress } from '../../jobs/index.js';
import { storeOf } from '../../evidence/index.js';
import { signWithOfficeKey } from '../../office/index.js';
import type { OfficeTable } from '../../office/office.tables.js';
import { appSchemaVersion, writeBag, type PayloadFile } from '../bag/index.js';
import { BUNDLE_JSON, FILES_DIR, recordsPath } from '../travel.js';
import { collectRecords } from './collect.js';

export interface ExportRequest {
  sqlite: Database.Database;
  dataDir: string;
  options: ExportOptions;
  outPath: string;
  now: Date;
  cancel?: CancelToken;
  onProgress?: Progress;
}

/** Records are written to their file in pieces of about this many characters, never held whole. */
const FLUSH_CHARS = 1 << 20;

function officeOf(sqlite: Database.Database): OfficeTable {
  const office = sqlite.prepare('SELECT * FROM office').get() as OfficeTable | undefined;
  if (!office) throw new AppError('NOT_SET_UP', 'Cơ quan chưa được thiết lập: chưa thể xuất gói dữ liệu.');
  return office;
}

/**
 * Writes a bundle: the records of each travelling table to a JSONL file in a
 * private temp folder beside the target, then the bag (zip, manifests,
 * signature) through writeBag, which renames into place only when complete.
 */
export async function exportBundle(request: ExportRequest): Promise<ExportResult> {
  const { sqlite, dataDir, options, outPath, now, onProgress } = request;
  const cancel = request.cancel ?? NEVER_CANCELLED;
  const office = officeOf(sqlite);
  const bundleId = newId(now.getTime());
  const work = mkdtempSync(join(dirname(outPath), '.xhht-xuat-'));
  try {
    const collection = collectRecords(sqlite, options);
    const counts: Record<string, number> = {};
    const payload: PayloadFile[] = [];
    let rowsDone = 0;
    for (const { table, rows } of collection.tables) {
      const file = join(work, `${table.name}.jsonl`);
      const fd = openSync(file, 'wx', 0o600);
      let count = 0;
      try {
        let pending = '';
        for (const row of rows()) {
          pending += `${JSON.stringify(row)}\n`;
          count++;
          if (pending.length >= FLUSH_CHARS) {
            writeSync(fd, pending);
            pending = '';
            cancel.throwIfCancelled();
            onProgress?.('reading', rowsDone + count, null);
          }
        }
        if (pending) writeSync(fd, pending);
      } finally {
        closeSync(fd);
      }
      rowsDone += count;
      counts[table.name] = count;
      if (count > 0) payload.push({ path: recordsPath(table.name), source: { kind: 'file', path: file } });
    }
    const store = storeOf(dataDir);
    let fileBytes = 0;
    let fileCount = 0;
    for (const sha256 of [...collection.files].sort()) {
      const path = store.blobPath(sha256);
      const size = statSync(path, { throwIfNoEntry: false })?.size;
      // A file missing from this store (the integrity check reports it) cannot travel; its row still does.
      if (size === undefined) continue;
      fileBytes += size;
      fileCount++;
      payload.push({ path: `${FILES_DIR}${sha256}`, source: { kind: 'file', path } });
    }
    const manifest: BundleJson = {
      bundleId,
      kind: options.kind,
      schema: appSchemaVersion(),
      period: options.period,
      office: { code: office.code, name: office.name, id: office.id },
      counts,
      files: { count: fileCount, bytes: fileBytes },
      personalData: options.includePersonalData,
    };
    payload.unshift({ path: BUNDLE_JSON, source: { kind: 'buffer', bytes: Buffer.from(`${JSON.stringify(manifest, null, 2)}\n`) } });
    cancel.throwIfCancelled();
    const written = await withAbort(cancel, (signal) => writeBag(
      outPath,
      { bundleId, kind: options.kind, schema: manifest.schema, officeCode: office.code, officeName: office.name, period: options.period, baggingDate: now.toISOString().slice(0, 10) },
      payload,
      { publicKeyPem: office.publicKey, sign: (data) => signWithOfficeKey(dataDir, data) },
      { signal, onProgress: (done, total) => onProgress?.('writing', done, total ?? null) },
    ));
    return { bundleId, fileName: basename(outPath), bytes: written.bytes, counts, files: { count: fileCount, bytes: fileBytes } };
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

/** Runs bag work with an AbortSignal raised when the job's cancel flag is (the flag lives in shared memory; the bag code takes a signal). */
export async function withAbort<T>(cancel: CancelToken, work: (signal: AbortSignal) => Promise<T>): Promise<T> {
  const controller = new AbortController();
  const watch = setInterval(() => cancel.cancelled && controller.abort(), 100);
  try {
    return await work(controller.signal);
  } catch (error) {
    cancel.throwIfCancelled();
    throw error;
  } finally {
    clearInterval(watch);
  }
}

/** Rows and bytes per entity and of the files, exactly as an export with these options would write them. */
export function estimateBundle(sqlite: Database.Database, dataDir: string, options: ExportOptions): ExportEstimate {
  const measure = (chosen: ExportOptions) => {
    const collection = collectRecords(sqlite, chosen);
    const entities: EntityEstimate[] = [];
    const personal: string[] = [];
    for (const { table, rows, leftOut } of collection.tables) {
      let count = 0;
      let bytes = 0;
      for (const row of rows()) {
        count++;
        bytes += Buffer.byteLength(JSON.stringify(row)) + 1;
      }
      entities.push({ entity: table.name, rows: count, bytes });
      personal.push(...leftOut.map((column) => `${table.name}.${column}`));
    }
    const store = storeOf(dataDir);
    let fileBytes = 0;
    let fileCount = 0;
    for (const sha256 of collection.files) {
      const size = statSync(store.blobPath(sha256), { throwIfNoEntry: false })?.size;
      if (size === undefined) continue;
      fileBytes += size;
      fileCount++;
    }
    return { entities, personal, files: { count: fileCount, bytes: fileBytes } };
  };
  const chosen = measure(options);
  const withFiles = options.includeFiles ? null : measure({ ...options, includeFiles: true });
  return {
    entities: chosen.entities,
    files: chosen.files,
    filesLeftOut: withFiles ? withFiles.files : { count: 0, bytes: 0 },
    totalBytes: chosen.entities.reduce((sum, e) => sum + e.bytes, 0) + chosen.files.bytes,
    personalColumnsLeftOut: chosen.personal,
  };
}
