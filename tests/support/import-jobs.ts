import type { UnitImportResult, UnitImportStatus } from '../../shared/units.js';
import { SHEET_UPLOAD_MAX_BYTES } from '../../shared/evidence.js';
import { storeOf } from '../../main/evidence/index.js';
import { waitForJob } from '../../main/jobs/index.js';
import type { TestApp } from './test-app.js';

/** Stages a sheet as the upload route does (purpose `sheet`) and returns its id for an import op. */
export async function stageSheet(app: TestApp, content: Buffer, name = 'don-vi.xlsx'): Promise<string> {
  return (await storeOf(app.ctx.dataDir).receive([content], name, SHEET_UPLOAD_MAX_BYTES, 'sheet')).stagedId;
}

/** Runs a units import job through the contract's ops to its end and returns its final status. */
export async function runUnitsImport(app: TestApp, content: Buffer, dryRun = false): Promise<UnitImportStatus> {
  const { jobId } = await app.call('units.importXlsx', { stagedId: await stageSheet(app, content), dryRun });
  await waitForJob(jobId);
  return app.call('units.importStatus', { jobId });
}

/** Runs an import that must succeed and returns its result; a failure shows its message and first issues. */
export async function importUnitsOk(app: TestApp, content: Buffer, dryRun = false): Promise<UnitImportResult> {
  const status = await runUnitsImport(app, content, dryRun);
  if (status.phase !== 'done' || !status.result) throw new Error(`import ${status.phase}: ${status.message} ${JSON.stringify(status.issues.slice(0, 5))}`);
  return status.result;
}
