import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readStaticFile } from '../../main/transport/static-files.js';

let root: string;
beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), 'xhht-static-'));
  mkdirSync(join(root, 'assets'));
  writeFileSync(join(root, 'index.html'), '<!doctype html>');
  writeFileSync(join(root, 'assets', 'PlansPage-DcQm142c.js'), 'export {}');
  writeFileSync(join(root, 'assets', 'plain.js'), 'export {}');
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('static files of the built renderer', () => {
  it.each([
    ['/assets/PlansPage-DcQm142c.js', 'public, max-age=31536000, immutable'],
    ['/', 'no-cache'],
    ['/index.html', 'no-cache'],
    ['/assets/plain.js', 'no-cache'],
  ])('%s is served with cache-control %j', (path, cacheControl) => {
    expect(readStaticFile(root, path)?.cacheControl).toBe(cacheControl);
  });

  it('refuses a path that climbs out of the root', () => {
    expect(readStaticFile(root, '/../../etc/passwd')).toBeNull();
  });
});
