/**
 * Evidence files: attach 2,000 files of about 2 GB in all through the store
 * (stream, hash, fsync, rename, one audited row each, batches of 20 files a
 * transaction like a multi-file drop), beside `cp` + `sha256sum` of the same
 * files in the same run. Both read the same freshly written (cached) sources.
 */
import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { composeApp } from '../../main/app/compose.js';
import { attachStaged, storeOf } from '../../main/evidence/index.js';
import { setUpOffice } from '../../main/office/index.js';
import { inTransaction, insertRecord } from '../../main/db/records.js';

const FILES = 2000;
const BATCH = 20;
const MB = 1024 * 1024;

export async function runEvidenceBench(): Promise<string[]> {
  const dir = mkdtempSync(join(tmpdir(), 'xhht-evidence-bench-'));
  try {
    const source = join(dir, 'nguon');
    mkdirSync(source);
    // Distinct content for every file (a store that deduplicates must not get a free ride): a random pool, sliced, with a unique head.
    const pool = randomBytes(8 * MB);
    const names: string[] = [];
    let total = 0;
    for (let i = 0; i < FILES; i++) {
      const size = Math.floor(0.25 * MB + ((i * 7919) % 1000) / 1000 * 1.5 * MB);
      const start = (i * 104729) % (pool.length - size);
      const name = `Minh chứng số ${String(i).padStart(4, '0')} – ảnh lớp học.jpg`;
      const head = Buffer.alloc(64);
      Buffer.from([0xff, 0xd8, 0xff, 0xe0]).copy(head);
      head.write(`xhht-bench-${i}`, 8);
      writeFileSync(join(source, name), Buffer.concat([head, pool.subarray(start, start + size - 64)]));
      names.push(name);
      total += size;
    }

    const baselineDir = join(dir, 'cp');
    const t0 = performance.now();
    const baseline = spawnSync('sh', ['-c', 'cp -r "$0" "$1" && find "$1" -type f -exec sha256sum {} + > /dev/null', source, baselineDir]);
    const baselineSeconds = (performance.now() - t0) / 1000;
    if (baseline.status !== 0) throw new Error(`cp + sha256sum failed: ${baseline.stderr.toString()}`);
    rmSync(baselineDir, { recursive: true, force: true });

    const ctx = await composeApp(join(dir, 'data'), { actor: 'bench' });
    try {
      await setUpOffice(ctx, { name: 'Phòng GD&ĐT huyện Đo Lường', code: 'B2', level: 'huyen', territoryName: 'Đo Lường', territoryType: 'Huyện', territoryCode: 'B2', provinceName: 'Đồng Tháp' });
      const plan = await inTransaction(ctx, (tx) =>
        insertRecord(tx, ctx, 'plans', { kind: 'ke_hoach', number: null, issuedOn: null, issuer: 'UBND', title: 'Đo tốc độ minh chứng', periodStart: 2021, periodEnd: 2030, status: 'active', generalObjective: '', note: '' }),
      );
      const store = storeOf(ctx.dataDir);
      const t1 = performance.now();
      for (let i = 0; i < FILES; i += BATCH) {
        const staged = [];
        for (const name of names.slice(i, i + BATCH)) staged.push(await store.receiveFile(join(source, name), name, 4096 * MB));
        await attachStaged(ctx, { recordTable: 'plans', recordId: plan.id, files: staged.map((s) => ({ stagedId: s.stagedId, name: s.name })) });
      }
      const oursSeconds = (performance.now() - t1) / 1000;
      const mbps = (seconds: number) => total / MB / seconds;
      return [
        `XHHT bench — minh chứng: ${FILES} tệp, ${(total / 1024 ** 3).toFixed(2)} GB`,
        `  attach (stream, SHA-256, fsync, rename, audited row)  ${oursSeconds.toFixed(1)} s  ${mbps(oursSeconds).toFixed(0)} MB/s`,
        `  cp + sha256sum of the same files                      ${baselineSeconds.toFixed(1)} s  ${mbps(baselineSeconds).toFixed(0)} MB/s`,
        `  ratio                                                 ${((baselineSeconds / oursSeconds) * 100).toFixed(0)}% (aim ≥ 70%)`,
      ];
    } finally {
      await ctx.close();
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (import.meta.url === `file://${process.argv[1]}`) for (const line of await runEvidenceBench()) console.log(line);
