import { certificatePrintOps } from '../../shared/certificate-print.js';
import { AppError } from '../../shared/errors.js';
import type { AppContext } from '../app/context.js';
import { directPrintDocument } from '../certificates/index.js';
import type { DesktopOp } from './evidence-desktop.js';

/**
 * The desktop half of certificate printing: a finished print job's pages, the
 * same HTML as its PDF, handed to `printHtml` (the system print dialog in
 * Electron, print-window.ts). Kept free of Electron so the HTML handed over is tested.
 */
export function desktopCertificateOps(ctx: AppContext, printHtml: (html: string) => Promise<boolean>): Record<string, DesktopOp> {
  return {
    'certificates.printDirect': async (raw) => {
      const parsed = certificatePrintOps['certificates.printDirect'].input.safeParse(raw ?? {});
      if (!parsed.success) return { ok: false, error: { code: 'VALIDATION', message: 'Dữ liệu nhập chưa hợp lệ: thiếu mã đợt in' } };
      try {
        const { html, pages } = await directPrintDocument(ctx, parsed.data.jobId);
        const printed = await printHtml(html);
        return { ok: true, data: { pages: printed ? pages : 0 } };
      } catch (error) {
        const e = error instanceof AppError ? error : new AppError('INTERNAL', `Không in được ra máy in: ${error instanceof Error ? error.message : String(error)}`);
        return { ok: false, error: { code: e.code, message: e.message } };
      }
    },
  };
}
