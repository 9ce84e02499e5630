import { existsSync, readdirSync, renameSync } from 'node:fs';
import { resolve } from 'node:path';
import { z } from 'zod';
import { CertificateSelection } from '../../shared/certificate-print.js';
import { AppError } from '../../shared/errors.js';
import { foldText } from '../../shared/text.js';
import { TITLE_LABELS, TitleKind } from '../../shared/titles-criteria.js';
import type { AppContext } from '../app/context.js';
import { documentTitleOf, issueForPrint, nothingToPrint, printToFile, selectRecognitions } from './print.js';

/** `print-certificates`' own options, as the CLI reads them (strings). */
export const PrintCertificatesArgs = z.object({
  'data-dir': z.string({ message: 'thiếu --data-dir' }).min(1, 'thiếu --data-dir'),
  year: z.coerce.number({ message: 'thiếu --year (năm công nhận, ví dụ 2025)' }).int('--year phải là năm, ví dụ 2025'),
  title: z.string().optional(),
  decision: z.string().trim().min(1, '--decision: ghi số quyết định, ví dụ 15/QĐ-UBND').optional(),
  out: z.string({ message: 'thiếu --out (tệp PDF cần ghi)' }).trim().regex(/\.pdf$/i, '--out phải là tệp .pdf'),
  reprint: z.string().optional(),
});
export type PrintCertificatesArgs = z.infer<typeof PrintCertificatesArgs>;

/** "cong_dan", "Công dân học tập" or "cong dan hoc tap" → cong_dan. */
export function titleFromArg(text: string): TitleKind {
  const code = TitleKind.safeParse(text.trim());
  if (code.success) return code.data;
  const folded = foldText(text);
  const found = TitleKind.options.find((t) => foldText(TITLE_LABELS[t]) === folded || foldText(TITLE_LABELS[t]).startsWith(folded));
  if (!found) throw new AppError('VALIDATION', `--title: không có danh hiệu "${text}"; dùng một trong: ${TitleKind.options.join(', ')}`);
  return found;
}

type Opened = AppContext & { close(): Promise<void> };

/**
 * `xhht print-certificates`: numbers the selection, then prints it into one
 * PDF (written beside the target and renamed at the end, so a failed or
 * interrupted print never leaves half a file under the name asked for).
 * Progress goes to stderr; nothing selected is an error naming the filter.
 */
export async function printCertificatesCommand(args: PrintCertificatesArgs, open: (dir: string) => Promise<Opened>, progress: NodeJS.WritableStream): Promise<number> {
  if (!existsSync(args['data-dir']) || readdirSync(args['data-dir']).length === 0) throw new AppError('NOT_FOUND', `Không có dữ liệu XHHT trong ${args['data-dir']}`);
  const parsed = CertificateSelection.safeParse({
    year: args.year,
    title: args.title === undefined ? undefined : titleFromArg(args.title),
    decisionNumber: args.decision,
    reprintReason: args.reprint,
  });
  if (!parsed.success) throw new AppError('VALIDATION', parsed.error.issues.map((i) => `--${String(i.path[0] ?? '')}: ${i.message}`).join('; '));
  const ctx = await open(args['data-dir']);
  try {
    return await printSelectionToFile({ ...ctx, operation: 'print-certificates' }, parsed.data, resolve(args.out), (line) => progress.write(`${line}\n`));
  } finally {
    await ctx.close();
  }
}

/**
 * Numbers and prints a selection into `out` (written beside it and renamed at
 * the end); progress lines go to `progress`. Returns the page count.
 */
export async function printSelectionToFile(ctx: AppContext, selection: CertificateSelection, out: string, progress: (line: string) => void): Promise<number> {
  const { ids, alreadyPrinted } = await selectRecognitions(ctx.db, selection);
  if (ids.length === 0) throw nothingToPrint(selection, alreadyPrinted);
  progress(`Cấp số vào sổ cho ${ids.length} giấy công nhận…`);
  const issued = await issueForPrint(ctx, ids, selection.reprintReason);
  const partial = `${out}.dang-in`;
  const pages = await printToFile(ctx, issued, partial, {
    documentTitle: documentTitleOf(selection),
    progress: (done, total) => progress(`Đã in ${done}/${total} giấy`),
  });
  renameSync(partial, out);
  const reprints = issued.filter((c) => c.reprint).length;
  progress(`Đã ghi ${pages} trang vào ${out}${reprints > 0 ? ` (${reprints} bản cấp lại)` : ''}`);
  return pages;
}
