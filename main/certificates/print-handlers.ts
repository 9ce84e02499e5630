import type { certificatePrintOps } from '../../shared/certificate-print.js';
import { AppError } from '../../shared/errors.js';
import { TITLE_LABELS } from '../../shared/titles-criteria.js';
import type { FeatureHandlers } from '../app/handlers.js';
import { tinosFontFaces } from '../printing/tinos-font.js';
import { cancelPrint, listCandidates, previewCertificate, printPiece, printStatus, startPrint } from './print-jobs.js';
import { loadTemplates, saveTemplate } from './template-store.js';
import { certificatePage, certificatesDocument, sampleView } from './templates.js';

export const certificatePrintHandlers: FeatureHandlers<typeof certificatePrintOps> = {
  'certificates.candidates': (input, ctx) => listCandidates(ctx.db, input),
  'certificates.preview': (input, ctx) => previewCertificate(ctx, input.recognitionId),
  'certificates.print': (input, ctx) => startPrint(ctx, input),
  'certificates.printStatus': async (input) => printStatus(input.jobId),
  'certificates.printCancel': async (input) => cancelPrint(input.jobId),
  'certificates.printDownload': async (input) => printPiece(input.jobId, input.offset),
  // The desktop's IPC host answers it (main/electron); a browser reaching the dispatcher has no printer to hand the pages to.
  'certificates.printDirect': () =>
    Promise.reject(new AppError('FORBIDDEN', 'In trực tiếp ra máy in chỉ có trong ứng dụng XHHT trên máy tính; trong trình duyệt hãy mở tệp PDF đã tải về và in từ đó.')),
  'certificates.templates': async (_input, ctx) => Object.values(await loadTemplates(ctx)),
  'certificates.saveTemplate': (input, ctx) => saveTemplate(ctx, input),
  'certificates.templatePreview': async (input) => ({
    html: certificatesDocument([certificatePage(sampleView(TITLE_LABELS[input.title], input.title === 'cong_dan'), input)], tinosFontFaces(), 'Mẫu giấy công nhận'),
  }),
};
