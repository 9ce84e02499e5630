import Database from 'better-sqlite3';
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { composeApp } from '../../main/app/compose.js';
import { exportBundle } from '../../main/bundles/export/export-bundle.js';
import { BulkRecordWriter } from '../../main/db/bulk-records.js';
import { loadDemo } from '../../main/demo/demo.service.js';
import { setUpOffice } from '../../main/office/index.js';
import type { TitleSubjectsTable } from '../../main/titles/titles.tables.js';
import { runChild } from '../support/kill-child.js';
import { TAN_HONG_OFFICE } from '../support/test-app.js';

const root = mkdtempSync(join(tmpdir(), 'xhht-bundle-crash-'));
const bundle = join(root, 'lon.xhht');
const template = join(root, 'B0');
/** People added to the demo so the apply takes long enough for kills to land all through it. */
const EXTRA_PEOPLE = 2_000;
const TRIALS = 50;
let bundledRows = 0;

beforeAll(async () => {
  const a = await composeApp(join(root, 'A'));
  await loadDemo(a);
  const person = (await a.db.selectFrom('titleSubjects').selectAll().where('kind', '=', 'person').executeTakeFirstOrThrow()) as TitleSubjectsTable;
  const { id: _id, originOfficeId: _o, createdAt: _c, updatedAt: _u, rev: _r, deletedAt: _d, ...fields } = person;
  const writer = new BulkRecordWriter(a.sqlite, { at: new Date().toISOString(), actor: 'kiểm thử', operation: 'test', officeId: a.officeId() }, { batched: true });
  a.sqlite.transaction(() => {
    for (let i = 0; i < EXTRA_PEOPLE; i++) writer.insert('titleSubjects', { ...fields, name: `Người thử ${i}`, nameFolded: `nguoi thu ${i}`, idNumber: null });
    writer.flush();
  })();
  const written = await exportBundle({ sqlite: a.sqlite, dataDir: a.dataDir, options: { kind: 'sync', period: null, includeFiles: true, includePersonalData: false }, outPath: bundle, now: new Date() });
  bundledRows = Object.values(written.counts).reduce((x, y) => x + y, 0);
  await a.close();
  const b = await composeApp(template);
  await setUpOffice({ ...b, operation: 'init' }, { ...TAN_HONG_OFFICE, provinceName: 'Đồng Tháp', name: 'Phòng GD&ĐT Tân Hồng (máy B)', code: '871' });
  await b.close();
}, 180_000);

afterAll(() => rmSync(root, { recursive: true, force: true }));

interface State {
  integrity: string;
  people: number;
  logged: number;
}

function stateOf(dir: string): State {
  const db = new Database(join(dir, 'xhht.sqlite'));
  try {
    return {
      integrity: db.pragma('integrity_check', { simple: true }) as string,
      people: db.prepare('SELECT count(*) FROM titleSubjects').pluck().get() as number,
      logged: db.prepare('SELECT count(*) FROM bundlesReceived').pluck().get() as number,
    };
  } finally {
    db.close();
  }
}

let trial = 0;
function freshOffice(): string {
  const dir = join(root, `t${trial++}`);
  cpSync(template, dir, { recursive: true });
  return dir;
}

describe('applying a bundle is all or nothing', () => {
  it(`killed with SIGKILL at ${TRIALS} random moments, the database is whole and the bundle wholly applied or not at all`, async () => {
    const started = Date.now();
    const whole = freshOffice();
    const complete = await runChild('tests/bundles/apply-child.ts', [whole, bundle], { bundled: true });
    expect(complete.code, complete.stderr).toBe(0);
    const applied = stateOf(whole);
    expect(applied).toMatchObject({ integrity: 'ok', logged: 1 });
    expect(applied.people).toBeGreaterThan(EXTRA_PEOPLE);
    const untouched = stateOf(template);

    const outcomes = { none: 0, all: 0 };
    // Kills are drawn within the shortest run seen: a kill that found the bundle applied shows a run finished
    // before it. On a busy machine the first run may be the slow one, and kills drawn over its length
    // landed mostly after the commit (23 of 50 before it, with two CI runs at once).
    let window = complete.workMs;
    for (let i = 0; i < TRIALS; i++) {
      const dir = freshOffice();
      const moment = Math.floor(Math.random() * window);
      await runChild('tests/bundles/apply-child.ts', [dir, bundle], { bundled: true, killAfter: moment });
      const state = stateOf(dir);
      expect(state.integrity, `killed ${moment} ms in`).toBe('ok');
      // Wholly applied (every person and the log row) or not at all (as set up).
      if (state.logged === 0) {
        expect(state, `killed ${moment} ms in`).toEqual(untouched);
        outcomes.none++;
      } else {
        expect(state, `killed ${moment} ms in`).toEqual(applied);
        outcomes.all++;
        window = Math.max(1, Math.min(window, moment));
      }
      rmSync(dir, { recursive: true, force: true });
    }
    console.log(
      `bundle of ${bundledRows} rows applied in ${complete.workMs} ms; ${TRIALS} kills: ${outcomes.none} before the commit, ${outcomes.all} after; ${Math.round((Date.now() - started) / 1000)} s in all`,
    );
    // Most kills must land before the commit for the test to mean anything.
    expect(outcomes.none).toBeGreaterThan(TRIALS / 2);
  }, 400_000);
});
