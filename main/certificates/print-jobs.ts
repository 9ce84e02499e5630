import { randomUUID } from 'node:crypto';
import { rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { DIRECT_PRINT_MAX, PRINT_DOWNLOAD_PIECE, type CertificatePrintResult, type CertificatePrintStatus, type CertificateSelection } from '../../shared/certificate-print.js';
import { registerNumberLabel } from '../../shared/certificates.js';
import { AppError } from '../../shared/errors.js';
import { foldText } from '../../shared/text.js';
import { TitleKind } from '../../shared/titles-criteria.js';
import type { AppContext } from '../app/context.js';
import type { ReadDb } from '../db/records.js';
import { tinosFontFaces } from '../printing/tinos-font.js';
import { documentTitleOf, issueForPrint, nothingToPrint, printFolder, PrintCancelled, printToFile, selectRecognitions, selectedRecognitionRows, viewOf } from './print.js';
import { issueCertificates, type IssuedCertificate } from './register.js';
import { loadTemplates } from './template-store.js';
import { certificatePage, certificatesDocument } from './templates.js';
import { readFilePiece } from '../files/file-piece.js';

/**
 * Print jobs run in this process, not a worker: the work is Chromium's (another
 * process) and the joining of its output, both asynchronous, and in Electron
 * the printer is the app's own webContents, which only the main process has.
 * One print at a time per data folder.
 */

interface PrintJob {
  status: CertificatePrintStatus;
  /** What the job printed, kept for the desktop's direct printing of the same pages. */
  issued: readonly IssuedCertificate[];
  documentTitle: string;
  dataDir: string;
  file: string;
  cancelRequested: boolean;
  finished: Promise<void>;
  finishedAt: number | null;
}

const jobs = new Map<string, PrintJob>();
/** How long a finished print stays downloadable. */
const KEEP_FINISHED_MS = 15 * 60 * 1000;

function forgetOldJobs(): void {
  const now = Date.now();
  for (const [id, job] of jobs) {
    if (job.finishedAt !== null && now - job.finishedAt > KEEP_FINISHED_MS) {
      rmSync(job.file, { force: true });
      jobs.delete(id);
    }
  }
}

function fileNameOf(selection: CertificateSelection): string {
  return `${foldText(documentTitleOf(selection)).replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '').slice(0, 80)}.pdf`;
}

/**
 * Selects, numbers (one transaction, before this returns) and starts printing
 * in the background. Nothing selected is an error naming the filter.
 */
export async function startPrint(ctx: AppContext, selection: CertificateSelection): Promise<{ jobId: string }> {
  forgetOldJobs();
  for (const job of jobs.values()) {
    if (job.dataDir === ctx.dataDir && job.finishedAt === null) throw new AppError('CONFLICT', 'Đang in một đợt giấy công nhận khác; hãy chờ đợt đó xong hoặc hủy nó.');
  }
  const { ids, alreadyPrinted } = await selectRecognitions(ctx.db, selection);
  if (ids.length === 0) throw nothingToPrint(selection, alreadyPrinted);
  const issued = await issueForPrint(ctx, ids, selection.reprintReason);
  const jobId = randomUUID();
  const file = join(printFolder(ctx.dataDir), `${jobId}.pdf`);
  const status: CertificatePrintStatus = { jobId, phase: 'writing', done: 0, total: issued.length, result: null, message: null, issues: [], issueCount: 0 };
  let settle!: () => void;
  const job: PrintJob = { status, issued, documentTitle: documentTitleOf(selection), dataDir: ctx.dataDir, file, cancelRequested: false, finished: new Promise((r) => (settle = r)), finishedAt: null };
  jobs.set(jobId, job);
  const finish = (update: Partial<CertificatePrintStatus>) => {
    Object.assign(status, update);
    job.finishedAt = Date.now();
    settle();
  };
  printToFile(ctx, issued, file, {
    documentTitle: documentTitleOf(selection),
    progress: (done) => (status.done = done),
    isCancelled: () => job.cancelRequested,
  }).then(
    (pages) => {
      const result: CertificatePrintResult = { fileName: fileNameOf(selection), pages, bytes: statSync(file).size, reprints: issued.filter((c) => c.reprint).length };
      finish({ phase: 'done', done: issued.length, result });
    },
    (error: unknown) => {
      if (error instanceof PrintCancelled) return finish({ phase: 'cancelled', message: error.message });
      if (!(error instanceof AppError)) console.error('[xhht] lỗi khi in giấy công nhận:', error);
      finish({ phase: 'failed', message: error instanceof AppError ? error.message : 'In giấy công nhận không thành công do lỗi không mong đợi; số vào sổ đã cấp vẫn giữ nguyên.' });
    },
  );
  return { jobId };
}

function lookUp(jobId: string): PrintJob {
  const job = jobs.get(jobId);
  if (!job) throw new AppError('NOT_FOUND', 'Không tìm thấy đợt in (có thể đã xong từ lâu hoặc ứng dụng đã khởi động lại).');
  return job;
}

export function printStatus(jobId: string): CertificatePrintStatus {
  return { ...lookUp(jobId).status };
}

/** Asks the print to stop after the part it is printing. */
export function cancelPrint(jobId: string): CertificatePrintStatus {
  const job = lookUp(jobId);
  if (job.finishedAt === null) job.cancelRequested = true;
  return printStatus(jobId);
}

export async function waitForPrint(jobId: string): Promise<CertificatePrintStatus> {
  await lookUp(jobId).finished;
  return printStatus(jobId);
}

/** A piece of the finished PDF, from `offset`. */
export function printPiece(jobId: string, offset: number): { base64: string; nextOffset: number | null; size: number } {
  const job = lookUp(jobId);
  if (job.status.phase !== 'done') throw new AppError('CONFLICT', 'Tệp PDF chưa in xong.');
  return readFilePiece(job.file, offset, PRINT_DOWNLOAD_PIECE);
}

/** The path of a finished print, for the desktop's direct printing and the tests. */
export function printedFile(jobId: string): string {
  const job = lookUp(jobId);
  if (job.status.phase !== 'done') throw new AppError('CONFLICT', 'Tệp PDF chưa in xong.');
  return job.file;
}

/**
 * The finished print as one HTML document for the desktop's direct printing:
 * the pages the PDF holds, built by the same code from the same register rows,
 * so paper from the printer and paper from the PDF are the same.
 */
export async function directPrintDocument(ctx: AppContext, jobId: string): Promise<{ html: string; pages: number }> {
  const job = lookUp(jobId);
  if (job.status.phase !== 'done') throw new AppError('CONFLICT', 'Đợt in chưa xong: hãy chờ in xong rồi mới in trực tiếp ra máy in.');
  if (job.issued.length > DIRECT_PRINT_MAX) {
    throw new AppError('VALIDATION', `Đợt in có ${job.issued.length} giấy, quá ${DIRECT_PRINT_MAX} giấy để in trực tiếp một lần: hãy mở tệp PDF đã tải về và in từ đó.`);
  }
  const templates = await loadTemplates(ctx);
  const pages = job.issued.map((c) => certificatePage(viewOf(c), templates[c.title]));
  return { html: certificatesDocument(pages, tinosFontFaces(), job.documentTitle), pages: pages.length };
}

// ---------- candidates and preview ----------

const CANDIDATES_LISTED = 500;

export async function listCandidates(db: ReadDb, selection: CertificateSelection) {
  const rows = await selectedRecognitionRows(db, selection);
  const items = rows.slice(0, CANDIDATES_LISTED).map((r) => {
    const title = TitleKind.parse(r.title);
    return {
      recognitionId: r.recognitionId,
      holderName: r.subjectName ?? (r.unitName ? `${r.unitType} ${r.unitName}` : ''),
      communeName: r.communeName ? `${r.communeType} ${r.communeName}` : '',
      decisionNumber: r.decisionNumber,
      title,
      year: r.year,
      registerNumber: r.registerSeq === null ? null : registerNumberLabel(r.registerSeq, r.year, title),
    };
  });
  return { items, total: rows.length, alreadyPrinted: rows.filter((r) => r.registerSeq !== null).length };
}

class Rollback extends Error {}

/**
 * What the next print of this recognition looks like. The register is asked
 * inside a transaction that is always rolled back, so a preview never takes a
 * number: one not printed yet shows where its number and QR will go.
 */
export async function previewCertificate(ctx: AppContext, recognitionId: string): Promise<{ html: string }> {
  let issued: IssuedCertificate | undefined;
  try {
    await ctx.db.transaction().execute(async (tx) => {
      issued = (await issueCertificates(tx, ctx, [recognitionId]))[0];
      throw new Rollback();
    });
  } catch (error) {
    if (!(error instanceof Rollback)) throw error;
  }
  const certificate = issued!;
  const view = viewOf(certificate);
  const page = certificate.reprint ? view : { ...view, registerNumber: '(cấp khi in)', qrPayload: '' };
  const templates = await loadTemplates(ctx);
  return { html: certificatesDocument([certificatePage(page, templates[certificate.title])], tinosFontFaces(), `Giấy công nhận — ${certificate.holderName}`) };
}
