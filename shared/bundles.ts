import { z } from 'zod';
import { StagedId } from './evidence.js';
import { JobRef, JobStarted, jobStatusSchema } from './jobs.js';
import { job, mutation, query } from './op.js';

/**
 * Bundles (DESIGN.md "Bundles", issue 15): a signed BagIt bag in a zip
 * (.xhht) that carries an office's records from one XHHT to another — a
 * commune's data up to the district (sync), the yearly report up (report),
 * plans and criteria sets down (template). Import is verify → validate every
 * record → dry run (what would change, conflicts) → apply in one transaction.
 */

export const BUNDLE_EXTENSION = '.xhht';

/** What a bag may hold unpacked, all entries together; its .xhht file is received up to this size too. */
export const BUNDLE_MAX_TOTAL_BYTES = 32 * 1024 * 1024 * 1024;

export const BundleKind = z.enum(['report', 'template', 'sync']);
export type BundleKind = z.infer<typeof BundleKind>;
export const BUNDLE_KIND_LABELS: Record<BundleKind, string> = {
  report: 'Báo cáo (dữ liệu của kỳ gửi lên cấp trên)',
  template: 'Mẫu (kế hoạch, bộ tiêu chí gửi xuống cấp dưới)',
  sync: 'Đồng bộ (toàn bộ dữ liệu gửi lên cấp trên)',
};

/** A year ("2026"); the rows of tables that have a year or period are limited to it. */
export const BundlePeriod = z.string().regex(/^\d{4}$/, 'Kỳ là một năm, ví dụ 2026');

export const ExportOptions = z.object({
  kind: BundleKind,
  /** Null: every period. */
  period: BundlePeriod.nullable().default(null),
  includeFiles: z.boolean().default(true),
  /** Citizen-ID numbers and other personal data travel only when the sender chooses it. */
  includePersonalData: z.boolean().default(false),
});
export type ExportOptions = z.infer<typeof ExportOptions>;
export type ExportOptionsInput = z.input<typeof ExportOptions>;

/** data/bundle.json: what is inside, as the sender says (checked against the records and bag-info on import). */
export const BundleJson = z.object({
  bundleId: z.string().min(1).max(100),
  kind: BundleKind,
  /** The sender's schema version (its last migration), as bag-info's XHHT-Schema. */
  schema: z.number().int().positive(),
  period: BundlePeriod.nullable(),
  office: z.object({ code: z.string().max(20), name: z.string().min(1).max(200), id: z.string().min(1).max(64) }),
  counts: z.record(z.string().max(64), z.number().int().nonnegative()),
  files: z.object({ count: z.number().int().nonnegative(), bytes: z.number().nonnegative() }),
  personalData: z.boolean(),
});
export type BundleJson = z.infer<typeof BundleJson>;

/** One entity (a travelling table) of a bundle, sized before export. */
export const EntityEstimate = z.object({ entity: z.string(), rows: z.number().int(), bytes: z.number() });
export type EntityEstimate = z.infer<typeof EntityEstimate>;

export const ExportEstimate = z.object({
  entities: z.array(EntityEstimate),
  /** Evidence files the bundle would carry, each content once (zero when files are left out). */
  files: z.object({ count: z.number().int(), bytes: z.number() }),
  /** Evidence left out by the choice "without files", so the officer sees what the choice saves. */
  filesLeftOut: z.object({ count: z.number().int(), bytes: z.number() }),
  /** Records plus files, before compression. */
  totalBytes: z.number(),
  /** "entity.column" of the personal data left out (empty when it travels). */
  personalColumnsLeftOut: z.array(z.string()),
});
export type ExportEstimate = z.infer<typeof ExportEstimate>;

export const ExportResult = z.object({
  bundleId: z.string(),
  fileName: z.string(),
  bytes: z.number(),
  counts: z.record(z.string(), z.number().int()),
  files: z.object({ count: z.number().int(), bytes: z.number() }),
});
export type ExportResult = z.infer<typeof ExportResult>;
export const ExportJobStatus = jobStatusSchema(ExportResult);
export type ExportJobStatus = z.infer<typeof ExportJobStatus>;

/** The finished bundle travels to the browser in pieces of this size, never whole in one message. */
export const BUNDLE_DOWNLOAD_PIECE = 4 * 1024 * 1024;
export const BundlePiece = z.object({ base64: z.string(), nextOffset: z.number().int().nullable(), size: z.number().int() });

/**
 * Where a received bundle is: a file staged through the upload route
 * (EVIDENCE_UPLOAD_PATH, the browser) or a path on this machine (the desktop
 * file dialog, the CLI).
 */
export const BundleSource = z.union([
  z.object({ stagedId: StagedId }),
  z.object({ path: z.string().trim().min(1, 'Chưa chọn tệp gói dữ liệu').max(1000, 'Đường dẫn dài quá 1.000 ký tự') }),
]);
export type BundleSource = z.infer<typeof BundleSource>;

/** The sender as the bundle names it and as its signature proves. */
export const BundleSender = z.object({
  officeCode: z.string(),
  officeName: z.string(),
  keyId: z.string(),
  /** "a1b2 c3d4 …", read aloud on the phone to check the key before trusting it. */
  fingerprint: z.string(),
  publicKey: z.string(),
  /** On this office's trust list (or this office's own key). */
  trusted: z.boolean(),
});
export type BundleSender = z.infer<typeof BundleSender>;

export const BundleHeader = z.object({
  bundleId: z.string(),
  kind: BundleKind,
  schema: z.number().int(),
  period: z.string().nullable(),
  baggingDate: z.string(),
  counts: z.record(z.string(), z.number().int()),
  files: z.object({ count: z.number().int(), bytes: z.number() }),
  personalData: z.boolean(),
});
export type BundleHeader = z.infer<typeof BundleHeader>;

export const VerifyCheck = z.object({
  /** What was checked, in Vietnamese ("Cấu trúc BagIt", "Payload-Oxum", "Mã băm từng tệp", "Chữ ký", "Phiên bản", "Người gửi tin cậy"). */
  name: z.string(),
  ok: z.boolean(),
  message: z.string().nullable(),
});

/** What verifying a bundle found: valid or the first problem, named in Vietnamese. */
export const VerifyReport = z.object({
  valid: z.boolean(),
  /** The first problem (null when valid): the bag entry or record it concerns is named. */
  problem: z.string().nullable(),
  checks: z.array(VerifyCheck),
  header: BundleHeader.nullable(),
  sender: BundleSender.nullable(),
});
export type VerifyReport = z.infer<typeof VerifyReport>;
export const VerifyJobStatus = jobStatusSchema(VerifyReport);
export type VerifyJobStatus = z.infer<typeof VerifyJobStatus>;

/** What importing does to the rows of one entity. */
export const EntityOutcome = z.object({
  entity: z.string(),
  created: z.number().int(),
  updated: z.number().int(),
  unchanged: z.number().int(),
  conflicts: z.number().int(),
  rejected: z.number().int(),
});
export type EntityOutcome = z.infer<typeof EntityOutcome>;

/** A record refused, with where it is in the bundle (data/records/<entity>.jsonl, line n) and why. */
export const Rejection = z.object({ entity: z.string(), line: z.number().int(), id: z.string().nullable(), message: z.string() });
export type Rejection = z.infer<typeof Rejection>;

/** A row changed here and there since the last exchange with the sender: both versions, for the officer to choose. */
export const ConflictRow = z.object({
  entity: z.string(),
  id: z.string(),
  /** The columns whose values differ. */
  fields: z.array(z.string()),
  mine: z.record(z.string(), z.unknown()),
  theirs: z.record(z.string(), z.unknown()),
});
export type ConflictRow = z.infer<typeof ConflictRow>;

/** At most this many rejections and conflicts travel back; the totals count them all. */
export const MAX_LISTED_ROWS = 500;

export const ImportReport = z.object({
  bundleId: z.string(),
  kind: BundleKind,
  period: z.string().nullable(),
  sender: BundleSender,
  entities: z.array(EntityOutcome),
  rejections: z.array(Rejection),
  rejectionCount: z.number().int(),
  conflicts: z.array(ConflictRow),
  conflictCount: z.number().int(),
  /** Evidence contents this office does not hold yet. */
  newFiles: z.object({ count: z.number().int(), bytes: z.number() }),
  /** When this bundle id was applied here before (applying it again needs force). */
  appliedBefore: z.string().nullable(),
  /** Set once applied; null for a dry run. */
  appliedAt: z.string().nullable(),
});
export type ImportReport = z.infer<typeof ImportReport>;
export const ImportJobStatus = jobStatusSchema(ImportReport);
export type ImportJobStatus = z.infer<typeof ImportJobStatus>;

export const Resolution = z.enum(['mine', 'theirs']);
export type Resolution = z.infer<typeof Resolution>;
export const RESOLUTION_LABELS: Record<Resolution, string> = { mine: 'Giữ bản của mình', theirs: 'Lấy bản nhận được' };

export const Resolutions = z.object({
  /** For every conflict not named in `rows`; null: each must be named. */
  all: Resolution.nullable().default(null),
  rows: z.array(z.object({ entity: z.string().max(64), id: z.string().max(64), take: Resolution })).max(100_000).default([]),
});
export type Resolutions = z.infer<typeof Resolutions>;

export const DryRunInput = z.object({ source: BundleSource });
export const ApplyInput = z.object({
  source: BundleSource,
  resolutions: Resolutions.default({ all: null, rows: [] }),
  /** Apply a bundle id applied here before. */
  force: z.boolean().default(false),
});
export type ApplyInput = z.input<typeof ApplyInput>;

export const BUNDLE_RESULTS = ['applied', 'refused', 'failed'] as const;
export const BundleResult = z.enum(BUNDLE_RESULTS);
export const BUNDLE_RESULT_LABELS: Record<z.infer<typeof BundleResult>, string> = { applied: 'Đã nhập', refused: 'Bị từ chối', failed: 'Lỗi khi nhập' };

/**
 * One bundle received here (logged whether applied or refused). A refused
 * file's id, kind and sender are what its checks vouched for before the
 * refusal: empty strings when nothing could be (a truncated zip, a bad signature).
 */
export const ReceivedBundle = z.object({
  id: z.string(),
  bundleId: z.string(),
  kind: BundleKind.or(z.literal('')),
  senderCode: z.string(),
  senderName: z.string(),
  fingerprint: z.string(),
  receivedAt: z.string(),
  result: BundleResult,
  /** Counts per entity, or the reason it was refused. */
  summary: z.string(),
  forced: z.boolean(),
});
export type ReceivedBundle = z.infer<typeof ReceivedBundle>;

export const TrustSenderInput = z.object({
  publicKey: z.string().trim().min(40).max(2000),
  /** The fingerprint the officer was shown and checked; refused when it is not this key's. */
  fingerprint: z.string().trim().min(8).max(200),
  officeName: z.string().trim().min(1, 'Ghi tên đơn vị gửi').max(200, 'Tên đơn vị quá dài'),
  officeCode: z.string().trim().max(20, 'Mã cơ quan tối đa 20 ký tự').default(''),
});
export type TrustSenderInput = z.input<typeof TrustSenderInput>;

export const bundlesOps = {
  /** Rows and bytes per entity and of the evidence a bundle would carry, shown before exporting. */
  'bundles.estimate': query(ExportOptions, ExportEstimate, 'officer'),
  'bundles.exportStart': job(ExportOptions, JobStarted, 'officer'),
  'bundles.exportStatus': query(JobRef, ExportJobStatus, 'officer'),
  'bundles.exportCancel': query(JobRef, ExportJobStatus, 'officer'),
  /** The finished bundle, piece by piece (the browser saves it; the desktop too, through the same op). */
  'bundles.exportDownload': query(JobRef.extend({ offset: z.number().int().min(0) }), BundlePiece, 'officer'),
  /** Structure, hashes, signature, schema and whether the sender is trusted. */
  'bundles.verifyStart': job(z.object({ source: BundleSource }), JobStarted, 'officer'),
  'bundles.verifyStatus': query(JobRef, VerifyJobStatus, 'officer'),
  'bundles.verifyCancel': query(JobRef, VerifyJobStatus, 'officer'),
  /** Verifies, validates every record and reports what applying would do; writes nothing but the journal. */
  'bundles.dryRunStart': job(DryRunInput, JobStarted, 'officer'),
  'bundles.dryRunStatus': query(JobRef, ImportJobStatus, 'officer'),
  'bundles.dryRunCancel': query(JobRef, ImportJobStatus, 'officer'),
  /** Applies in one transaction; refused while a conflict has no resolution or any record is rejected. */
  'bundles.applyStart': job(ApplyInput, JobStarted, 'officer'),
  'bundles.applyStatus': query(JobRef, ImportJobStatus, 'officer'),
  'bundles.applyCancel': query(JobRef, ImportJobStatus, 'officer'),
  /** Puts a sender's key on the trust list (the same list verifies its certificates). */
  'bundles.trustSender': mutation(TrustSenderInput, z.object({ keyId: z.string(), fingerprint: z.string() }), 'admin'),
  /** Bundles received here, newest first. */
  /** The officer did not trust a new sender's key: the bundle of that verification is logged as refused. */
  'bundles.declineSender': mutation(JobRef, z.object({ logged: z.literal(true) }), 'officer'),
  'bundles.list': query(z.object({ limit: z.number().int().min(1).max(1000).default(200) }), z.array(ReceivedBundle)),
} as const;
