import { existsSync, readFileSync, realpathSync, statSync } from 'node:fs';
import { extname, join, sep } from 'node:path';

const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.ttf': 'font/ttf',
  '.json': 'application/json',
};

export interface StaticFile {
  body: Buffer;
  type: string;
  /** Built chunks carry their content hash in the name, so they never change: cache them for good; ask again for the rest. */
  cacheControl: string;
}

const HASHED_ASSET = /^assets\/[^/]+-[A-Za-z0-9_-]{8,}\.(js|css|woff2?|ttf|svg|png)$/;

/**
 * Resolves a URL path to a file of the built renderer, refusing anything that
 * escapes the root (.., links pointing outside) — the same allow-list rule as the app:// protocol.
 */
export function readStaticFile(root: string, urlPath: string): StaticFile | null {
  const realRoot = realpathSync(root);
  const relative = decodeURIComponent(urlPath.split('?')[0] ?? '/').replace(/^\/+/, '') || 'index.html';
  const candidate = join(realRoot, relative);
  if (!existsSync(candidate)) return null;
  const real = realpathSync(candidate);
  if (real !== realRoot && !real.startsWith(realRoot + sep)) return null;
  if (!statSync(real).isFile()) return null;
  const cacheControl = HASHED_ASSET.test(relative) ? 'public, max-age=31536000, immutable' : 'no-cache';
  return { body: readFileSync(real), type: MIME[extname(real)] ?? 'application/octet-stream', cacheControl };
}
