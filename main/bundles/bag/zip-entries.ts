import type { Readable } from 'node:stream';
import yauzl from 'yauzl';
import { formatBytes } from '../../../shared/evidence.js';
import { collisionKey, pathProblem, shownName } from './bagit-text.js';
import { refuse, type BagLimits } from './limits.js';

/**
 * The zip layer of a bag, read from its central directory and checked before
 * a byte of content is inflated: entry count, names (UTF-8, relative, no '..',
 * no backslash, NFC, no two alike even on a case-insensitive disk), only
 * regular files (no links, no directories), declared sizes, compression
 * ratio and total, and local headers that agree with the directory and do not
 * overlap (the "better zip bomb" reuses one compressed run for many entries).
 */

export interface BagEntry {
  name: string;
  size: number;
  compressedSize: number;
  raw: yauzl.Entry;
}

const S_IFMT = 0o170000;
const S_IFREG = 0o100000;
const FLAG_ENCRYPTED = 0x1;
const FLAG_DESCRIPTOR = 0x8;
const FLAG_UTF8 = 0x800;
const EXTRA_UNICODE_PATH = 0x7075;
/** Below this an entry's ratio is not judged: a small file of spaces may compress 1000 times and cost nothing. */
export const RATIO_FLOOR_BYTES = 1024 * 1024;

const utf8 = new TextDecoder('utf-8', { fatal: true });

export function openZip(path: string): Promise<yauzl.ZipFile> {
  return new Promise((resolve, reject) => {
    yauzl.open(path, { lazyEntries: true, autoClose: false, decodeStrings: false, validateEntrySizes: true }, (error, zip) => {
      if (error || !zip) reject(refuse(`không đọc được tệp zip: tệp bị cắt cụt, hỏng hoặc không phải gói .xhht (${zipErrorText(error)})`));
      else resolve(zip);
    });
  });
}

function zipErrorText(error: Error | null): string {
  const message = error?.message ?? '';
  if (/End of central directory record signature not found/i.test(message)) return 'không tìm thấy mục lục zip ở cuối tệp';
  if (/multi-disk/i.test(message)) return 'tệp zip nhiều phần';
  if (/unexpected EOF/i.test(message)) return 'tệp kết thúc sớm';
  return 'cấu trúc zip sai';
}

/** Reads and checks every central directory entry; throws on the first problem. */
export async function readEntries(zip: yauzl.ZipFile, limits: BagLimits): Promise<Map<string, BagEntry>> {
  if (zip.entryCount > limits.maxEntries) throw refuse(`có ${zip.entryCount.toLocaleString('vi-VN')} phần, tối đa ${limits.maxEntries.toLocaleString('vi-VN')}`);
  const entries = new Map<string, BagEntry>();
  const folded = new Map<string, string>();
  let total = 0;
  await eachEntry(zip, (raw) => {
    const entry = checkEntry(raw, limits);
    const clash = folded.get(collisionKey(entry.name));
    if (clash !== undefined) {
      throw refuse(clash === entry.name ? `phần "${shownName(entry.name)}" xuất hiện hai lần` : `phần "${shownName(entry.name)}" trùng tên với "${shownName(clash)}" (khác chữ hoa/thường hoặc dạng Unicode)`);
    }
    folded.set(collisionKey(entry.name), entry.name);
    total += entry.size;
    if (total > limits.maxTotalBytes) throw refuse(`đến phần "${shownName(entry.name)}" đã giải nén ra hơn ${formatBytes(limits.maxTotalBytes)} (giới hạn tổng dung lượng)`);
    entries.set(entry.name, entry);
  });
  await checkLocalHeaders(zip, [...entries.values()]);
  return entries;
}

function checkEntry(raw: yauzl.Entry, limits: BagLimits): BagEntry {
  let name: string;
  try {
    name = utf8.decode(raw.fileNameRaw);
  } catch {
    throw refuse(`có phần mang tên không phải UTF-8 hợp lệ ("${raw.fileNameRaw.toString('latin1').slice(0, 60)}")`);
  }
  const shown = shownName(name);
  const problem = pathProblem(name.endsWith('/') ? name.slice(0, -1) : name);
  if (problem) throw refuse(`tên phần "${shown}" không hợp lệ: ${problem}`);
  if (/[^\x00-\x7f]/.test(name) && !(raw.generalPurposeBitFlag & FLAG_UTF8)) throw refuse(`phần "${shown}" có tên không khai báo mã UTF-8`);
  if (raw.extraFields.some((f) => f.id === EXTRA_UNICODE_PATH)) throw refuse(`phần "${shown}" mang hai tên (trường Unicode Path)`);
  if (name.endsWith('/')) throw refuse(`phần "${shown}" là thư mục; gói chỉ chứa tệp`);
  const mode = raw.externalFileAttributes >>> 16;
  const madeOnUnix = raw.versionMadeBy >>> 8 === 3;
  if (madeOnUnix && (mode & S_IFMT) !== S_IFREG) {
    throw refuse((mode & S_IFMT) === 0o120000 ? `phần "${shown}" là liên kết (symlink); gói chỉ chứa tệp thường` : `phần "${shown}" không phải tệp thường`);
  }
  if (!madeOnUnix && raw.externalFileAttributes & 0x10) throw refuse(`phần "${shown}" là thư mục; gói chỉ chứa tệp`);
  if (raw.generalPurposeBitFlag & FLAG_ENCRYPTED) throw refuse(`phần "${shown}" được mã hóa`);
  if (raw.compressionMethod !== 0 && raw.compressionMethod !== 8) throw refuse(`phần "${shown}" dùng cách nén không hỗ trợ (${raw.compressionMethod})`);
  const size = raw.uncompressedSize;
  const compressedSize = raw.compressedSize;
  if (raw.compressionMethod === 0 && size !== compressedSize) throw refuse(`phần "${shown}" khai báo sai kích thước`);
  if (size > limits.maxEntryBytes) throw refuse(`phần "${shown}" giải nén ra ${formatBytes(size)}, tối đa ${formatBytes(limits.maxEntryBytes)} cho một phần`);
  if (name.startsWith('data/files/') && size > limits.maxEvidenceBytes) {
    throw refuse(`tệp minh chứng "${shown}" dài ${formatBytes(size)}, lớn hơn giới hạn ${formatBytes(limits.maxEvidenceBytes)} cho một minh chứng`);
  }
  if (isRecordFile(name) && size > limits.maxRecordFileBytes) throw refuse(`tệp dữ liệu "${shown}" dài ${formatBytes(size)}, tối đa ${formatBytes(limits.maxRecordFileBytes)}`);
  if (size > RATIO_FLOOR_BYTES && size > compressedSize * limits.maxRatio) {
    throw refuse(`phần "${shown}" nén ${Math.round(size / Math.max(1, compressedSize)).toLocaleString('vi-VN')} lần, quá mức cho phép (${limits.maxRatio} lần): nghi là bom zip`);
  }
  return { name, size, compressedSize, raw };
}

/** Files read as text by the importer: their size bounds the memory and time a parse can take. */
export function isRecordFile(name: string): boolean {
  return name === 'data/bundle.json' || name.startsWith('data/records/');
}

async function checkLocalHeaders(zip: yauzl.ZipFile, entries: BagEntry[]): Promise<void> {
  const spans: { name: string; start: number; end: number }[] = [];
  for (const entry of entries) {
    const shown = shownName(entry.name);
    let header: yauzl.LocalFileHeader;
    try {
      header = await zip.readLocalFileHeaderPromise(entry.raw);
    } catch {
      throw refuse(`phần "${shown}" vượt ra ngoài tệp (tệp bị cắt cụt hoặc hỏng)`);
    }
    const sameSizes = header.generalPurposeBitFlag & FLAG_DESCRIPTOR || (header.compressedSize === entry.compressedSize && header.uncompressedSize === entry.size) || header.compressedSize === 0xffffffff;
    if (!header.fileName.equals(entry.raw.fileNameRaw) || header.compressionMethod !== entry.raw.compressionMethod || (header.generalPurposeBitFlag & FLAG_ENCRYPTED) !== 0 || !sameSizes) {
      throw refuse(`phần "${shown}" khai báo khác với mục lục zip`);
    }
    spans.push({ name: entry.name, start: entry.raw.relativeOffsetOfLocalHeader, end: header.fileDataStart + entry.compressedSize });
  }
  spans.sort((a, b) => a.start - b.start);
  for (let i = 1; i < spans.length; i++) {
    if (spans[i]!.start < spans[i - 1]!.end) throw refuse(`phần "${shownName(spans[i]!.name)}" chồng lên phần "${shownName(spans[i - 1]!.name)}": nghi là bom zip`);
  }
}

function eachEntry(zip: yauzl.ZipFile, visit: (entry: yauzl.Entry) => void): Promise<void> {
  return new Promise((resolve, reject) => {
    const cleanup = () => {
      zip.removeAllListeners('entry');
      zip.removeAllListeners('end');
      zip.removeAllListeners('error');
    };
    zip.on('error', (error: Error) => {
      cleanup();
      reject(refuse(`mục lục zip bị hỏng (${zipErrorText(error)})`));
    });
    zip.on('entry', (entry: yauzl.Entry) => {
      try {
        visit(entry);
      } catch (error) {
        cleanup();
        reject(error);
        return;
      }
      zip.readEntry();
    });
    zip.on('end', () => {
      cleanup();
      resolve();
    });
    zip.readEntry();
  });
}

/** The entry's inflated bytes as a stream; yauzl stops it with an error if it inflates to more or less than declared. */
export function openEntry(zip: yauzl.ZipFile, entry: BagEntry): Promise<Readable> {
  return new Promise((resolve, reject) => {
    zip.openReadStream(entry.raw, (error, stream) => {
      if (error || !stream) reject(refuse(`không đọc được phần "${shownName(entry.name)}"`));
      else resolve(stream);
    });
  });
}
