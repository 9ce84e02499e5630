import { formatBytes, type IntegrityReport } from '../../shared/evidence.js';
import { existsSync, readdirSync } from 'node:fs';
import { AppError } from '../../shared/errors.js';
import type { AppContext } from '../app/context.js';
import { verifyEvidence } from './evidence.service.js';

const PROBLEM_LABELS = { missing: 'MẤT', corrupt: 'HỎNG' } as const;

/**
 * `xhht verify-files`: re-hashes the store, printing progress on one line of
 * `progressOut` and the problems on `out`. True when everything is whole.
 */
export async function runVerifyFiles(ctx: Pick<AppContext, 'db' | 'dataDir'>, out: NodeJS.WritableStream, progressOut: NodeJS.WritableStream): Promise<boolean> {
  const report = await verifyEvidence(ctx, (p) => {
    const percent = p.totalBytes === 0 ? 100 : Math.floor((p.doneBytes / p.totalBytes) * 100);
    progressOut.write(`\rĐang kiểm tra ${p.doneFiles}/${p.totalFiles} tệp, ${formatBytes(p.doneBytes)}/${formatBytes(p.totalBytes)} (${percent}%)`);
  });
  progressOut.write('\n');
  out.write(describeReport(report));
  return report.problems.length === 0;
}

type Opened = Pick<AppContext, 'db' | 'dataDir'> & { close(): Promise<void> };

/** The command itself: opens the data folder with `open` (the CLI's composeApp), refusing an empty or missing one, checks, closes. */
export async function verifyFilesCommand(dataDir: string, open: (dir: string) => Promise<Opened>): Promise<boolean> {
  if (!existsSync(dataDir) || readdirSync(dataDir).length === 0) throw new AppError('NOT_FOUND', `Không có dữ liệu XHHT trong ${dataDir}`);
  const ctx = await open(dataDir);
  try {
    return await runVerifyFiles(ctx, process.stdout, process.stderr);
  } finally {
    await ctx.close();
  }
}

export function describeReport(report: IntegrityReport): string {
  const lines = [`Đã kiểm tra ${report.checkedFiles} tệp (${formatBytes(report.checkedBytes)}).`];
  if (report.problems.length === 0) return `${lines[0]} Tất cả nguyên vẹn.\n`;
  lines.push(`${report.problems.length} tệp có vấn đề:`);
  for (const problem of report.problems) {
    lines.push(`${PROBLEM_LABELS[problem.problem]} ${problem.sha256}`);
    for (const f of problem.files) lines.push(`  "${f.name}" — ${f.recordLabel}${f.inTrash ? ' (trong thùng rác)' : ''}`);
  }
  return `${lines.join('\n')}\n`;
}
