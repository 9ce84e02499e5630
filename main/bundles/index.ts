import type { bundlesOps } from '../../shared/bundles.js';
import type { FeatureHandlers } from '../app/handlers.js';
import { inTransaction } from '../db/records.js';
import {
  estimate,
  exportCancel,
  exportPiece,
  exportStatus,
  importCancel,
  importStatus,
  listReceived,
  startExport,
  startImport,
  startVerify,
  trustSender,
  declineSender,
  verifyCancel,
  verifyStatus,
} from './bundles.service.js';

export { exportBundleCommand, ExportBundleArgs, importBundleCommand, ImportBundleArgs } from './bundle-commands.js';
export { VerifyBundleArgs, verifyBundleCommand } from './verify-command.js';

export const bundlesHandlers: FeatureHandlers<typeof bundlesOps> = {
  'bundles.estimate': async (input, ctx) => estimate(ctx, input),
  'bundles.exportStart': (input, ctx) => startExport(ctx, input),
  'bundles.exportStatus': async (input) => exportStatus(input.jobId),
  'bundles.exportCancel': async (input) => exportCancel(input.jobId),
  'bundles.exportDownload': async (input, ctx) => exportPiece(ctx, input.jobId, input.offset),
  'bundles.verifyStart': (input, ctx) => startVerify(ctx, input.source),
  'bundles.verifyStatus': async (input) => verifyStatus(input.jobId),
  'bundles.verifyCancel': async (input) => verifyCancel(input.jobId),
  'bundles.dryRunStart': (input, ctx) => startImport(ctx, { source: input.source, mode: 'dryRun', resolutions: { all: null, rows: [] }, force: false }),
  'bundles.dryRunStatus': async (input) => importStatus(input.jobId),
  'bundles.dryRunCancel': async (input) => importCancel(input.jobId),
  'bundles.applyStart': (input, ctx) => startImport(ctx, { source: input.source, mode: 'apply', resolutions: input.resolutions, force: input.force }),
  'bundles.applyStatus': async (input) => importStatus(input.jobId),
  'bundles.applyCancel': async (input) => importCancel(input.jobId),
  'bundles.trustSender': (input, ctx) => inTransaction(ctx, (tx) => trustSender(tx, ctx, input)),
  'bundles.declineSender': (input, ctx) => inTransaction(ctx, (tx) => declineSender(tx, ctx, input.jobId)),
  'bundles.list': (input, ctx) => listReceived(ctx.db, input.limit),
};
