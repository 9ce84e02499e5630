/**
 * The year's statistical tables for the demo territory scaled to 100
 * communes (the demo's 9 plus 91 with the same kind of figures and education
 * status, and the demo plan's per-commune targets over all of them): time to
 * read the data and write the .xlsx, and the file's size.
 */
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { composeApp } from '../../main/app/compose.js';
import { inTransaction } from '../../main/db/records.js';
import { demoEducation } from '../../main/demo/demo-territory.js';
import { demoFigures, loadDemo } from '../../main/demo/demo.service.js';
import { loadOffice } from '../../main/office/index.js';
import { writeStatisticsWorkbook } from '../../main/statistics/index.js';
import { createUnitInTx, saveEducation, saveFigures } from '../../main/units/index.js';

const COMMUNES = 100;
const YEAR = 2025;
const RUNS = 5;

export async function runStatisticsBench(): Promise<string[]> {
  const dir = mkdtempSync(join(tmpdir(), 'xhht-bench-statistics-'));
  try {
    const ctx = await composeApp(dir, { actor: 'bench' });
    await loadDemo(ctx);
    const office = (await loadOffice(ctx.db))!;
    await inTransaction(ctx, async (tx) => {
      const inTx = { ...ctx, db: tx };
      for (let c = 9; c < COMMUNES; c++) {
        const commune = await createUnitInTx(tx, ctx, { parentId: office.rootUnitId, code: `870-${String(c + 1).padStart(3, '0')}`, name: `Xã Đo Lường ${c + 1}`, type: 'Xã' });
        for (const year of [2021, 2022, 2023, 2024, 2025]) {
          await saveFigures(inTx, { unitId: commune.id, year, ...demoFigures(2000 + ((c * 337) % 3000), year, c) });
          await saveEducation(inTx, { unitId: commune.id, year, ...demoEducation(c % 9, year) });
        }
      }
    });
    const out = join(dir, 'bieu.xlsx');
    const times: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      const t = performance.now();
      await writeStatisticsWorkbook(ctx.db, { year: YEAR, today: '2025-11-20' }, out);
      times.push(performance.now() - t);
    }
    await ctx.close();
    times.sort((a, b) => a - b);
    return [
      `XHHT bench — biểu thống kê năm ${YEAR}, ${COMMUNES} xã (demo mở rộng): đọc dữ liệu + ghi .xlsx 6 trang`,
      `  p50 ${times[Math.floor(RUNS / 2)]!.toFixed(0)} ms, max ${times.at(-1)!.toFixed(0)} ms (${RUNS} lần), tệp ${(statSync(out).size / 1024).toFixed(0)} KB`,
    ];
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
