import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The file a worker thread runs. In Electron it is the bundle beside the main
 * bundle (scripts/build-electron.mjs). From the TypeScript sources (tsx, vitest,
 * the benchmark) the worker is bundled with esbuild (scripts/build-worker.mjs) on first use into
 * node_modules/.cache/xhht-workers and reused until one of its input files
 * changes: a worker under tsx compiled its few hundred modules one by one on
 * every start, which took 2 to 16 s on a busy machine before the job began.
 */

export interface WorkerScript {
  /** The worker's TypeScript source, beside the code that starts it (tsx, vitest). */
  source: URL;
  /** The bundled file beside the Electron main bundle (scripts/build-electron.mjs). */
  bundled: string;
}

interface Manifest {
  inputs: Record<string, { size: number; mtimeMs: number }>;
}

export function workerFile(script: WorkerScript): string {
  const sourcePath = fileURLToPath(script.source);
  if (sourcePath.endsWith('.ts') && existsSync(sourcePath)) return bundledFromSource(sourcePath);
  return bundledWorkerPath(script.bundled);
}

/** Beside the bundle; inside a packaged app the worker is unpacked from the asar archive, where a worker cannot load from. */
function bundledWorkerPath(name: string): string {
  const beside = join(dirname(fileURLToPath(import.meta.url)), name);
  const unpacked = beside.replace(/([\\/])app\.asar([\\/])/, '$1app.asar.unpacked$2');
  return existsSync(unpacked) ? unpacked : beside;
}

function bundledFromSource(sourcePath: string): string {
  const root = fileURLToPath(new URL('../../', import.meta.url));
  // Inside node_modules, so the bundle's external packages (better-sqlite3) resolve from the project's node_modules.
  const cacheDir = join(root, 'node_modules', '.cache', 'xhht-workers');
  const name = `${sourcePath.replace(/^.*[\\/]/, '').replace(/\.ts$/, '')}-${createHash('sha256').update(sourcePath).digest('hex').slice(0, 12)}`;
  const outfile = join(cacheDir, `${name}.mjs`);
  const manifestFile = join(cacheDir, `${name}.json`);
  if (isFresh(outfile, manifestFile)) return outfile;
  mkdirSync(cacheDir, { recursive: true });
  // The build tooling stays in scripts/ (main/ never imports esbuild); about a second, once per change.
  execFileSync(process.execPath, [join(root, 'scripts', 'build-worker.mjs'), sourcePath, outfile, manifestFile], { cwd: root, stdio: ['ignore', 'inherit', 'inherit'] });
  return outfile;
}

/** The cached bundle is fresh when every file it was built from has the size and time it had then. */
function isFresh(outfile: string, manifestFile: string): boolean {
  if (!existsSync(outfile) || !existsSync(manifestFile)) return false;
  try {
    const manifest = JSON.parse(readFileSync(manifestFile, 'utf8')) as Manifest;
    return Object.entries(manifest.inputs).every(([path, was]) => {
      const stat = statSync(path, { throwIfNoEntry: false });
      return stat !== undefined && stat.size === was.size && stat.mtimeMs === was.mtimeMs;
    });
  } catch {
    return false;
  }
}
