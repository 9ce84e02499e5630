// Bundles the Electron main process and preload to CommonJS; native and Electron modules stay external.
import { build } from 'esbuild';

const common = { bundle: true, platform: 'node', target: 'node22', format: 'cjs', sourcemap: false, logLevel: 'warning' };
await build({ ...common, entryPoints: ['main/electron/main.ts'], outfile: 'dist/electron/main.cjs', external: ['electron', 'better-sqlite3', 'playwright-core'] });
await build({ ...common, entryPoints: ['main/electron/preload.ts'], outfile: 'dist/electron/preload.cjs', external: ['electron'] });
