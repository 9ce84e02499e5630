import { closeSync, openSync, writeSync } from 'node:fs';
import { AppError } from '../../shared/errors.js';

/**
 * Joins PDFs printed by Chromium (Skia: classic cross-reference table, no
 * object streams) into one file, one part at a time, written as it goes. A
 * batch of 10,000 certificates is printed in parts of a few hundred pages, so
 * neither Chromium nor this process ever holds the whole document: what stays
 * is one byte offset per object and one reference per part.
 *
 * Each part's objects are copied with new numbers; only the dictionaries are
 * rewritten (references renumbered), stream bytes are copied untouched. Each
 * part's page tree becomes one branch under a new root, so pages keep whatever
 * they inherit from their own tree.
 */

const CATALOG = 1;
const PAGE_ROOT = 2;
const INFO = 3;

interface PartObject {
  num: number;
  start: number;
  end: number;
}

interface ParsedPart {
  objects: PartObject[];
  catalog: number;
  info: number | null;
  pageRoot: number;
  pageCount: number;
}

const fail = (why: string) => new AppError('INTERNAL', `Không ghép được tệp PDF do Chromium in ra: ${why}.`);

const isWhite = (b: number) => b === 0x20 || b === 0x0a || b === 0x0d || b === 0x09 || b === 0x0c || b === 0x00;
const isDelimiter = (b: number) =>
  b === 0x28 || b === 0x29 || b === 0x3c || b === 0x3e || b === 0x5b || b === 0x5d || b === 0x7b || b === 0x7d || b === 0x2f || b === 0x25;

interface Token {
  start: number;
  end: number;
  text: string;
}

/** The next token of PDF syntax at or after `i`, or null at `limit`. Strings, names and dictionary brackets are single tokens. */
function nextToken(buf: Buffer, i: number, limit: number): Token | null {
  while (i < limit) {
    const b = buf[i]!;
    if (isWhite(b)) i++;
    else if (b === 0x25) while (i < limit && buf[i] !== 0x0a && buf[i] !== 0x0d) i++;
    else break;
  }
  if (i >= limit) return null;
  const start = i;
  const b = buf[i]!;
  if (b === 0x28) {
    let depth = 0;
    for (; i < limit; i++) {
      const c = buf[i]!;
      if (c === 0x5c) i++;
      else if (c === 0x28) depth++;
      else if (c === 0x29 && --depth === 0) break;
    }
    return { start, end: i + 1, text: '(' };
  }
  if (b === 0x3c && buf[i + 1] === 0x3c) return { start, end: i + 2, text: '<<' };
  if (b === 0x3e && buf[i + 1] === 0x3e) return { start, end: i + 2, text: '>>' };
  if (b === 0x3c) {
    while (i < limit && buf[i] !== 0x3e) i++;
    return { start, end: i + 1, text: '<' };
  }
  if (b === 0x5b || b === 0x5d || b === 0x7b || b === 0x7d) return { start, end: i + 1, text: String.fromCharCode(b) };
  i++;
  while (i < limit && !isWhite(buf[i]!) && !isDelimiter(buf[i]!)) i++;
  return { start, end: i, text: buf.toString('latin1', start, i) };
}

const isInteger = (text: string) => /^\d+$/.test(text);

/**
 * The object's bytes after its "N G obj" header with every reference renumbered
 * through `renumber`, up to the stream keyword (the stream itself is copied as is).
 * `insertAfterDictStart` is written right after the first "<<" (a /Parent for a part's page root).
 */
function rewriteObject(buf: Buffer, object: PartObject, renumber: (n: number) => number, insertAfterDictStart: string | null): Buffer[] {
  let header = nextToken(buf, object.start, object.end);
  for (let k = 0; k < 2 && header; k++) header = nextToken(buf, header.end, object.end);
  if (!header || header.text !== 'obj') throw fail(`đối tượng ${object.num} không có phần đầu "obj"`);
  const pieces: Buffer[] = [];
  let copied = header.end;
  // The last two tokens, when they are integers: "12 0 R" becomes the new number.
  let previous: Token | null = null;
  let beforePrevious: Token | null = null;
  let inserted = insertAfterDictStart === null;
  for (let token = nextToken(buf, header.end, object.end); token; token = nextToken(buf, token.end, object.end)) {
    if (token.text === 'stream' || token.text === 'endobj') break;
    if (token.text === 'R' && previous && beforePrevious && isInteger(previous.text) && isInteger(beforePrevious.text)) {
      pieces.push(buf.subarray(copied, beforePrevious.start), Buffer.from(`${renumber(Number(beforePrevious.text))} 0 R`, 'latin1'));
      copied = token.end;
      previous = beforePrevious = null;
      continue;
    }
    if (!inserted && token.text === '<<') {
      pieces.push(buf.subarray(copied, token.end), Buffer.from(insertAfterDictStart!, 'latin1'));
      copied = token.end;
      inserted = true;
    }
    beforePrevious = previous;
    previous = token;
  }
  pieces.push(buf.subarray(copied, object.end));
  return pieces;
}

function parsePart(buf: Buffer): ParsedPart {
  const tail = buf.toString('latin1', Math.max(0, buf.length - 64));
  const startxref = /startxref\s+(\d+)\s+%%EOF\s*$/.exec(tail);
  if (!startxref) throw fail('không thấy "startxref"');
  const xrefAt = Number(startxref[1]);
  const rest = buf.toString('latin1', xrefAt);
  if (!rest.startsWith('xref')) throw fail('bảng tham chiếu không ở dạng "xref" cổ điển');
  const trailerAt = rest.indexOf('trailer');
  if (trailerAt < 0) throw fail('không thấy "trailer"');
  const words = rest.slice(4, trailerAt).trim().split(/\s+/);
  const objects: PartObject[] = [];
  for (let w = 0; w < words.length; ) {
    const first = Number(words[w]);
    const count = Number(words[w + 1]);
    w += 2;
    for (let k = 0; k < count; k++, w += 3) {
      if (words[w + 2] === 'n') objects.push({ num: first + k, start: Number(words[w]), end: 0 });
    }
  }
  objects.sort((a, b) => a.start - b.start);
  objects.forEach((o, k) => (o.end = k + 1 < objects.length ? objects[k + 1]!.start : xrefAt));
  const trailer = rest.slice(trailerAt);
  const root = /\/Root\s+(\d+)\s+\d+\s+R/.exec(trailer);
  if (!root) throw fail('trailer không có /Root');
  const info = /\/Info\s+(\d+)\s+\d+\s+R/.exec(trailer);
  const catalog = Number(root[1]);
  const byNum = new Map(objects.map((o) => [o.num, o]));
  const catalogObject = byNum.get(catalog);
  if (!catalogObject) throw fail('không thấy đối tượng Catalog');
  const pages = /\/Pages\s+(\d+)\s+\d+\s+R/.exec(buf.toString('latin1', catalogObject.start, catalogObject.end));
  if (!pages) throw fail('Catalog không có /Pages');
  const pageRoot = Number(pages[1]);
  const pageRootObject = byNum.get(pageRoot);
  if (!pageRootObject) throw fail('không thấy gốc cây trang');
  const count = /\/Count\s+(\d+)/.exec(buf.toString('latin1', pageRootObject.start, pageRootObject.end));
  if (!count) throw fail('gốc cây trang không có /Count');
  return { objects, catalog, info: info ? Number(info[1]) : null, pageRoot, pageCount: Number(count[1]) };
}

/** A PDF text string: UTF-16BE with its byte-order mark, as hex, so Vietnamese titles survive. */
function pdfText(text: string): string {
  const bytes = Buffer.from(`\ufeff${text}`, 'utf16le').swap16();
  return `<${bytes.toString('hex').toUpperCase()}>`;
}

function pdfDate(at: Date): string {
  const iso = at.toISOString();
  return `D:${iso.slice(0, 4)}${iso.slice(5, 7)}${iso.slice(8, 10)}${iso.slice(11, 13)}${iso.slice(14, 16)}${iso.slice(17, 19)}Z`;
}

export class PdfJoiner {
  private readonly fd: number;
  private position = 0;
  /** offsets[n] = byte offset of object n; 0 for the three written at the end. */
  private readonly offsets: number[] = [0, 0, 0, 0];
  private readonly branches: number[] = [];
  private pages = 0;
  private closed = false;

  constructor(path: string) {
    this.fd = openSync(path, 'w', 0o600);
    this.write(Buffer.from('%PDF-1.4\n%\xd3\xeb\xe9\xe1\n', 'latin1'));
  }

  get pageCount(): number {
    return this.pages;
  }

  private write(bytes: Buffer): void {
    let done = 0;
    while (done < bytes.length) done += writeSync(this.fd, bytes, done, bytes.length - done, this.position + done);
    this.position += bytes.length;
  }

  /** Copies every page of `part` (a whole PDF from Chromium) to the end of the document. */
  append(part: Buffer): void {
    const parsed = parsePart(part);
    const renumbered = new Map<number, number>();
    for (const o of parsed.objects) {
      if (o.num === parsed.catalog || o.num === parsed.info) continue;
      renumbered.set(o.num, this.offsets.length + renumbered.size);
    }
    const renumber = (n: number) => {
      const to = renumbered.get(n);
      if (to === undefined) throw fail(`tham chiếu tới đối tượng ${n} không có trong tệp`);
      return to;
    };
    for (const o of parsed.objects) {
      const num = renumbered.get(o.num);
      if (num === undefined) continue;
      this.offsets[num] = this.position;
      this.write(Buffer.from(`${num} 0 obj`, 'latin1'));
      for (const piece of rewriteObject(part, o, renumber, o.num === parsed.pageRoot ? `/Parent ${PAGE_ROOT} 0 R\n` : null)) this.write(piece);
    }
    this.branches.push(renumber(parsed.pageRoot));
    this.pages += parsed.pageCount;
  }

  /** Writes the root page tree, the catalog, the document information and the cross-reference table, and closes the file. */
  finish(title: string, at: Date): void {
    const object = (num: number, body: string) => {
      this.offsets[num] = this.position;
      this.write(Buffer.from(`${num} 0 obj\n${body}\nendobj\n`, 'latin1'));
    };
    object(PAGE_ROOT, `<</Type /Pages\n/Count ${this.pages}\n/Kids [${this.branches.map((n) => `${n} 0 R`).join(' ')}]>>`);
    object(CATALOG, `<</Type /Catalog\n/Pages ${PAGE_ROOT} 0 R>>`);
    object(INFO, `<</Title ${pdfText(title)}\n/Producer (XHHT)\n/CreationDate (${pdfDate(at)})>>`);
    const xrefAt = this.position;
    const lines = [`xref\n0 ${this.offsets.length}\n0000000000 65535 f \n`];
    for (let n = 1; n < this.offsets.length; n++) lines.push(`${String(this.offsets[n]).padStart(10, '0')} 00000 n \n`);
    this.write(Buffer.from(lines.join(''), 'latin1'));
    this.write(Buffer.from(`trailer\n<</Size ${this.offsets.length}\n/Root ${CATALOG} 0 R\n/Info ${INFO} 0 R>>\nstartxref\n${xrefAt}\n%%EOF\n`, 'latin1'));
    this.close();
  }

  /** Closes the file without finishing it (a cancelled print); the caller removes it. */
  close(): void {
    if (this.closed) return;
    this.closed = true;
    closeSync(this.fd);
  }
}
