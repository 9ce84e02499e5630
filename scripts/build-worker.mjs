// Bundles one worker thread's TypeScript source for running from the sources (tsx, vitest, the
// benchmark), as scripts/build-electron.mjs bundles it for the app. main/jobs/worker-file.ts runs
// this when its cached bundle is missing or older than a file it was built from.
//   node scripts/build-worker.mjs SOURCE.ts OUT.mjs MANIFEST.json
import { renameSync, statSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { build } from 'esbuild';

const [source, outfile, manifestFile] = process.argv.slice(2);
const result = await build({
  entryPoints: [source],
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  write: false,
  metafile: true,
  logLevel: 'warning',
  absWorkingDir: process.cwd(),
  outfile,
  // The same externals and require() shim as the Electron build of the workers.
  external: ['electron', 'better-sqlite3', 'playwright-core'],
  banner: { js: "import { createRequire as __xhhtCreateRequire } from 'node:module'; const require = __xhhtCreateRequire(import.meta.url);" },
});
const inputs = {};
for (const input of Object.keys(result.metafile.inputs)) {
  const path = resolve(process.cwd(), input);
  const stat = statSync(path, { throwIfNoEntry: false });
  if (stat) inputs[path] = { size: stat.size, mtimeMs: stat.mtimeMs };
}
// Written aside and renamed, so a process starting the same worker at the same time never reads half a file.
const unique = `${process.pid}-${Math.random().toString(36).slice(2)}`;
writeFileSync(`${outfile}.${unique}`, result.outputFiles[0].contents);
renameSync(`${outfile}.${unique}`, outfile);
writeFileSync(`${manifestFile}.${unique}`, JSON.stringify({ inputs }));
renameSync(`${manifestFile}.${unique}`, manifestFile);
