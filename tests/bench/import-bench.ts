/**
 * The import part of `npm run bench`: a 100,000-row units workbook imported
 * through the HTTP host, beside exceljs's streaming reader alone on the same
 * file, each in its own process so each peak RSS is its own; and the answer
 * time of another request while the import runs.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import ExcelJS from 'exceljs';
import { UNIT_SHEET_HEADER } from '../fixtures/units-sheet.js';

/** XHHT_IMPORT_BENCH_COMMUNES=50 gives a 10,000-row file for quick runs while iterating; the figure reported is 500 (100,000 rows). */
const COMMUNES = Number(process.env.XHHT_IMPORT_BENCH_COMMUNES ?? 500);
const HAMLETS_PER_COMMUNE = 199;
const SYLLABLES = ['Tân', 'Hồng', 'Phước', 'Thạnh', 'Bình', 'An', 'Hòa', 'Long', 'Mỹ', 'Đông', 'Tây', 'Thông', 'Lợi', 'Phú', 'Hưng', 'Định', 'Khánh', 'Quới', 'Sơn', 'Trung'];

/** 500 communes × 199 hamlets = 100,000 rows, each with a year of figures, as an officer's sheet would hold them. */
async function writeWorkbook(file: string): Promise<number> {
  let seed = 20261204;
  const random = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
  const name = () => `${SYLLABLES[Math.floor(random() * SYLLABLES.length)]} ${SYLLABLES[Math.floor(random() * SYLLABLES.length)]} ${Math.floor(random() * 100)}`;
  const figures = () => [2024, ...Array.from({ length: 6 }, () => Math.floor(random() * 5000))];
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: file, useSharedStrings: true, useStyles: false });
  const sheet = workbook.addWorksheet('Đơn vị');
  sheet.addRow(UNIT_SHEET_HEADER).commit();
  let rows = 0;
  for (let c = 0; c < COMMUNES; c++) {
    sheet.addRow([`X${c}`, name(), 'Xã', '', ...figures()]).commit();
    rows++;
    for (let h = 0; h < HAMLETS_PER_COMMUNE; h++, rows++) sheet.addRow([`X${c}-A${h}`, name(), 'Ấp', `X${c}`, ...figures()]).commit();
  }
  sheet.commit();
  await workbook.commit();
  return rows;
}

function child(...args: string[]): Record<string, unknown> {
  const script = fileURLToPath(new URL('./import-bench-child.ts', import.meta.url));
  // The same Node and loader flags (tsx) as this process; stderr passes through.
  const out = execFileSync(process.execPath, [...process.execArgv, script, ...args], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'], maxBuffer: 1 << 20 });
  return JSON.parse(out.trim().split('\n').at(-1)!) as Record<string, unknown>;
}

export async function runImportBench(): Promise<string[]> {
  const dir = mkdtempSync(join(tmpdir(), 'xhht-import-bench-'));
  try {
    const file = join(dir, 'don-vi-100k.xlsx');
    const rows = await writeWorkbook(file);
    const bytes = statSync(file).size;
    const read = child('read', file);
    const dataDir = join(dir, 'data');
    mkdirSync(dataDir);
    const run = child('import', dataDir, file);
    const floorDir = join(dir, 'floor');
    mkdirSync(floorDir);
    const floor = child('floor', floorDir, file);
    const ms = (v: unknown) => `${Number(v).toFixed(0)} ms`;
    const ratio = Number(run.totalMs) / Number(read.ms);
    const cpuRatio = Number(run.totalCpuMs) / Number(read.cpuMs);
    // The process's CPU less what its request thread spent answering the probes and polls once the import had started.
    const importCpuMs = Number(run.totalCpuMs) - Number(run.probesCpuMs);
    const phases = run.phases as Record<string, number>;
    return [
      `  import ${rows.toLocaleString('en')} units (${(bytes / 1024 / 1024).toFixed(1)} MB .xlsx, figures for each) over HTTP, worker job:`,
      `    outcome ${String(run.outcome)}${run.message ? ` (${String(run.message)})` : ''}, ${String(run.units)} units stored`,
      `    load average at the end       ${loadavg().map((l) => l.toFixed(1)).join(' ')} (2 cores: above 2 the wall clock stretches)`,
      `    bare exceljs streaming read   ${ms(read.ms)}   CPU ${ms(read.cpuMs)}   peak RSS ${String(read.peakRssMb)} MB (own process)`,
      `    import, start to done         ${ms(run.totalMs)}   CPU ${ms(run.totalCpuMs)}   peak RSS ${String(run.peakRssMb)} MB (server process with its worker; ${String(run.baselineRssMb)} MB before)`,
      `      of which the import itself  CPU ${ms(importCpuMs)} (less ${ms(run.probesCpuMs)} the request thread spent on the probes and polls below)`,
      `    import / bare read            ${ratio.toFixed(2)}× wall, ${cpuRatio.toFixed(2)}× CPU, ${(importCpuMs / Number(read.cpuMs)).toFixed(2)}× the import's own CPU   (aim ≤ 1.5×)`,
      `    SQLite's floor                ${ms(floor.ms)}   CPU ${ms(floor.cpuMs)}   = ${(Number(floor.ms) / Number(read.ms)).toFixed(2)}× the bare read: the same ${String(floor.rows)} rows, read beforehand,`,
      `                                  written BEGIN to COMMIT with their audit rows and search entries, nothing read or checked`,
      `    phases began at (ms)          ${Object.entries(phases).map(([p, t]) => `${p} ${t}`).join(', ')}`,
      `    upload and importXlsx answered ${ms(run.startAnswerMs)}`,
      `    another request meanwhile     p50 ${ms(run.probeP50Ms)}  p95 ${ms(run.probeP95Ms)}  max ${ms(run.probeMaxMs)} (while ${String(run.slowestDuring)})  (${String(run.probes)} units.get over HTTP; aim < 200 ms)`,
      `    the slowest answer's thread   ${ms(run.slowestCpuMs)} on a core, ${ms(run.slowestQueuedMs)} waiting for one, the rest blocked or idle (request thread, Linux schedstat)`,
      `    request thread's event loop   delay p99 ${ms(run.loopDelayP99Ms)}  max ${ms(run.loopDelayMaxMs)} (its own work plus waiting for a core; compare with the load average)`,
    ];
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (process.argv[1]?.endsWith('import-bench.ts')) for (const line of await runImportBench()) console.log(line);
