// Bundles the Electron main process (ESM, so import.meta.url finds files beside it) and the sandboxed preload (CommonJS).
import { cpSync, mkdirSync } from 'node:fs';
import { build } from 'esbuild';

const common = { bundle: true, platform: 'node', target: 'node22', sourcemap: false, logLevel: 'warning' };
const esm = {
  ...common,
  format: 'esm',
  external: ['electron', 'better-sqlite3', 'playwright-core'],
  // Bundled CommonJS dependencies (exceljs) call require(); give them Node's.
  banner: { js: "import { createRequire as __xhhtCreateRequire } from 'node:module'; const require = __xhhtCreateRequire(import.meta.url);" },
};
await build({ ...esm, entryPoints: ['main/electron/main.ts'], outfile: 'dist/electron/main.mjs' });
// Worker threads load their own file, beside main.mjs (main/jobs/worker-jobs.ts finds them there).
await build({ ...esm, entryPoints: ['main/units/units-import.worker.ts'], outfile: 'dist/electron/units-import.worker.mjs' });
await build({ ...esm, entryPoints: ['main/units/units-import-reader.worker.ts'], outfile: 'dist/electron/units-import-reader.worker.mjs' });
await build({ ...esm, entryPoints: ['main/titles/list-import.worker.ts'], outfile: 'dist/electron/list-import.worker.mjs' });
await build({ ...esm, entryPoints: ['main/backup/backup.worker.ts'], outfile: 'dist/electron/backup.worker.mjs' });
await build({ ...esm, entryPoints: ['main/bundles/bundles.worker.ts'], outfile: 'dist/electron/bundles.worker.mjs' });
await build({ ...common, format: 'cjs', entryPoints: ['main/electron/preload.ts'], outfile: 'dist/electron/preload.cjs', external: ['electron'] });
// The seed plan templates are read from ./templates/ beside the bundle, as they are beside main/plans in the source.
mkdirSync('dist/electron/templates', { recursive: true });
cpSync('main/plans/templates', 'dist/electron/templates', { recursive: true });
