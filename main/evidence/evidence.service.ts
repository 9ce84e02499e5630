import type { Kysely } from 'kysely';
import { AppError } from '../../shared/errors.js';
import {
  DEFAULT_MAX_BYTES,
  EVIDENCE_MIME,
  recordKindLabel,
  UPLOAD_PURPOSE_NOUNS,
  type EvidenceDto,
  type EvidenceListRow,
  type EvidenceSearchResult,
  type EvidenceSettings,
  type IntegrityProblem,
  type IntegrityReport,
  type RecordPointer,
} from '../../shared/evidence.js';
import { matchesFolded } from '../../shared/text.js';
import type { AppContext } from '../app/context.js';
import { assertRevision, inTransaction, insertRecord, loadLiveRow, restoreRecord, tombstoneRecord, updateRecord, writeAudit, type ReadDb, type SyncTableName } from '../db/records.js';
import { TABLES } from '../db/tables.js';
import type { EvidenceFilesTable } from './evidence.tables.js';
import { storeOf } from './store.js';

const loose = (db: ReadDb) => db as unknown as Kysely<any>;

export function toEvidenceDto(row: EvidenceFilesTable): EvidenceDto {
  const { deletedAt: _deleted, purgedAt: _purged, ...dto } = row;
  return dto;
}

// ---------------------------------------------------------------------------
// Which records may carry files.

/**
 * Any synchronised table registered in main/db/tables.ts can carry files, so a
 * later feature's records (evaluations, decisions, certificates) need no change here.
 */
function attachableRegistration(recordTable: string) {
  const registration = TABLES.find((t) => t.name === recordTable);
  // Only travelling tables, so a bundle carrying the file also carries its record.
  if (!registration || !registration.synced || !registration.travels || registration.name === 'evidenceFiles') {
    throw new AppError('VALIDATION', `Loại bản ghi "${recordTable}" không nhận minh chứng.`);
  }
  return registration;
}

async function assertLiveRecord(db: ReadDb, { recordTable, recordId }: RecordPointer): Promise<Record<string, unknown>> {
  attachableRegistration(recordTable);
  return (await loadLiveRow(db, recordTable as SyncTableName, recordId, `Không tìm thấy ${recordKindLabel(recordTable).toLowerCase()} để gắn minh chứng (có thể đã bị xóa).`)) as unknown as Record<string, unknown>;
}

/** How a record is named in lists: its registered label, else its most telling text column. */
function labelOf(recordTable: string, row: Record<string, unknown> | undefined): string {
  const kind = recordKindLabel(recordTable);
  if (!row) return `${kind} (không còn)`;
  const registration = TABLES.find((t) => t.name === recordTable);
  if (registration?.label) return `${kind}: ${registration.label(row)}`;
  const text = ['title', 'name', 'text', 'period', 'number'].map((c) => row[c]).find((v) => typeof v === 'string' && v.trim() !== '') as string | undefined;
  const number = typeof row.number === 'string' && row.number && text !== row.number ? `${row.number} ` : '';
  const shown = text ? `${number}${text}` : String(row.id);
  return `${kind}: ${shown.length > 90 ? `${shown.slice(0, 89)}…` : shown}`;
}

/** The records the rows point at (live or not), by table and id. */
async function loadRecords(db: ReadDb, rows: readonly { recordTable: string; recordId: string }[]): Promise<Map<string, Record<string, unknown>>> {
  const byTable = new Map<string, Set<string>>();
  for (const r of rows) byTable.set(r.recordTable, (byTable.get(r.recordTable) ?? new Set()).add(r.recordId));
  const found = new Map<string, Record<string, unknown>>();
  for (const [table, ids] of byTable) {
    if (!TABLES.some((t) => t.name === table && t.synced)) continue;
    const list = [...ids];
    for (let i = 0; i < list.length; i += 500) {
      const chunk = (await loose(db).selectFrom(table).selectAll().where('id', 'in', list.slice(i, i + 500)).execute()) as Record<string, unknown>[];
      for (const row of chunk) found.set(`${table}/${String(row.id)}`, row);
    }
  }
  return found;
}

// ---------------------------------------------------------------------------
// Settings.

export async function loadSettings(db: ReadDb): Promise<EvidenceSettings> {
  const row = await db.selectFrom('evidenceSettings').select('value').where('key', '=', 'maxBytes').executeTakeFirst();
  const maxBytes = row ? Number(row.value) : DEFAULT_MAX_BYTES;
  return { maxBytes: Number.isSafeInteger(maxBytes) && maxBytes > 0 ? maxBytes : DEFAULT_MAX_BYTES };
}

export async function saveSettings(ctx: AppContext, settings: EvidenceSettings): Promise<EvidenceSettings> {
  return inTransaction(ctx, async (tx) => {
    const before = await loadSettings(tx);
    await tx
      .insertInto('evidenceSettings')
      .values({ key: 'maxBytes', value: String(settings.maxBytes) })
      .onConflict((oc) => oc.column('key').doUpdateSet({ value: String(settings.maxBytes) }))
      .execute();
    await writeAudit(tx, ctx, { entity: 'evidenceSettings', recordId: 'maxBytes', before, after: settings });
    return settings;
  });
}

// ---------------------------------------------------------------------------
// Attaching and the trash.

export interface AttachInput extends RecordPointer {
  files: { stagedId: string; name: string }[];
}

/**
 * Attaches a batch of staged files, all or none: rows first, then the renames
 * into the store, inside the caller's transaction. A rename that fails rolls
 * the rows back; a crash after a rename and before the commit leaves only a
 * whole, unreferenced file (never a row without its file).
 */
export async function attachStaged(ctx: AppContext, input: AttachInput): Promise<EvidenceDto[]> {
  const store = storeOf(ctx.dataDir);
  return inTransaction(ctx, async (tx) => {
    await assertLiveRecord(tx, input);
    const staged = input.files.map((f) => {
      const file = store.stagedFile(f.stagedId);
      if (!file) throw new AppError('NOT_FOUND', `Tệp "${f.name}" chưa tải lên xong hoặc đã hết hạn. Hãy chọn lại tệp.`);
      // A bundle's or a sheet's upload skipped the type check: it never becomes evidence.
      if (file.purpose !== 'evidence') throw new AppError('VALIDATION', `Tệp "${f.name}" được tải lên làm ${UPLOAD_PURPOSE_NOUNS[file.purpose]}, không phải minh chứng. Hãy chọn lại tệp.`);
      return { file, name: f.name };
    });
    const rows: EvidenceFilesTable[] = [];
    for (const { file, name } of staged) {
      rows.push(
        await insertRecord(tx, ctx, 'evidenceFiles', {
          recordTable: input.recordTable,
          recordId: input.recordId,
          sha256: file.sha256,
          name,
          mime: file.mime,
          size: file.size,
          addedBy: ctx.actor,
          purgedAt: null,
        }),
      );
    }
    for (const { file } of staged) await store.commit(file.stagedId);
    return rows.map(toEvidenceDto);
  });
}

export async function discardStaged(ctx: AppContext, stagedIds: readonly string[]): Promise<number> {
  const store = storeOf(ctx.dataDir);
  let discarded = 0;
  for (const id of stagedIds) if (await store.discard(id)) discarded++;
  return discarded;
}

async function loadEvidence(db: ReadDb, id: string): Promise<EvidenceFilesTable> {
  return loadLiveRow(db, 'evidenceFiles', id, 'Không tìm thấy tệp minh chứng (có thể đã bị gỡ).');
}

export async function listEvidence(db: ReadDb, pointer: RecordPointer): Promise<EvidenceDto[]> {
  const rows = await db
    .selectFrom('evidenceFiles')
    .selectAll()
    .where('recordId', '=', pointer.recordId)
    .where('recordTable', '=', pointer.recordTable)
    .where('deletedAt', 'is', null)
    .orderBy('createdAt')
    .orderBy('id')
    .execute();
  return rows.map(toEvidenceDto);
}

export async function renameEvidence(ctx: AppContext, input: { id: string; rev: number; name: string }): Promise<EvidenceDto> {
  return inTransaction(ctx, async (tx) => {
    const row = await loadEvidence(tx, input.id);
    assertRevision(row, input.rev, `Tệp "${row.name}"`);
    return toEvidenceDto(await updateRecord(tx, ctx, 'evidenceFiles', row, { name: input.name }));
  });
}

export async function detachEvidence(ctx: AppContext, input: { id: string; rev: number }): Promise<{ id: string }> {
  return inTransaction(ctx, async (tx) => {
    const row = await loadEvidence(tx, input.id);
    assertRevision(row, input.rev, `Tệp "${row.name}"`);
    await tombstoneRecord(tx, ctx, 'evidenceFiles', row);
    return { id: row.id };
  });
}

export async function restoreEvidence(ctx: AppContext, id: string): Promise<EvidenceDto> {
  return inTransaction(ctx, async (tx) => {
    const row = await tx.selectFrom('evidenceFiles').selectAll().where('id', '=', id).executeTakeFirst();
    if (!row || row.purgedAt !== null) throw new AppError('NOT_FOUND', 'Tệp không còn trong thùng rác.');
    if (row.deletedAt === null) return toEvidenceDto(row);
    const record = await loose(tx).selectFrom(row.recordTable).select('id').where('id', '=', row.recordId).where('deletedAt', 'is', null).executeTakeFirst();
    if (!record) {
      throw new AppError('CONFLICT', `${recordKindLabel(row.recordTable)} mang tệp "${row.name}" đã bị xóa; hãy khôi phục ${recordKindLabel(row.recordTable).toLowerCase()} đó trước.`);
    }
    if (!(await storeOf(ctx.dataDir).hasBlob(row.sha256))) throw new AppError('NOT_FOUND', `Nội dung tệp "${row.name}" không còn trong kho.`);
    return toEvidenceDto(await restoreRecord(tx, ctx, 'evidenceFiles', row));
  });
}

/**
 * Empties trash entries the officer confirmed. A content file leaves the disk
 * only when no other row — live, in the trash, on any record — still names it.
 * The unlink is the last step of the transaction, so a refused purge deletes nothing.
 */
export async function purgeEvidence(ctx: AppContext, ids: readonly string[]): Promise<{ purged: number; freedBytes: number }> {
  const store = storeOf(ctx.dataDir);
  return inTransaction(ctx, async (tx) => {
    const rows = await tx.selectFrom('evidenceFiles').selectAll().where('id', 'in', [...ids]).execute();
    const notInTrash = rows.find((r) => r.deletedAt === null);
    if (notInTrash) throw new AppError('VALIDATION', `Tệp "${notInTrash.name}" chưa ở trong thùng rác; hãy gỡ tệp trước khi xóa hẳn.`);
    const now = ctx.clock.now().toISOString();
    const hashes = new Map<string, number>();
    let purged = 0;
    for (const row of rows) {
      if (row.purgedAt !== null) continue;
      await updateRecord(tx, ctx, 'evidenceFiles', row, { purgedAt: now });
      hashes.set(row.sha256, row.size);
      purged++;
    }
    let freedBytes = 0;
    for (const [sha256, size] of hashes) {
      const stillUsed = await tx.selectFrom('evidenceFiles').select('id').where('sha256', '=', sha256).where('purgedAt', 'is', null).executeTakeFirst();
      if (stillUsed) continue;
      await store.removeBlob(sha256);
      freedBytes += size;
    }
    return { purged, freedBytes };
  });
}

// ---------------------------------------------------------------------------
// "Kho minh chứng".

export interface SearchInput {
  text: string;
  recordTable?: string | undefined;
  recordId?: string | undefined;
  type?: keyof typeof EVIDENCE_MIME | undefined;
  from?: string | undefined;
  to?: string | undefined;
  trash: boolean;
  limit: number;
}

export async function searchEvidence(db: ReadDb, input: SearchInput): Promise<EvidenceSearchResult> {
  let query = db.selectFrom('evidenceFiles').selectAll().where('purgedAt', 'is', null);
  query = input.trash ? query.where('deletedAt', 'is not', null) : query.where('deletedAt', 'is', null);
  if (input.recordTable) query = query.where('recordTable', '=', input.recordTable);
  if (input.recordId) query = query.where('recordId', '=', input.recordId);
  if (input.type) query = query.where('mime', '=', EVIDENCE_MIME[input.type]);
  if (input.from) query = query.where('createdAt', '>=', input.from);
  if (input.to) query = query.where('createdAt', '<', nextDay(input.to));
  const all = (await query.orderBy('createdAt', 'desc').orderBy('id').execute()).filter((r) => !input.text.trim() || matchesFolded(r.name, input.text));
  const shown = all.slice(0, input.limit);
  const records = await loadRecords(db, shown);
  const rows: EvidenceListRow[] = shown.map((r) => {
    const record = records.get(`${r.recordTable}/${r.recordId}`);
    return { ...toEvidenceDto(r), deletedAt: r.deletedAt, recordLabel: labelOf(r.recordTable, record), recordDeleted: !record || record.deletedAt !== null };
  });
  const stored = await db
    .selectFrom((eb) => eb.selectFrom('evidenceFiles').select(['sha256', 'size']).where('purgedAt', 'is', null).groupBy('sha256').as('blobs'))
    .select((eb) => eb.fn.coalesce(eb.fn.sum<number>('size'), eb.lit(0)).as('bytes'))
    .executeTakeFirstOrThrow();
  return { rows, count: all.length, totalBytes: all.reduce((sum, r) => sum + r.size, 0), storedBytes: Number(stored.bytes) };
}

function nextDay(iso: string): string {
  const date = new Date(`${iso}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + 1);
  return date.toISOString().slice(0, 10);
}

// ---------------------------------------------------------------------------
// "Kiểm tra toàn vẹn".

export interface VerifyProgress {
  doneFiles: number;
  totalFiles: number;
  doneBytes: number;
  totalBytes: number;
}

/**
 * Re-hashes every content file a row (live or in the trash) still names and
 * lists the missing and corrupt ones with the records that point at them.
 */
export async function verifyEvidence(ctx: Pick<AppContext, 'db' | 'dataDir'>, onProgress?: (p: VerifyProgress) => void): Promise<IntegrityReport> {
  const store = storeOf(ctx.dataDir);
  const rows = await ctx.db.selectFrom('evidenceFiles').selectAll().where('purgedAt', 'is', null).orderBy('sha256').execute();
  const byHash = new Map<string, EvidenceFilesTable[]>();
  for (const row of rows) byHash.set(row.sha256, [...(byHash.get(row.sha256) ?? []), row]);
  const progress: VerifyProgress = { doneFiles: 0, totalFiles: byHash.size, doneBytes: 0, totalBytes: [...byHash.values()].reduce((s, r) => s + r[0]!.size, 0) };
  const broken: { sha256: string; problem: 'missing' | 'corrupt'; rows: EvidenceFilesTable[] }[] = [];
  let lastReport = 0;
  for (const [sha256, list] of byHash) {
    const actual = await store.hashBlob(sha256, (bytes) => {
      progress.doneBytes += bytes;
      if (onProgress && Date.now() - lastReport > 250) {
        lastReport = Date.now();
        onProgress({ ...progress });
      }
    });
    if (actual === null) broken.push({ sha256, problem: 'missing', rows: list });
    else if (actual !== sha256) broken.push({ sha256, problem: 'corrupt', rows: list });
    progress.doneFiles++;
  }
  onProgress?.({ ...progress });
  const records = await loadRecords(ctx.db, broken.flatMap((b) => b.rows));
  const problems: IntegrityProblem[] = broken.map((b) => ({
    sha256: b.sha256,
    problem: b.problem,
    files: b.rows.map((r) => ({
      id: r.id,
      name: r.name,
      recordTable: r.recordTable,
      recordId: r.recordId,
      recordLabel: labelOf(r.recordTable, records.get(`${r.recordTable}/${r.recordId}`)),
      inTrash: r.deletedAt !== null,
    })),
  }));
  return { checkedFiles: progress.totalFiles, checkedBytes: progress.doneBytes, problems };
}

/** The stored file of a live or trashed row, for reading its bytes (preview, download, open). */
export async function evidenceContent(db: ReadDb, dataDir: string, id: string): Promise<{ row: EvidenceFilesTable; path: string }> {
  const row = await db.selectFrom('evidenceFiles').selectAll().where('id', '=', id).where('purgedAt', 'is', null).executeTakeFirst();
  if (!row) throw new AppError('NOT_FOUND', 'Không tìm thấy tệp minh chứng.');
  return { row, path: storeOf(dataDir).blobPath(row.sha256) };
}
