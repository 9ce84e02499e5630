import type Database from 'better-sqlite3';
import type { Kysely } from 'kysely';
import { existsSync, mkdirSync, renameSync, rmSync } from 'node:fs';
import { basename, dirname } from 'node:path';
import {
  MAX_LISTED_ROWS,
  type BundleJson,
  type BundleSender,
  type ConflictRow,
  type EntityOutcome,
  type ImportReport,
  type Rejection,
  type Resolution,
  type Resolutions,
} from '../../../shared/bundles.js';
import { AppError } from '../../../shared/errors.js';
import { newId } from '../../db/ids.js';
import type { DB } from '../../db/schema.js';
import { ANY_TABLE, type TableRegistration } from '../../db/table-registry.js';
import { travellingTables } from '../../db/tables.js';
import { storeOf } from '../../evidence/index.js';
import { NEVER_CANCELLED, type CancelToken, type Progress } from '../../jobs/index.js';
import type { BagLimits, OpenedBag } from '../bag/index.js';
import { withAbort } from '../export/export-bundle.js';
import { FILES_DIR, columnsOf, contentHash, differingColumns, recordsPath, refTable, refValues, requiredRefs, tablesOfKind, type Row } from '../travel.js';
import { logRefusal } from '../received-log.js';
import { verifyBundle, type BundleSeen } from '../verify.js';
import { parseRecordLine, recordValidator } from './validate.js';

/**
 * Import of a verified bundle (DESIGN.md "Bundles"): every record parsed and
 * validated, references resolved, then each row classified against this
 * office's copy and the content hash last exchanged with the sender:
 * - no copy here → created (a unit or link row matching a local one by its
 *   registered key is that row: its id is mapped and references rewritten);
 * - same content → unchanged;
 * - mine unchanged since the last exchange → updated (theirs taken whole,
 *   with its origin office, revision and timestamps);
 * - theirs unchanged since → unchanged (mine is newer);
 * - both changed, or never exchanged and different → conflict, applied only
 *   with a resolution (mine or theirs, per row or for all).
 * A dry run stops there. Apply does it all in ONE transaction, with an audit
 * row per change and the bundle logged; a bundle id applied before needs force.
 * A refused apply is logged too, after the rollback (main/bundles/received-log.ts);
 * a dry run writes nothing unless the caller asks for its refusals to be logged.
 */

export interface ImportRequest {
  db: Kysely<DB>;
  sqlite: Database.Database;
  dataDir: string;
  path: string;
  mode: 'dryRun' | 'apply';
  /** Accept a sender not on the trust list (the officer compared the fingerprint); apply then adds its key. */
  trust: boolean;
  resolutions: Resolutions;
  force: boolean;
  actor: string;
  operation: string;
  now: Date;
  cancel?: CancelToken;
  onProgress?: Progress;
  limits?: Partial<BagLimits>;
  /** The file as the officer chose it, for the log of a refusal (default: the path's last part). */
  fileName?: string;
  /**
   * Log a refusal in bundlesReceived. Default: in apply only. The Receive page's
   * dry run is the officer receiving the file, so it logs a refusal too (a bundle
   * with rejected records cannot be applied: that is a refusal); the CLI's
   * --dry-run is a look that writes nothing.
   */
  logRefusal?: boolean;
}

/** A row refused (or, in apply, a reason to refuse the whole bundle), with where it is. */
class Problems {
  readonly listed: Rejection[] = [];
  readonly byEntity = new Map<string, number>();
  count = 0;
  add(entity: string, line: number, id: string | null, message: string): void {
    this.count++;
    this.byEntity.set(entity, (this.byEntity.get(entity) ?? 0) + 1);
    if (this.listed.length < MAX_LISTED_ROWS) this.listed.push({ entity, line, id, message: `${recordsPath(entity)}, dòng ${line}: ${message}` });
  }
}

interface TablePlan {
  table: TableRegistration;
  columns: string[];
  validate: ReturnType<typeof recordValidator>;
  /** Lines refused by the first pass, skipped by the second. */
  rejectedLines: Set<number>;
}

const quoted = (name: string) => `"${name.replace(/"/g, '""')}"`;
const TRAVELLING = new Set(travellingTables().map((t) => t.name));

export async function importBundle(request: ImportRequest): Promise<ImportReport> {
  const seen: BundleSeen = {};
  const logs = request.logRefusal ?? request.mode === 'apply';
  const receipt = () => ({ ...request, fileName: request.fileName ?? basename(request.path) });
  let report: ImportReport;
  try {
    report = await importVerified(request, seen);
  } catch (error) {
    // A cancel or a failure of this machine (disk, database) is no refusal of the bundle.
    throw logs && error instanceof AppError ? logRefusal(receipt(), seen, error) : error;
  }
  if (logs && report.rejectionCount > 0) {
    const refusal = rejectedRecords(report.rejectionCount, report.rejections);
    const logged = logRefusal(receipt(), seen, refusal);
    if (logged !== refusal) throw logged;
  }
  return report;
}

async function importVerified(request: ImportRequest, seen: BundleSeen): Promise<ImportReport> {
  const { db, sqlite, dataDir, mode, now } = request;
  const cancel = request.cancel ?? NEVER_CANCELLED;
  const progress: Progress = request.onProgress ?? (() => undefined);
  const verified = await withAbort(cancel, (signal) =>
    verifyBundle(db, request.path, { limits: request.limits, signal, seen, requireTrusted: !request.trust, onProgress: (done, total) => progress('checking', done, total) }),
  );
  const { bag, bundle, sender } = verified;
  try {
    const appliedBefore = (
      sqlite.prepare(`SELECT max(receivedAt) AS at FROM bundlesReceived WHERE bundleId = ? AND result = 'applied'`).get(bundle.bundleId) as { at: string | null }
    ).at;
    if (mode === 'apply' && appliedBefore !== null && !request.force) {
      throw new AppError('CONFLICT', `Gói ${bundle.bundleId} của ${sender.officeName} đã được nhập lúc ${shownInstant(appliedBefore)}; muốn nhập lại hãy chọn "Nhập lại" (dòng lệnh: --force).`, {
        appliedBefore,
      });
    }
    const totalRows = Object.values(bundle.counts).reduce((a, b) => a + b, 0);
    const tables = tablesOfKind(bundle.kind).filter((t) => bag.payloadPaths().includes(recordsPath(t.name)));
    const problems = new Problems();
    const bundleIds = new Map<string, Set<string>>(tables.map((t) => [t.name, new Set<string>()]));

    // Pass 1: every line parsed and validated, every id collected (references may point forward within the bundle).
    progress('validating', 0, totalRows);
    const plans: TablePlan[] = [];
    let seen = 0;
    for (const table of tables) {
      const columnInfo = columnsOf(sqlite, table.name);
      const plan: TablePlan = { table, columns: columnInfo.map((c) => c.name), validate: recordValidator(columnInfo), rejectedLines: new Set() };
      plans.push(plan);
      const ids = bundleIds.get(table.name)!;
      const firstLine = new Map<string, number>();
      let lines = 0;
      for await (const { line, lineNo } of bag.lines(recordsPath(table.name))) {
        lines++;
        if (++seen % 2000 === 0) {
          cancel.throwIfCancelled();
          progress('validating', seen, totalRows);
        }
        const checked = checkLine(plan, line);
        if (!checked.ok) {
          plan.rejectedLines.add(lineNo);
          problems.add(table.name, lineNo, checked.id, checked.message);
          continue;
        }
        const id = String(checked.row.id);
        const earlier = firstLine.get(id);
        if (earlier !== undefined) {
          plan.rejectedLines.add(lineNo);
          problems.add(table.name, lineNo, id, `trùng mã bản ghi với dòng ${earlier}`);
          continue;
        }
        firstLine.set(id, lineNo);
        ids.add(id);
      }
      if (lines !== (bundle.counts[table.name] ?? 0)) {
        throw new AppError('IMPORT_INVALID', `Gói dữ liệu bị từ chối: data/bundle.json kê ${bundle.counts[table.name] ?? 0} bản ghi ${table.name} nhưng ${recordsPath(table.name)} có ${lines} dòng.`);
      }
    }

    const files = bag.payloadPaths().filter((p) => p.startsWith(FILES_DIR));
    const store = storeOf(dataDir);
    const newFiles = { count: 0, bytes: 0 };
    const bundleFiles = new Set(files.map((p) => p.slice(FILES_DIR.length)));
    const missingFiles: string[] = [];
    for (const path of files) {
      const sha256 = path.slice(FILES_DIR.length);
      if (await store.hasBlob(sha256)) continue;
      missingFiles.push(sha256);
      newFiles.count++;
      newFiles.bytes += bag.payloadSize(path);
    }
    if (mode === 'apply' && problems.count === 0) {
      // Content-addressed files go in place before the transaction: one that is never referenced because the transaction failed is harmless.
      progress('writing', 0, null);
      for (const sha256 of missingFiles) {
        cancel.throwIfCancelled();
        const target = store.blobPath(sha256);
        const temp = `${target}.bundle-${process.pid}.part`;
        mkdirSync(dirname(target), { recursive: true, mode: 0o700 });
        rmSync(temp, { force: true });
        await bag.copyTo(`${FILES_DIR}${sha256}`, temp);
        renameSync(temp, target);
      }
    }

    // Pass 2: references, identity and classification; apply writes as it goes, inside one transaction.
    const pass = new SecondPass(request, bundle, sender, bundleIds, bundleFiles, problems, cancel, progress, totalRows);
    sqlite.exec(mode === 'apply' ? 'BEGIN IMMEDIATE' : 'BEGIN');
    try {
      if (mode === 'apply') sqlite.pragma('defer_foreign_keys = ON');
      for (const plan of plans) await pass.table(plan, bag);
      if (mode === 'apply') pass.finishApply();
      const report: ImportReport = {
        bundleId: bundle.bundleId,
        kind: bundle.kind,
        period: bundle.period,
        sender,
        entities: pass.outcomes(),
        rejections: problems.listed,
        rejectionCount: problems.count,
        conflicts: pass.conflicts,
        conflictCount: pass.conflictCount,
        newFiles,
        appliedBefore,
        appliedAt: mode === 'apply' ? now.toISOString() : null,
      };
      if (mode === 'apply') {
        pass.logApplied(report, request.force && appliedBefore !== null);
        cancel.commitNow();
        sqlite.exec('COMMIT');
      } else {
        sqlite.exec('ROLLBACK');
      }
      return report;
    } catch (error) {
      if (sqlite.inTransaction) sqlite.exec('ROLLBACK');
      throw asImportError(error);
    }
  } finally {
    await bag.close();
  }
}

/**
 * An incoming row as it applies to the local row it matched: under the local
 * id, with the local row's own origin and creation, and without the parent
 * pointers the sender has empty (a commune's own XHHT has it as its root, with
 * no parent; here it stays under the district).
 */
function asTwin(table: TableRegistration, incoming: Row, localId: string): Row {
  const row: Row = { ...incoming, id: localId };
  delete row.originOfficeId;
  delete row.createdAt;
  for (const ref of table.parents) if (row[ref.column] === null) delete row[ref.column];
  return row;
}

function checkLine(plan: TablePlan, line: string): { ok: true; row: Row } | { ok: false; id: string | null; message: string } {
  const parsed = parseRecordLine(line);
  if (!parsed.ok) return { ok: false, id: null, message: parsed.message };
  const checked = plan.validate(parsed.value);
  const rawId = (parsed.value as Row).id;
  if (!checked.ok) return { ok: false, id: typeof rawId === 'string' ? rawId.slice(0, 64) : null, message: checked.message };
  return { ok: true, row: checked.row };
}

/** The refusal of a bundle some of whose records are refused, listing them. */
function rejectedRecords(count: number, listed: Rejection[]): AppError {
  return new AppError('IMPORT_INVALID', `Gói dữ liệu không nhập được: ${count.toLocaleString('vi-VN')} bản ghi bị từ chối (xem danh sách). Dữ liệu không bị thay đổi.`, {
    issues: listed.map((r) => ({ path: [r.entity, r.line], message: r.message })),
    issueCount: count,
  });
}

/** A UNIQUE or FOREIGN KEY failure at commit names no row; say what it means instead of SQLite's words. */
function asImportError(error: unknown): unknown {
  if (error instanceof AppError) return error;
  const code = (error as { code?: unknown }).code;
  if (typeof code === 'string' && code.startsWith('SQLITE_CONSTRAINT')) {
    return new AppError('IMPORT_INVALID', `Gói dữ liệu không nhập được: một bản ghi trùng khóa hoặc thiếu bản ghi cha với dữ liệu hiện có (${(error as Error).message}). Dữ liệu không bị thay đổi.`);
  }
  return error;
}

function shownInstant(iso: string): string {
  const d = new Date(iso);
  const p = (n: number) => String(n).padStart(2, '0');
  return `${p(d.getHours())}:${p(d.getMinutes())} ngày ${p(d.getDate())}/${p(d.getMonth() + 1)}/${d.getFullYear()}`;
}

/** The second pass over the records, with the statements and state it needs. */
class SecondPass {
  readonly conflicts: ConflictRow[] = [];
  conflictCount = 0;
  #unresolved = 0;
  readonly #counts = new Map<string, EntityOutcome>();
  /** Incoming id → local id, for rows matched to a local row under another id (a unit by its code). */
  readonly #idMap = new Map<string, Map<string, string>>();
  readonly #exists = new Map<string, Database.Statement>();
  readonly #resolutionOf: (entity: string, id: string) => Resolution | null;
  readonly #peer: string;
  readonly #getHash: Database.Statement;
  readonly #setHash: Database.Statement;
  readonly #audit: Database.Statement;
  #done = 0;

  constructor(
    private readonly request: ImportRequest,
    private readonly bundle: BundleJson,
    private readonly sender: BundleSender,
    private readonly bundleIds: Map<string, Set<string>>,
    private readonly bundleFiles: Set<string>,
    private readonly problems: Problems,
    private readonly cancel: CancelToken,
    private readonly progress: Progress,
    private readonly totalRows: number,
  ) {
    const { sqlite, resolutions } = request;
    const perRow = new Map(resolutions.rows.map((r) => [`${r.entity}\u0000${r.id}`, r.take]));
    this.#resolutionOf = (entity, id) => perRow.get(`${entity}\u0000${id}`) ?? resolutions.all;
    this.#peer = bundle.office.id;
    this.#getHash = sqlite.prepare('SELECT hash FROM bundlePeerHashes WHERE peerOfficeId = ? AND entity = ? AND rowId = ?').pluck();
    this.#setHash = sqlite.prepare('INSERT INTO bundlePeerHashes (peerOfficeId, entity, rowId, hash) VALUES (?, ?, ?, ?) ON CONFLICT DO UPDATE SET hash = excluded.hash');
    this.#audit = sqlite.prepare('INSERT INTO auditLog (at, actor, operation, entity, recordId, before, after) VALUES (?, ?, ?, ?, ?, ?, ?)');
  }

  #outcome(entity: string): EntityOutcome {
    let outcome = this.#counts.get(entity);
    if (!outcome) {
      outcome = { entity, created: 0, updated: 0, unchanged: 0, conflicts: 0, rejected: 0 };
      this.#counts.set(entity, outcome);
    }
    return outcome;
  }

  outcomes(): EntityOutcome[] {
    return [...this.bundleIds.keys()].map((entity) => ({ ...this.#outcome(entity), rejected: this.problems.byEntity.get(entity) ?? 0 }));
  }

  #existsLocally(table: string, id: string): boolean {
    let statement = this.#exists.get(table);
    if (!statement) {
      statement = this.request.sqlite.prepare(`SELECT 1 FROM ${quoted(table)} WHERE id = ?`).pluck();
      this.#exists.set(table, statement);
    }
    return statement.get(id) !== undefined;
  }

  /** Units this bundle creates, with their parent: in a dry run they are not in the database to walk up through. */
  readonly #newUnitParents = new Map<string, string | null>();
  #unitParent: Database.Statement | null = null;

  /** The depth-1 unit above a unit (itself at depth 1) in this office's tree; null for the root or an unknown unit. */
  #communeOf(unitId: unknown): string | null {
    if (typeof unitId !== 'string') return null;
    this.#unitParent ??= this.request.sqlite.prepare('SELECT parentId FROM units WHERE id = ?').pluck();
    const parentOf = (id: string): string | null | undefined => (this.#newUnitParents.has(id) ? this.#newUnitParents.get(id) : (this.#unitParent!.get(id) as string | null | undefined));
    let current = unitId;
    for (let depth = 0; depth < 50; depth++) {
      const parent = parentOf(current);
      if (parent === undefined || parent === null) return null;
      if (parentOf(parent) === null) return current;
      current = parent;
    }
    return null;
  }

  /** Rewrites the references of a row to rows matched under another id here. */
  #mapReferences(table: TableRegistration, row: Row): void {
    for (const ref of table.parents) {
      const map = this.#idMap.get(refTable(ref, row));
      if (!map || map.size === 0 || row[ref.column] === null || row[ref.column] === undefined) continue;
      if (ref.jsonArray) {
        const ids = refValues(ref, row);
        if (ids.some((id) => map.has(id))) row[ref.column] = JSON.stringify(ids.map((id) => map.get(id) ?? id));
      } else {
        const mapped = map.get(String(row[ref.column]));
        if (mapped !== undefined) row[ref.column] = mapped;
      }
    }
  }

  /** Why a row cannot be taken: a required parent neither in the bundle nor here, or an evidence file that is nowhere. */
  #missingReference(table: TableRegistration, row: Row): string | null {
    for (const ref of requiredRefs(table)) {
      const target = refTable(ref, row);
      if (ref.table === ANY_TABLE && !TRAVELLING.has(target)) {
        return `cột "${ref.column}" trỏ tới loại bản ghi "${target.slice(0, 40)}" không có`;
      }
      for (const id of refValues(ref, row)) {
        if (this.bundleIds.get(target)?.has(id) || this.#existsLocally(target, id)) continue;
        return `${ref.noun ? `${ref.noun}: ` : ''}cột "${ref.column}" trỏ tới ${target} "${id.slice(0, 64)}" không có trong gói lẫn dữ liệu của cơ quan`;
      }
    }
    const fileColumn = table.bundle?.files;
    if (fileColumn && row.deletedAt === null) {
      const sha256 = String(row[fileColumn]);
      if (!this.bundleFiles.has(sha256) && !existsSync(storeOf(this.request.dataDir).blobPath(sha256))) {
        return `tệp minh chứng ${sha256.slice(0, 16)}… không có trong gói`;
      }
    }
    return null;
  }

  async table(plan: TablePlan, bag: OpenedBag): Promise<void> {
    const { sqlite, mode } = this.request;
    const { table } = plan;
    const name = table.name;
    const outcome = this.#outcome(name);
    const byId = sqlite.prepare(`SELECT * FROM ${quoted(name)} WHERE id = ?`);
    const matchKey = table.bundle?.matchBy ?? table.linkKey;
    const byKey = matchKey
      ? sqlite.prepare(`SELECT * FROM ${quoted(name)} WHERE deletedAt IS NULL AND ${matchKey.map((c) => `${quoted(c)} IS ?`).join(' AND ')} ORDER BY rowid LIMIT 1`)
      : null;
    const map = new Map<string, string>();
    this.#idMap.set(name, map);
    const ids = this.bundleIds.get(name)!;
    for await (const { line, lineNo } of bag.lines(recordsPath(name))) {
      if (++this.#done % 2000 === 0) {
        this.cancel.throwIfCancelled();
        this.progress(mode === 'apply' ? 'writing' : 'validating', this.#done, this.totalRows);
      }
      if (plan.rejectedLines.has(lineNo)) continue;
      const checked = checkLine(plan, line);
      if (!checked.ok) continue;
      const incoming = checked.row;
      const id = String(incoming.id);
      this.#mapReferences(table, incoming);
      for (const [column, unitColumn] of Object.entries(table.bundle?.communeOf ?? {})) {
        if (column in incoming) incoming[column] = this.#communeOf(incoming[unitColumn]);
      }
      const missing = this.#missingReference(table, incoming);
      if (missing) {
        // Its children then find it missing too, and are refused with their own line.
        ids.delete(id);
        this.problems.add(name, lineNo, id, missing);
        continue;
      }
      let local = byId.get(id) as Row | undefined;
      let row = incoming;
      if (!local && byKey && incoming.deletedAt === null) {
        local = byKey.get(...matchKey!.map((c) => incoming[c] ?? null)) as Row | undefined;
        if (local) {
          // The same unit (by its official code) or link under another office's id: it keeps this office's id,
          // references follow it, and it is compared and updated like any row.
          map.set(id, String(local.id));
          row = asTwin(table, incoming, String(local.id));
        }
      }
      if (!local) {
        if (name === 'units') this.#newUnitParents.set(id, (incoming.parentId as string | null) ?? null);
        outcome.created++;
        if (mode === 'apply') this.#insert(name, row);
        continue;
      }
      const rowId = String(row.id);
      const present = Object.keys(row);
      const theirs = contentHash(row, present);
      const mine = contentHash(local, present);
      if (theirs === mine) {
        outcome.unchanged++;
        if (mode === 'apply') this.#setHash.run(this.#peer, name, rowId, theirs);
        continue;
      }
      const last = this.#getHash.get(this.#peer, name, rowId) as string | undefined;
      if (last === mine) {
        outcome.updated++;
        if (mode === 'apply') this.#update(name, local, row, theirs);
        continue;
      }
      if (last === theirs) {
        outcome.unchanged++;
        continue;
      }
      outcome.conflicts++;
      this.conflictCount++;
      if (this.conflicts.length < MAX_LISTED_ROWS) this.conflicts.push({ entity: name, id: rowId, fields: differingColumns(local, row, present), mine: local, theirs: row });
      if (mode !== 'apply') continue;
      const take = this.#resolutionOf(name, rowId);
      if (take === null) this.#unresolved++;
      else if (take === 'theirs') this.#update(name, local, row, theirs);
      // Keeping mine remembers theirs as exchanged: the same version sent again is then no conflict.
      else this.#setHash.run(this.#peer, name, rowId, theirs);
    }
  }

  readonly #statements = new Map<string, Database.Statement>();
  #statement(key: string, sql: () => string): Database.Statement {
    let statement = this.#statements.get(key);
    if (!statement) {
      statement = this.request.sqlite.prepare(sql());
      this.#statements.set(key, statement);
    }
    return statement;
  }

  #writeAudit(entity: string, id: string, before: Row | null, after: Row): void {
    const { actor, operation, now } = this.request;
    this.#audit.run(now.toISOString(), actor, operation, entity, id, before === null ? null : JSON.stringify(before), JSON.stringify(after));
  }

  /** The incoming row as it is: id, origin office, revision and timestamps included. */
  #insert(table: string, row: Row): void {
    const columns = Object.keys(row);
    this.#statement(`insert ${table} ${columns.join(',')}`, () => `INSERT INTO ${quoted(table)} (${columns.map(quoted).join(', ')}) VALUES (${columns.map(() => '?').join(', ')})`).run(
      ...columns.map((c) => row[c]),
    );
    this.#writeAudit(table, String(row.id), null, row);
    this.#setHash.run(this.#peer, table, row.id, contentHash(row, columns));
  }

  /** Theirs over mine, column by column of what they sent (a column they left out, such as personal data, stays as it is here). */
  #update(table: string, local: Row, row: Row, hash: string): void {
    const columns = Object.keys(row).filter((c) => c !== 'id');
    this.#statement(`update ${table} ${columns.join(',')}`, () => `UPDATE ${quoted(table)} SET ${columns.map((c) => `${quoted(c)} = ?`).join(', ')} WHERE id = ?`).run(
      ...columns.map((c) => row[c]),
      row.id,
    );
    // A deletion that arrives takes the row out of search, as a local tombstone does.
    if (local.deletedAt === null && row.deletedAt !== null) this.#statement('unsearch', () => 'DELETE FROM searchIndex WHERE recordId = ?').run(row.id);
    this.#writeAudit(table, String(row.id), local, { ...local, ...row });
    this.#setHash.run(this.#peer, table, row.id, hash);
  }

  /** Refuses to commit while any row is refused or a conflict has no resolution. */
  finishApply(): void {
    if (this.problems.count > 0) throw rejectedRecords(this.problems.count, this.problems.listed);
    if (this.#unresolved > 0) {
      throw new AppError('CONFLICT', `Còn ${this.#unresolved.toLocaleString('vi-VN')} bản ghi bị sửa ở cả hai nơi chưa chọn cách xử lý (giữ bản của mình hay lấy bản nhận được). Dữ liệu không bị thay đổi.`, {
        unresolved: this.#unresolved,
      });
    }
  }

  /** The bundle in the log, the sender's key trusted when the officer chose so, and one audit row for the bundle itself, all in the transaction. */
  logApplied(report: ImportReport, forced: boolean): void {
    const { sqlite, actor, now, trust } = this.request;
    const at = now.toISOString();
    if (trust && !this.sender.trusted) this.#trustSender(at);
    const summary = JSON.stringify(Object.fromEntries(report.entities.map((e) => [e.entity, { created: e.created, updated: e.updated, unchanged: e.unchanged, conflicts: e.conflicts }])));
    const log = {
      id: newId(now.getTime()),
      bundleId: report.bundleId,
      kind: report.kind,
      senderOfficeId: this.bundle.office.id,
      senderCode: this.sender.officeCode,
      senderName: this.sender.officeName,
      fingerprint: this.sender.fingerprint,
      receivedAt: at,
      result: 'applied',
      summary,
      forced: forced ? 1 : 0,
      actor,
    };
    sqlite
      .prepare(
        'INSERT INTO bundlesReceived (id, bundleId, kind, senderOfficeId, senderCode, senderName, fingerprint, receivedAt, result, summary, forced, actor) VALUES (@id, @bundleId, @kind, @senderOfficeId, @senderCode, @senderName, @fingerprint, @receivedAt, @result, @summary, @forced, @actor)',
      )
      .run(log);
    this.#writeAudit('bundlesReceived', log.id, null, log);
  }

  /** The same row certificates.trustAdd writes: one trust list verifies a sender's bundles and its certificates. */
  #trustSender(at: string): void {
    const { sqlite } = this.request;
    const officeId = (sqlite.prepare('SELECT id FROM office').pluck().get() as string | undefined) ?? '';
    const row = {
      id: newId(),
      originOfficeId: officeId,
      createdAt: at,
      updatedAt: at,
      rev: 1,
      deletedAt: null,
      keyId: this.sender.keyId,
      publicKey: this.sender.publicKey,
      officeName: this.sender.officeName,
      officeCode: this.sender.officeCode,
      note: `Tin cậy khi nhập gói ${this.bundle.bundleId}, dấu vân tay ${this.sender.fingerprint}`,
    };
    const columns = Object.keys(row);
    sqlite.prepare(`INSERT INTO certificateTrustedKeys (${columns.map(quoted).join(', ')}) VALUES (${columns.map(() => '?').join(', ')})`).run(...Object.values(row));
    this.#writeAudit('certificateTrustedKeys', row.id, null, row);
  }
}
