/**
 * The few facts read from a workbook's small XML parts before the sheet is
 * streamed: which entry is the first sheet and how big its own header says it
 * is. The parts are bounded by the zip check; regular expressions suffice for
 * attributes of these machine-written elements.
 */

export interface FirstSheet {
  name: string;
  /** The zip entry, e.g. "xl/worksheets/sheet1.xml". */
  entry: string;
}

const attributes = (text: string): Map<string, string> =>
  new Map([...text.matchAll(/([\w:.-]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g)].map((m) => [m[1]!, decodeXml(m[2] ?? m[3] ?? '')]));

function decodeXml(text: string): string {
  return text.replace(/&(?:#x([0-9a-fA-F]+)|#(\d+)|(amp|lt|gt|quot|apos));/g, (whole, hex: string | undefined, dec: string | undefined, named: string | undefined) => {
    if (named) return { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" }[named]!;
    const code = hex ? parseInt(hex, 16) : Number(dec);
    return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
  });
}

/** The first sheet in the workbook's own order (the tab an officer sees first), or null. */
export function firstSheetOf(workbookXml: string, relsXml: string): FirstSheet | null {
  const sheet = /<(?:\w+:)?sheet\b([^>]*)>/.exec(workbookXml.slice(workbookXml.search(/<(?:\w+:)?sheets\b/)));
  if (!sheet) return null;
  const attrs = attributes(sheet[1]!);
  const relId = [...attrs].find(([key]) => /^\w+:id$/.test(key))?.[1];
  const name = attrs.get('name');
  if (!relId || name === undefined) return null;
  for (const rel of relsXml.matchAll(/<(?:\w+:)?Relationship\b([^>]*)>/g)) {
    const relAttrs = attributes(rel[1]!);
    if (relAttrs.get('Id') !== relId) continue;
    const target = relAttrs.get('Target') ?? '';
    const entry = target.startsWith('/') ? target.slice(1) : `xl/${target}`;
    return { name, entry: entry.replace(/^xl\/\.\//, 'xl/') };
  }
  return null;
}

export interface DeclaredRange {
  lastRow: number;
  lastColumn: number;
  ref: string;
}

/** The `<dimension ref="A1:K120">` a sheet declares near its start, if any. */
export function declaredRange(sheetHead: string): DeclaredRange | null {
  const match = /<(?:\w+:)?dimension\b[^>]*\bref\s*=\s*"([^"]*)"/.exec(sheetHead);
  if (!match) return null;
  const ref = match[1]!;
  const last = ref.split(':').at(-1)!;
  const cell = /^\$?([A-Za-z]{1,3})\$?(\d{1,7})$/.exec(last);
  if (!cell) return null;
  return { ref, lastColumn: columnNumber(cell[1]!), lastRow: Number(cell[2]) };
}

/** "A" → 1, "K" → 11, "XFD" → 16384. */
export function columnNumber(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

/** 1 → "A", 11 → "K", 16384 → "XFD", for messages naming a cell. */
export function columnLetters(n: number): string {
  let letters = '';
  for (let rest = n; rest > 0; rest = Math.floor((rest - 1) / 26)) letters = String.fromCharCode(65 + ((rest - 1) % 26)) + letters;
  return letters;
}
