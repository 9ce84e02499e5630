import { existsSync, readdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { z } from 'zod';
import { BundleKind, BundlePeriod, Resolution, type ImportReport } from '../../shared/bundles.js';
import { AppError } from '../../shared/errors.js';
import { formatBytes } from '../../shared/evidence.js';
import type { AppContext } from '../app/context.js';
import { progressLines } from '../jobs/index.js';
import { exportBundle } from './export/export-bundle.js';
import { importBundle } from './import/import-bundle.js';

const DataDir = z.string({ message: 'thiếu --data-dir' }).min(1, 'thiếu --data-dir');

export const ExportBundleArgs = z.object({
  'data-dir': DataDir,
  kind: BundleKind.describe('report | template | sync'),
  period: BundlePeriod.optional(),
  'no-files': z.boolean().default(false),
  'with-personal-data': z.boolean().default(false),
  out: z.string({ message: 'thiếu --out TỆP.xhht' }).min(1, 'thiếu --out TỆP.xhht'),
});

export const ImportBundleArgs = z.object({
  'data-dir': DataDir,
  'dry-run': z.boolean().default(false),
  trust: z.boolean().default(false),
  'on-conflict': Resolution.optional(),
  force: z.boolean().default(false),
  json: z.boolean().default(false),
});

type Opened = Pick<AppContext, 'db' | 'sqlite' | 'dataDir'> & { close(): Promise<void> };
type Open = (dir: string) => Promise<Opened>;


async function openExisting(dataDir: string, open: Open): Promise<Opened> {
  if (!existsSync(dataDir) || readdirSync(dataDir).length === 0) throw new AppError('NOT_FOUND', `Không có dữ liệu XHHT trong ${dataDir}`);
  return open(dataDir);
}

/** `xhht export-bundle`: reads beside a running app (a read transaction), so it takes no lock. */
export async function exportBundleCommand(args: z.output<typeof ExportBundleArgs>, open: Open, out: NodeJS.WritableStream, err: NodeJS.WritableStream): Promise<void> {
  const ctx = await openExisting(resolve(args['data-dir']), open);
  try {
    const outPath = resolve(args.out);
    const result = await exportBundle({
      sqlite: ctx.sqlite,
      dataDir: ctx.dataDir,
      options: { kind: args.kind, period: args.period ?? null, includeFiles: !args['no-files'], includePersonalData: args['with-personal-data'] },
      outPath,
      now: new Date(),
      onProgress: progressLines(err),
    });
    const rows = Object.values(result.counts).reduce((a, b) => a + b, 0);
    out.write(
      `Đã xuất gói ${result.bundleId} (${rows.toLocaleString('vi-VN')} bản ghi, ${result.files.count} tệp minh chứng, ${formatBytes(result.bytes)}) vào ${outPath}` +
        `${args['with-personal-data'] ? '; gói có số định danh cá nhân' : ''}.\n`,
    );
  } finally {
    await ctx.close();
  }
}

/** The one object `--json` prints. */
export function importSummary(report: ImportReport) {
  return {
    bundleId: report.bundleId,
    sender: { officeCode: report.sender.officeCode, officeName: report.sender.officeName, fingerprint: report.sender.fingerprint },
    dryRun: report.appliedAt === null,
    entities: Object.fromEntries(report.entities.map((e) => [e.entity, { created: e.created, updated: e.updated, unchanged: e.unchanged, conflicts: e.conflicts, rejected: e.rejected }])),
  };
}

/**
 * `xhht import-bundle`: verify, dry run, and unless --dry-run apply in one
 * transaction. A refusal (untrusted sender, rejected rows, unresolved
 * conflicts, a bundle applied before) leaves the data as it was and is
 * logged in the bundles received, with its reason; --dry-run writes nothing
 * at all, that log included.
 */
export async function importBundleCommand(args: z.output<typeof ImportBundleArgs>, operands: string[], open: Open, out: NodeJS.WritableStream, err: NodeJS.WritableStream): Promise<void> {
  if (operands.length !== 1) throw new AppError('VALIDATION', 'cần đúng một tệp gói dữ liệu (.xhht)');
  const ctx = await openExisting(resolve(args['data-dir']), open);
  try {
    const report = await importBundle({
      db: ctx.db,
      sqlite: ctx.sqlite,
      dataDir: ctx.dataDir,
      path: resolve(operands[0]!),
      mode: args['dry-run'] ? 'dryRun' : 'apply',
      trust: args.trust,
      resolutions: { all: args['on-conflict'] ?? null, rows: [] },
      force: args.force,
      actor: process.env.USER ?? process.env.USERNAME ?? 'cli',
      operation: 'import-bundle',
      now: new Date(),
      onProgress: args.json ? undefined : progressLines(err),
    });
    if (args.json) {
      out.write(`${JSON.stringify(importSummary(report))}\n`);
      return;
    }
    out.write(describeImport(report));
  } finally {
    await ctx.close();
  }
}

export function describeImport(report: ImportReport): string {
  const lines = [
    `${report.appliedAt ? 'Đã nhập' : 'Chạy thử (chưa ghi gì)'}: gói ${report.bundleId} loại ${report.kind} của ${report.sender.officeName} (mã ${report.sender.officeCode}).`,
    'Bảng                     tạo mới  cập nhật  giữ nguyên  xung đột  từ chối',
    ...report.entities.map((e) => `${e.entity.padEnd(24)} ${pad(e.created, 7)} ${pad(e.updated, 9)} ${pad(e.unchanged, 11)} ${pad(e.conflicts, 9)} ${pad(e.rejected, 8)}`),
  ];
  if (report.newFiles.count > 0) lines.push(`Tệp minh chứng mới: ${report.newFiles.count} (${formatBytes(report.newFiles.bytes)}).`);
  for (const r of report.rejections) lines.push(`Từ chối: ${r.message}`);
  if (report.rejectionCount > report.rejections.length) lines.push(`… và ${report.rejectionCount - report.rejections.length} bản ghi bị từ chối khác.`);
  for (const c of report.conflicts) lines.push(`Xung đột: ${c.entity} ${c.id} (cột ${c.fields.join(', ')})`);
  if (report.appliedBefore) lines.push(`Gói này đã được nhập trước đây (${report.appliedBefore}).`);
  return `${lines.join('\n')}\n`;
}

const pad = (n: number, width: number) => n.toLocaleString('vi-VN').padStart(width);
