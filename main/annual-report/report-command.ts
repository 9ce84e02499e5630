import { existsSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { z } from 'zod';
import { AppError } from '../../shared/errors.js';
import type { AppContext } from '../app/context.js';
import { writeStatisticsWorkbook } from '../statistics/index.js';
import { reportDocx } from './report-file.js';

/** `report`'s options as the CLI reads them (strings). */
export const ReportArgs = z.object({
  'data-dir': z.string({ message: 'thiếu thư mục dữ liệu' }).min(1, 'thiếu thư mục dữ liệu'),
  year: z.coerce.number({ message: 'thiếu năm báo cáo, ví dụ 2025' }).int('phải là năm, ví dụ 2025'),
  out: z
    .string({ message: 'thiếu tệp cần ghi (.docx cho báo cáo năm, .xlsx cho biểu thống kê)' })
    .trim()
    .regex(/\.(docx|xlsx)$/i, 'phải là tệp .docx (báo cáo năm) hoặc .xlsx (biểu thống kê)'),
});
export type ReportArgs = z.infer<typeof ReportArgs>;

type Opened = AppContext & { close(): Promise<void> };

/** Writes beside the target and renames at the end, so a failed run never leaves half a file under the name asked for. */
function writeWhole(out: string, bytes: Buffer): void {
  const part = `${out}.dang-ghi`;
  try {
    writeFileSync(part, bytes);
    renameSync(part, out);
  } finally {
    rmSync(part, { force: true });
  }
}

/** `xhht report`: the yearly report of a data folder as .docx, or the year's statistical tables as .xlsx. */
export async function reportCommand(args: ReportArgs, open: (dir: string) => Promise<Opened>, stdout: NodeJS.WritableStream): Promise<void> {
  if (!existsSync(args['data-dir']) || readdirSync(args['data-dir']).length === 0) throw new AppError('NOT_FOUND', `Không có dữ liệu XHHT trong ${args['data-dir']}`);
  const out = resolve(args.out);
  const ctx = await open(args['data-dir']);
  try {
    if (/\.xlsx$/i.test(out)) {
      const summary = await writeStatisticsWorkbook(ctx.db, { year: args.year, today: ctx.clock.today() }, out);
      stdout.write(`Đã ghi biểu thống kê năm ${args.year} (${summary.communes} xã, thị trấn) vào ${out}\n`);
      return;
    }
    const file = await reportDocx(ctx.db, args.year, ctx.clock.today());
    writeWhole(out, file.bytes);
    stdout.write(`Đã ghi báo cáo năm ${args.year} vào ${out}\n`);
  } finally {
    await ctx.close();
  }
}
