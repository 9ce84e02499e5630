import type { backupOps } from '../../shared/backup.js';
import type { FeatureHandlers } from '../app/handlers.js';
import { backupOverview, backupStatus, cancelBackup, cancelRestore, restoreStatus, saveBackupSettings, startBackup, startRestore } from './backup.service.js';

export { applyPendingRestore, startDailyBackups } from './backup.service.js';
export { BackupArgs, RestoreArgs, backupCommand, restoreCommand } from './backup-command.js';

export const backupHandlers: FeatureHandlers<typeof backupOps> = {
  'backup.overview': async (_input, ctx) => backupOverview(ctx),
  'backup.saveSettings': (input, ctx) => saveBackupSettings(ctx, input),
  'backup.start': (input, ctx) => startBackup(ctx, input.passphrase),
  'backup.status': async (input) => backupStatus(input.jobId),
  'backup.cancel': async (input) => cancelBackup(input.jobId),
  'backup.restore': (input, ctx) => startRestore(ctx, input),
  'backup.restoreStatus': async (input) => restoreStatus(input.jobId),
  'backup.restoreCancel': async (input) => cancelRestore(input.jobId),
};
