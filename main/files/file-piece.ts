import { closeSync, openSync, readSync, statSync } from 'node:fs';

/**
 * One piece of a finished file, base64 for the contract, with where the next
 * piece starts (null after the last): the renderer saves a large PDF or bundle
 * in pieces instead of one reply holding the whole file.
 */
export function readFilePiece(file: string, offset: number, pieceBytes: number): { base64: string; nextOffset: number | null; size: number } {
  const fd = openSync(file, 'r');
  try {
    const size = statSync(file).size;
    const length = Math.max(0, Math.min(pieceBytes, size - offset));
    const buffer = Buffer.alloc(length);
    let read = 0;
    while (read < length) read += readSync(fd, buffer, read, length - read, offset + read);
    const next = offset + length;
    return { base64: buffer.toString('base64'), nextOffset: next < size ? next : null, size };
  } finally {
    closeSync(fd);
  }
}
