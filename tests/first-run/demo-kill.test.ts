import Database from 'better-sqlite3';
import { spawn } from 'node:child_process';
import { createPrivateKey, createPublicKey } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../main/db/database.js';

const root = mkdtempSync(join(tmpdir(), 'xhht-demo-kill-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));
let folders = 0;
const newFolder = () => join(root, `d${folders++}`);

interface DemoRun {
  /** Milliseconds from the first progress line to the end of the process. */
  afterFirstStep: number;
  finished: boolean;
  output: string;
}

/** Runs `demo` in a child process; with `killAfter`, kills it with SIGKILL that many ms after its first progress line. */
function runDemo(dir: string, killAfter?: number): Promise<DemoRun> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'main/cli/xhht.ts', 'demo', '--data-dir', dir], { stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  let firstStepAt: number | null = null;
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
  createInterface({ input: child.stdout }).on('line', (line) => {
    output += `${line}\n`;
    if (firstStepAt !== null) return;
    firstStepAt = Date.now();
    if (killAfter !== undefined) setTimeout(() => child.kill('SIGKILL'), killAfter);
  });
  return new Promise((resolve) =>
    child.once('exit', (code) => resolve({ afterFirstStep: Date.now() - (firstStepAt ?? Date.now()), finished: code === 0, output })),
  );
}

/** Rows per table (FTS shadow tables left out: their layout is SQLite's business). */
function rowCounts(dir: string): Record<string, number> {
  const db = new Database(join(dir, 'xhht.sqlite'));
  try {
    const tables = db.prepare("SELECT name, sql FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'").all() as { name: string; sql: string }[];
    const virtual = tables.filter((t) => /^CREATE VIRTUAL TABLE/i.test(t.sql)).map((t) => `${t.name}_`);
    const counts: Record<string, number> = {};
    for (const { name } of tables.filter((t) => !virtual.some((prefix) => t.name.startsWith(prefix)))) {
      counts[name] = (db.prepare(`SELECT count(*) AS n FROM "${name}"`).get() as { n: number }).n;
    }
    return counts;
  } finally {
    db.close();
  }
}

function officeKeyMatches(dir: string): boolean {
  const db = new Database(join(dir, 'xhht.sqlite'), { readonly: true });
  const { publicKey } = db.prepare('SELECT publicKey FROM office').get() as { publicKey: string };
  db.close();
  const onDisk = createPublicKey(createPrivateKey(readFileSync(join(dir, 'keys', 'office-ed25519.pem'), 'utf8')));
  return onDisk.export({ format: 'der', type: 'spki' }).toString('base64') === publicKey;
}

describe('demo is all or nothing', () => {
  it('killed with SIGKILL at 20 moments spread over its run, it leaves either no territory or the whole demo, and demo then completes', async () => {
    const reference = newFolder();
    const complete = await runDemo(reference);
    expect(complete.output).toContain('Đã tạo dữ liệu mẫu');
    const whole = rowCounts(reference);
    expect(whole.units).toBeGreaterThan(40);
    const emptyFolder = newFolder();
    mkdirSync(emptyFolder);
    await (await openDatabase(join(emptyFolder, 'xhht.sqlite'))).close();
    const nothing = rowCounts(emptyFolder);

    // One moment in each twentieth of the measured run (first progress line to exit), the first right at its start.
    const moments = Array.from({ length: 20 }, (_, i) => Math.round((complete.afterFirstStep * (i + (i === 0 ? 0 : Math.random()))) / 20));
    const outcomes: { moment: number; state: 'nothing' | 'whole'; dir: string }[] = [];
    for (let i = 0; i < moments.length; i += 2) {
      // Two at a time: the machine has two cores.
      await Promise.all(
        moments.slice(i, i + 2).map(async (moment) => {
          const dir = newFolder();
          const run = await runDemo(dir, moment);
          expect(run.output, 'the demo started before the kill').toContain('… Thiết lập cơ quan');
          const counts = existsSync(join(dir, 'xhht.sqlite')) ? rowCounts(dir) : nothing;
          const state = JSON.stringify(counts) === JSON.stringify(nothing) ? 'nothing' : JSON.stringify(counts) === JSON.stringify(whole) ? 'whole' : null;
          expect(state, `killed ${moment} ms after the first step: ${JSON.stringify(counts)}`).not.toBeNull();
          if (state === 'whole') expect(officeKeyMatches(dir)).toBe(true);
          outcomes.push({ moment, state: state!, dir });
        }),
      );
    }
    console.log(`demo run ${complete.afterFirstStep} ms after its first step; kills: ${outcomes.map((o) => `${o.moment} ms → ${o.state}`).join(', ')}`);
    const stopped = outcomes.find((o) => o.state === 'nothing');
    expect(stopped, 'a kill at the first progress line leaves nothing').toBeDefined();
    const again = await runDemo(stopped!.dir);
    expect(again.output).toContain('Đã tạo dữ liệu mẫu');
    expect(rowCounts(stopped!.dir)).toEqual(whole);
    expect(officeKeyMatches(stopped!.dir)).toBe(true);
  }, 400_000);
});
