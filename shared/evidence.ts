import { z } from 'zod';
import { XlsxFile } from './list-export.js';
import { mutation, query } from './op.js';
import { unsafeTextReason } from './safe-text.js';
import { RecordId, SyncRowDto } from './sync-row.js';

/**
 * Evidence files (minh chứng): what may be stored, recognised by content,
 * never by the extension a file happens to carry.
 */

export const EVIDENCE_TYPES = ['pdf', 'jpg', 'png', 'webp', 'heic', 'doc', 'docx', 'xls', 'xlsx', 'odt', 'ods', 'mp4', 'zip'] as const;
export const EvidenceType = z.enum(EVIDENCE_TYPES);
export type EvidenceType = z.infer<typeof EvidenceType>;

export const EVIDENCE_MIME: Record<EvidenceType, string> = {
  pdf: 'application/pdf',
  jpg: 'image/jpeg',
  png: 'image/png',
  webp: 'image/webp',
  heic: 'image/heic',
  doc: 'application/msword',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xls: 'application/vnd.ms-excel',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  odt: 'application/vnd.oasis.opendocument.text',
  ods: 'application/vnd.oasis.opendocument.spreadsheet',
  mp4: 'video/mp4',
  zip: 'application/zip',
};

export const EVIDENCE_TYPE_LABELS: Record<EvidenceType, string> = {
  pdf: 'PDF',
  jpg: 'Ảnh JPEG',
  png: 'Ảnh PNG',
  webp: 'Ảnh WebP',
  heic: 'Ảnh HEIC',
  doc: 'Word (.doc)',
  docx: 'Word (.docx)',
  xls: 'Excel (.xls)',
  xlsx: 'Excel (.xlsx)',
  odt: 'Văn bản ODT',
  ods: 'Bảng tính ODS',
  mp4: 'Video MP4',
  zip: 'Tệp nén ZIP',
};

export const ALLOWED_TYPES_TEXT = 'PDF, JPG, PNG, WEBP, HEIC, DOC, DOCX, XLS, XLSX, ODT, ODS, MP4, ZIP';

export function evidenceTypeOfMime(mime: string): EvidenceType | null {
  return EVIDENCE_TYPES.find((t) => EVIDENCE_MIME[t] === mime) ?? null;
}

/** Whether the app can show the file itself (images Chromium decodes, PDF). */
export function previewKind(mime: string): 'image' | 'pdf' | null {
  if (mime === 'application/pdf') return 'pdf';
  if (mime === 'image/jpeg' || mime === 'image/png' || mime === 'image/webp') return 'image';
  return null;
}

// ---------------------------------------------------------------------------
// Recognition by content. The first bytes decide most types; zip and OLE
// containers need a look inside, which the caller reads with the helpers below.

/** Bytes of the head the sniffer needs. */
export const SNIFF_HEAD_BYTES = 4096;

export type HeadKind = EvidenceType | 'zip-container' | 'ole-container';

const ascii = (bytes: Uint8Array, start: number, length: number) => String.fromCharCode(...bytes.subarray(start, start + length));
const startsWith = (bytes: Uint8Array, signature: readonly number[], at = 0) => signature.every((b, i) => bytes[at + i] === b);

const PNG = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
const JPEG = [0xff, 0xd8, 0xff];
const OLE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
const ZIP_LOCAL = [0x50, 0x4b, 0x03, 0x04];
const ZIP_EMPTY = [0x50, 0x4b, 0x05, 0x06];
const HEIC_BRANDS = new Set(['heic', 'heix', 'hevc', 'hevx', 'heim', 'heis', 'mif1', 'msf1']);
const MP4_BRANDS = new Set(['isom', 'iso2', 'iso3', 'iso4', 'iso5', 'iso6', 'mp41', 'mp42', 'avc1', 'M4V ', 'dash', 'mmp4', 'f4v ']);

/** The kind the first bytes show, or null when the file is none of the allowed types. */
export function sniffHead(head: Uint8Array): HeadKind | null {
  if (startsWith(head, PNG)) return 'png';
  if (startsWith(head, JPEG)) return 'jpg';
  if (ascii(head, 0, 4) === 'RIFF' && ascii(head, 8, 4) === 'WEBP') return 'webp';
  if (ascii(head, 4, 4) === 'ftyp') {
    const brand = ascii(head, 8, 4);
    if (HEIC_BRANDS.has(brand)) return 'heic';
    if (MP4_BRANDS.has(brand)) return 'mp4';
    return null;
  }
  // PDF readers accept the header anywhere in the first kilobyte (some scanners write a preamble).
  if (ascii(head, 0, Math.min(head.length, 1024)).includes('%PDF-')) return 'pdf';
  if (startsWith(head, OLE)) return 'ole-container';
  if (startsWith(head, ZIP_LOCAL) || startsWith(head, ZIP_EMPTY)) return 'zip-container';
  return null;
}

/**
 * An OpenDocument file starts with an uncompressed entry "mimetype" holding
 * its type (ODF 1.2 part 3, §3.3), readable straight from the head.
 */
export function openDocumentKind(head: Uint8Array): 'odt' | 'ods' | null {
  if (!startsWith(head, ZIP_LOCAL)) return null;
  const nameLength = head[26]! | (head[27]! << 8);
  const extraLength = head[28]! | (head[29]! << 8);
  if (ascii(head, 30, nameLength) !== 'mimetype') return null;
  const content = ascii(head, 30 + nameLength + extraLength, 60);
  if (content.startsWith(EVIDENCE_MIME.odt)) return 'odt';
  if (content.startsWith(EVIDENCE_MIME.ods)) return 'ods';
  return null;
}

/** Office Open XML files are zips with their main part at a fixed name. */
export function zipKindFromEntries(names: readonly string[]): 'docx' | 'xlsx' | 'zip' {
  const set = new Set(names);
  if (set.has('[Content_Types].xml') && set.has('word/document.xml')) return 'docx';
  if (set.has('[Content_Types].xml') && set.has('xl/workbook.xml')) return 'xlsx';
  return 'zip';
}

export interface ZipDirectoryLocation {
  offset: number;
  size: number;
  entries: number;
}

/** Where the central directory is, from the last bytes of the file (`tail` ends at the end of the file). */
export function findZipDirectory(tail: Uint8Array, fileSize: number): ZipDirectoryLocation | null {
  const view = new DataView(tail.buffer, tail.byteOffset, tail.byteLength);
  for (let at = tail.length - 22; at >= 0; at--) {
    if (view.getUint32(at, true) !== 0x06054b50) continue;
    const entries = view.getUint16(at + 10, true);
    const size = view.getUint32(at + 12, true);
    const offset = view.getUint32(at + 16, true);
    const eocdOffset = fileSize - tail.length + at;
    if (offset + size > eocdOffset) continue;
    return { offset, size, entries };
  }
  return null;
}

/** The entry names listed in a central directory; stops at the first malformed record. */
export function zipEntryNames(directory: Uint8Array): string[] {
  const view = new DataView(directory.buffer, directory.byteOffset, directory.byteLength);
  const decoder = new TextDecoder('utf-8', { fatal: false });
  const names: string[] = [];
  let at = 0;
  while (at + 46 <= directory.length && view.getUint32(at, true) === 0x02014b50) {
    const nameLength = view.getUint16(at + 28, true);
    const extraLength = view.getUint16(at + 30, true);
    const commentLength = view.getUint16(at + 32, true);
    if (at + 46 + nameLength > directory.length) break;
    names.push(decoder.decode(directory.subarray(at + 46, at + 46 + nameLength)));
    at += 46 + nameLength + extraLength + commentLength;
  }
  return names;
}

/** Offset and size of the first directory sector of an OLE compound file (MS-CFB §2.2). */
export function oleDirectoryLocation(header: Uint8Array): { offset: number; size: number } | null {
  if (!startsWith(header, OLE) || header.length < 0x34) return null;
  const view = new DataView(header.buffer, header.byteOffset, header.byteLength);
  const shift = view.getUint16(0x1e, true);
  if (shift !== 9 && shift !== 12) return null;
  const sectorSize = 1 << shift;
  const firstDirectorySector = view.getUint32(0x30, true);
  if (firstDirectorySector >= 0xfffffffa) return null;
  return { offset: (firstDirectorySector + 1) * sectorSize, size: sectorSize };
}

/** Stream names of one directory sector (128-byte entries, UTF-16LE names). */
export function oleStreamNames(sector: Uint8Array): string[] {
  const view = new DataView(sector.buffer, sector.byteOffset, sector.byteLength);
  const names: string[] = [];
  for (let at = 0; at + 128 <= sector.length; at += 128) {
    const length = view.getUint16(at + 0x40, true);
    if (length < 2 || length > 64) continue;
    let name = '';
    for (let i = 0; i < length - 2; i += 2) name += String.fromCharCode(view.getUint16(at + i, true));
    names.push(name);
  }
  return names;
}

/** A Word 97–2003 file has a "WordDocument" stream, an Excel one a "Workbook" (or, before Excel 97, "Book"). */
export function oleKindFromStreams(names: readonly string[]): 'doc' | 'xls' | null {
  if (names.includes('WordDocument')) return 'doc';
  if (names.includes('Workbook') || names.includes('Book')) return 'xls';
  return null;
}

// ---------------------------------------------------------------------------
// Names and sizes.

/**
 * The name as the officer sees it: the last path segment (a browser on
 * Windows may send "C:\…\Biên bản.pdf"), Unicode NFC so "ế" typed on macOS
 * and on Windows is the same text, trimmed.
 */
export function normalizeFileName(raw: string): string {
  const last = raw.split(/[\\/]/).pop() ?? '';
  return last.normalize('NFC').trim();
}

/** Why a name cannot be stored, or null. */
export function fileNameProblem(name: string): string | null {
  if (name === '' || name === '.' || name === '..') return 'Tên tệp trống';
  if ([...name].length > 255) return `Tên tệp "${name.slice(0, 40)}…" dài quá 255 ký tự`;
  const unsafe = unsafeTextReason(name);
  if (unsafe) return `Tên tệp ${unsafe}`;
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f\u007f]/.test(name)) return `Tên tệp "${name}" chứa ký tự điều khiển`;
  return null;
}

export const FileName = z
  .string()
  .transform(normalizeFileName)
  .superRefine((name, ctx) => {
    const problem = fileNameProblem(name);
    if (problem) ctx.addIssue({ code: 'custom', message: problem });
  });

/** "1,5 MB", "820 KB", "12 byte": sizes as a Vietnamese reader writes them. */
export function formatBytes(bytes: number): string {
  const units = ['byte', 'KB', 'MB', 'GB', 'TB'];
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  const digits = unit === 0 || value >= 100 ? 0 : 1;
  return `${value.toLocaleString('vi-VN', { maximumFractionDigits: digits })} ${units[unit]}`;
}

export const DEFAULT_MAX_BYTES = 200 * 1024 * 1024;
/** The ceiling an officer may raise the limit to; bigger files belong elsewhere than an office PC's data folder. */
export const MAX_ALLOWED_MAX_BYTES = 4 * 1024 * 1024 * 1024;

/** Names of the record kinds that carry evidence today; any other registered table shows its own name. */
export const RECORD_KIND_LABELS: Record<string, string> = {
  plans: 'Kế hoạch',
  tasks: 'Nhiệm vụ',
  taskProgress: 'Báo cáo tiến độ',
  targetActuals: 'Kết quả thực hiện mục tiêu',
  targets: 'Mục tiêu',
  units: 'Đơn vị',
  reportReceipts: 'Báo cáo định kỳ',
  componentPlans: 'Kế hoạch thành phần',
};
export const recordKindLabel = (table: string) => RECORD_KIND_LABELS[table] ?? table;

// ---------------------------------------------------------------------------
// Contract.

export const Sha256 = z.string().regex(/^[0-9a-f]{64}$/, 'Mã băm SHA-256 không hợp lệ');
export const RecordTable = z.string().regex(/^[A-Za-z][A-Za-z0-9]{0,63}$/, 'Tên loại bản ghi không hợp lệ');
export const RecordPointer = z.object({ recordTable: RecordTable, recordId: RecordId });
export type RecordPointer = z.infer<typeof RecordPointer>;
/** A file received into the staging area, waiting to be attached in one transaction with the others of its batch. */
export const StagedId = z.string().regex(/^[A-Za-z0-9_-]{22}$/, 'Mã tệp tạm không hợp lệ');

/**
 * What an upload is for: evidence is checked against the allowed types and the
 * office's size limit; a bundle is checked later by its own verification (a
 * broken one must reach it, to be refused and logged) and may be far larger; a
 * sheet to import is checked by its import, which reads it from the disk in a
 * worker (as JSON it cost the request thread a 9 MB parse).
 */
export const UploadPurpose = z.enum(['evidence', 'bundle', 'sheet']);
export type UploadPurpose = z.infer<typeof UploadPurpose>;

/** What an upload is, in a sentence: "tải lên làm …", "giới hạn … cho một …". */
export const UPLOAD_PURPOSE_NOUNS: Record<UploadPurpose, string> = { evidence: 'minh chứng', bundle: 'gói dữ liệu', sheet: 'bảng tính để nhập' };

/** The largest sheet any import takes (lists, 20 MB); each import then holds a sheet to its own limit. */
export const SHEET_UPLOAD_MAX_BYTES = 20 * 1024 * 1024;

export const StagedFile = z.object({
  stagedId: StagedId,
  purpose: UploadPurpose,
  name: z.string(),
  size: z.number().int(),
  mime: z.string(),
  sha256: Sha256,
});
export type StagedFile = z.infer<typeof StagedFile>;

export const EvidenceDto = SyncRowDto.extend({
  recordTable: z.string(),
  recordId: z.string(),
  name: z.string(),
  mime: z.string(),
  size: z.number().int(),
  sha256: z.string(),
  addedBy: z.string(),
});
export type EvidenceDto = z.infer<typeof EvidenceDto>;

/** One row of "Kho minh chứng": the file, the record it belongs to, and whether it is in the trash. */
export const EvidenceListRow = EvidenceDto.extend({
  recordLabel: z.string(),
  deletedAt: z.string().nullable(),
  /** In the trash because its record was deleted (restoring the record brings it back), not detached alone. */
  recordDeleted: z.boolean(),
});
export type EvidenceListRow = z.infer<typeof EvidenceListRow>;

export const EvidenceSearchInput = z.object({
  text: z.string().max(200, 'Từ khóa quá dài').default(''),
  recordTable: RecordTable.optional(),
  recordId: RecordId.optional(),
  type: EvidenceType.optional(),
  from: z.string().regex(/^\d{4}-\d{2}-\d{2}$/).optional(),
  to: z.string().regex(/^\d{4}-\d{2}-\d{2}$/).optional(),
  trash: z.boolean().default(false),
  limit: z.number().int().min(1).max(1000).default(200),
});

export const EvidenceSearchResult = z.object({
  rows: z.array(EvidenceListRow),
  /** Matches in all, and their size, beyond the rows shown. */
  count: z.number().int(),
  totalBytes: z.number(),
  /** Bytes the store holds, each content once. */
  storedBytes: z.number(),
});
export type EvidenceSearchResult = z.infer<typeof EvidenceSearchResult>;

export const IntegrityProblem = z.object({
  sha256: z.string(),
  problem: z.enum(['missing', 'corrupt']),
  files: z.array(z.object({ id: z.string(), name: z.string(), recordTable: z.string(), recordId: z.string(), recordLabel: z.string(), inTrash: z.boolean() })),
});
export type IntegrityProblem = z.infer<typeof IntegrityProblem>;

export const IntegrityReport = z.object({
  checkedFiles: z.number().int(),
  checkedBytes: z.number(),
  problems: z.array(IntegrityProblem),
});
export type IntegrityReport = z.infer<typeof IntegrityReport>;

export const EvidenceSettings = z.object({ maxBytes: z.number().int().min(1024 * 1024, 'Giới hạn tối thiểu 1 MB').max(MAX_ALLOWED_MAX_BYTES, 'Giới hạn tối đa 4 GB') });
export type EvidenceSettings = z.infer<typeof EvidenceSettings>;

const Revised = z.object({ id: RecordId, rev: z.number().int().min(1) });

export const evidenceOps = {
  /** Files attached to one record, oldest first. */
  'evidence.list': query(RecordPointer, z.array(EvidenceDto)),
  /** "Kho minh chứng": by name typed without diacritics, by record, type and date, or the trash. */
  'evidence.search': query(EvidenceSearchInput, EvidenceSearchResult),
  /** The store's index as the page finds it (every match, not only the rows shown) to .xlsx. */
  'evidence.export': query(EvidenceSearchInput.omit({ limit: true }), XlsxFile),
  /** Attaches the staged files of one batch to a live record of any registered kind, all or none. */
  'evidence.attach': mutation(RecordPointer.extend({ files: z.array(z.object({ stagedId: StagedId, name: FileName })).min(1).max(500) }), z.array(EvidenceDto), 'officer'),
  /** Drops staged files of a cancelled batch; the database never saw them, so nothing in it changes. */
  'evidence.discardStaged': query(z.object({ stagedIds: z.array(StagedId).max(500) }), z.object({ discarded: z.number().int() }), 'officer'),
  'evidence.rename': mutation(Revised.extend({ name: FileName }), EvidenceDto, 'officer'),
  /** Moves the file to the trash; the content stays in the store. */
  'evidence.detach': mutation(Revised, z.object({ id: z.string() }), 'officer'),
  /** Brings a file back from the trash onto its record, which must be live. */
  'evidence.restore': mutation(z.object({ id: RecordId }), EvidenceDto, 'officer'),
  /** Empties trash entries for good; content no other row uses leaves the disk. Needs the officer's confirmation. */
  'evidence.purge': mutation(
    z.object({ ids: z.array(RecordId).min(1).max(1000), confirmed: z.literal(true, 'Cần xác nhận trước khi xóa hẳn') }),
    z.object({ purged: z.number().int(), freedBytes: z.number() }), 'officer',
  ),
  /** Re-hashes every stored file ("Kiểm tra toàn vẹn"). */
  'evidence.verify': query(z.object({}), IntegrityReport),
  'evidence.settings': query(z.object({}), EvidenceSettings),
  'evidence.saveSettings': mutation(EvidenceSettings, EvidenceSettings, 'admin'),
  /** Electron only: main shows the system file dialog itself and stages what the officer picks; no path crosses from the renderer. */
  'evidence.chooseFiles': query(z.object({}), z.array(StagedFile), 'officer'),
  /** Electron only: opens a copy of the file with the system application. */
  'evidence.openCopy': query(z.object({ id: RecordId }), z.object({ opened: z.boolean() })),
} as const;

/** Paths of the byte routes beside the JSON ops (HTTP host and Electron's app:// alike). */
export const EVIDENCE_UPLOAD_PATH = '/api/evidence.upload';
export const EVIDENCE_CONTENT_PATH = '/api/evidence.content';
