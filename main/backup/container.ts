import { createCipheriv, createDecipheriv, createHmac, randomBytes, scryptSync, timingSafeEqual, type CipherGCM } from 'node:crypto';
import { createReadStream } from 'node:fs';
import type { FileHandle } from 'node:fs/promises';
import { PassThrough, type Readable } from 'node:stream';
import yauzl from 'yauzl';
import { z } from 'zod';
import { AppError } from '../../shared/errors.js';
import { BACKUP_FORMAT } from '../../shared/backup.js';

/**
 * The outer layer of a backup file: a magic line, a JSON header line, then a
 * zip — in clear, or encrypted with AES-256-GCM under a key derived from the
 * passphrase (scrypt), followed by GCM's 16-byte tag. The header is the GCM
 * additional data, so it cannot be altered unnoticed either.
 *
 * Reading an encrypted zip needs random access (its directory is at the end):
 * GCM encrypts block i with AES-CTR at counter 2 + i, so a range decrypts on
 * its own with plain CTR once the whole file has been authenticated.
 */

const MAGIC = Buffer.from('XHHTBAK1\n', 'latin1');
const MAX_HEADER_BYTES = 4096;
const TAG_BYTES = 16;
const SCRYPT = { N: 1 << 15, r: 8, p: 1 } as const;
const CHECK_LABEL = 'xhht-backup-passphrase-check';

const Header = z.object({
  format: z.literal(BACKUP_FORMAT),
  encryption: z
    .object({
      cipher: z.literal('aes-256-gcm'),
      kdf: z.literal('scrypt'),
      N: z.number().int().min(1024).max(1 << 20),
      r: z.number().int().min(1).max(32),
      p: z.number().int().min(1).max(16),
      salt: z.string().max(100),
      iv: z.string().max(100),
      check: z.string().max(100),
    })
    .nullable(),
});
type Header = z.infer<typeof Header>;

export class BadPassphrase extends AppError {
  constructor(missing: boolean) {
    super('VALIDATION', missing ? 'Bản sao lưu này được mã hóa: hãy nhập mật khẩu sao lưu.' : 'Mật khẩu sao lưu không đúng.');
  }
}

const corrupt = (why: string) => new AppError('VALIDATION', `Tệp sao lưu hỏng hoặc không phải tệp sao lưu XHHT: ${why}.`);

function deriveKey(passphrase: string, salt: Buffer, params: { N: number; r: number; p: number }): Buffer {
  return scryptSync(passphrase.normalize('NFC'), salt, 32, { ...params, maxmem: 256 * params.N * params.r + 1024 * 1024 });
}

const checkValue = (key: Buffer) => createHmac('sha256', key).update(CHECK_LABEL).digest().subarray(0, 16);

/** Writes a backup's outer layer around the zip bytes it is fed. */
export class ContainerWriter {
  private readonly cipher: CipherGCM | null;
  private written = 0;

  private constructor(private readonly file: FileHandle, header: Buffer, key: Buffer | null, iv: Buffer | null) {
    this.cipher = key && iv ? createCipheriv('aes-256-gcm', key, iv).setAAD(header) : null;
  }

  static async open(file: FileHandle, passphrase: string | null): Promise<ContainerWriter> {
    let header: Header = { format: BACKUP_FORMAT, encryption: null };
    let key: Buffer | null = null;
    let iv: Buffer | null = null;
    if (passphrase !== null) {
      const salt = randomBytes(16);
      iv = randomBytes(12);
      key = deriveKey(passphrase, salt, SCRYPT);
      header = {
        format: BACKUP_FORMAT,
        encryption: { cipher: 'aes-256-gcm', kdf: 'scrypt', ...SCRYPT, salt: salt.toString('base64'), iv: iv.toString('base64'), check: checkValue(key).toString('base64') },
      };
    }
    const headerLine = Buffer.from(`${JSON.stringify(header)}\n`, 'utf8');
    const writer = new ContainerWriter(file, headerLine, key, iv);
    await writer.raw(Buffer.concat([MAGIC, headerLine]));
    return writer;
  }

  get bytesWritten(): number {
    return this.written;
  }

  async write(chunk: Buffer): Promise<void> {
    await this.raw(this.cipher ? this.cipher.update(chunk) : chunk);
  }

  async finish(): Promise<void> {
    if (!this.cipher) return;
    await this.raw(this.cipher.final());
    await this.raw(this.cipher.getAuthTag());
  }

  private async raw(bytes: Buffer): Promise<void> {
    let offset = 0;
    while (offset < bytes.length) offset += (await this.file.write(bytes, offset)).bytesWritten;
    this.written += bytes.length;
  }
}

export interface OpenedContainer {
  encrypted: boolean;
  /** A fresh reading of the zip's directory each time: a backup is read twice, once to check, once to copy. */
  openZip(): Promise<yauzl.ZipFile>;
}

/**
 * Opens a backup for reading: checks the header and the passphrase, and for an
 * encrypted file authenticates every byte (one pass) before any of it is
 * trusted; `onAuthenticated` reports that pass's progress in bytes.
 */
export async function openContainer(
  path: string,
  file: FileHandle,
  passphrase: string | null,
  onAuthenticated: (bytes: number, total: number) => void,
): Promise<OpenedContainer> {
  const { size } = await file.stat();
  const head = Buffer.alloc(Math.min(size, MAGIC.length + MAX_HEADER_BYTES));
  await file.read(head, 0, head.length, 0);
  if (!head.subarray(0, MAGIC.length).equals(MAGIC)) throw corrupt('không có dòng nhận dạng XHHTBAK1');
  const newline = head.indexOf(0x0a, MAGIC.length);
  if (newline < 0) throw corrupt('phần đầu tệp không đúng');
  const headerLine = head.subarray(MAGIC.length, newline + 1);
  let header: Header;
  try {
    header = Header.parse(JSON.parse(headerLine.toString('utf8')));
  } catch {
    throw corrupt('phần đầu tệp không đọc được (có thể là định dạng của phiên bản XHHT khác)');
  }
  const bodyStart = newline + 1;
  const enc = header.encryption;
  if (enc === null) {
    return { encrypted: false, openZip: () => fromReader(new RangeReader(path, bodyStart, null, null), size - bodyStart) };
  }
  if (passphrase === null || passphrase === '') throw new BadPassphrase(true);
  const key = deriveKey(passphrase, Buffer.from(enc.salt, 'base64'), enc);
  const expected = Buffer.from(enc.check, 'base64');
  const check = checkValue(key);
  if (expected.length !== check.length || !timingSafeEqual(expected, check)) throw new BadPassphrase(false);
  const bodyEnd = size - TAG_BYTES;
  if (bodyEnd < bodyStart) throw corrupt('tệp bị cắt cụt');
  const iv = Buffer.from(enc.iv, 'base64');
  if (iv.length !== 12) throw corrupt('tham số mã hóa không đúng');
  await authenticate(path, file, key, iv, headerLine, bodyStart, bodyEnd, onAuthenticated);
  return { encrypted: true, openZip: () => fromReader(new RangeReader(path, bodyStart, key, iv), bodyEnd - bodyStart) };
}

async function authenticate(
  path: string,
  file: FileHandle,
  key: Buffer,
  iv: Buffer,
  aad: Buffer,
  start: number,
  end: number,
  progress: (bytes: number, total: number) => void,
): Promise<void> {
  const tag = Buffer.alloc(TAG_BYTES);
  await file.read(tag, 0, TAG_BYTES, end);
  const decipher = createDecipheriv('aes-256-gcm', key, iv).setAAD(aad).setAuthTag(tag);
  let seen = 0;
  if (end > start) {
    for await (const chunk of createReadStream(path, { start, end: end - 1, highWaterMark: 1 << 20 })) {
      decipher.update(chunk as Buffer);
      seen += (chunk as Buffer).length;
      progress(seen, end - start);
    }
  }
  try {
    decipher.final();
  } catch {
    throw corrupt('nội dung đã bị thay đổi hoặc hỏng (kiểm tra mã hóa không khớp)');
  }
}

function fromReader(reader: yauzl.RandomAccessReader, size: number): Promise<yauzl.ZipFile> {
  return new Promise((resolve, reject) => {
    yauzl.fromRandomAccessReader(reader, size, { lazyEntries: true, autoClose: false, strictFileNames: true }, (error, zip) => {
      if (error || !zip) reject(corrupt(`phần nén không đọc được (${error?.message ?? 'không rõ'})`));
      else resolve(zip);
    });
  });
}

/** The zip inside the file, in clear or decrypted block by block with AES-CTR. */
class RangeReader extends yauzl.RandomAccessReader {
  constructor(private readonly path: string, private readonly offset: number, private readonly key: Buffer | null, private readonly iv: Buffer | null) {
    super();
  }

  override _readStreamForRange(start: number, end: number): Readable {
    if (end <= start) {
      const empty = new PassThrough();
      empty.end();
      return empty;
    }
    if (!this.key || !this.iv) return createReadStream(this.path, { start: this.offset + start, end: this.offset + end - 1 });
    const firstBlock = Math.floor(start / 16);
    const counter = Buffer.alloc(16);
    this.iv.copy(counter, 0);
    counter.writeUInt32BE((2 + firstBlock) >>> 0, 12);
    const decipher = createDecipheriv('aes-256-ctr', this.key, counter);
    let skip = start - firstBlock * 16;
    const out = new PassThrough();
    const source = createReadStream(this.path, { start: this.offset + firstBlock * 16, end: this.offset + end - 1 });
    source.on('error', (error) => out.destroy(error));
    source.on('data', (chunk) => {
      let plain = decipher.update(chunk as Buffer);
      if (skip > 0) {
        const cut = Math.min(skip, plain.length);
        plain = plain.subarray(cut);
        skip -= cut;
      }
      if (plain.length > 0 && !out.write(plain)) {
        source.pause();
        out.once('drain', () => source.resume());
      }
    });
    source.on('end', () => out.end(decipher.final()));
    return out;
  }
}
