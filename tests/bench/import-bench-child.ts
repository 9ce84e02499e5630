/**
 * One measurement of the import benchmark, alone in its own process so its
 * peak RSS is its own (tests/bench/import-bench.ts starts it and reads the
 * JSON line it prints).
 *   read FILE       exceljs's streaming reader alone over the workbook's first sheet
 *   import DIR FILE the XHHT server on DIR: the import started over HTTP as the
 *                   renderer starts it, while another request is timed again and again
 *   floor DIR FILE  SQLite alone writing what the import writes for FILE, read beforehand
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { monitorEventLoopDelay, performance } from 'node:perf_hooks';
import { Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import { EVIDENCE_UPLOAD_PATH } from '../../shared/evidence.js';
import { JOB_PHASES, type JobPhase } from '../../shared/jobs.js';
import type { UnitImportStatus } from '../../shared/units.js';
import { createAccount } from '../../main/accounts/index.js';
import { composeApp } from '../../main/app/compose.js';
import { setUpOffice } from '../../main/office/index.js';
import { SESSION_HEADER, startHttpHost } from '../../main/transport/http-host.js';
import { unitsImportWorkerFiles } from '../../main/units/units-import.job.js';
import { BulkRecordWriter } from '../../main/db/bulk-records.js';
import { openImportConnection } from '../../main/db/import-connection.js';
import { NEVER_CANCELLED } from '../../main/jobs/index.js';
import { bulkIndexForSearch } from '../../main/search/index.js';
import { unitSearchEntry } from '../../main/units/unit-search-entry.js';
import { openUnitSheet, type SheetUnit } from '../../main/units/units-import-sheet.js';
import type { UnitsTable } from '../../main/units/units.tables.js';

const peakRssMb = () => Math.round(process.resourceUsage().maxRSS / 1024);
/** CPU time of the whole process, every thread: on a busy machine it moves less than the wall clock. */
const cpuMs = (since: NodeJS.CpuUsage) => {
  const used = process.cpuUsage(since);
  return (used.user + used.system) / 1000;
};
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * The request thread's own scheduler account (Linux): nanoseconds on a core and waiting in the run
 * queue for one. Across a slow answer it tells work on this thread, a wait for a core (the machine's
 * load) and a wait on something else (a lock, the disk) apart. Null where /proc has no such file.
 */
function threadClock(): { cpu: number; queued: number } | null {
  try {
    const [cpu, queued] = readFileSync('/proc/thread-self/schedstat', 'utf8').split(' ').map(Number);
    return { cpu: cpu!, queued: queued! };
  } catch {
    return null;
  }
}

async function bareRead(file: string) {
  const content = readFileSync(file);
  const cpu = process.cpuUsage();
  const start = performance.now();
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(Readable.from([content]), { worksheets: 'emit', sharedStrings: 'cache', hyperlinks: 'ignore', styles: 'ignore', entries: 'ignore' });
  let rows = 0;
  let cells = 0;
  for await (const worksheet of reader) {
    for await (const row of worksheet) {
      rows++;
      for (let col = 1; col <= row.cellCount; col++) if (row.getCell(col).value !== null) cells++;
    }
    break;
  }
  return { ms: performance.now() - start, cpuMs: cpuMs(cpu), rows, cells, peakRssMb: peakRssMb() };
}

async function importOverHttp(dir: string, file: string) {
  const ctx = await composeApp(dir, { actor: 'bench' });
  await setUpOffice(ctx, { name: 'Phòng GD&ĐT huyện Đo Lường', code: 'B1', level: 'huyen', territoryName: 'Đo Lường', territoryType: 'Huyện', territoryCode: 'B1', provinceName: 'Đồng Tháp' });
  const baselineRssMb = Math.round(process.memoryUsage().rss / 1024 / 1024);
  const content = readFileSync(file);
  // Before the server's first answer: bundling may take seconds on a busy machine, and a kept-alive
  // connection the server closes meanwhile would be reset under the next request.
  // The app runs its workers from bundles made at build time; from the sources they are bundled on
  // first use and cached (main/jobs/worker-file.ts). Readied here, outside the timing, as a build would.
  unitsImportWorkerFiles();
  const root = join(dir, 'renderer');
  mkdirSync(root, { recursive: true });
  writeFileSync(join(root, 'index.html'), '<!doctype html><title>XHHT</title>');
  const host = await startHttpHost(ctx, root, 0);
  // Every op but the login needs a cán bộ's session beside the page's token, as the renderer sends it.
  let session = '';
  const api = async <T>(op: string, body: unknown): Promise<T> => {
    const response = await fetch(`http://127.0.0.1:${host.port}/api/${op}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${host.token}`, [SESSION_HEADER]: session },
      body: JSON.stringify(body),
    });
    const envelope = (await response.json()) as { ok: boolean; data?: T; error?: { message: string } };
    if (!envelope.ok) throw new Error(envelope.error?.message);
    return envelope.data as T;
  };
  await createAccount(ctx, { name: 'Cán bộ đo', login: 'canbo', role: 'officer', password: 'mat-khau-can-bo' });
  session = (await api<{ sessionToken: string }>('session.login', { login: 'canbo', password: 'mat-khau-can-bo' })).sessionToken;
  const rootId = (await api<{ office: { rootUnitId: string } }>('office.status', {})).office.rootUnitId;

  // How late the request thread's event loop ran: its own blocking work plus any wait for a core on a busy machine.
  const loopDelay = monitorEventLoopDelay({ resolution: 10 });
  loopDelay.enable();
  const cpu = process.cpuUsage();
  const start = performance.now();
  // Another request, timed over and over from the upload on: what an officer clicking around would feel
  // (the upload's own handling on the request thread, its JSON and base64, counts as the import's).
  const latencies: number[] = [];
  let slowest = { ms: 0, phase: 'upload' as JobPhase | 'upload', cpuMs: NaN, queuedMs: NaN };
  let phase: JobPhase | 'upload' = 'upload';
  let finished = false;
  const prober = (async () => {
    while (!finished) {
      const t = performance.now();
      const clock = threadClock();
      await api('units.get', { id: rootId });
      const took = performance.now() - t;
      const after = threadClock();
      latencies.push(took);
      if (took > slowest.ms) {
        slowest = { ms: took, phase, cpuMs: clock && after ? (after.cpu - clock.cpu) / 1e6 : NaN, queuedMs: clock && after ? (after.queued - clock.queued) / 1e6 : NaN };
      }
      await sleep(20);
    }
  })();
  // As the renderer does: the file's bytes to the upload route, then the import of what was staged.
  const uploaded = await fetch(`http://127.0.0.1:${host.port}${EVIDENCE_UPLOAD_PATH}?name=don-vi.xlsx&purpose=sheet`, {
    method: 'POST',
    headers: { authorization: `Bearer ${host.token}`, [SESSION_HEADER]: session },
    body: content,
  });
  const staged = (await uploaded.json()) as { ok: boolean; data?: { stagedId: string }; error?: { message: string } };
  if (!staged.ok) throw new Error(staged.error?.message);
  const { jobId } = await api<{ jobId: string }>('units.importXlsx', { stagedId: staged.data!.stagedId, dryRun: false });
  const startAnswerMs = performance.now() - start;
  // From here the request thread only answers the probes and the status polls below, which are not the import's work.
  const requestThreadFrom = threadClock();
  const phaseStart: Partial<Record<JobPhase, number>> = {};
  let status: UnitImportStatus;
  for (;;) {
    status = await api<UnitImportStatus>('units.importStatus', { jobId });
    phase = status.phase;
    phaseStart[status.phase] ??= performance.now() - start;
    if (status.phase === 'done' || status.phase === 'failed' || status.phase === 'cancelled') break;
    await sleep(50);
  }
  const totalMs = performance.now() - start;
  const totalCpuMs = cpuMs(cpu);
  const requestThreadTo = threadClock();
  const probesCpuMs = requestThreadFrom && requestThreadTo ? (requestThreadTo.cpu - requestThreadFrom.cpu) / 1e6 : NaN;
  loopDelay.disable();
  finished = true;
  await prober;
  const units = Number((await ctx.db.selectFrom('units').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
  await host.close();
  await ctx.close();
  latencies.sort((a, b) => a - b);
  const at = (p: number) => latencies[Math.min(latencies.length - 1, Math.floor((p / 100) * latencies.length))] ?? NaN;
  const phases = Object.fromEntries(JOB_PHASES.filter((p) => phaseStart[p] !== undefined).map((p) => [p, Math.round(phaseStart[p]!)]));
  return {
    outcome: status.phase,
    message: status.message,
    result: status.result,
    units,
    totalMs,
    totalCpuMs,
    probesCpuMs,
    startAnswerMs,
    phases,
    probes: latencies.length,
    probeP50Ms: at(50),
    probeP95Ms: at(95),
    probeMaxMs: latencies.at(-1) ?? NaN,
    slowestDuring: slowest.phase,
    slowestCpuMs: slowest.cpuMs,
    slowestQueuedMs: slowest.queuedMs,
    loopDelayP99Ms: loopDelay.percentile(99) / 1e6,
    loopDelayMaxMs: loopDelay.max / 1e6,
    baselineRssMb,
    peakRssMb: peakRssMb(),
  };
}

/**
 * The least the import can cost on this machine now: the sheet's rows, read and kept in memory
 * beforehand, written by the import's own writers on a connection set up as its worker's (one
 * transaction; a units row, a figures row, an audit row for each and a search entry per unit),
 * timed from BEGIN to COMMIT; with nothing read, parsed or checked in that time.
 */
async function writeFloor(dir: string, file: string) {
  const ctx = await composeApp(dir, { actor: 'bench' });
  await setUpOffice(ctx, { name: 'Phòng GD&ĐT huyện Đo Lường', code: 'B1', level: 'huyen', territoryName: 'Đo Lường', territoryType: 'Huyện', territoryCode: 'B1', provinceName: 'Đồng Tháp' });
  const databaseFile = ctx.sqlite.name;
  await ctx.close();
  const units: SheetUnit[] = [];
  const sheet = await openUnitSheet(readFileSync(file), NEVER_CANCELLED);
  for await (const batch of sheet.batches()) units.push(...batch.units);

  const sqlite = openImportConnection(databaseFile);
  sqlite.pragma('cache_size = -65536');
  const { rootUnitId, provinceName } = sqlite.prepare('SELECT rootUnitId, provinceName FROM office').get() as { rootUnitId: string; provinceName: string };
  const root = sqlite.prepare('SELECT * FROM units WHERE id = ?').get(rootUnitId) as UnitsTable;
  const cpu = process.cpuUsage();
  const start = performance.now();
  sqlite.exec('BEGIN IMMEDIATE');
  const writer = new BulkRecordWriter(sqlite, { at: new Date().toISOString(), actor: 'bench', operation: 'units.importXlsx', officeId: root.originOfficeId }, { batched: true });
  const index = bulkIndexForSearch(sqlite);
  const byCode = new Map<string, UnitsTable>([[root.code, root]]);
  const byId = new Map<string, UnitsTable>([[root.id, root]]);
  for (const u of units) {
    const parent = byCode.get(u.parentCode === '' ? root.code : u.parentCode)!;
    const row = writer.insert('units', { parentId: parent.id, code: u.code, name: u.name, type: u.level });
    byCode.set(row.code, row);
    byId.set(row.id, row);
    const ancestors: UnitsTable[] = [];
    for (let p: UnitsTable | undefined = parent; p; p = p.parentId ? byId.get(p.parentId) : undefined) ancestors.push(p);
    index.add(unitSearchEntry(row, ancestors, provinceName));
    if (u.year !== null && u.figures !== null) writer.insert('unitFigures', { unitId: row.id, year: u.year, ...u.figures });
  }
  writer.flush();
  index.flush();
  sqlite.exec('COMMIT');
  const ms = performance.now() - start;
  const cpuMsUsed = cpuMs(cpu);
  sqlite.close();
  return { ms, cpuMs: cpuMsUsed, rows: units.length };
}

const [mode, ...args] = process.argv.slice(2);
const result = mode === 'read' ? await bareRead(args[0]!) : mode === 'floor' ? await writeFloor(args[0]!, args[1]!) : await importOverHttp(args[0]!, args[1]!);
console.log(JSON.stringify(result));
