/**
 * One measurement of the bundles bench, alone in its own process so its peak
 * RSS is its own (tests/bench/bundles-bench.ts starts it and reads the JSON
 * line it prints): {ms, bytes, maxRssMb, ...}. The clock runs around the
 * product's work only, not the process start.
 *   export DIR KIND OUT [--no-files]   exportBundle of the data folder DIR
 *   verify FILE                        verifyReport: structure, signature, every hash
 */
import { statSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { ExportOptions } from '../../shared/bundles.js';
import { composeApp } from '../../main/app/compose.js';
import { exportBundle } from '../../main/bundles/export/export-bundle.js';
import { verifyReport } from '../../main/bundles/verify.js';

const peakRssMb = () => Math.round(process.resourceUsage().maxRSS / 1024);
const [mode, ...args] = process.argv.slice(2);

if (mode === 'export') {
  const [dataDir, kind, out, flag] = args as [string, string, string, string | undefined];
  const ctx = await composeApp(dataDir, { actor: 'bench' });
  const started = performance.now();
  const result = await exportBundle({ sqlite: ctx.sqlite, dataDir, options: ExportOptions.parse({ kind, includeFiles: flag !== '--no-files' }), outPath: out, now: new Date() });
  const ms = performance.now() - started;
  await ctx.close();
  process.stdout.write(JSON.stringify({ ms, bytes: statSync(out).size, maxRssMb: peakRssMb(), counts: result.counts }));
} else if (mode === 'verify') {
  const [file] = args as [string];
  const started = performance.now();
  const report = await verifyReport(null, file);
  const ms = performance.now() - started;
  if (!report.valid) throw new Error(`verify refused the bench's own bundle: ${report.problem}`);
  process.stdout.write(JSON.stringify({ ms, bytes: statSync(file).size, maxRssMb: peakRssMb() }));
} else {
  throw new Error(`unknown mode ${mode}`);
}
