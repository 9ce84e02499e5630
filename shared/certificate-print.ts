import { z } from 'zod';
import { CertificateTemplate } from './certificate-templates.js';
import { JobRef, JobStarted, jobStatusSchema } from './jobs.js';
import { job, mutation, query } from './op.js';
import { TitleKind } from './titles-criteria.js';

/**
 * Printing certificates: which recognitions a batch takes, the print job
 * (progress, cancel, the finished PDF fetched in pieces), the preview and
 * the editable wording per title.
 */

export const CertificateSelection = z
  .object({
    year: z.number().int().min(2000, 'Năm từ 2000').max(2100, 'Năm đến 2100').optional(),
    title: TitleKind.optional(),
    communeId: z.string().min(1).max(64).optional(),
    decisionId: z.string().min(1).max(64).optional(),
    /** As printed on the decision ("15/QĐ-UBND"); the CLI selects by it. */
    decisionNumber: z.string().trim().min(1).max(100).optional(),
    /**
     * Given: certificates printed before are printed again as "bản cấp lại",
     * each reprint logged with this reason. Absent: only those never printed.
     */
    reprintReason: z.string().trim().min(3, 'Ghi rõ lý do in lại (ít nhất 3 ký tự)').max(500, 'Lý do in lại quá dài').optional(),
  })
  .refine((s) => s.year !== undefined || s.decisionId !== undefined || s.decisionNumber !== undefined, {
    message: 'Chọn năm hoặc quyết định cần in',
    path: ['year'],
  });
export type CertificateSelection = z.infer<typeof CertificateSelection>;

export const CertificatePrintResult = z.object({
  fileName: z.string(),
  pages: z.number().int(),
  bytes: z.number().int(),
  /** How many of the pages are reprints ("bản cấp lại"). */
  reprints: z.number().int(),
});
export type CertificatePrintResult = z.infer<typeof CertificatePrintResult>;
export const CertificatePrintStatus = jobStatusSchema(CertificatePrintResult);
export type CertificatePrintStatus = z.infer<typeof CertificatePrintStatus>;

/** The finished PDF travels in pieces of this size, so a 10,000-page file never sits whole in one message. */
export const PRINT_DOWNLOAD_PIECE = 4 * 1024 * 1024;
/** Direct printing lays every page out in one window before the print dialog; beyond this the PDF is the way. */
export const DIRECT_PRINT_MAX = 1000;

export const PrintPiece = z.object({ base64: z.string(), nextOffset: z.number().int().nullable(), size: z.number().int() });

export const CertificateCandidate = z.object({
  recognitionId: z.string(),
  holderName: z.string(),
  communeName: z.string(),
  decisionNumber: z.string(),
  title: TitleKind,
  year: z.number().int(),
  /** "12/2025/CDHT" once printed. */
  registerNumber: z.string().nullable(),
});
export type CertificateCandidate = z.infer<typeof CertificateCandidate>;

export const certificatePrintOps = {
  /** The recognitions a selection takes, with their register number when printed before (at most 500 listed, all counted). */
  'certificates.candidates': query(CertificateSelection, z.object({ items: z.array(CertificateCandidate), total: z.number().int(), alreadyPrinted: z.number().int() })),
  /** One certificate exactly as it prints (the same HTML); one never printed shows where its number and QR will go. */
  'certificates.preview': query(z.object({ recognitionId: z.string().min(1).max(64) }), z.object({ html: z.string() }), 'officer'),
  /** Gives register numbers in one short transaction, then prints in the background. */
  'certificates.print': job(CertificateSelection, JobStarted, 'officer'),
  'certificates.printStatus': query(JobRef, CertificatePrintStatus, 'officer'),
  'certificates.printCancel': query(JobRef, CertificatePrintStatus, 'officer'),
  'certificates.printDownload': query(JobRef.extend({ offset: z.number().int().min(0) }), PrintPiece, 'officer'),
  /**
   * Desktop app only: the finished print's certificates, the same HTML as its
   * PDF, sent to a printer through the system print dialog (at most
   * DIRECT_PRINT_MAX pages; a larger batch prints from its PDF).
   */
  'certificates.printDirect': query(JobRef, z.object({ pages: z.number().int() }), 'officer'),
  'certificates.templates': query(z.object({}), z.array(CertificateTemplate)),
  'certificates.saveTemplate': mutation(CertificateTemplate, CertificateTemplate, 'admin'),
  /** A sample certificate in a template's wording, for the settings page. */
  'certificates.templatePreview': query(CertificateTemplate, z.object({ html: z.string() })),
} as const;
