import { describe, expect, it } from 'vitest';
import { rawZip } from '../tests/bundles/raw-zip.js';
import {
  findZipDirectory,
  fileNameProblem,
  formatBytes,
  normalizeFileName,
  oleDirectoryLocation,
  oleKindFromStreams,
  oleStreamNames,
  openDocumentKind,
  sniffHead,
  zipEntryNames,
  zipKindFromEntries,
} from './evidence.js';

const bytes = (...parts: (string | number[])[]) => new Uint8Array(parts.flatMap((p) => (typeof p === 'string' ? [...Buffer.from(p, 'latin1')] : p)));

/** A zip with stored entries, laid out as any zip tool writes it: local headers, central directory, end record. */
const storedZip = (entries: { name: string; data: string }[]): Uint8Array =>
  new Uint8Array(rawZip(entries.map((e) => ({ name: e.name, data: Buffer.from(e.data, 'latin1'), method: 0 }))));

/** An OLE compound file header and one directory sector naming the streams. */
export function oleFile(streams: string[]): Uint8Array {
  const file = Buffer.alloc(512 * 3);
  Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]).copy(file, 0);
  file.writeUInt16LE(9, 0x1e);
  file.writeUInt32LE(1, 0x30);
  ['Root Entry', ...streams].forEach((name, i) => {
    const at = 1024 + i * 128;
    Buffer.from(name, 'utf16le').copy(file, at);
    file.writeUInt16LE((name.length + 1) * 2, at + 0x40);
  });
  return new Uint8Array(file);
}

function kindOfZip(zip: Uint8Array): string | null {
  const odf = openDocumentKind(zip);
  if (odf) return odf;
  const location = findZipDirectory(zip, zip.length);
  if (!location) return null;
  return zipKindFromEntries(zipEntryNames(zip.subarray(location.offset, location.offset + location.size)));
}

describe('recognising evidence by content', () => {
  it.each([
    ['PDF', bytes('%PDF-1.7\n%âãÏÓ\n'), 'pdf'],
    ['PDF after a scanner preamble', bytes('\r\n\r\n%PDF-1.4\n'), 'pdf'],
    ['PNG', bytes([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]), 'png'],
    ['JPEG', bytes([0xff, 0xd8, 0xff, 0xe0, 0, 16], 'JFIF'), 'jpg'],
    ['WebP', bytes('RIFF', [0, 1, 0, 0], 'WEBPVP8 '), 'webp'],
    ['HEIC from a phone', bytes([0, 0, 0, 24], 'ftypheic', [0, 0, 0, 0], 'mif1heic'), 'heic'],
    ['MP4', bytes([0, 0, 0, 32], 'ftypisom', [0, 0, 2, 0], 'isomiso2avc1mp41'), 'mp4'],
    ['zip', bytes([0x50, 0x4b, 0x03, 0x04, 20, 0]), 'zip-container'],
    ['OLE (doc, xls)', oleFile(['WordDocument']), 'ole-container'],
    ['a Windows program renamed .pdf', bytes('MZ', [0x90, 0, 3, 0]), null],
    ['HTML renamed .pdf', bytes('<!doctype html><script>'), null],
    ['plain text', bytes('Biên bản họp'), null],
    ['QuickTime, not MP4', bytes([0, 0, 0, 20], 'ftypqt  '), null],
    ['empty file', bytes(), null],
  ] as const)('%s', (_label, head, expected) => {
    expect(sniffHead(head)).toBe(expected);
  });

  it.each([
    ['Word .docx', storedZip([{ name: '[Content_Types].xml', data: '<Types/>' }, { name: '_rels/.rels', data: '' }, { name: 'word/document.xml', data: '<w:document/>' }]), 'docx'],
    ['Excel .xlsx', storedZip([{ name: '[Content_Types].xml', data: '<Types/>' }, { name: 'xl/workbook.xml', data: '<workbook/>' }]), 'xlsx'],
    ['OpenDocument text', storedZip([{ name: 'mimetype', data: 'application/vnd.oasis.opendocument.text' }, { name: 'content.xml', data: '' }]), 'odt'],
    ['OpenDocument spreadsheet', storedZip([{ name: 'mimetype', data: 'application/vnd.oasis.opendocument.spreadsheet' }, { name: 'content.xml', data: '' }]), 'ods'],
    ['OpenDocument presentation is a plain zip', storedZip([{ name: 'mimetype', data: 'application/vnd.oasis.opendocument.presentation' }]), 'zip'],
    ['a zip of scans with Vietnamese names', storedZip([{ name: 'Ảnh lớp học/ảnh 1.jpg', data: 'x' }]), 'zip'],
    ['a zip claiming Word parts without content types', storedZip([{ name: 'word/document.xml', data: '' }]), 'zip'],
  ] as const)('%s', (_label, zip, expected) => {
    expect(kindOfZip(zip)).toBe(expected);
  });

  it('lists zip entry names in UTF-8', () => {
    const zip = storedZip([{ name: 'Biên bản.pdf', data: '%PDF' }]);
    const location = findZipDirectory(zip, zip.length)!;
    expect(zipEntryNames(zip.subarray(location.offset, location.offset + location.size))).toEqual(['Biên bản.pdf']);
  });

  it('finds no directory in a truncated zip', () => {
    const zip = storedZip([{ name: 'a.txt', data: 'abc' }]);
    expect(findZipDirectory(zip.subarray(0, zip.length - 5), zip.length - 5)).toBeNull();
  });

  it.each([
    [['WordDocument', '1Table', 'SummaryInformation'], 'doc'],
    [['Workbook', 'SummaryInformation'], 'xls'],
    [['Book'], 'xls'],
    [['PowerPoint Document'], null],
  ] as const)('OLE streams %j are %s', (streams, expected) => {
    const file = oleFile([...streams]);
    const location = oleDirectoryLocation(file)!;
    expect(location).toEqual({ offset: 1024, size: 512 });
    expect(oleKindFromStreams(oleStreamNames(file.subarray(location.offset, location.offset + location.size)))).toBe(expected);
  });
});

describe('file names', () => {
  it.each([
    ['C:\\Users\\cb\\Desktop\\Biên bản họp.pdf', 'Biên bản họp.pdf'],
    ['/home/cb/Ảnh lớp.jpg', 'Ảnh lớp.jpg'],
    ['Bie\u0302\u0301n ba\u0309n.pdf', 'Biến bản.pdf'],
    ['  Kế hoạch.docx  ', 'Kế hoạch.docx'],
  ])('%j → %j (NFC, last segment)', (raw, expected) => {
    const name = normalizeFileName(raw);
    expect(name).toBe(expected);
    expect(name).toBe(name.normalize('NFC'));
  });

  it.each([
    ['', 'Tên tệp trống'],
    ['a\u0000b.pdf', 'Tên tệp chứa ký tự rỗng (NUL)'],
    ['a\u0007.pdf', 'Tên tệp "a\u0007.pdf" chứa ký tự điều khiển'],
    ['Biên bản.pdf', null],
  ])('%j: %s', (name, problem) => {
    expect(fileNameProblem(name)).toBe(problem);
  });

  it('refuses names over 255 characters', () => {
    expect(fileNameProblem(`${'ế'.repeat(256)}.pdf`)).toMatch(/dài quá 255 ký tự/);
  });

  it.each([
    [12, '12 byte'],
    [1536, '1,5 KB'],
    [200 * 1024 * 1024, '200 MB'],
    [2.5 * 1024 ** 3, '2,5 GB'],
  ])('formats %d bytes as %s', (n, text) => {
    expect(formatBytes(n)).toBe(text);
  });
});
