import type { UnitImportResult, UnitImportStatus } from '../../shared/units.js';
import { waitForJob } from '../../main/jobs/index.js';
import type { TestApp } from './test-app.js';

/** Runs a units import job through the contract's ops to its end and returns its final status. */
export async function runUnitsImport(app: TestApp, content: Buffer, dryRun = false): Promise<UnitImportStatus> {
  const { jobId } = await app.call('units.importXlsx', { fileName: 'don-vi.xlsx', contentBase64: content.toString('base64'), dryRun });
  await waitForJob(jobId);
  return app.call('units.importStatus', { jobId });
}

/** Runs an import that must succeed and returns its result; a failure shows its message and first issues. */
export async function importUnitsOk(app: TestApp, content: Buffer, dryRun = false): Promise<UnitImportResult> {
  const status = await runUnitsImport(app, content, dryRun);
  if (status.phase !== 'done' || !status.result) throw new Error(`import ${status.phase}: ${status.message} ${JSON.stringify(status.issues.slice(0, 5))}`);
  return status.result;
}
