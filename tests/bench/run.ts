/**
 * `npm run bench`: a large territory (50 communes × 40 hamlets, 10 years of
 * figures each) and the timings an officer feels: opening the file, loading
 * the unit tree, and searching without diacritics.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { foldText } from '../../shared/text.js';
import { composeApp, DATABASE_FILE } from '../../main/app/compose.js';
import { dispatch } from '../../main/app/dispatch.js';
import { openDatabase } from '../../main/db/database.js';
import { inTransaction } from '../../main/db/records.js';
import { setUpOffice } from '../../main/office/index.js';
import { createUnitInTx } from '../../main/units/index.js';
import { upsertYearlyFigures } from './bench-support.js';
import { runImportBench } from './import-bench.js';
import { runUnitTreeBench } from './unit-tree-bench.js';

const COMMUNES = 50;
const HAMLETS = 40;
const YEARS = 10;
const QUERIES = 1000;

const SYLLABLES = ['Tân', 'Hồng', 'Phước', 'Thạnh', 'Bình', 'An', 'Hòa', 'Long', 'Mỹ', 'Đông', 'Tây', 'Thông', 'Lợi', 'Phú', 'Hưng', 'Định', 'Khánh', 'Quới', 'Sơn', 'Trung', 'Đức', 'Hiệp', 'Lạc', 'Nghĩa', 'Thuận', 'Vĩnh', 'Xuân', 'Gò', 'Chòi', 'Rạch'];

function seededRandom(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1103515245 + 12345) % 2147483648;
    return state / 2147483648;
  };
}
const random = seededRandom(20261125);
const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
const nameOf = () => `${pick(SYLLABLES)} ${pick(SYLLABLES)}`;

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}
const ms = (n: number) => `${n.toFixed(2)} ms`;

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'xhht-bench-'));
  try {
    const t0 = performance.now();
    const fresh = await openDatabase(join(dir, 'fresh.sqlite'));
    const openMigrateEmpty = performance.now() - t0;
    await fresh.close();

    const ctx = await composeApp(dir, { actor: 'bench' });
    const office = await setUpOffice(ctx, { name: 'Phòng GD&ĐT huyện Đo Lường', code: 'B1', level: 'huyen', territoryName: 'Đo Lường', territoryType: 'Huyện', territoryCode: 'B1', provinceName: 'Đồng Tháp' });
    const names: string[] = [];
    const tBuild = performance.now();
    for (let c = 0; c < COMMUNES; c++) {
      await inTransaction(ctx, async (tx) => {
        const communeName = nameOf();
        names.push(communeName);
        const commune = await createUnitInTx(tx, ctx, { parentId: office.rootUnitId, code: `C${c}`, name: communeName, type: 'Xã' });
        await upsertYearlyFigures(tx, ctx, commune.id, YEARS, random);
        for (let h = 0; h < HAMLETS; h++) {
          const hamletName = nameOf();
          names.push(hamletName);
          const hamlet = await createUnitInTx(tx, ctx, { parentId: commune.id, code: `C${c}-H${h}`, name: hamletName, type: 'Ấp' });
          await upsertYearlyFigures(tx, ctx, hamlet.id, YEARS, random);
        }
      });
    }
    const buildSeconds = (performance.now() - tBuild) / 1000;
    await ctx.close();

    const t1 = performance.now();
    const reopened = await composeApp(dir, { actor: 'bench' });
    const openMigrateFull = performance.now() - t1;

    const treeTimes: number[] = [];
    let units = 0;
    for (let i = 0; i < 20; i++) {
      const t = performance.now();
      const envelope = await dispatch('units.tree', {}, reopened);
      treeTimes.push(performance.now() - t);
      if (envelope.ok) units = (envelope.data as unknown[]).length;
    }
    treeTimes.sort((a, b) => a - b);

    const searchTimes: number[] = [];
    let empty = 0;
    for (let i = 0; i < QUERIES; i++) {
      const words = foldText(pick(names)).split(' ');
      const query = random() < 0.5 ? words.join(' ') : words[0]!.slice(0, Math.max(2, Math.ceil(words[0]!.length * random())));
      const t = performance.now();
      const envelope = await dispatch('search.query', { text: query }, reopened);
      searchTimes.push(performance.now() - t);
      if (envelope.ok && (envelope.data as unknown[]).length === 0) empty++;
    }
    searchTimes.sort((a, b) => a - b);
    await reopened.close();

    console.log(`XHHT bench — ${COMMUNES} xã × ${HAMLETS} ấp (${units} đơn vị), ${YEARS} năm số liệu mỗi đơn vị, tệp ${DATABASE_FILE}`);
    console.log(`  build (services, audited)       ${buildSeconds.toFixed(1)} s`);
    console.log(`  open + migrate, empty file      ${ms(openMigrateEmpty)}`);
    console.log(`  open + migrate check, full file ${ms(openMigrateFull)}`);
    console.log(`  unit tree load  p50 ${ms(percentile(treeTimes, 50))}  p95 ${ms(percentile(treeTimes, 95))}  (20 runs)`);
    console.log(`  search          p50 ${ms(percentile(searchTimes, 50))}  p95 ${ms(percentile(searchTimes, 95))}  (${QUERIES} folded queries, ${empty} with no hit)`);
    runUnitTreeBench();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

await main();
console.log('XHHT bench — nhập đơn vị từ Excel (tests/bench/import-bench.ts)');
for (const line of await runImportBench()) console.log(line);
for (const line of await (await import('./occurrences-bench.js')).runOccurrencesBench()) console.log(line);
for (const line of await (await import('./evidence-bench.js')).runEvidenceBench()) console.log(line);
for (const line of await (await import('./certificates-bench.js')).runCertificatesBench()) console.log(line);
for (const line of await (await import('./backup-bench.js')).runBackupBench()) console.log(line);
for (const line of await (await import('./bundles-bench.js')).runBundlesBench()) console.log(line);
for (const line of await (await import('./statistics-bench.js')).runStatisticsBench()) console.log(line);
// A million people in one database: name search and list pages (top-level script, run on import).
await import('./titles-bench.js');
