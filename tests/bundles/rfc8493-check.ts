/**
 * An independent BagIt (RFC 8493, version 1.0) checker for a bag serialised in a zip file.
 *
 * Written from the RFC alone, apart from the exporter (main/bundles/bag): it shares no code with it, so a
 * misunderstanding of the RFC in one is not silently repeated in the other. It reads the zip with yauzl at the
 * lowest level (names undecoded, so yauzl's own name checks cannot hide a bad name from us) and reports every
 * problem it finds instead of stopping at the first one.
 *
 * `errors` are violations of a MUST of RFC 8493 or of the stricter rules this project sets for its bags
 * (noted "XHHT" below: one line-ending style per file, NFC names, no fetch.txt); `warnings` are SHOULDs.
 *
 * Run by hand: `npx tsx tests/bundles/rfc8493-check.ts F.xhht` prints the report; exit 1 when it has errors.
 */
import { createHash, getHashes } from 'node:crypto';
import { pathToFileURL } from 'node:url';
import yauzl from 'yauzl';

export interface BagReport {
  errors: string[];
  warnings: string[];
  /** The base directory inside the zip: '' when the bag is at the root, else 'name/'. */
  base: string;
  /** Payload files found in the zip (relative to the base), with their sizes. */
  payload: { path: string; bytes: number }[];
  /** Tag files found in the zip (relative to the base). */
  tagFiles: string[];
  /** bag-info.txt elements in file order (labels as written). */
  info: { label: string; value: string }[];
  /** Normalised algorithm names of the payload manifests found (e.g. ['sha256']). */
  payloadAlgorithms: string[];
  tagAlgorithms: string[];
}

/** RFC 8493 §2.4: algorithm names are lowercased and stripped of non-alphanumerics; these are the ones Node can compute. */
const NODE_ALGORITHMS: Record<string, string> = { md5: 'md5', sha1: 'sha1', sha224: 'sha224', sha256: 'sha256', sha384: 'sha384', sha512: 'sha512' };
const DIGEST_HEX_LENGTH: Record<string, number> = { md5: 32, sha1: 40, sha224: 56, sha256: 64, sha384: 96, sha512: 128 };

/** Tag files are read whole; anything larger than this is not a plausible tag file. */
const MAX_TAG_FILE_BYTES = 64 * 1024 * 1024;

interface ZipEntry {
  raw: yauzl.Entry;
  name: string;
}

const S_IFMT = 0o170000;
const S_IFLNK = 0o120000;

function openZip(path: string): Promise<yauzl.ZipFile> {
  return new Promise((resolve, reject) =>
    yauzl.open(path, { lazyEntries: true, autoClose: false, decodeStrings: false, validateEntrySizes: true }, (err, zip) =>
      err || !zip ? reject(err ?? new Error('no zip')) : resolve(zip),
    ),
  );
}

function listEntries(zip: yauzl.ZipFile): Promise<yauzl.Entry[]> {
  return new Promise((resolve, reject) => {
    const entries: yauzl.Entry[] = [];
    zip.on('entry', (e: yauzl.Entry) => {
      entries.push(e);
      zip.readEntry();
    });
    zip.once('end', () => resolve(entries));
    zip.once('error', reject);
    zip.readEntry();
  });
}

/** Streams one entry through `onChunk`; resolves with its byte count. */
function streamEntry(zip: yauzl.ZipFile, entry: yauzl.Entry, onChunk: (chunk: Buffer) => void): Promise<number> {
  return new Promise((resolve, reject) => {
    zip.openReadStream(entry, (err, stream) => {
      if (err || !stream) return reject(err ?? new Error('no stream'));
      let n = 0;
      stream.on('data', (c: Buffer) => {
        n += c.length;
        onChunk(c);
      });
      stream.once('end', () => resolve(n));
      stream.once('error', reject);
    });
  });
}

const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

function decodeName(entry: yauzl.Entry): string | { error: string } {
  const raw = entry.fileName as unknown as Buffer;
  const ascii = raw.every((b) => b < 0x80);
  if (!ascii && (entry.generalPurposeBitFlag & 0x800) === 0) {
    return { error: `zip entry name ${JSON.stringify(raw.toString('latin1'))} is not ASCII and is not flagged UTF-8 (general purpose bit 11)` };
  }
  try {
    return utf8.decode(raw);
  } catch {
    return { error: `zip entry name ${JSON.stringify(raw.toString('latin1'))} is not valid UTF-8` };
  }
}

/** Why a path (zip entry name, or a decoded manifest path) could escape or confuse the bag; null when it is fine. */
function pathProblem(path: string): string | null {
  if (path.length === 0) return 'is empty';
  if (path.startsWith('/')) return 'is absolute';
  if (/^[A-Za-z]:/.test(path)) return 'starts with a drive letter';
  if (path.includes('\\')) return "contains a backslash ('/' is the only separator, RFC 8493 §2.1.3)";
  if (path.includes('\0')) return 'contains a NUL byte';
  const segments = path.split('/');
  if (segments.includes('..')) return "contains a '..' segment";
  if (segments.includes('.')) return "contains a '.' segment";
  if (segments.slice(0, -1).includes('')) return 'contains an empty segment (//)';
  if (segments[0] === '~' || segments[0]?.startsWith('~')) return "starts with '~'";
  return null;
}

interface TextFile {
  lines: string[];
  problems: string[];
}

/**
 * Splits a text tag file into lines (RFC 8493 §2.3): every line ends in LF, CR or CRLF. XHHT is stricter: one
 * style per file, no BOM, valid UTF-8, nothing after the last terminator.
 */
function readTextTagFile(name: string, bytes: Buffer): TextFile {
  const problems: string[] = [];
  if (bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    problems.push(`${name}: starts with a byte-order mark (RFC 8493 §2.3: MUST NOT with UTF-8)`);
  }
  let text: string;
  try {
    text = utf8.decode(bytes);
  } catch {
    problems.push(`${name}: is not valid UTF-8 (Tag-File-Character-Encoding is UTF-8)`);
    return { lines: [], problems };
  }
  if (text.startsWith('\ufeff')) text = text.slice(1);
  if (text.includes('\0')) problems.push(`${name}: contains a NUL character`);
  const lines: string[] = [];
  const endings = new Set<string>();
  const re = /\r\n|\r|\n/g;
  let start = 0;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    lines.push(text.slice(start, m.index));
    endings.add(m[0] === '\r\n' ? 'CRLF' : m[0] === '\r' ? 'CR' : 'LF');
    start = m.index + m[0].length;
  }
  if (start < text.length) {
    problems.push(`${name}: the last line ${JSON.stringify(text.slice(start, start + 40))} has no line terminator (RFC 8493 §2.3)`);
    lines.push(text.slice(start));
  }
  if (endings.size > 1) problems.push(`${name}: mixes line endings (${[...endings].sort().join(', ')}); XHHT requires one style per file`);
  return { lines, problems };
}

/**
 * RFC 8493 §2.1.3: in a manifest filepath, CR, LF and '%' (and only those) are percent-encoded.
 * Returns the decoded path, or the problem.
 */
export function decodeManifestPath(encoded: string): { path: string } | { error: string } {
  let out = '';
  for (let i = 0; i < encoded.length; i++) {
    const c = encoded[i]!;
    if (c !== '%') {
      out += c;
      continue;
    }
    const hex = encoded.slice(i + 1, i + 3);
    if (!/^[0-9A-Fa-f]{2}$/.test(hex)) return { error: `has a '%' that is not percent-encoded as %25 (at character ${i + 1})` };
    const code = parseInt(hex, 16);
    if (code !== 0x0a && code !== 0x0d && code !== 0x25) {
      return { error: `percent-encodes %${hex}, which is neither CR, LF nor '%' (only those are encoded, RFC 8493 §2.1.3)` };
    }
    out += String.fromCharCode(code);
    i += 2;
  }
  return { path: out };
}

/** The encoding a conforming writer must produce for a path (used by tests to build bags by hand). */
export function encodeManifestPath(path: string): string {
  return path.replace(/[%\r\n]/g, (c) => (c === '%' ? '%25' : c === '\r' ? '%0D' : '%0A'));
}

interface Manifest {
  file: string;
  algorithm: string;
  /** decoded path → lowercase hex digest */
  entries: Map<string, string>;
}

function parseManifest(file: string, algorithm: string, text: TextFile, errors: string[]): Manifest {
  const entries = new Map<string, string>();
  const hexLength = DIGEST_HEX_LENGTH[algorithm];
  text.lines.forEach((line, i) => {
    const where = `${file} line ${i + 1}`;
    const m = /^([0-9A-Fa-f]+)[ \t]+(.*)$/.exec(line);
    if (!m) {
      errors.push(`${where}: not of the form "checksum filepath" (RFC 8493 §2.1.3): ${JSON.stringify(line.slice(0, 80))}`);
      return;
    }
    const [, digest, encodedPath] = m as unknown as [string, string, string];
    if (hexLength !== undefined && digest.length !== hexLength) {
      errors.push(`${where}: a ${algorithm} checksum has ${hexLength} hex digits, this one ${digest.length}`);
    }
    const decoded = decodeManifestPath(encodedPath);
    if ('error' in decoded) {
      errors.push(`${where}: the filepath ${JSON.stringify(encodedPath)} ${decoded.error}`);
      return;
    }
    const problem = pathProblem(decoded.path);
    if (problem) {
      errors.push(`${where}: the filepath ${JSON.stringify(decoded.path)} ${problem}`);
      return;
    }
    if (decoded.path.endsWith('/')) {
      errors.push(`${where}: ${JSON.stringify(decoded.path)} is a directory; a manifest MUST NOT list directories (RFC 8493 §2.1.3)`);
      return;
    }
    if (entries.has(decoded.path)) {
      errors.push(`${where}: ${JSON.stringify(decoded.path)} is listed more than once (every payload file exactly once, RFC 8493 §2.1.3)`);
      return;
    }
    entries.set(decoded.path, digest.toLowerCase());
  });
  return { file, algorithm, entries };
}

/** RFC 8493 §2.2.2: "Label: value", a single space or tab after the colon, continuation lines start with whitespace. */
function parseBagInfo(text: TextFile, errors: string[]): { label: string; value: string }[] {
  const out: { label: string; value: string }[] = [];
  text.lines.forEach((line, i) => {
    const where = `bag-info.txt line ${i + 1}`;
    if (/^[ \t]/.test(line)) {
      const last = out[out.length - 1];
      if (!last) errors.push(`${where}: a continuation line with no element before it`);
      else last.value += ' ' + line.replace(/^[ \t]+/, '');
      return;
    }
    const colon = line.indexOf(':');
    if (colon <= 0) {
      errors.push(`${where}: not of the form "Label: value" (RFC 8493 §2.2.2): ${JSON.stringify(line.slice(0, 80))}`);
      return;
    }
    const label = line.slice(0, colon);
    const rest = line.slice(colon + 1);
    if (label !== label.trim()) errors.push(`${where}: the label ${JSON.stringify(label)} starts or ends with whitespace`);
    if (!/^[ \t]/.test(rest)) {
      errors.push(`${where}: the label ${JSON.stringify(label)} is not followed by ": " (colon and one space or tab)`);
      return;
    }
    out.push({ label, value: rest.slice(1) });
  });
  return out;
}

/** Checks the bag in `zipPath`; never throws for a bad bag (only for an unreadable file). */
export async function checkBagZip(zipPath: string): Promise<BagReport> {
  const errors: string[] = [];
  const warnings: string[] = [];
  const report: BagReport = { errors, warnings, base: '', payload: [], tagFiles: [], info: [], payloadAlgorithms: [], tagAlgorithms: [] };

  let zip: yauzl.ZipFile;
  try {
    zip = await openZip(zipPath);
  } catch (e) {
    errors.push(`not a readable zip file: ${(e as Error).message}`);
    return report;
  }
  try {
    let rawEntries: yauzl.Entry[];
    try {
      rawEntries = await listEntries(zip);
    } catch (e) {
      errors.push(`the zip's central directory cannot be read: ${(e as Error).message}`);
      return report;
    }

    // --- zip level: names, links, duplicates ---
    const files: ZipEntry[] = [];
    const seen = new Set<string>();
    for (const raw of rawEntries) {
      const name = decodeName(raw);
      if (typeof name !== 'string') {
        errors.push(name.error);
        continue;
      }
      const problem = pathProblem(name);
      if (problem) {
        errors.push(`zip entry ${JSON.stringify(name)} ${problem}`);
        continue;
      }
      if (seen.has(name)) {
        errors.push(`zip entry ${JSON.stringify(name)} appears more than once`);
        continue;
      }
      seen.add(name);
      const mode = (raw.externalFileAttributes >>> 16) & S_IFMT;
      if (mode === S_IFLNK) {
        errors.push(`zip entry ${JSON.stringify(name)} is a symbolic link`);
        continue;
      }
      if (name.endsWith('/')) {
        if (raw.uncompressedSize !== 0) errors.push(`zip directory entry ${JSON.stringify(name)} has content`);
        continue;
      }
      if (name.normalize('NFC') !== name) errors.push(`zip entry ${JSON.stringify(name)} is not in Unicode NFC (XHHT names are NFC)`);
      files.push({ raw, name });
    }

    // --- base directory: the zip root, or one top-level folder holding bagit.txt ---
    if (!files.some((f) => f.name === 'bagit.txt')) {
      const tops = new Set(files.map((f) => (f.name.includes('/') ? f.name.slice(0, f.name.indexOf('/') + 1) : '')));
      const only = tops.size === 1 ? [...tops][0]! : '';
      if (only && files.some((f) => f.name === `${only}bagit.txt`)) report.base = only;
    }
    const base = report.base;
    const inBag = new Map<string, ZipEntry>();
    for (const f of files) {
      if (!f.name.startsWith(base)) {
        errors.push(`zip entry ${JSON.stringify(f.name)} lies outside the bag's base directory ${JSON.stringify(base)}`);
        continue;
      }
      inBag.set(f.name.slice(base.length), f);
    }
    const lowerSeen = new Map<string, string>();
    for (const p of inBag.keys()) {
      const folded = p.toLowerCase();
      const other = lowerSeen.get(folded);
      if (other) warnings.push(`${JSON.stringify(p)} and ${JSON.stringify(other)} differ only in case (RFC 8493 §6.2.1)`);
      else lowerSeen.set(folded, p);
    }

    const payloadPaths = [...inBag.keys()].filter((p) => p.startsWith('data/')).sort();
    report.tagFiles = [...inBag.keys()].filter((p) => !p.startsWith('data/')).sort();

    // Tag files are small: read them whole. Payload files are streamed below.
    const tagBytes = new Map<string, Buffer>();
    for (const p of report.tagFiles) {
      const entry = inBag.get(p)!;
      if (entry.raw.uncompressedSize > MAX_TAG_FILE_BYTES) {
        errors.push(`tag file ${p} is ${entry.raw.uncompressedSize} bytes, more than a tag file should hold`);
        continue;
      }
      const chunks: Buffer[] = [];
      try {
        await streamEntry(zip, entry.raw, (c) => chunks.push(c));
      } catch (e) {
        errors.push(`tag file ${p} cannot be read from the zip: ${(e as Error).message}`);
        continue;
      }
      tagBytes.set(p, Buffer.concat(chunks));
    }

    // --- §2.1.1 bag declaration ---
    const declaration = tagBytes.get('bagit.txt');
    if (!declaration) {
      errors.push('bagit.txt is missing (RFC 8493 §2.1.1: required)');
    } else {
      const text = readTextTagFile('bagit.txt', declaration);
      errors.push(...text.problems);
      if (text.lines.length !== 2) errors.push(`bagit.txt has ${text.lines.length} lines; it MUST have exactly two (RFC 8493 §2.1.1)`);
      if (text.lines[0] !== 'BagIt-Version: 1.0') errors.push(`bagit.txt line 1 is ${JSON.stringify(text.lines[0] ?? '')}, expected "BagIt-Version: 1.0"`);
      if (text.lines[1] !== 'Tag-File-Character-Encoding: UTF-8') {
        errors.push(`bagit.txt line 2 is ${JSON.stringify(text.lines[1] ?? '')}, expected "Tag-File-Character-Encoding: UTF-8"`);
      }
    }

    // --- §2.1.2 payload directory ---
    if (payloadPaths.length === 0 && !rawEntries.some((e) => decodeName(e) === `${base}data/`)) {
      errors.push('the payload directory data/ is missing (RFC 8493 §2.1.2)');
    }

    // --- manifests (§2.1.3, §2.2.1) ---
    const payloadManifests: Manifest[] = [];
    const tagManifests: Manifest[] = [];
    for (const p of report.tagFiles) {
      const m = /^(tag)?manifest-([^/]+)\.txt$/.exec(p);
      if (!m) continue;
      const isTag = m[1] === 'tag';
      const algorithm = m[2]!;
      if (algorithm !== algorithm.toLowerCase().replace(/[^a-z0-9]/g, '')) {
        errors.push(`${p}: the algorithm name ${JSON.stringify(algorithm)} is not normalised (lowercase, alphanumerics only, RFC 8493 §2.4)`);
        continue;
      }
      if (!NODE_ALGORITHMS[algorithm] || !getHashes().includes(NODE_ALGORITHMS[algorithm])) {
        errors.push(`${p}: unsupported checksum algorithm ${algorithm}`);
        continue;
      }
      const bytes = tagBytes.get(p);
      if (!bytes) continue;
      const text = readTextTagFile(p, bytes);
      errors.push(...text.problems);
      const manifest = parseManifest(p, algorithm, text, errors);
      (isTag ? tagManifests : payloadManifests).push(manifest);
    }
    report.payloadAlgorithms = payloadManifests.map((m) => m.algorithm).sort();
    report.tagAlgorithms = tagManifests.map((m) => m.algorithm).sort();
    if (payloadManifests.length === 0) errors.push('no payload manifest (manifest-<algorithm>.txt); at least one is required (RFC 8493 §2.1.3)');
    if (!payloadManifests.some((m) => m.algorithm === 'sha256' || m.algorithm === 'sha512')) {
      warnings.push('no SHA-256 or SHA-512 payload manifest (RFC 8493 §2.4)');
    }

    // --- payload: every file hashed with every payload algorithm ---
    const algorithms = [...new Set(payloadManifests.map((m) => m.algorithm))];
    const payloadDigests = new Map<string, Map<string, string>>();
    for (const p of payloadPaths) {
      const entry = inBag.get(p)!;
      const hashers = algorithms.map((a) => [a, createHash(NODE_ALGORITHMS[a]!)] as const);
      let bytes: number;
      try {
        bytes = await streamEntry(zip, entry.raw, (c) => hashers.forEach(([, h]) => h.update(c)));
      } catch (e) {
        errors.push(`payload file ${p} cannot be read from the zip: ${(e as Error).message}`);
        continue;
      }
      report.payload.push({ path: p, bytes });
      payloadDigests.set(p, new Map(hashers.map(([a, h]) => [a, h.digest('hex')])));
    }

    for (const m of payloadManifests) {
      for (const [p, digest] of m.entries) {
        if (!p.startsWith('data/')) {
          errors.push(`${m.file}: ${JSON.stringify(p)} is outside the payload directory data/ (RFC 8493 §2.1.3)`);
          continue;
        }
        const actual = payloadDigests.get(p)?.get(m.algorithm);
        if (actual === undefined) errors.push(`${m.file}: ${JSON.stringify(p)} is listed but not in the bag`);
        else if (actual !== digest) errors.push(`${m.file}: ${JSON.stringify(p)} has ${m.algorithm} ${actual}, the manifest says ${digest}`);
      }
      for (const p of payloadPaths) {
        if (!m.entries.has(p)) errors.push(`${m.file}: payload file ${JSON.stringify(p)} is not listed (every payload file in every payload manifest, RFC 8493 §3)`);
      }
    }

    // --- tag manifests ---
    const tagManifestNames = new Set(tagManifests.map((m) => m.file));
    for (const m of tagManifests) {
      for (const pm of payloadManifests) {
        if (!m.entries.has(pm.file)) errors.push(`${m.file}: does not list the payload manifest ${pm.file} (RFC 8493 §2.2.1)`);
      }
      for (const [p, digest] of m.entries) {
        if (p.startsWith('data/')) {
          errors.push(`${m.file}: lists the payload file ${JSON.stringify(p)}; a tag manifest MUST NOT (RFC 8493 §2.2.1)`);
          continue;
        }
        if (tagManifestNames.has(p)) warnings.push(`${m.file}: lists the tag manifest ${p}`);
        const bytes = tagBytes.get(p);
        if (!bytes) {
          errors.push(`${m.file}: ${JSON.stringify(p)} is listed but not in the bag`);
          continue;
        }
        const actual = createHash(NODE_ALGORITHMS[m.algorithm]!).update(bytes).digest('hex');
        if (actual !== digest) errors.push(`${m.file}: ${JSON.stringify(p)} has ${m.algorithm} ${actual}, the tag manifest says ${digest}`);
      }
      for (const p of report.tagFiles) {
        if (!tagManifestNames.has(p) && !m.entries.has(p)) warnings.push(`${m.file}: the tag file ${p} is not listed, so nothing checks its integrity`);
      }
    }

    // --- §2.2.2 bag-info.txt ---
    const infoBytes = tagBytes.get('bag-info.txt');
    if (infoBytes) {
      const text = readTextTagFile('bag-info.txt', infoBytes);
      errors.push(...text.problems);
      report.info = parseBagInfo(text, errors);
      const values = (label: string) => report.info.filter((e) => e.label.toLowerCase() === label.toLowerCase()).map((e) => e.value);
      const oxum = values('Payload-Oxum');
      if (oxum.length > 1) errors.push('bag-info.txt: Payload-Oxum appears more than once (RFC 8493 §2.2.2)');
      if (oxum.length >= 1) {
        const m = /^(\d+)\.(\d+)$/.exec(oxum[0]!);
        if (!m) errors.push(`bag-info.txt: Payload-Oxum ${JSON.stringify(oxum[0])} is not OctetCount.StreamCount`);
        else {
          const octets = report.payload.reduce((s, f) => s + f.bytes, 0);
          const streams = report.payload.length;
          if (Number(m[1]) !== octets || Number(m[2]) !== streams) {
            errors.push(`bag-info.txt: Payload-Oxum is ${oxum[0]}, the payload holds ${octets}.${streams}`);
          }
        }
      } else {
        warnings.push('bag-info.txt has no Payload-Oxum');
      }
      for (const date of values('Bagging-Date')) {
        const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
        const day = new Date(`${date}T00:00:00Z`);
        const ok = m && !Number.isNaN(day.getTime()) && day.toISOString().slice(0, 10) === date;
        if (!ok) errors.push(`bag-info.txt: Bagging-Date ${JSON.stringify(date)} is not a YYYY-MM-DD date`);
      }
    } else {
      warnings.push('no bag-info.txt (optional, but then nothing carries Payload-Oxum)');
    }

    // --- §2.2.3 fetch.txt: a bag with holes is not complete on arrival; XHHT bundles carry everything ---
    if (tagBytes.has('fetch.txt')) errors.push('fetch.txt present: an XHHT bag must carry its whole payload');
  } finally {
    zip.close();
  }
  return report;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const file = process.argv[2];
  if (!file) {
    process.stderr.write('usage: npx tsx tests/bundles/rfc8493-check.ts F.xhht\n');
    process.exit(2);
  }
  const r = await checkBagZip(file);
  for (const e of r.errors) process.stdout.write(`ERROR   ${e}\n`);
  for (const w of r.warnings) process.stdout.write(`warning ${w}\n`);
  const octets = r.payload.reduce((s, f) => s + f.bytes, 0);
  process.stdout.write(`${r.errors.length === 0 ? 'valid' : 'INVALID'} BagIt 1.0 bag: ${r.payload.length} payload files, ${octets} bytes, manifests ${r.payloadAlgorithms.join(',') || '-'}, tag manifests ${r.tagAlgorithms.join(',') || '-'}\n`);
  process.exit(r.errors.length === 0 ? 0 : 1);
}
