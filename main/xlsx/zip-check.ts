import { createInflateRaw } from 'node:zlib';
import { AppError } from '../../shared/errors.js';
import { NEVER_CANCELLED, type CancelToken } from '../jobs/index.js';

/**
 * Checks a zip (an .xlsx is one) from its central directory before anything
 * is unpacked, so a 1 MB file that would expand to gigabytes is refused having
 * cost nothing: entry count, declared sizes, compression ratio and total. The
 * local headers must agree with the central directory and tile the file with
 * no gap or overlap, so a streaming reader that walks the local headers sees
 * exactly the entries checked here; and every entry is then inflated once,
 * counting bytes and keeping none, so an entry that lies about its size is
 * stopped at its declared size.
 */

export interface ZipLimits {
  maxEntries: number;
  /** Declared uncompressed size of one entry. */
  maxEntryBytes: number;
  /** Declared uncompressed size of all entries together. */
  maxTotalBytes: number;
  /** Largest uncompressed/compressed ratio of an entry bigger than ratioFloorBytes. */
  maxRatio: number;
  ratioFloorBytes: number;
}

export const XLSX_ZIP_LIMITS: ZipLimits = {
  maxEntries: 1000,
  maxEntryBytes: 256 * 1024 * 1024,
  maxTotalBytes: 384 * 1024 * 1024,
  maxRatio: 200,
  ratioFloorBytes: 1024 * 1024,
};

export interface ZipEntry {
  name: string;
  method: 0 | 8;
  /** Offset of the entry's compressed data in the file. */
  dataOffset: number;
  compressedSize: number;
  size: number;
}

const EOCD_SIGNATURE = 0x06054b50;
const CENTRAL_SIGNATURE = 0x02014b50;
const LOCAL_SIGNATURE = 0x04034b50;
const DESCRIPTOR_SIGNATURE = 0x08074b50;
const FLAG_ENCRYPTED = 0x1;
const FLAG_DESCRIPTOR = 0x8;

export const refuse = (detail: string) => new AppError('IMPORT_INVALID', `Tệp không phải bảng tính .xlsx hợp lệ: ${detail}.`);
const mib = (bytes: number) => `${Math.round(bytes / (1024 * 1024))} MB`;

/** Reads and checks the directory; throws IMPORT_INVALID naming the first problem. */
export function readZipDirectory(zip: Buffer, limits: ZipLimits = XLSX_ZIP_LIMITS): ZipEntry[] {
  const eocd = findEndOfDirectory(zip);
  const entryCount = zip.readUInt16LE(eocd + 10);
  const directorySize = zip.readUInt32LE(eocd + 12);
  const directoryOffset = zip.readUInt32LE(eocd + 16);
  if (zip.readUInt16LE(eocd + 4) !== 0 || zip.readUInt16LE(eocd + 6) !== 0 || zip.readUInt16LE(eocd + 8) !== entryCount) throw refuse('tệp zip nhiều phần');
  if (entryCount === 0xffff || directorySize === 0xffffffff || directoryOffset === 0xffffffff) throw refuse('định dạng ZIP64 không được hỗ trợ');
  if (entryCount > limits.maxEntries) throw refuse(`có ${entryCount} phần, tối đa ${limits.maxEntries}`);
  if (directoryOffset + directorySize !== eocd) throw refuse('mục lục zip không khớp với tệp');

  const entries: (ZipEntry & { headerOffset: number; flags: number })[] = [];
  const names = new Set<string>();
  let total = 0;
  let at = directoryOffset;
  for (let i = 0; i < entryCount; i++) {
    if (at + 46 > eocd || zip.readUInt32LE(at) !== CENTRAL_SIGNATURE) throw refuse('mục lục zip bị hỏng');
    const flags = zip.readUInt16LE(at + 8);
    const method = zip.readUInt16LE(at + 10);
    const compressedSize = zip.readUInt32LE(at + 20);
    const size = zip.readUInt32LE(at + 24);
    const nameLength = zip.readUInt16LE(at + 28);
    const extraLength = zip.readUInt16LE(at + 30);
    const commentLength = zip.readUInt16LE(at + 32);
    const headerOffset = zip.readUInt32LE(at + 42);
    if (at + 46 + nameLength > eocd) throw refuse('mục lục zip bị hỏng');
    const name = zip.toString('utf8', at + 46, at + 46 + nameLength);
    at += 46 + nameLength + extraLength + commentLength;

    if (flags & FLAG_ENCRYPTED) throw refuse(`phần "${name}" được mã hóa`);
    if (method !== 0 && method !== 8) throw refuse(`phần "${name}" dùng cách nén không hỗ trợ`);
    if (!isSafeName(name)) throw refuse(`tên phần không hợp lệ "${name.slice(0, 60)}"`);
    if (names.has(name)) throw refuse(`phần "${name}" xuất hiện hai lần`);
    names.add(name);
    if (compressedSize === 0xffffffff || size === 0xffffffff) throw refuse('định dạng ZIP64 không được hỗ trợ');
    if (size > limits.maxEntryBytes) throw refuse(`phần "${name}" giải nén ra ${mib(size)}, tối đa ${mib(limits.maxEntryBytes)}`);
    if (method === 0 && size !== compressedSize) throw refuse(`phần "${name}" khai báo sai kích thước`);
    if (size > limits.ratioFloorBytes && size > compressedSize * limits.maxRatio) {
      throw refuse(`phần "${name}" nén ${Math.round(size / Math.max(1, compressedSize))} lần, quá mức cho phép (${limits.maxRatio} lần)`);
    }
    total += size;
    if (total > limits.maxTotalBytes) throw refuse(`đến phần "${name}" đã giải nén ra hơn ${mib(limits.maxTotalBytes)}`);
    entries.push({ name, method, compressedSize, size, flags, headerOffset, dataOffset: 0 });
  }
  if (at !== eocd) throw refuse('mục lục zip bị hỏng');

  // The local entries, in file order, must follow each other exactly up to the directory.
  entries.sort((a, b) => a.headerOffset - b.headerOffset);
  let expected = 0;
  for (const entry of entries) {
    if (entry.headerOffset !== expected) throw refuse(`phần "${entry.name}" chồng lấn hoặc có dữ liệu ẩn trước nó`);
    const end = checkLocalHeader(zip, entry, directoryOffset);
    expected = end;
  }
  if (expected !== directoryOffset) throw refuse('có dữ liệu ẩn trước mục lục zip');
  return entries.map(({ name, method, dataOffset, compressedSize, size }) => ({ name, method, dataOffset, compressedSize, size }));
}

function findEndOfDirectory(zip: Buffer): number {
  const earliest = Math.max(0, zip.length - 22 - 0xffff);
  for (let at = zip.length - 22; at >= earliest; at--) {
    if (zip.readUInt32LE(at) === EOCD_SIGNATURE && at + 22 + zip.readUInt16LE(at + 20) === zip.length) return at;
  }
  throw refuse('không tìm thấy mục lục zip');
}

/** Checks the local header against the directory; returns the offset just after the entry. */
function checkLocalHeader(zip: Buffer, entry: ZipEntry & { headerOffset: number; flags: number }, limit: number): number {
  const at = entry.headerOffset;
  if (at + 30 > limit || zip.readUInt32LE(at) !== LOCAL_SIGNATURE) throw refuse(`phần "${entry.name}" bị hỏng`);
  const flags = zip.readUInt16LE(at + 6);
  const nameLength = zip.readUInt16LE(at + 26);
  const extraLength = zip.readUInt16LE(at + 28);
  const sameName = zip.toString('utf8', at + 30, at + 30 + nameLength) === entry.name;
  const sameSizes = flags & FLAG_DESCRIPTOR || (zip.readUInt32LE(at + 18) === entry.compressedSize && zip.readUInt32LE(at + 22) === entry.size);
  if (!sameName || zip.readUInt16LE(at + 8) !== entry.method || (flags & FLAG_DESCRIPTOR) !== (entry.flags & FLAG_DESCRIPTOR) || !sameSizes) {
    throw refuse(`phần "${entry.name}" khai báo khác với mục lục zip`);
  }
  entry.dataOffset = at + 30 + nameLength + extraLength;
  let end = entry.dataOffset + entry.compressedSize;
  if (flags & FLAG_DESCRIPTOR) {
    const signed = end + 4 <= limit && zip.readUInt32LE(end) === DESCRIPTOR_SIGNATURE;
    const crcAt = signed ? end + 4 : end;
    if (crcAt + 12 > limit || zip.readUInt32LE(crcAt + 4) !== entry.compressedSize || zip.readUInt32LE(crcAt + 8) !== entry.size) {
      throw refuse(`phần "${entry.name}" khai báo khác với mục lục zip`);
    }
    end = crcAt + 12;
  }
  if (end > limit) throw refuse(`phần "${entry.name}" vượt ra ngoài tệp`);
  return end;
}

function isSafeName(name: string): boolean {
  return name.length > 0 && !name.startsWith('/') && !name.includes('\\') && !name.includes('\u0000') && !name.split('/').includes('..');
}

/**
 * Inflates every entry once, counting bytes and keeping only the first
 * `keepBytes` of the entries asked for, and refuses an entry that inflates to
 * more (or less) than it declared. Memory stays at one zlib window per entry.
 */
export async function verifyZipEntries(zip: Buffer, entries: readonly ZipEntry[], keep: Record<string, number> = {}, cancel: CancelToken = NEVER_CANCELLED): Promise<Map<string, Buffer>> {
  const kept = new Map<string, Buffer>();
  for (const entry of entries) {
    cancel.throwIfCancelled();
    const data = zip.subarray(entry.dataOffset, entry.dataOffset + entry.compressedSize);
    const keepBytes = keep[entry.name] ?? 0;
    if (entry.method === 0) {
      if (keepBytes > 0) kept.set(entry.name, Buffer.from(data.subarray(0, keepBytes)));
      continue;
    }
    const head = await inflateCounting(data, entry, keepBytes);
    if (keepBytes > 0) kept.set(entry.name, head);
  }
  return kept;
}

function inflateCounting(data: Buffer, entry: ZipEntry, keepBytes: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const inflate = createInflateRaw();
    const head: Buffer[] = [];
    let kept = 0;
    let produced = 0;
    inflate.on('data', (chunk: Buffer) => {
      produced += chunk.length;
      if (produced > entry.size) {
        inflate.destroy();
        reject(refuse(`phần "${entry.name}" giải nén ra nhiều hơn kích thước đã khai`));
        return;
      }
      if (kept < keepBytes) {
        const part = chunk.subarray(0, keepBytes - kept);
        head.push(Buffer.from(part));
        kept += part.length;
      }
    });
    inflate.on('error', () => reject(refuse(`phần "${entry.name}" không giải nén được`)));
    inflate.on('end', () => {
      if (produced !== entry.size) reject(refuse(`phần "${entry.name}" giải nén ra ít hơn kích thước đã khai`));
      else resolve(Buffer.concat(head));
    });
    inflate.end(data);
  });
}
