import type { FileHandle } from 'node:fs/promises';
import {
  findZipDirectory,
  oleDirectoryLocation,
  oleKindFromStreams,
  oleStreamNames,
  openDocumentKind,
  sniffHead,
  SNIFF_HEAD_BYTES,
  zipEntryNames,
  zipKindFromEntries,
  type EvidenceType,
} from '../../shared/evidence.js';

/** The end-of-directory record sits in the last 22 bytes plus a comment of at most 65,535. */
const ZIP_TAIL_BYTES = 22 + 0xffff;
/** A directory bigger than this is not an office document's; the file is then a plain zip. */
const MAX_ZIP_DIRECTORY_BYTES = 16 * 1024 * 1024;

async function readAt(file: FileHandle, offset: number, length: number): Promise<Uint8Array> {
  const buffer = Buffer.alloc(length);
  const { bytesRead } = await file.read(buffer, 0, length, offset);
  return buffer.subarray(0, bytesRead);
}

/**
 * The allowed type of a stored-to-be file, read from its content: the head
 * for most types, the zip central directory for .docx/.xlsx, the OLE
 * directory for .doc/.xls. Null when it is none of them.
 */
export async function sniffFile(file: FileHandle, size: number): Promise<EvidenceType | null> {
  const head = await readAt(file, 0, Math.min(size, SNIFF_HEAD_BYTES));
  const kind = sniffHead(head);
  if (kind === 'zip-container') {
    const openDocument = openDocumentKind(head);
    if (openDocument) return openDocument;
    const tailStart = Math.max(0, size - ZIP_TAIL_BYTES);
    const directory = findZipDirectory(await readAt(file, tailStart, size - tailStart), size);
    if (!directory) return null;
    if (directory.size > MAX_ZIP_DIRECTORY_BYTES) return 'zip';
    return zipKindFromEntries(zipEntryNames(await readAt(file, directory.offset, directory.size)));
  }
  if (kind === 'ole-container') {
    const location = oleDirectoryLocation(head);
    if (!location || location.offset + location.size > size) return null;
    return oleKindFromStreams(oleStreamNames(await readAt(file, location.offset, location.size)));
  }
  return kind;
}
