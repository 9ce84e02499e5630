/**
 * Bundles (issue 15), each measurement in its own process so its peak RSS is its own:
 * - export and verify of a bundle carrying about 1 GB of evidence (a few hundred
 *   files of random bytes, BENCH_BUNDLE_EVIDENCE_MB changes it), beside
 *   `sha256sum` and `cp -r` of the same files in the same run. Export hashes and
 *   copies, so it is set beside sha256sum + cp; verify reads and hashes, so beside
 *   sha256sum. The baselines run first, so every reader finds the files in the page cache.
 * - export of a sync bundle of 1,000,000 persons (BENCH_BUNDLE_PERSONS changes it)
 *   and its import into a fresh office through the CLI (`import-bundle --trust
 *   --json`), timed and its peak RSS taken by /usr/bin/time; the CLI's own start
 *   (`--help`) is timed beside it so it can be told apart.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { composeApp } from '../../main/app/compose.js';
import { newId } from '../../main/db/ids.js';
import { storeOf } from '../../main/evidence/index.js';
import { setUpOffice } from '../../main/office/index.js';
import { insertPersons } from './bench-support.js';

const EVIDENCE_MB = Number(process.env.BENCH_BUNDLE_EVIDENCE_MB ?? 1024);
const PERSONS = Number(process.env.BENCH_BUNDLE_PERSONS ?? 1_000_000);
const MiB = 1024 * 1024;

interface ChildResult {
  ms: number;
  bytes: number;
  maxRssMb: number;
  counts?: Record<string, number>;
}

function child(...args: string[]): ChildResult {
  const out = execFileSync(process.execPath, ['--import', 'tsx', 'tests/bench/bundles-bench-child.ts', ...args], { encoding: 'utf8', maxBuffer: 1 << 20 });
  return JSON.parse(out) as ChildResult;
}

/** Runs the CLI under /usr/bin/time, which puts the wall seconds and peak RSS (KB) on stderr's last line. */
function timedCli(args: string[]): { ms: number; maxRssMb: number; stdout: string } {
  const marker = 'XHHT-TIME';
  const run = spawnSync('/usr/bin/time', ['-f', `${marker} %e %M`, process.execPath, '--import', 'tsx', 'main/cli/xhht.ts', ...args], { encoding: 'utf8', maxBuffer: 64 << 20 });
  const line = run.stderr.split('\n').find((l) => l.startsWith(marker));
  if (run.status !== 0 || !line) throw new Error(`xhht ${args[0]} failed: ${run.stderr.trim().split('\n').slice(-3).join(' | ')}`);
  const [, seconds, kb] = line.split(' ');
  return { ms: Number(seconds) * 1000, maxRssMb: Math.round(Number(kb) / 1024), stdout: run.stdout };
}

const fixed = (n: number, digits = 1) => n.toFixed(digits);
const rate = (bytes: number, ms: number) => `${fixed(bytes / MiB / (ms / 1000), 0)} MB/s`;

async function evidenceBench(root: string): Promise<string[]> {
  const dataDir = join(root, 'evidence-office');
  const ctx = await composeApp(dataDir, { actor: 'bench' });
  const office = await setUpOffice(ctx, { name: 'Phòng GD&ĐT huyện Tân Hồng', code: '870', level: 'huyen', territoryName: 'Tân Hồng', territoryType: 'Huyện', territoryCode: '870', provinceName: 'Đồng Tháp' });
  const store = storeOf(dataDir);
  // Sizes from 1 to 7 MB (4 MB on average), as scans and photos of a plan's annexes are.
  const insert = ctx.sqlite.prepare(
    `INSERT INTO evidenceFiles (id, originOfficeId, createdAt, updatedAt, rev, recordTable, recordId, sha256, name, mime, size, addedBy)
     VALUES (?, ?, ?, ?, 1, 'units', ?, ?, ?, 'application/pdf', ?, 'bench')`,
  );
  const at = new Date().toISOString();
  const paths: string[] = [];
  let total = 0;
  for (let i = 0; total < EVIDENCE_MB * MiB; i++) {
    const bytes = randomBytes(Math.min((1 + (i % 7)) * MiB, EVIDENCE_MB * MiB - total));
    const sha256 = createHash('sha256').update(bytes).digest('hex');
    const path = store.blobPath(sha256);
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, bytes);
    insert.run(newId(), ctx.officeId(), at, at, office.rootUnitId, sha256, `Minh chứng ${i + 1}.pdf`, bytes.length);
    paths.push(path);
    total += bytes.length;
  }
  await ctx.close();

  const t0 = performance.now();
  execFileSync('cp', ['-r', join(dataDir, 'files'), join(root, 'files-copy')]);
  const cpMs = performance.now() - t0;
  rmSync(join(root, 'files-copy'), { recursive: true });
  const t1 = performance.now();
  execFileSync('sha256sum', paths, { maxBuffer: 64 << 20 });
  const shaMs = performance.now() - t1;

  const out = join(root, 'evidence.xhht');
  const exported = child('export', dataDir, 'sync', out);
  const verified = child('verify', out);
  rmSync(out);
  const baseline = cpMs + shaMs;
  return [
    `XHHT bench — gói dữ liệu có minh chứng: ${paths.length} tệp, ${fixed(total / MiB, 0)} MB (tải máy lúc đo ${loadavg().map((l) => fixed(l)).join(' / ')})`,
    `  cp -r các tệp                          ${fixed(cpMs / 1000)} s  ${rate(total, cpMs)}`,
    `  sha256sum các tệp                      ${fixed(shaMs / 1000)} s  ${rate(total, shaMs)}`,
    `  sha256sum + cp                         ${fixed(baseline / 1000)} s  ${rate(total, baseline)}`,
    `  xuất gói (ghi, băm, ký)                ${fixed(exported.ms / 1000)} s  ${rate(total, exported.ms)}  (${Math.round((baseline / exported.ms) * 100)}% tốc độ sha256sum + cp)  RSS đỉnh ${exported.maxRssMb} MB  tệp ${fixed(exported.bytes / MiB, 0)} MB`,
    `  kiểm tra gói (cấu trúc, chữ ký, băm)   ${fixed(verified.ms / 1000)} s  ${rate(total, verified.ms)}  (${Math.round((shaMs / verified.ms) * 100)}% tốc độ sha256sum)  RSS đỉnh ${verified.maxRssMb} MB`,
  ];
}

async function personsBench(root: string): Promise<string[]> {
  const sender = join(root, 'commune');
  const ctx = await composeApp(sender, { actor: 'bench' });
  const office = await setUpOffice(ctx, { name: 'UBND xã Tân Hộ Cơ', code: '30001', level: 'xa', territoryName: 'Tân Hộ Cơ', territoryType: 'Xã', territoryCode: '30001', provinceName: 'Đồng Tháp' });
  await insertPersons(ctx, office.rootUnitId, PERSONS);
  ctx.sqlite.pragma('wal_checkpoint(TRUNCATE)');
  await ctx.close();

  const receiver = join(root, 'district');
  const rctx = await composeApp(receiver, { actor: 'bench' });
  await setUpOffice(rctx, { name: 'Phòng GD&ĐT huyện Tân Hồng', code: '870', level: 'huyen', territoryName: 'Tân Hồng', territoryType: 'Huyện', territoryCode: '870', provinceName: 'Đồng Tháp' });
  await rctx.close();

  const out = join(root, 'persons.xhht');
  const exported = child('export', sender, 'sync', out);
  const start = timedCli(['--help']);
  const imported = timedCli(['import-bundle', '--data-dir', receiver, out, '--trust', '--json']);
  // `--json` prints one object: per entity {created, updated, unchanged, conflicts, rejected}.
  const report = JSON.parse(imported.stdout) as { entities: Record<string, { created: number }> };
  const created = Object.values(report.entities).reduce((s, e) => s + e.created, 0);
  const persons = report.entities.titleSubjects?.created ?? 0;
  if (persons !== PERSONS) throw new Error(`the import created ${persons} persons of ${PERSONS}`);
  return [
    `XHHT bench — gói đồng bộ ${PERSONS.toLocaleString('vi-VN')} người (tải máy lúc đo ${loadavg().map((l) => fixed(l)).join(' / ')})`,
    `  xuất gói đồng bộ                       ${fixed(exported.ms / 1000)} s  RSS đỉnh ${exported.maxRssMb} MB  tệp ${fixed(exported.bytes / MiB, 0)} MB`,
    `  nhập vào cơ quan mới (CLI, --trust)    ${fixed(imported.ms / 1000)} s  RSS đỉnh ${imported.maxRssMb} MB  ${created.toLocaleString('vi-VN')} bản ghi thêm mới, trong đó ${persons.toLocaleString('vi-VN')} người  (khởi động CLI riêng: ${fixed(start.ms / 1000)} s, RSS ${start.maxRssMb} MB)`,
  ];
}

export async function runBundlesBench(): Promise<string[]> {
  const root = mkdtempSync(join(tmpdir(), 'xhht-bench-bundles-'));
  try {
    return [...(await evidenceBench(root)), ...(await personsBench(root))];
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}

if (process.argv[1]?.endsWith('bundles-bench.ts')) for (const line of await runBundlesBench()) console.log(line);
