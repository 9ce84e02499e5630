import type { FileHandle } from 'node:fs/promises';
import { crc32, createDeflateRaw } from 'node:zlib';

/**
 * A streaming zip writer for bags, straight to a file handle. yazl computes
 * CRC-32 in JavaScript (about 40 MB/s here), which halved the speed of a bag
 * of evidence; zlib's native crc32 does not. The entry's CRC (and, when
 * deflated, its compressed size) is written back into its local header once
 * the data is through, so no data descriptor is needed. ZIP64 fields are
 * added when a size, an offset or the entry count needs them.
 */

const U32 = 0xffffffff;

interface Written {
  name: Buffer;
  method: 0 | 8;
  crc: number;
  size: number;
  compressedSize: number;
  offset: number;
  dosTime: number;
  dosDate: number;
}

export class ZipWriter {
  private offset = 0;
  private readonly entries: Written[] = [];

  constructor(private readonly file: FileHandle, private readonly mtime: Date) {}

  get bytesWritten(): number {
    return this.offset;
  }

  /**
   * Adds one entry from `chunks` (`size` known up front: a file's stat or a
   * buffer's length); `onChunk` sees each uncompressed piece (hashing,
   * progress, cancel). Refuses a source that yields another length.
   */
  async add(path: string, chunks: AsyncIterable<Buffer>, size: number, deflate: boolean, onChunk: (chunk: Buffer) => void): Promise<void> {
    const name = Buffer.from(path, 'utf8');
    const method: 0 | 8 = deflate ? 8 : 0;
    const zip64 = size >= U32;
    const [dosTime, dosDate] = dosDateTime(this.mtime);
    const header = Buffer.alloc(30);
    header.writeUInt32LE(0x04034b50, 0);
    header.writeUInt16LE(zip64 ? 45 : 20, 4);
    header.writeUInt16LE(0x800, 6);
    header.writeUInt16LE(method, 8);
    header.writeUInt16LE(dosTime, 10);
    header.writeUInt16LE(dosDate, 12);
    header.writeUInt32LE(zip64 ? U32 : deflate ? 0 : size, 18);
    header.writeUInt32LE(zip64 ? U32 : size, 22);
    header.writeUInt16LE(name.length, 26);
    const extra = zip64 ? zip64Extra([size, size]) : Buffer.alloc(0);
    header.writeUInt16LE(extra.length, 28);
    const offset = this.offset;
    await this.write(Buffer.concat([header, name, extra]));

    let crc = 0;
    let seen = 0;
    const counted = (async function* () {
      for await (const chunk of chunks) {
        crc = crc32(chunk, crc);
        seen += chunk.length;
        onChunk(chunk);
        yield chunk;
      }
    })();
    const dataStart = this.offset;
    for await (const piece of deflate ? deflated(counted) : counted) await this.write(piece);
    if (seen !== size) throw new Error(`zip entry ${path}: ${seen} bytes read, ${size} expected`);
    const compressedSize = this.offset - dataStart;
    if (deflate && compressedSize >= U32) throw new Error(`zip entry ${path}: deflated entries over 4 GB are not written`);

    const patch = Buffer.alloc(4);
    patch.writeUInt32LE(crc >>> 0, 0);
    await this.file.write(patch, 0, 4, offset + 14);
    if (deflate) {
      patch.writeUInt32LE(compressedSize, 0);
      await this.file.write(patch, 0, 4, offset + 18);
    }
    this.entries.push({ name, method, crc: crc >>> 0, size, compressedSize, offset, dosTime, dosDate });
  }

  /** Writes the central directory and its end records. */
  async finish(): Promise<void> {
    const start = this.offset;
    for (const e of this.entries) {
      const big = [e.size >= U32 ? e.size : null, e.compressedSize >= U32 ? e.compressedSize : null, e.offset >= U32 ? e.offset : null].filter((v): v is number => v !== null);
      const extra = big.length ? zip64Extra(big) : Buffer.alloc(0);
      const central = Buffer.alloc(46);
      central.writeUInt32LE(0x02014b50, 0);
      central.writeUInt16LE((3 << 8) | (big.length ? 45 : 20), 4);
      central.writeUInt16LE(big.length ? 45 : 20, 6);
      central.writeUInt16LE(0x800, 8);
      central.writeUInt16LE(e.method, 10);
      central.writeUInt16LE(e.dosTime, 12);
      central.writeUInt16LE(e.dosDate, 14);
      central.writeUInt32LE(e.crc, 16);
      central.writeUInt32LE(Math.min(e.compressedSize, U32), 20);
      central.writeUInt32LE(Math.min(e.size, U32), 24);
      central.writeUInt16LE(e.name.length, 28);
      central.writeUInt16LE(extra.length, 30);
      central.writeUInt32LE((0o100644 << 16) >>> 0, 38);
      central.writeUInt32LE(Math.min(e.offset, U32), 42);
      await this.write(Buffer.concat([central, e.name, extra]));
    }
    const size = this.offset - start;
    const count = this.entries.length;
    if (count >= 0xffff || start >= U32 || size >= U32) {
      const record = Buffer.alloc(56);
      record.writeUInt32LE(0x06064b50, 0);
      record.writeBigUInt64LE(44n, 4);
      record.writeUInt16LE(45, 12);
      record.writeUInt16LE(45, 14);
      record.writeBigUInt64LE(BigInt(count), 24);
      record.writeBigUInt64LE(BigInt(count), 32);
      record.writeBigUInt64LE(BigInt(size), 40);
      record.writeBigUInt64LE(BigInt(start), 48);
      const locator = Buffer.alloc(20);
      locator.writeUInt32LE(0x07064b50, 0);
      locator.writeBigUInt64LE(BigInt(this.offset), 8);
      locator.writeUInt32LE(1, 16);
      await this.write(Buffer.concat([record, locator]));
    }
    const end = Buffer.alloc(22);
    end.writeUInt32LE(0x06054b50, 0);
    end.writeUInt16LE(Math.min(count, 0xffff), 8);
    end.writeUInt16LE(Math.min(count, 0xffff), 10);
    end.writeUInt32LE(Math.min(size, U32), 12);
    end.writeUInt32LE(Math.min(start, U32), 16);
    await this.write(end);
  }

  private async write(bytes: Buffer): Promise<void> {
    let done = 0;
    while (done < bytes.length) done += (await this.file.write(bytes, done, bytes.length - done, this.offset + done)).bytesWritten;
    this.offset += bytes.length;
  }
}

function zip64Extra(values: number[]): Buffer {
  const extra = Buffer.alloc(4 + 8 * values.length);
  extra.writeUInt16LE(0x0001, 0);
  extra.writeUInt16LE(8 * values.length, 2);
  values.forEach((v, i) => extra.writeBigUInt64LE(BigInt(v), 4 + 8 * i));
  return extra;
}

async function* deflated(source: AsyncIterable<Buffer>): AsyncGenerator<Buffer> {
  const deflate = createDeflateRaw({ level: 6 });
  const feeding = (async () => {
    try {
      for await (const chunk of source) if (!deflate.write(chunk)) await new Promise((resolve) => deflate.once('drain', resolve));
      deflate.end();
    } catch (error) {
      deflate.destroy(error as Error);
    }
  })();
  for await (const piece of deflate) yield piece as Buffer;
  await feeding;
}

/** MS-DOS date and time fields, in UTC so a bag is the same bytes wherever it is made. */
function dosDateTime(date: Date): [number, number] {
  const year = Math.max(1980, date.getUTCFullYear());
  const time = (date.getUTCHours() << 11) | (date.getUTCMinutes() << 5) | Math.floor(date.getUTCSeconds() / 2);
  const day = ((year - 1980) << 9) | ((date.getUTCMonth() + 1) << 5) | date.getUTCDate();
  return [time, day];
}
