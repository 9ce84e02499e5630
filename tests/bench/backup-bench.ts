/**
 * Backup of a data folder with a million people and about 2 GB of evidence
 * (BENCH_BACKUP_PERSONS and BENCH_BACKUP_EVIDENCE_MB change them), beside `cp -r` of the same folder
 * in the same run: time and MB/s, plain and with a passphrase, the restore,
 * and each one's peak RSS in its own process. `cp` runs first, so both read
 * the files from the page cache.
 */
import { execFileSync } from 'node:child_process';
import { randomBytes, createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { composeApp } from '../../main/app/compose.js';
import { setUpOffice } from '../../main/office/index.js';
import { insertPersons } from './bench-support.js';

const PERSONS = Number(process.env.BENCH_BACKUP_PERSONS ?? 1_000_000);
const EVIDENCE_MB = Number(process.env.BENCH_BACKUP_EVIDENCE_MB ?? 2048);
const FILE_MB = 8;

function child(...args: string[]): { ms: number; bytes: number; maxRssMb: number } {
  const out = execFileSync(process.execPath, ['--import', 'tsx', 'tests/bench/backup-bench-child.ts', ...args], { encoding: 'utf8', maxBuffer: 1 << 20 });
  return JSON.parse(out) as { ms: number; bytes: number; maxRssMb: number };
}

export async function runBackupBench(): Promise<string[]> {
  const root = mkdtempSync(join(tmpdir(), 'xhht-bench-backup-'));
  try {
    const dataDir = join(root, 'data');
    const ctx = await composeApp(dataDir, { actor: 'bench' });
    const office = await setUpOffice(ctx, { name: 'Phòng GD&ĐT', code: '870', level: 'huyen', territoryName: 'Tân Hồng', territoryType: 'Huyện', territoryCode: '870', provinceName: 'Đồng Tháp' });
    await insertPersons(ctx, office.rootUnitId, PERSONS);
    const files = Math.ceil(EVIDENCE_MB / FILE_MB);
    for (let i = 0; i < files; i++) {
      const bytes = randomBytes(FILE_MB * 1024 * 1024);
      const hash = createHash('sha256').update(bytes).digest('hex');
      mkdirSync(join(dataDir, 'files', 'sha256', hash.slice(0, 2)), { recursive: true });
      writeFileSync(join(dataDir, 'files', 'sha256', hash.slice(0, 2), hash), bytes);
    }
    ctx.sqlite.pragma('wal_checkpoint(TRUNCATE)');
    const folderMb = Number(execFileSync('du', ['-sm', dataDir], { encoding: 'utf8' }).split('\t')[0]);
    const t0 = performance.now();
    execFileSync('cp', ['-r', dataDir, join(root, 'copy')]);
    const cpMs = performance.now() - t0;
    rmSync(join(root, 'copy'), { recursive: true });
    // The app keeps the folder open while the backups run, as an office's would.
    const plain = child('backup', dataDir, join(root, 'plain.xhhtbak'));
    const encrypted = child('backup', dataDir, join(root, 'enc.xhhtbak'), 'mật khẩu đo thử');
    const restored = child('restore', join(root, 'enc.xhhtbak'), join(root, 'restored'), 'mật khẩu đo thử');
    await ctx.close();
    const rate = (ms: number) => `${(folderMb / (ms / 1000)).toFixed(0)} MB/s`;
    const line = (label: string, r: { ms: number; bytes: number; maxRssMb: number }) =>
      `  ${label.padEnd(34)} ${(r.ms / 1000).toFixed(1)} s  ${rate(r.ms)}  (${Math.round((cpMs / r.ms) * 100)}% tốc độ cp)  RSS đỉnh ${r.maxRssMb.toFixed(0)} MB${r.bytes ? `  tệp ${(r.bytes / 1024 / 1024).toFixed(0)} MB` : ''}`;
    return [
      `XHHT bench — sao lưu: ${PERSONS.toLocaleString('vi-VN')} người, ${files} tệp minh chứng × ${FILE_MB} MB; thư mục dữ liệu ${folderMb} MB`,
      `  cp -r cùng thư mục                  ${(cpMs / 1000).toFixed(1)} s  ${rate(cpMs)}`,
      line('sao lưu (đọc lại, kiểm tra)', plain),
      line('sao lưu có mật khẩu (AES-256-GCM)', encrypted),
      line('khôi phục bản có mật khẩu', restored),
    ];
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}
