import { join } from 'node:path';
import { importBundle } from '../../main/bundles/import/import-bundle.js';
import { openDatabase } from '../../main/db/database.js';

/** Applies a bundle to a data folder, for the crash test: `node apply-child.mjs DATA_DIR BUNDLE`. Its first stderr line marks the start of the work. */
const [dataDir, bundle] = process.argv.slice(2) as [string, string];
const database = await openDatabase(join(dataDir, 'xhht.sqlite'));
process.stderr.write('bắt đầu\n');
const report = await importBundle({
  db: database.db,
  sqlite: database.sqlite,
  dataDir,
  path: bundle,
  mode: 'apply',
  trust: true,
  resolutions: { all: null, rows: [] },
  force: false,
  actor: 'kiểm thử',
  operation: 'import-bundle',
  now: new Date(),
});
await database.close();
process.stdout.write(`${JSON.stringify(report.entities.reduce((n, e) => n + e.created, 0))}\n`);
