import { createInflateRaw } from 'node:zlib';
import type { CancelToken } from '../jobs/index.js';
import { refuse as refuseZip, type ZipEntry } from './zip-check.js';

/**
 * A lean streaming reader of a sheet's XML and its shared strings, for imports
 * that need values, not styles. exceljs's streaming reader builds an event
 * object per tag, a Row and Cell object per cell and a style lookup per cell;
 * a 100,000-row sheet cost it about 3 s of CPU, the better part of an import.
 * Here the inflated text is cut at element boundaries with indexOf and each
 * complete <row> (or <si>) is read on its own. Memory stays bounded: one
 * inflate window, one chunk, and at most MAX_ELEMENT_CHARS of one unfinished
 * element; an entry that inflates to more than it declared is stopped there.
 */

export type RawCell = string | number | boolean | null;

/** A row larger than this (as XML text) is refused: 64 columns of Excel's longest cells, escaped, fit well within it. */
export const MAX_ELEMENT_CHARS = 32 * 1024 * 1024;

export class SheetXmlError extends Error {}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

/** XML text to the characters it stands for: the five named entities and numeric references (a NUL or half pair stays, for the field checks to refuse). */
export function decodeXmlText(text: string): string {
  if (!text.includes('&')) return text;
  return text.replace(/&(?:#[xX]([0-9a-fA-F]{1,6})|#(\d{1,7})|(amp|lt|gt|quot|apos));/g, (whole, hex: string | undefined, dec: string | undefined, named: string | undefined) => {
    if (named) return ENTITIES[named]!;
    const code = hex !== undefined ? parseInt(hex, 16) : Number(dec);
    if (code > 0x10ffff) return whole;
    // String.fromCharCode keeps a lone surrogate as the lone surrogate it names.
    return code > 0xffff ? String.fromCodePoint(code) : String.fromCharCode(code);
  });
}

/** The text of a run or item: every <t> outside phonetic runs (<rPh>, which Excel does not show), in order. */
export function richText(inner: string, prefix: string): string {
  const withoutPhonetic = inner.includes(`<${prefix}rPh`) ? inner.replace(new RegExp(`<${prefix}rPh\\b[\\s\\S]*?</${prefix}rPh>`, 'g'), '') : inner;
  let text = '';
  const open = `<${prefix}t`;
  const close = `</${prefix}t>`;
  for (let at = withoutPhonetic.indexOf(open); at >= 0; at = withoutPhonetic.indexOf(open, at)) {
    const after = withoutPhonetic.charCodeAt(at + open.length);
    // <t>, <t xml:space="preserve">, <t/>; not <tabColor> or the like.
    if (after !== 62 && after !== 32 && after !== 47 && after !== 9 && after !== 10 && after !== 13) {
      at += open.length;
      continue;
    }
    const end = withoutPhonetic.indexOf('>', at);
    if (end < 0) throw new SheetXmlError('unterminated <t>');
    if (withoutPhonetic.charCodeAt(end - 1) === 47) {
      at = end + 1;
      continue;
    }
    const stop = withoutPhonetic.indexOf(close, end);
    if (stop < 0) throw new SheetXmlError('unterminated <t>');
    text += elementText(withoutPhonetic.slice(end + 1, stop));
    at = stop + close.length;
  }
  return text;
}

/** Character data of a leaf element: entities decoded, CDATA sections taken as they are; any other markup is a broken file. */
function elementText(raw: string): string {
  if (!raw.includes('<')) return decodeXmlText(raw);
  let text = '';
  let at = 0;
  for (;;) {
    const start = raw.indexOf('<![CDATA[', at);
    if (start < 0) break;
    const end = raw.indexOf(']]>', start);
    if (end < 0) throw new SheetXmlError('unterminated CDATA');
    text += decodeXmlText(raw.slice(at, start)) + raw.slice(start + 9, end);
    at = end + 3;
  }
  const rest = raw.slice(at);
  if (rest.includes('<')) throw new SheetXmlError('markup inside text');
  return text + decodeXmlText(rest);
}

/** The value of one attribute in an element's opening tag, decoded; undefined when absent. */
export function attribute(tag: string, name: string): string | undefined {
  for (let at = tag.indexOf(name); at >= 0; at = tag.indexOf(name, at + 1)) {
    const before = tag.charCodeAt(at - 1);
    // A whole attribute name: preceded by a space (not "xr:r" or "spans"), followed by "=".
    if (before !== 32 && before !== 9 && before !== 10 && before !== 13) continue;
    let eq = at + name.length;
    while (tag.charCodeAt(eq) === 32) eq++;
    if (tag[eq] !== '=') continue;
    let quote = eq + 1;
    while (tag.charCodeAt(quote) === 32) quote++;
    const mark = tag[quote];
    if (mark !== '"' && mark !== "'") throw new SheetXmlError(`attribute ${name} unquoted`);
    const end = tag.indexOf(mark, quote + 1);
    if (end < 0) throw new SheetXmlError(`attribute ${name} unterminated`);
    return decodeXmlText(tag.slice(quote + 1, end));
  }
  return undefined;
}

/** "AB12" → 28; the row digits are not needed (the row says its number). */
export function cellColumn(ref: string): number {
  const match = /^\$?([A-Za-z]{1,3})\$?\d{0,7}$/.exec(ref);
  if (!match) throw new SheetXmlError(`bad cell reference ${ref.slice(0, 20)}`);
  let n = 0;
  for (const ch of match[1]!.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

/** A cell's value by its type attribute, as Excel stores it: shared string, inline string, formula string, boolean, error, ISO date text or number. */
export function cellValue(type: string | undefined, inner: string, prefix: string, sharedStrings: readonly string[]): RawCell {
  if (type === 'inlineStr') {
    const is = inner.indexOf(`<${prefix}is`);
    return is < 0 ? null : richText(inner.slice(is), prefix);
  }
  const raw = leafText(inner, `${prefix}v`);
  if (raw === null) return null;
  switch (type) {
    case 's': {
      const index = Number(raw);
      const text = Number.isInteger(index) && index >= 0 ? sharedStrings[index] : undefined;
      if (text === undefined) throw new SheetXmlError(`shared string ${raw.slice(0, 20)} missing`);
      return text;
    }
    case 'str':
    case 'd':
      return raw;
    case 'e':
      return raw;
    case 'b':
      return raw.trim() !== '0' && raw.trim() !== 'false';
    default:
      // Exactly the number Excel stored: "980.7" is 980.7; an empty or broken value is not a number (and is refused as such).
      return raw.trim() === '' ? Number.NaN : Number(raw);
  }
}

/** The text of the first <name>…</name> in `inner`, or null when there is none. */
function leafText(inner: string, name: string): string | null {
  const open = `<${name}`;
  for (let at = inner.indexOf(open); at >= 0; at = inner.indexOf(open, at + 1)) {
    const after = inner.charCodeAt(at + open.length);
    if (after !== 62 && after !== 32 && after !== 47) continue;
    const end = inner.indexOf('>', at);
    if (end < 0) throw new SheetXmlError(`unterminated <${name}>`);
    if (inner.charCodeAt(end - 1) === 47) return '';
    const stop = inner.indexOf(`</${name}>`, end);
    if (stop < 0) throw new SheetXmlError(`unterminated <${name}>`);
    return elementText(inner.slice(end + 1, stop));
  }
  return null;
}

export interface ParsedRow {
  /** The row's own r, or null when it omits it (then it follows the previous row). */
  number: number | null;
  /** cells[0] is column A; a gap is null. */
  cells: RawCell[];
  /** The right-most column with a cell element, even an empty one (exceljs's cellCount). */
  lastColumn: number;
}

/**
 * One row: its opening tag and the XML between it and </row>. Reading stops
 * at the first cell past `maxColumns`, whose column is then lastColumn.
 */
export function parseRow(openTag: string, inner: string, prefix: string, sharedStrings: readonly string[], maxColumns: number): ParsedRow {
  const r = attribute(openTag, 'r');
  const number = r === undefined ? null : /^\d{1,7}$/.test(r.trim()) ? Number(r) : Number.NaN;
  if (Number.isNaN(number)) throw new SheetXmlError(`bad row number ${String(r).slice(0, 20)}`);
  const cells: RawCell[] = [];
  const open = `<${prefix}c`;
  const close = `</${prefix}c>`;
  let column = 0;
  let at = 0;
  for (;;) {
    const lt = inner.indexOf('<', at);
    if (lt < 0) break;
    if (!inner.startsWith(open, lt) || !isDelimiter(inner.charCodeAt(lt + open.length))) {
      // Nothing else belongs in a row but its extension list, which holds no values.
      const ext = `<${prefix}extLst`;
      if (inner.startsWith(ext, lt)) break;
      throw new SheetXmlError('unexpected element in row');
    }
    const tagEnd = inner.indexOf('>', lt);
    if (tagEnd < 0) throw new SheetXmlError('unterminated <c>');
    const tag = inner.slice(lt, tagEnd + 1);
    const ref = attribute(tag, 'r');
    const col = ref === undefined ? column + 1 : cellColumn(ref);
    if (col <= column) throw new SheetXmlError('cells out of order');
    column = col;
    // Past the limit the row is refused by its width (lastColumn); nothing more is read or allocated for it.
    if (col > maxColumns) break;
    let value: RawCell = null;
    if (inner.charCodeAt(tagEnd - 1) === 47) at = tagEnd + 1;
    else {
      const stop = inner.indexOf(close, tagEnd);
      if (stop < 0) throw new SheetXmlError('unterminated <c>');
      value = cellValue(attribute(tag, 't'), inner.slice(tagEnd + 1, stop), prefix, sharedStrings);
      at = stop + close.length;
    }
    while (cells.length < col - 1) cells.push(null);
    cells.push(value);
  }
  return { number, cells, lastColumn: column };
}

const isDelimiter = (code: number) => code === 62 || code === 47 || code === 32 || code === 9 || code === 10 || code === 13;

/** The entry's text, inflated a chunk at a time, refused past its declared size; cancel is checked between chunks. */
async function* entryText(zip: Buffer, entry: ZipEntry, cancel: CancelToken): AsyncGenerator<string> {
  const data = zip.subarray(entry.dataOffset, entry.dataOffset + entry.compressedSize);
  const decoder = new TextDecoder('utf-8');
  if (entry.method === 0) {
    yield decoder.decode(data);
    return;
  }
  const inflate = createInflateRaw({ chunkSize: 256 * 1024 });
  inflate.end(data);
  let produced = 0;
  const chunks = (inflate as AsyncIterable<Buffer>)[Symbol.asyncIterator]();
  try {
    for (;;) {
      let next: IteratorResult<Buffer>;
      try {
        next = await chunks.next();
      } catch {
        throw refuseZip(`phần "${entry.name}" không giải nén được`);
      }
      if (next.done) break;
      cancel.throwIfCancelled();
      produced += next.value.length;
      // The zip check lets these two entries through uninflated (main/xlsx/bounded-sheet.ts): their size is held here.
      if (produced > entry.size) throw refuseZip(`phần "${entry.name}" giải nén ra nhiều hơn kích thước đã khai`);
      yield decoder.decode(next.value, { stream: true });
    }
  } finally {
    inflate.destroy();
  }
  if (produced !== entry.size) throw refuseZip(`phần "${entry.name}" giải nén ra ít hơn kích thước đã khai`);
  yield decoder.decode();
}

/** The first `bytes` of an entry (no more than it declares), inflating no further than that: a sheet's dimension sits in its first few hundred bytes. */
export async function entryHead(zip: Buffer, entry: ZipEntry, bytes: number, cancel: CancelToken): Promise<Buffer> {
  const data = zip.subarray(entry.dataOffset, entry.dataOffset + entry.compressedSize);
  const wanted = Math.min(bytes, entry.size);
  if (entry.method === 0) return Buffer.from(data.subarray(0, wanted));
  const inflate = createInflateRaw({ chunkSize: 64 * 1024 });
  inflate.end(data);
  const parts: Buffer[] = [];
  let kept = 0;
  try {
    for await (const chunk of inflate as AsyncIterable<Buffer>) {
      cancel.throwIfCancelled();
      parts.push(chunk);
      kept += chunk.length;
      if (kept >= wanted) break;
    }
  } catch (error) {
    if ((error as Error).name === 'JobCancelled') throw error;
    throw refuseZip(`phần "${entry.name}" không giải nén được`);
  } finally {
    inflate.destroy();
  }
  return Buffer.concat(parts).subarray(0, wanted);
}

/**
 * The children named `child` of the first element named `parent`, each as its
 * opening tag and inner XML, streamed. The parent's namespace prefix (x: in some
 * writers' files) is used for its children.
 */
async function* childElements(chunks: AsyncIterable<string>, parent: string, child: string): AsyncGenerator<{ tag: string; inner: string; prefix: string }> {
  let buffer = '';
  let prefix: string | null = null;
  let at = 0;
  const parentPattern = new RegExp(`<([A-Za-z_][\\w.-]*:)?${parent}(?=[\\s/>])`);
  // Once the parent has ended the rest is still inflated, unread, so the entry's size is checked to its end.
  let ended = false;
  for await (const chunk of chunks) {
    if (ended) continue;
    buffer = at > 0 ? buffer.slice(at) + chunk : buffer + chunk;
    at = 0;
    if (prefix === null) {
      const found = parentPattern.exec(buffer);
      if (!found) {
        // Keep only a tail that could hold the start of the parent's tag.
        if (buffer.length > 4096) buffer = buffer.slice(-4096);
        continue;
      }
      prefix = found[1] ?? '';
      const tagEnd = buffer.indexOf('>', found.index);
      if (tagEnd < 0) {
        buffer = buffer.slice(found.index);
        prefix = null;
        continue;
      }
      // <sheetData/>: no rows at all.
      if (buffer.charCodeAt(tagEnd - 1) === 47) {
        ended = true;
        continue;
      }
      at = tagEnd + 1;
    }
    const open = `<${prefix}${child}`;
    const close = `</${prefix}${child}>`;
    const parentClose = `</${prefix}${parent}`;
    const extension = `<${prefix}extLst`;
    const extensionClose = `</${prefix}extLst>`;
    for (;;) {
      const lt = buffer.indexOf('<', at);
      if (lt < 0) {
        at = buffer.length;
        break;
      }
      if (buffer.startsWith(parentClose, lt)) {
        ended = true;
        buffer = '';
        at = 0;
        break;
      }
      if (buffer.startsWith('<!--', lt)) {
        const end = buffer.indexOf('-->', lt);
        if (end < 0) break;
        at = end + 3;
        continue;
      }
      if (buffer.startsWith(extension, lt)) {
        // An extension list (Excel's future features) holds no values; it is passed over whole.
        const end = buffer.indexOf(extensionClose, lt);
        if (end < 0) break;
        at = end + extensionClose.length;
        continue;
      }
      if (buffer.length - lt < Math.max(open.length, extension.length) + 1) break;
      if (!buffer.startsWith(open, lt) || !isDelimiter(buffer.charCodeAt(lt + open.length))) throw new SheetXmlError(`unexpected element in ${parent}`);
      const tagEnd = buffer.indexOf('>', lt);
      if (tagEnd < 0) break;
      const tag = buffer.slice(lt, tagEnd + 1);
      if (buffer.charCodeAt(tagEnd - 1) === 47) {
        at = tagEnd + 1;
        yield { tag, inner: '', prefix };
        continue;
      }
      const stop = buffer.indexOf(close, tagEnd);
      if (stop < 0) {
        at = lt;
        break;
      }
      at = stop + close.length;
      yield { tag, inner: buffer.slice(tagEnd + 1, stop), prefix };
    }
    if (buffer.length - at > MAX_ELEMENT_CHARS) throw new ElementTooLarge();
  }
  if (prefix !== null && !ended) throw new SheetXmlError(`unterminated ${parent}`);
}

/** An element (a row, a shared string) larger than MAX_ELEMENT_CHARS. */
export class ElementTooLarge extends Error {}

/** Every shared string of the workbook, in order (cells of type "s" point into it). */
export async function readSharedStrings(zip: Buffer, entry: ZipEntry | undefined, cancel: CancelToken): Promise<string[]> {
  const strings: string[] = [];
  if (!entry) return strings;
  for await (const { inner, prefix } of childElements(entryText(zip, entry, cancel), 'sst', 'si')) strings.push(richText(inner, prefix));
  return strings;
}

/** The rows of a sheet entry in order, as written; the caller checks their numbers and width (main/xlsx/bounded-sheet.ts). */
export async function* sheetXmlRows(zip: Buffer, entry: ZipEntry, sharedStrings: readonly string[], maxColumns: number, cancel: CancelToken): AsyncGenerator<ParsedRow> {
  for await (const { tag, inner, prefix } of childElements(entryText(zip, entry, cancel), 'sheetData', 'row')) yield parseRow(tag, inner, prefix, sharedStrings, maxColumns);
}
