/**
 * The home page's data over a plan of 2,000 tasks across 10 years of
 * occurrences (issue 11): yearly, quarterly and semiannual work, a tenth of it
 * owed by each of 9 communes, with what was done in the past years recorded
 * as occurrence rows through the audited write path.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import type { Deadline } from '../../shared/deadlines.js';
import { occurrencesOf } from '../../shared/occurrences.js';
import { composeApp } from '../../main/app/compose.js';
import { dispatch } from '../../main/app/dispatch.js';
import { inTransaction, insertRecord } from '../../main/db/records.js';
import { setUpOffice } from '../../main/office/index.js';
import { createPlan } from '../../main/plan-documents/index.js';
import { createTaskInTx } from '../../main/tasks/index.js';
import { createUnitInTx } from '../../main/units/index.js';

const TASKS = 2000;
const COMMUNES = 9;
const RUNS = 10;
const TODAY_YEAR = 2026;

const SHAPES: { deadline: Deadline; group: boolean }[] = [
  { deadline: { kind: 'yearly', day: 15, month: 11 }, group: false },
  { deadline: { kind: 'periodic', every: 'quarter', days: [] }, group: false },
  { deadline: { kind: 'periodic', every: 'half', days: [{ day: 15, month: 6 }, { day: 15, month: 12 }] }, group: false },
  { deadline: { kind: 'periodic', every: 'year', days: [] }, group: false },
  { deadline: { kind: 'date', date: '2027-06-30' }, group: false },
  { deadline: { kind: 'quarter', year: 2024, quarter: 4 }, group: false },
  { deadline: { kind: 'periodic', every: 'half', days: [{ day: 15, month: 6 }, { day: 15, month: 12 }] }, group: true },
  { deadline: { kind: 'yearly', day: 20, month: 11 }, group: false },
  { deadline: { kind: 'periodic', every: 'year', days: [] }, group: false },
  { deadline: { kind: 'periodic', every: 'quarter', days: [] }, group: false },
];

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
const ms = (n: number) => `${n.toFixed(1)} ms`;

export async function runOccurrencesBench(): Promise<string[]> {
  const dir = mkdtempSync(join(tmpdir(), 'xhht-bench-occ-'));
  try {
    const ctx = await composeApp(dir, { actor: 'bench' });
    const office = await setUpOffice(ctx, { name: 'Phòng GD&ĐT huyện Đo Lường', code: 'B2', level: 'huyen', territoryName: 'Đo Lường', territoryType: 'Huyện', territoryCode: 'B2', provinceName: 'Đồng Tháp' });
    const communes: string[] = [];
    await inTransaction(ctx, async (tx) => {
      for (let c = 0; c < COMMUNES; c++) communes.push((await createUnitInTx(tx, ctx, { parentId: office.rootUnitId, code: `X${c}`, name: `Xã ${c + 1}`, type: 'Xã' })).id);
    });
    const plan = await createPlan(ctx, {
      fields: { kind: 'ke_hoach', number: '1/KH-BENCH', issuedOn: '2021-01-10', issuer: 'UBND huyện Đo Lường', title: 'Kế hoạch đo lường', periodStart: 2021, periodEnd: 2030, status: 'active', generalObjective: '', note: '' },
      references: [],
    });
    const tBuild = performance.now();
    let rows = 0;
    await inTransaction(ctx, async (tx) => {
      for (let i = 0; i < TASKS; i++) {
        const shape = SHAPES[i % SHAPES.length]!;
        const fields = { parentId: null, number: String(i + 1), text: `Nhiệm vụ đo lường số ${i + 1}`, leadAgencyId: null, coordinatorAgencyIds: [], communeIds: [], ownerNote: '', isRequest: false, deadline: shape.deadline, status: 'not_started' as const, memberKind: shape.group ? ('communes' as const) : ('none' as const), memberIds: [] };
        const task = await createTaskInTx(tx, ctx, plan.id, fields);
        // Past periods recorded done, all but one task in seven left with a lapse to chase.
        if (i % 7 === 0) continue;
        for (const o of occurrencesOf(shape.deadline, 2021, 2030).filter((x) => x.year < TODAY_YEAR && x.periodKey !== 'once')) {
          for (const memberId of shape.group ? communes : ['']) {
            await insertRecord(tx, ctx, 'taskOccurrences', { taskId: task.id, periodKey: o.periodKey, memberId, status: 'done', percent: 100, doneOn: o.dueDate, note: '' });
            rows++;
          }
        }
      }
    });
    const buildSeconds = (performance.now() - tBuild) / 1000;
    const times: number[] = [];
    const cpu: number[] = [];
    let overdue = 0;
    for (let i = 0; i < RUNS; i++) {
      const t = performance.now();
      const c = process.cpuUsage();
      const envelope = await dispatch('home.overview', {}, ctx);
      times.push(performance.now() - t);
      const used = process.cpuUsage(c);
      cpu.push((used.user + used.system) / 1000);
      if (envelope.ok) overdue = (envelope.data as { counts: { overdue: number } }).counts.overdue;
    }
    times.sort((a, b) => a - b);
    cpu.sort((a, b) => a - b);
    await ctx.close();
    return [
      'XHHT bench — trang tổng quan theo kỳ (tests/bench/occurrences-bench.ts)',
      `  ${TASKS} nhiệm vụ × 10 năm (2021–2030), ${rows} dòng kỳ đã ghi (build ${buildSeconds.toFixed(1)} s), ${COMMUNES} xã`,
      `  home.overview   p50 ${ms(percentile(times, 50))}  p95 ${ms(percentile(times, 95))}  (${RUNS} runs, ${overdue} việc quá hạn)`,
      // On a shared, busy machine the wall clock also counts other processes' turns; CPU time is this process's own work.
      `  home.overview CPU p50 ${ms(percentile(cpu, 50))}  p95 ${ms(percentile(cpu, 95))}`,
    ];
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
