import { AppError } from '../../shared/errors.js';
import { evidenceOps } from '../../shared/evidence.js';
import type { FeatureHandlers } from '../app/handlers.js';
import { exportEvidenceIndex } from './evidence.export.js';
import {
  attachStaged,
  detachEvidence,
  discardStaged,
  listEvidence,
  loadSettings,
  purgeEvidence,
  renameEvidence,
  restoreEvidence,
  saveSettings,
  searchEvidence,
  verifyEvidence,
} from './evidence.service.js';

export { attachStaged, discardStaged, evidenceContent, loadSettings, verifyEvidence, type VerifyProgress } from './evidence.service.js';
export { asAppError, contentDisposition, isEvidenceRoute, receiveUpload, serveEvidenceRoute } from './evidence-http.js';
export { storeOf } from './store.js';
export { attachDemoEvidence } from './demo-evidence.js';
export { verifyFilesCommand } from './verify-command.js';

/** The system dialog and the system application exist only in the desktop app, whose IPC host answers these itself. */
const desktopOnly = () =>
  Promise.reject(new AppError('FORBIDDEN', 'Thao tác này chỉ có trong ứng dụng XHHT trên máy tính; trong trình duyệt hãy dùng nút "Chọn tệp" hoặc "Tải về".'));

export const evidenceHandlers: FeatureHandlers<typeof evidenceOps> = {
  'evidence.list': (input, ctx) => listEvidence(ctx.db, input),
  'evidence.search': (input, ctx) => searchEvidence(ctx.db, input),
  'evidence.export': (input, ctx) => exportEvidenceIndex(ctx.db, input, ctx.clock.today()),
  'evidence.attach': (input, ctx) => attachStaged(ctx, input),
  'evidence.discardStaged': async (input, ctx) => ({ discarded: await discardStaged(ctx, input.stagedIds) }),
  'evidence.rename': (input, ctx) => renameEvidence(ctx, input),
  'evidence.detach': (input, ctx) => detachEvidence(ctx, input),
  'evidence.restore': (input, ctx) => restoreEvidence(ctx, input.id),
  'evidence.purge': (input, ctx) => purgeEvidence(ctx, input.ids),
  'evidence.verify': (_input, ctx) => verifyEvidence(ctx),
  'evidence.settings': (_input, ctx) => loadSettings(ctx.db),
  'evidence.saveSettings': (input, ctx) => saveSettings(ctx, input),
  'evidence.chooseFiles': desktopOnly,
  'evidence.openCopy': desktopOnly,
};
