import { existsSync, readdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { z } from 'zod';
import { BUNDLE_KIND_LABELS, type VerifyReport } from '../../shared/bundles.js';
import { formatDateVi } from '../../shared/dates.js';
import { AppError } from '../../shared/errors.js';
import { formatBytes } from '../../shared/evidence.js';
import { JOB_PHASE_LABELS } from '../../shared/jobs.js';
import type { ReadDb } from '../db/records.js';
import { NOT_CHECKED, verifyReport } from './verify.js';

export const VerifyBundleArgs = z.object({ 'data-dir': z.string().min(1, 'thiếu thư mục sau --data-dir').optional() });

type Open = (dir: string) => Promise<{ db: ReadDb; close(): Promise<void> }>;

/** The report as the CLI prints it: the verdict, what the bundle is, each check, the sender. */
export function describeReport(report: VerifyReport, trustChecked: boolean): string {
  const lines = [report.valid ? 'HỢP LỆ' : `KHÔNG HỢP LỆ: ${report.problem ?? ''}`];
  const h = report.header;
  if (h) {
    const counts = Object.entries(h.counts).filter(([, n]) => n > 0);
    lines.push(
      `  Gói:        ${BUNDLE_KIND_LABELS[h.kind]}, mã ${h.bundleId}`,
      `  Kỳ:         ${h.period ?? 'mọi kỳ'}, đóng gói ngày ${formatDateVi(h.baggingDate)}, lược đồ ${h.schema}`,
      `  Bản ghi:    ${counts.length ? counts.map(([entity, n]) => `${entity} ${n.toLocaleString('vi-VN')}`).join(', ') : 'không có'}`,
      `  Minh chứng: ${h.files.count.toLocaleString('vi-VN')} tệp, ${formatBytes(h.files.bytes)}${h.personalData ? '; có số định danh cá nhân' : ''}`,
    );
  }
  for (const check of report.checks) {
    const mark = check.ok ? '✓' : check.message === NOT_CHECKED ? '–' : '✗';
    lines.push(`  ${mark} ${check.name}${check.ok || !check.message ? '' : `: ${check.message}`}`);
  }
  const s = report.sender;
  if (s) {
    lines.push(`  Người gửi:  ${s.officeName} (mã ${s.officeCode}), khóa ${s.keyId}`, `  Dấu vân tay: ${s.fingerprint}`);
    lines.push(trustChecked ? `  Tin cậy:    ${s.trusted ? 'có (khóa của đơn vị này hoặc trong danh sách tin cậy)' : 'CHƯA — đối chiếu dấu vân tay với đơn vị gửi trước khi tin cậy'}` : '  Tin cậy:    chưa kiểm tra (không có --data-dir): chỉ kiểm tra cấu trúc, mã băm và chữ ký');
  }
  return `${lines.join('\n')}\n`;
}

/**
 * `xhht verify-bundle [--data-dir D] F.xhht`: true (exit 0) only for a valid
 * bundle — and, with a data folder, a trusted sender. Progress on `err`.
 */
export async function verifyBundleCommand(args: z.output<typeof VerifyBundleArgs>, operands: string[], open: Open, out: NodeJS.WritableStream, err: NodeJS.WritableStream): Promise<boolean> {
  if (operands.length !== 1) throw new AppError('VALIDATION', 'cần đúng một tệp: npm run xhht -- verify-bundle [--data-dir THƯ_MỤC] TỆP.xhht');
  const file = resolve(operands[0]!);
  if (!existsSync(file)) throw new AppError('NOT_FOUND', `Không tìm thấy tệp ${file}`);
  const dataDir = args['data-dir'] ? resolve(args['data-dir']) : null;
  if (dataDir && (!existsSync(dataDir) || readdirSync(dataDir).length === 0)) throw new AppError('NOT_FOUND', `Không có dữ liệu XHHT trong ${dataDir}`);
  const ctx = dataDir ? await open(dataDir) : null;
  try {
    let shown = -1;
    const report = await verifyReport(ctx?.db ?? null, file, {
      onProgress: (done, total) => {
        const tenth = total > 0 ? Math.floor((done / total) * 10) * 10 : 100;
        if (tenth !== shown) err.write(`… ${JOB_PHASE_LABELS.checking} ${tenth}%\n`);
        shown = tenth;
      },
    });
    out.write(describeReport(report, ctx !== null));
    if (!report.valid) err.write(`xhht: ${report.problem ?? 'gói không hợp lệ'}\n`);
    return report.valid;
  } finally {
    await ctx?.close();
  }
}
