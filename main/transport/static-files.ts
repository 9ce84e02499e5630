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
}

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
  return { body: readFileSync(real), type: MIME[extname(real)] ?? 'application/octet-stream' };
}
