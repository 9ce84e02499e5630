/**
 * The persons list import of the titles bench, alone in its own process so its
 * peak RSS is its own (tests/bench/titles-bench.ts starts it and reads the JSON
 * line it prints): `DIR FILE` sets up an office with 50 communes × 20 hamlets on
 * DIR, then checks (dry run) and imports FILE through the dispatcher as the
 * renderer does, each a worker job.
 */
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { SHEET_UPLOAD_MAX_BYTES } from '../../shared/evidence.js';
import type { ListImportStatus } from '../../shared/titles-import.js';
import { composeApp } from '../../main/app/compose.js';
import { dispatch } from '../../main/app/dispatch.js';
import { inTransaction } from '../../main/db/records.js';
import { storeOf } from '../../main/evidence/index.js';
import { waitForJob } from '../../main/jobs/index.js';
import { setUpOffice } from '../../main/office/index.js';
import { createUnitInTx } from '../../main/units/index.js';

export const BENCH_COMMUNES = 50;
export const BENCH_HAMLETS = 20;

const peakRssMb = () => Math.round(process.resourceUsage().maxRSS / 1024);
const cpuMs = (since: NodeJS.CpuUsage) => {
  const used = process.cpuUsage(since);
  return (used.user + used.system) / 1000;
};

async function run(dir: string, file: string) {
  const ctx = await composeApp(dir, { actor: 'bench' });
  const office = await setUpOffice(ctx, { name: 'Phòng GD&ĐT', code: '870', level: 'huyen', territoryName: 'Tân Hồng', territoryType: 'Huyện', territoryCode: '870', provinceName: 'Đồng Tháp' });
  await inTransaction(ctx, async (tx) => {
    for (let c = 0; c < BENCH_COMMUNES; c++) {
      const commune = await createUnitInTx(tx, ctx, { parentId: office.rootUnitId, code: `X${c}`, name: `Xã số ${c}`, type: 'Xã' });
      for (let h = 0; h < BENCH_HAMLETS; h++) await createUnitInTx(tx, ctx, { parentId: commune.id, code: `X${c}-${h}`, name: `Ấp số ${h}`, type: 'Ấp' });
    }
  });
  const baselineRssMb = Math.round(process.memoryUsage().rss / 1024 / 1024);
  // Staged as the upload route stages it; each stage reads it from there.
  const { stagedId } = await storeOf(ctx.dataDir).receive([readFileSync(file)], 'ca-nhan.xlsx', SHEET_UPLOAD_MAX_BYTES, 'sheet');
  const stage = async (dryRun: boolean) => {
    const cpu = process.cpuUsage();
    const start = performance.now();
    const started = await dispatch('subjects.importXlsx', { kind: 'person', stagedId, dryRun }, ctx);
    if (!started.ok) throw new Error(started.error.message);
    const status = await waitForJob<ListImportStatus['result']>((started.data as { jobId: string }).jobId);
    return { ms: performance.now() - start, cpuMs: cpuMs(cpu), phase: status.phase, message: status.message, rows: status.result?.rows ?? 0 };
  };
  const check = await stage(true);
  const write = await stage(false);
  const stored = ctx.sqlite.prepare("SELECT count(*) FROM titleSubjects WHERE kind = 'person' AND deletedAt IS NULL").pluck().get() as number;
  await ctx.close();
  return { check, write, stored, baselineRssMb, peakRssMb: peakRssMb() };
}

const [dir, file] = process.argv.slice(2);
console.log(JSON.stringify(await run(dir!, file!)));
