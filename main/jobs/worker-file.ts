import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The file a worker thread runs. In Electron it is the bundle beside the main
 * bundle (scripts/build-electron.mjs). From the TypeScript sources (tsx, vitest,
 * the benchmark) the worker is bundled with esbuild on first use into
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
  const require = createRequire(import.meta.url);
  // Inside node_modules, so the bundle's external packages (better-sqlite3) resolve from the project's node_modules.
  const cacheDir = join(dirname(require.resolve('esbuild/package.json')), '..', '.cache', 'xhht-workers');
  const name = `${sourcePath.replace(/^.*[\\/]/, '').replace(/\.ts$/, '')}-${createHash('sha256').update(sourcePath).digest('hex').slice(0, 12)}`;
  const outfile = join(cacheDir, `${name}.mjs`);
  const manifestFile = join(cacheDir, `${name}.json`);
  if (isFresh(outfile, manifestFile)) return outfile;

  const esbuild = require('esbuild') as typeof import('esbuild');
  const result = esbuild.buildSync({
    entryPoints: [sourcePath],
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    write: false,
    metafile: true,
    logLevel: 'silent',
    absWorkingDir: process.cwd(),
    outfile,
    // The same externals and require() shim as the Electron build of the workers.
    external: ['electron', 'better-sqlite3', 'playwright-core'],
    banner: { js: "import { createRequire as __xhhtCreateRequire } from 'node:module'; const require = __xhhtCreateRequire(import.meta.url);" },
  });
  const inputs: Manifest['inputs'] = {};
  const root = process.cwd();
  for (const input of Object.keys(result.metafile.inputs)) {
    const path = resolve(root, input);
    const stat = statSync(path, { throwIfNoEntry: false });
    if (stat) inputs[path] = { size: stat.size, mtimeMs: stat.mtimeMs };
  }
  mkdirSync(cacheDir, { recursive: true });
  // Written aside and renamed, so a process starting the same worker at the same time never reads half a file.
  const unique = `${process.pid}-${Math.random().toString(36).slice(2)}`;
  writeFileSync(`${outfile}.${unique}`, result.outputFiles[0]!.contents);
  renameSync(`${outfile}.${unique}`, outfile);
  writeFileSync(`${manifestFile}.${unique}`, JSON.stringify({ inputs } satisfies Manifest));
  renameSync(`${manifestFile}.${unique}`, manifestFile);
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
