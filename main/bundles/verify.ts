import { BundleJson, type BundleSender, type VerifyReport } from '../../shared/bundles.js';
import { AppError } from '../../shared/errors.js';
import { formatBytes } from '../../shared/evidence.js';
import type { ReadDb } from '../db/records.js';
import { loadSettings } from '../evidence/index.js';
import { keyIdOf } from '../certificates/index.js';
import { loadOffice } from '../office/index.js';
import { BAG_STAGES, openBag, type BagLimits, type BagSeen, type BagStage, type OpenedBag } from './bag/index.js';
import { BUNDLE_JSON, FILES_DIR, RECORDS_DIR, tablesOfKind } from './travel.js';

/**
 * Verifying a received bundle: the bag (openBag checks structure, signature,
 * schema and every hash), then what the bag says about itself (bundle.json
 * agrees with bag-info, only the files a bundle has, each evidence file
 * named by its own hash, only the tables its kind carries), then whether the
 * sender's key is this office's own or on the trust list — the list that
 * also verifies that office's certificates.
 */

export interface VerifyOptions {
  limits?: Partial<BagLimits>;
  signal?: AbortSignal;
  onProgress?(doneBytes: number, totalBytes: number): void;
  /** Refuse a sender whose key is neither this office's nor on the trust list. */
  requireTrusted?: boolean;
  /** Filled as the checks pass: what a refusal can still tell about the bundle (main/bundles/received-log.ts). */
  seen?: BundleSeen;
}

/** The bag's signer and bag-info once vouched for, and the sender office's id once bundle.json agrees with them. */
export interface BundleSeen extends BagSeen {
  officeId?: string;
}

export interface VerifiedBundle {
  bag: OpenedBag;
  bundle: BundleJson;
  sender: BundleSender;
  /** False when no database was given: `sender.trusted` then says nothing. */
  trustChecked: boolean;
}

type Stage = BagStage | 'content' | 'trust';

const CHECK_NAMES: Record<Stage, string> = {
  zip: 'Tệp zip an toàn (tên, liên kết, kích thước, bom zip)',
  bagit: 'Cấu trúc BagIt',
  signature: 'Chữ ký Ed25519',
  info: 'Thông tin gói (bag-info.txt)',
  schema: 'Phiên bản lược đồ',
  manifest: 'Danh mục tệp (manifest)',
  oxum: 'Payload-Oxum',
  hashes: 'Mã băm từng tệp',
  content: 'Nội dung gói (bundle.json)',
  trust: 'Người gửi tin cậy',
};

/** The message of a check not run because an earlier one failed. */
export const NOT_CHECKED = 'Chưa kiểm tra (dừng ở lỗi trước)';

const refuse = (stage: Stage, problem: string, details: Record<string, unknown> = {}) =>
  new AppError('IMPORT_INVALID', `Gói dữ liệu bị từ chối: ${problem}.`, { ...details, stage });
const REFUSED = /^Gói dữ liệu bị từ chối: /;

/**
 * Verifies and opens a bundle for the importer; throws an IMPORT_INVALID
 * AppError naming the first problem (its `details.stage` says which check).
 * The caller closes the returned bag. `db` null: structure and signature only.
 */
export async function verifyBundle(db: ReadDb | null, path: string, opts: VerifyOptions = {}): Promise<VerifiedBundle> {
  const evidenceLimit = db ? (await loadSettings(db)).maxBytes : undefined;
  const bag = await openBag(path, { ...(evidenceLimit ? { maxEvidenceBytes: evidenceLimit } : {}), ...opts.limits }, opts);
  try {
    const bundle = await checkContent(bag);
    if (opts.seen) opts.seen.officeId = bundle.office.id;
    const sender = db ? await senderOf(db, bag) : { ...identity(bag), trusted: false };
    if (opts.requireTrusted && !sender.trusted) throw untrusted(sender);
    return { bag, bundle, sender, trustChecked: db !== null };
  } catch (error) {
    await bag.close();
    throw error;
  }
}

/** The verify page's and CLI's answer: every check with its outcome; bad bundles are a report, not an error. */
export async function verifyReport(db: ReadDb | null, path: string, opts: Omit<VerifyOptions, 'requireTrusted'> = {}): Promise<VerifyReport> {
  const stages: Stage[] = [...BAG_STAGES, 'content', ...(db ? (['trust'] as const) : [])];
  let verified: VerifiedBundle;
  try {
    verified = await verifyBundle(db, path, opts);
  } catch (error) {
    if (!(error instanceof AppError) || typeof error.details.stage !== 'string') throw error;
    const failed = stages.indexOf(error.details.stage as Stage);
    return {
      valid: false,
      problem: error.message,
      checks: stages.map((stage, i) => ({
        name: CHECK_NAMES[stage],
        ok: i < failed,
        message: i === failed ? error.message.replace(REFUSED, '') : i > failed ? NOT_CHECKED : null,
      })),
      header: null,
      sender: null,
    };
  }
  const { bag, bundle, sender } = verified;
  await bag.close();
  const trustProblem = db && !sender.trusted ? untrusted(sender).message : null;
  return {
    valid: trustProblem === null,
    problem: trustProblem,
    checks: stages.map((stage) => ({ name: CHECK_NAMES[stage], ok: stage !== 'trust' || sender.trusted, message: stage === 'trust' ? trustProblem : null })),
    header: {
      bundleId: bag.info.bundleId,
      kind: bag.info.kind,
      schema: bag.info.schema,
      period: bag.info.period,
      baggingDate: bag.info.baggingDate,
      counts: bundle.counts,
      files: bundle.files,
      personalData: bundle.personalData,
    },
    sender,
  };
}

function untrusted(sender: BundleSender): AppError {
  return refuse(
    'trust',
    `${sender.officeName} (mã ${sender.officeCode}) ký gói bằng khóa chưa có trong danh sách tin cậy (dấu vân tay ${sender.fingerprint}); hãy gọi điện đối chiếu dấu vân tay với đơn vị gửi rồi mới tin cậy`,
    { fingerprint: sender.fingerprint },
  );
}

function identity(bag: OpenedBag): Omit<BundleSender, 'trusted'> {
  return {
    officeCode: bag.info.officeCode,
    officeName: bag.info.officeName,
    keyId: bag.signer.keyId,
    fingerprint: bag.signer.fingerprint,
    publicKey: bag.signer.publicKey,
  };
}

const RECORDS_FILE = new RegExp(`^${RECORDS_DIR}([A-Za-z][A-Za-z0-9_]{0,63})\\.jsonl$`);
const EVIDENCE_FILE = new RegExp(`^${FILES_DIR}([0-9a-f]{64})$`);

async function checkContent(bag: OpenedBag): Promise<BundleJson> {
  const { info } = bag;
  if (!bag.payloadPaths().includes(BUNDLE_JSON)) throw refuse('content', `gói không có ${BUNDLE_JSON}`);
  let parsed: unknown;
  try {
    parsed = JSON.parse(await bag.readText(BUNDLE_JSON));
  } catch (error) {
    if (error instanceof AppError) throw refuse('content', error.message.replace(REFUSED, '').replace(/\.$/, ''));
    throw refuse('content', `${BUNDLE_JSON} không phải JSON hợp lệ`);
  }
  const result = BundleJson.safeParse(parsed);
  if (!result.success) {
    const issue = result.error.issues[0]!;
    throw refuse('content', `${BUNDLE_JSON}, trường ${issue.path.join('.') || '(gốc)'}: ${issue.message}`);
  }
  const bundle = result.data;
  const disagree = (field: string, inInfo: unknown, inJson: unknown) =>
    refuse('content', `bag-info.txt ghi ${field} "${String(inInfo)}" nhưng data/bundle.json ghi "${String(inJson)}"`);
  if (bundle.bundleId !== info.bundleId) throw disagree('mã gói', info.bundleId, bundle.bundleId);
  if (bundle.kind !== info.kind) throw disagree('loại gói', info.kind, bundle.kind);
  if (bundle.schema !== info.schema) throw disagree('phiên bản lược đồ', info.schema, bundle.schema);
  if (bundle.period !== info.period) throw disagree('kỳ', info.period ?? '(không có)', bundle.period ?? '(không có)');
  if (bundle.office.code !== info.officeCode) throw disagree('mã cơ quan', info.officeCode, bundle.office.code);
  if (bundle.office.name !== info.officeName) throw disagree('tên cơ quan', info.officeName, bundle.office.name);

  const carried = new Set(tablesOfKind(info.kind).map((t) => t.name));
  let files = 0;
  let fileBytes = 0;
  for (const path of bag.payloadPaths()) {
    if (path === BUNDLE_JSON) continue;
    const records = RECORDS_FILE.exec(path);
    if (records) {
      if (!carried.has(records[1]!)) throw refuse('content', `gói loại ${info.kind} không mang bảng "${records[1]}" (${path}): gói không đúng loại nó khai`);
      continue;
    }
    const evidence = EVIDENCE_FILE.exec(path);
    if (!evidence) throw refuse('content', `tệp "${path.slice(0, 120)}" không thuộc cấu trúc gói XHHT (data/bundle.json, data/records/<bảng>.jsonl, data/files/<sha256>)`);
    if (bag.payloadHash(path) !== evidence[1]) throw refuse('content', `tệp minh chứng "${path}" không mang đúng tên theo mã băm nội dung của nó`);
    files += 1;
    fileBytes += bag.payloadSize(path);
  }
  if (files !== bundle.files.count || fileBytes !== bundle.files.bytes) {
    throw refuse('content', `data/bundle.json kê ${bundle.files.count} tệp minh chứng (${formatBytes(bundle.files.bytes)}) nhưng gói có ${files} tệp (${formatBytes(fileBytes)})`);
  }
  return bundle;
}

async function senderOf(db: ReadDb, bag: OpenedBag): Promise<BundleSender> {
  const who = identity(bag);
  const office = await loadOffice(db);
  if (office && keyIdOf(office.publicKey) === who.keyId && office.publicKey === who.publicKey) return { ...who, trusted: true };
  const listed = await db
    .selectFrom('certificateTrustedKeys')
    .select(['publicKey', 'officeName', 'officeCode'])
    .where('keyId', '=', who.keyId)
    .where('deletedAt', 'is', null)
    .executeTakeFirst();
  if (!listed || listed.publicKey !== who.publicKey) return { ...who, trusted: false };
  // A trusted key speaks for the office it was trusted as: a bundle it signs in another office's name is refused.
  if (listed.officeCode !== '' && listed.officeCode !== who.officeCode) {
    throw refuse('trust', `khóa ký là của ${listed.officeName} (mã ${listed.officeCode}) trong danh sách tin cậy, nhưng gói tự ghi là của cơ quan mã ${who.officeCode}`, {
      fingerprint: who.fingerprint,
    });
  }
  return { ...who, trusted: true };
}
