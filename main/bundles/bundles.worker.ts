import type { ExportOptions, Resolutions } from '../../shared/bundles.js';
import { AppError } from '../../shared/errors.js';
import { openDatabase } from '../db/database.js';
import { runJob } from '../jobs/index.js';
import { exportBundle, withAbort } from './export/export-bundle.js';
import { importBundle } from './import/import-bundle.js';
import { logRefusal } from './received-log.js';
import { verifyReport, type BundleSeen } from './verify.js';

/**
 * Bundle work off the request thread, on the worker's own connection to the
 * office database: export, verify, dry run and apply (one transaction; the
 * cancel flag is checked between rows and refused once committing).
 */
export type BundleWorkerInput =
  | { kind: 'export'; databaseFile: string; dataDir: string; options: ExportOptions; outPath: string; at: string }
  | {
      kind: 'verify';
      databaseFile: string;
      path: string;
      /** The officer receiving a file (the Receive page): a refused file is logged; a sender only not yet trusted is not (the officer decides). */
      log: { actor: string; operation: string; at: string; fileName: string };
    }
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
      fileName: string;
      logRefusal: boolean;
    };

runJob<BundleWorkerInput>(async (input, progress, cancel) => {
  const database = await openDatabase(input.databaseFile);
  try {
    if (input.kind === 'export') {
      return await exportBundle({ sqlite: database.sqlite, dataDir: input.dataDir, options: input.options, outPath: input.outPath, now: new Date(input.at), cancel, onProgress: progress });
    }
    if (input.kind === 'verify') {
      const seen: BundleSeen = {};
      const report = await withAbort(cancel, (signal) => verifyReport(database.db, input.path, { signal, seen, onProgress: (done, total) => progress('checking', done, total) }));
      if (!report.valid && report.sender === null) {
        const refusal = new AppError('IMPORT_INVALID', report.problem ?? 'Gói dữ liệu bị từ chối.');
        const logged = logRefusal({ sqlite: database.sqlite, ...input.log, now: new Date(input.log.at) }, seen, refusal);
        if (logged !== refusal) throw logged;
      }
      return report;
    }
    return await importBundle({ ...input, db: database.db, sqlite: database.sqlite, now: new Date(input.at), cancel, onProgress: progress });
  } finally {
    await database.close();
  }
});
