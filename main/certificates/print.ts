import { mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { CertificateSelection } from '../../shared/certificate-print.js';
import { AppError } from '../../shared/errors.js';
import { TITLE_LABELS } from '../../shared/titles-criteria.js';
import type { AppContext } from '../app/context.js';
import { inTransaction, type ReadDb } from '../db/records.js';
import { tinosFontFaces } from '../printing/tinos-font.js';
import { PdfJoiner } from './print-pdf-merge.js';
import { issueCertificates, logReprint, type IssuedCertificate } from './register.js';
import { loadTemplates } from './template-store.js';
import { certificatePage, certificatesDocument, type CertificateView } from './templates.js';

/**
 * Batch printing: the recognitions a filter selects get their register numbers
 * in one short transaction, then are printed outside it, a part of
 * PRINT_PART_PAGES pages at a time, each part joined to the output file as it
 * comes, so memory does not grow with the count.
 */

/** Pages per Chromium print: large enough that the per-print cost is small, small enough that Chromium's layout stays small. */
export const PRINT_PART_PAGES = 200;

// ---------- selection ----------

/** The recognitions (titleDecisionEntries ids) a filter selects, in decision order then annex order. */
/**
 * The recognitions a print selection covers, in decision and list order, with
 * what the list page shows and whether each already has a valid certificate.
 */
export function selectedRecognitionRows(db: ReadDb, selection: CertificateSelection) {
  let query = db
    .selectFrom('titleDecisionEntries as x')
    .innerJoin('titleDecisions as d', 'd.id', 'x.decisionId')
    .innerJoin('titleEvaluations as e', 'e.id', 'x.evaluationId')
    .leftJoin('titleSubjects as s', 's.id', 'e.subjectId')
    .leftJoin('units as u', 'u.id', 'e.subjectUnitId')
    .leftJoin('units as cu', 'cu.id', 'e.communeId')
    .leftJoin('certificates as c', (join) => join.onRef('c.recognitionId', '=', 'x.id').on('c.deletedAt', 'is', null).on('c.revokedOn', 'is', null))
    .select([
      'x.id as recognitionId',
      'c.id as certificateId',
      'c.registerSeq',
      's.name as subjectName',
      'u.type as unitType',
      'u.name as unitName',
      'cu.type as communeType',
      'cu.name as communeName',
      'd.number as decisionNumber',
      'd.title',
      'd.year',
    ])
    .where('x.deletedAt', 'is', null)
    .where('d.deletedAt', 'is', null)
    .where('e.deletedAt', 'is', null);
  if (selection.year !== undefined) query = query.where('d.year', '=', selection.year);
  if (selection.title !== undefined) query = query.where('d.title', '=', selection.title);
  if (selection.communeId !== undefined) query = query.where('e.communeId', '=', selection.communeId);
  if (selection.decisionId !== undefined) query = query.where('d.id', '=', selection.decisionId);
  if (selection.decisionNumber !== undefined) query = query.where('d.number', '=', selection.decisionNumber);
  return query.orderBy('d.signedOn').orderBy('d.number').orderBy('x.position').execute();
}

export async function selectRecognitions(db: ReadDb, selection: CertificateSelection): Promise<{ ids: string[]; alreadyPrinted: number }> {
  const rows = await selectedRecognitionRows(db, selection);
  const reprints = selection.reprintReason !== undefined;
  const ids = rows.filter((r) => reprints || r.certificateId === null).map((r) => r.recognitionId);
  return { ids, alreadyPrinted: rows.filter((r) => r.certificateId !== null).length };
}

/** Why a selection prints nothing, in words that name the filter. */
export function nothingToPrint(selection: CertificateSelection, alreadyPrinted: number): AppError {
  const filter = [
    selection.year !== undefined ? `năm ${selection.year}` : '',
    selection.title !== undefined ? `danh hiệu “${TITLE_LABELS[selection.title]}”` : '',
    selection.decisionNumber !== undefined ? `quyết định số ${selection.decisionNumber}` : '',
    selection.decisionId !== undefined ? 'quyết định đã chọn' : '',
    selection.communeId !== undefined ? 'xã đã chọn' : '',
  ]
    .filter((s) => s)
    .join(', ');
  if (alreadyPrinted > 0) {
    return new AppError('NOT_FOUND', `Không có giấy công nhận nào chưa in cho ${filter}: ${alreadyPrinted} giấy đã in trước đây. Muốn in lại (bản cấp lại), hãy ghi lý do in lại.`);
  }
  return new AppError('NOT_FOUND', `Không có đối tượng nào được công nhận theo quyết định cho ${filter}: không có giấy công nhận để in.`);
}

/**
 * Register numbers for the selection, in one transaction: new certificates get
 * the next numbers, already printed ones keep theirs and their reprint is
 * logged with the reason.
 */
export async function issueForPrint(ctx: AppContext, recognitionIds: string[], reprintReason: string | undefined): Promise<IssuedCertificate[]> {
  return inTransaction(ctx, async (tx) => {
    const issued = await issueCertificates(tx, ctx, recognitionIds);
    for (const certificate of issued) if (certificate.reprint) await logReprint(tx, ctx, certificate.certificateId, reprintReason ?? '');
    return issued;
  });
}

/**
 * Numbers for every recognition of a decision that holds no certificate yet;
 * the demo gives its decision's certificates so the register is not empty.
 */
export async function issueDecisionCertificates(ctx: AppContext, decisionId: string): Promise<IssuedCertificate[]> {
  const { ids } = await selectRecognitions(ctx.db, { decisionId });
  return ids.length === 0 ? [] : issueForPrint(ctx, ids, undefined);
}

// ---------- rendering ----------

/** "Xã Tân Hộ Cơ" after a hamlet reads "xã Tân Hộ Cơ", as addresses are written. */
const lowerFirst = (s: string) => (s ? s.charAt(0).toLocaleLowerCase('vi') + s.slice(1) : s);

export function viewOf(c: IssuedCertificate): CertificateView {
  const hamlet = c.hamletName === c.holderName ? '' : c.hamletName;
  return {
    registerNumber: c.registerNumber,
    titleLabel: c.titleName,
    year: c.year,
    isPerson: c.title === 'cong_dan',
    holderName: c.holderName,
    birthYear: c.birthYear,
    address: c.address,
    hamlet,
    commune: c.address || hamlet ? lowerFirst(c.communeName) : c.communeName,
    decisionNumber: c.decisionNumber,
    decisionDate: c.decisionDate,
    decisionAuthority: c.issuingBody,
    signerTitle: c.signerTitle,
    signerName: c.signerName,
    place: c.place,
    issuedOn: c.decisionDate,
    reprint: c.reprint,
    qrPayload: c.qrPayload,
  };
}

export interface PrintProgress {
  (done: number, total: number): void;
}

/** Thrown between parts when the officer cancels; the half-written file is removed. */
export class PrintCancelled extends Error {
  constructor() {
    super('Đã hủy in; tệp PDF dở dang đã được xóa. Số vào sổ đã cấp vẫn giữ nguyên.');
  }
}

/** Parts printing at once: while Chromium lays out one, the next one's pages are built and a second renderer takes it. */
const PARTS_IN_FLIGHT = 2;

/**
 * Prints the certificates into one PDF at `outFile`, PRINT_PART_PAGES at a
 * time, PARTS_IN_FLIGHT parts at once, joined in order; `isCancelled` is
 * asked before each part starts. Returns the page count. Memory holds at most
 * PARTS_IN_FLIGHT parts, whatever the count.
 */
export async function printToFile(
  ctx: AppContext,
  certificates: readonly IssuedCertificate[],
  outFile: string,
  options: { progress?: PrintProgress; isCancelled?: () => boolean; partPages?: number; documentTitle: string },
): Promise<number> {
  const templates = await loadTemplates(ctx);
  const fonts = tinosFontFaces();
  const partPages = options.partPages ?? PRINT_PART_PAGES;
  const joiner = new PdfJoiner(outFile);
  const printPart = (from: number) => {
    const pages = certificates.slice(from, from + partPages).map((c) => certificatePage(viewOf(c), templates[c.title]));
    const printed = ctx.printer.printToPdf(certificatesDocument(pages, fonts, options.documentTitle), { landscape: true });
    // Awaited in order below; a failure while an earlier part is awaited must not count as unhandled.
    printed.catch(() => undefined);
    return { end: Math.min(from + partPages, certificates.length), printed };
  };
  const inFlight: ReturnType<typeof printPart>[] = [];
  const joinOldest = async () => {
    const part = inFlight.shift()!;
    joiner.append(await part.printed);
    options.progress?.(part.end, certificates.length);
  };
  try {
    for (let from = 0; from < certificates.length; from += partPages) {
      if (options.isCancelled?.()) throw new PrintCancelled();
      inFlight.push(printPart(from));
      if (inFlight.length >= PARTS_IN_FLIGHT) await joinOldest();
    }
    while (inFlight.length > 0) await joinOldest();
    joiner.finish(options.documentTitle, ctx.clock.now());
    return joiner.pageCount;
  } catch (error) {
    joiner.close();
    rmSync(outFile, { force: true });
    throw error;
  }
}

/** "Giấy công nhận năm 2025 — Công dân học tập", the PDF's title and the base of its file name. */
export function documentTitleOf(selection: CertificateSelection): string {
  const parts = ['Giấy công nhận'];
  if (selection.year !== undefined) parts.push(`năm ${selection.year}`);
  if (selection.title !== undefined) parts.push(`— ${TITLE_LABELS[selection.title]}`);
  if (selection.decisionNumber !== undefined) parts.push(`— QĐ ${selection.decisionNumber}`);
  return parts.join(' ');
}

/** The folder print jobs write into before the officer saves the PDF. */
export function printFolder(dataDir: string): string {
  const dir = join(dataDir, 'tmp', 'certificates');
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  return dir;
}
