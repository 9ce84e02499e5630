import type { ExportOptions, Resolutions } from '../../shared/bundles.js';
import { openDatabase } from '../db/database.js';
import { runJob } from '../jobs/index.js';
import { exportBundle, withAbort } from './export/export-bundle.js';
import { importBundle } from './import/import-bundle.js';
import { verifyReport } from './verify.js';

/**
 * Bundle work off the request thread, on the worker's own connection to the
 * office database: export, verify, dry run and apply (one transaction; the
 * cancel flag is checked between rows and refused once committing).
 */
export type BundleWorkerInput =
  | { kind: 'export'; databaseFile: string; dataDir: string; options: ExportOptions; outPath: string; at: string }
  | { kind: 'verify'; databaseFile: string; path: string }
  | {
      kind: 'import';
      mode: 'dryRun' | 'apply';
      databaseFile: string;
      dataDir: string;
      path: string;
      trust: boolean;
      resolutions: Resolutions;
      force: boolean;
      actor: string;
      operation: string;
      at: string;
    };

runJob<BundleWorkerInput>(async (input, progress, cancel) => {
  const database = await openDatabase(input.databaseFile);
  try {
    if (input.kind === 'export') {
      return await exportBundle({ sqlite: database.sqlite, dataDir: input.dataDir, options: input.options, outPath: input.outPath, now: new Date(input.at), cancel, onProgress: progress });
    }
    if (input.kind === 'verify') {
      return await withAbort(cancel, (signal) => verifyReport(database.db, input.path, { signal, onProgress: (done, total) => progress('checking', done, total) }));
    }
    return await importBundle({ ...input, db: database.db, sqlite: database.sqlite, now: new Date(input.at), cancel, onProgress: progress });
  } finally {
    await database.close();
  }
});
