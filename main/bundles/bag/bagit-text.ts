/**
 * The text of a BagIt 1.0 bag (RFC 8493) as XHHT writes and reads it: tag
 * files as "Label: value" lines, manifests as "<sha256>  <path>" lines, LF
 * line endings throughout, UTF-8. Pure: no file system, so every rule here is
 * tested by table. Kept apart from shared/ on purpose: the independent
 * RFC 8493 checker in tests/bundles must not be able to reuse it.
 */

export const BAGIT_TXT = 'BagIt-Version: 1.0\nTag-File-Character-Encoding: UTF-8\n';

export const TAG_FILES = {
  bagit: 'bagit.txt',
  info: 'bag-info.txt',
  manifest: 'manifest-sha256.txt',
  tagManifest: 'tagmanifest-sha256.txt',
  signature: 'signature-ed25519.txt',
} as const;

/** The tag files the tag manifest lists, in the order it lists them; the signature covers the tag manifest itself. */
export const TAG_MANIFEST_COVERS = [TAG_FILES.bagit, TAG_FILES.info, TAG_FILES.manifest] as const;

/** Longest name we write or accept: far above anything XHHT makes, far below what breaks a file system. */
const MAX_PATH_BYTES = 1024;
const MAX_SEGMENT_BYTES = 255;

/**
 * Why a bag-relative path cannot be used, or null when it can. The path must
 * be what a zip entry is called: '/'-separated, relative, NFC, no '.' or '..'
 * segment, no backslash, no control character except CR and LF (which BagIt
 * allows and the manifests percent-encode).
 */
export function pathProblem(path: string): string | null {
  if (path.length === 0) return 'tên rỗng';
  if (path.startsWith('/') || /^[A-Za-z]:/.test(path)) return 'đường dẫn tuyệt đối';
  if (path.includes('\\')) return 'có dấu gạch ngược "\\"';
  if (path.includes('\u0000')) return 'có ký tự NUL';
  if (/[\u0001-\u0009\u000b\u000c\u000e-\u001f\u007f]/.test(path)) return 'có ký tự điều khiển';
  if (/[\ud800-\udfff]/.test(path.replace(/[\ud800-\udbff][\udc00-\udfff]/g, ''))) return 'không phải UTF-8 hợp lệ';
  const segments = path.split('/');
  if (segments.includes('..')) return 'có đoạn ".." (ra ngoài gói)';
  if (segments.includes('.') || segments.includes('')) return 'có đoạn rỗng hoặc "."';
  if (path.normalize('NFC') !== path) return 'tên không ở dạng Unicode NFC';
  if (Buffer.byteLength(path) > MAX_PATH_BYTES) return `tên dài hơn ${MAX_PATH_BYTES} byte`;
  if (segments.some((s) => Buffer.byteLength(s) > MAX_SEGMENT_BYTES)) return `một đoạn tên dài hơn ${MAX_SEGMENT_BYTES} byte`;
  return null;
}

/** The key two names collide under on a case-insensitive or normalising file system (Windows, macOS). */
export function collisionKey(path: string): string {
  return path.normalize('NFC').toLowerCase();
}

/** RFC 8493 §2.1.3: in a manifest, '%' CR and LF of a path are written %25 %0D %0A. */
export function encodeManifestPath(path: string): string {
  return path.replace(/[%\r\n]/g, (c) => (c === '%' ? '%25' : c === '\r' ? '%0D' : '%0A'));
}

/** The inverse of encodeManifestPath; null when a '%' starts anything but %25, %0D or %0A. */
export function decodeManifestPath(encoded: string): string | null {
  let bad = false;
  const decoded = encoded.replace(/%(..)?/g, (_all, hex: string | undefined) => {
    const code = hex?.toUpperCase();
    if (code === '25') return '%';
    if (code === '0D') return '\r';
    if (code === '0A') return '\n';
    bad = true;
    return '';
  });
  return bad ? null : decoded;
}

export interface ManifestLine {
  sha256: string;
  path: string;
}

export function formatManifest(lines: readonly ManifestLine[]): string {
  return lines.map((l) => `${l.sha256}  ${encodeManifestPath(l.path)}\n`).join('');
}

export type Parsed<T> = { ok: true; value: T } | { ok: false; lineNo: number; problem: string };

/**
 * Reads a sha256 manifest: one "<64 hex>  <path>" per LF-terminated line, no
 * blank lines, no path twice. Refuses CR (we write LF, and a lone CR in a
 * path is percent-encoded), upper-case hex and anything else we never write.
 */
export function parseManifest(text: string): Parsed<ManifestLine[]> {
  if (text.length > 0 && !text.endsWith('\n')) return { ok: false, lineNo: text.split('\n').length, problem: 'dòng cuối không kết thúc bằng xuống dòng' };
  const rows = text.length === 0 ? [] : text.slice(0, -1).split('\n');
  const lines: ManifestLine[] = [];
  const seen = new Set<string>();
  for (const [i, row] of rows.entries()) {
    const lineNo = i + 1;
    if (row.includes('\r')) return { ok: false, lineNo, problem: 'có ký tự CR (gói XHHT dùng LF)' };
    const match = /^([0-9a-f]{64}) {2}(.+)$/.exec(row);
    if (!match) return { ok: false, lineNo, problem: 'không đúng dạng "<sha256>  <đường dẫn>"' };
    const path = decodeManifestPath(match[2]!);
    if (path === null) return { ok: false, lineNo, problem: 'dấu % không mã hóa đúng (chỉ %25, %0D, %0A)' };
    if (seen.has(path)) return { ok: false, lineNo, problem: `"${path}" được kê hai lần` };
    seen.add(path);
    lines.push({ sha256: match[1]!, path });
  }
  return { ok: true, value: lines };
}

/** Tag-file values are one line: a line break in an office name becomes a space. */
export function formatTagFile(fields: readonly [label: string, value: string][]): string {
  return fields.map(([label, value]) => `${label}: ${value.replace(/[\r\n]+/g, ' ')}\n`).join('');
}

/**
 * Reads "Label: value" lines (no continuation lines: we never write them).
 * Each label at most once, since every label XHHT reads has one value.
 */
export function parseTagFile(text: string): Parsed<Map<string, string>> {
  if (text.length > 0 && !text.endsWith('\n')) return { ok: false, lineNo: text.split('\n').length, problem: 'dòng cuối không kết thúc bằng xuống dòng' };
  const rows = text.length === 0 ? [] : text.slice(0, -1).split('\n');
  const fields = new Map<string, string>();
  for (const [i, row] of rows.entries()) {
    const lineNo = i + 1;
    if (row.includes('\r')) return { ok: false, lineNo, problem: 'có ký tự CR (gói XHHT dùng LF)' };
    const match = /^([A-Za-z0-9-]+): ?(.*)$/.exec(row);
    if (!match) return { ok: false, lineNo, problem: 'không đúng dạng "Tên: giá trị"' };
    if (fields.has(match[1]!)) return { ok: false, lineNo, problem: `"${match[1]}" xuất hiện hai lần` };
    fields.set(match[1]!, match[2]!);
  }
  return { ok: true, value: fields };
}

/** RFC 8493 §2.2.2: "<octets>.<streams>" of the payload. */
export function payloadOxum(bytes: number, files: number): string {
  return `${bytes}.${files}`;
}

/** Shown to a person: entry names may hold anything, so they are cut and their line breaks made visible. */
export function shownName(path: string): string {
  const visible = encodeManifestPath(path).replace(/[\u0000-\u001f\u007f]/g, (c) => `\\x${c.charCodeAt(0).toString(16).padStart(2, '0')}`);
  return visible.length > 120 ? `${visible.slice(0, 117)}…` : visible;
}
