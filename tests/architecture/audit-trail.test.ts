import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contract } from '../../shared/contract.js';
import { dispatch } from '../../main/app/dispatch.js';
import { loadDemo } from '../../main/demo/demo.service.js';
import { TABLES } from '../../main/db/tables.js';
import { createTestApp, type TestApp } from '../support/test-app.js';
import { WRITE_CASES, type WritingOpName } from './mutation-inputs.js';

type Snapshot = Map<string, { table: string; rev: number; json: string }>;

/** Every row of every synchronised table, by id. */
function snapshot(app: TestApp): Snapshot {
  const rows: Snapshot = new Map();
  for (const t of TABLES.filter((r) => r.synced)) {
    for (const row of app.ctx.sqlite.prepare(`SELECT * FROM "${t.name}"`).all() as { id: string; rev: number }[]) {
      rows.set(row.id, { table: t.name, rev: row.rev, json: JSON.stringify(row) });
    }
  }
  return rows;
}

const lastAuditSeq = (app: TestApp) => (app.ctx.sqlite.prepare('SELECT coalesce(max(seq), 0) FROM auditLog').pluck().get() as number) ?? 0;

/**
 * The write path's promise, checked over every writing op of the contract: a
 * changed synchronised row has its revision bumped by one (or starts at 1) and
 * one audit row of that op names it. Other offices rely on both to merge.
 */
describe('every writing op leaves an audit row and a new revision for each row it changes', () => {
  let demo: TestApp;
  beforeAll(async () => {
    demo = await createTestApp({ today: '2026-11-25', setUp: false });
    await loadDemo(demo.ctx);
  }, 120_000);
  afterAll(() => demo.close());

  const ops = Object.keys(contract).filter((op): op is WritingOpName => contract[op as keyof typeof contract].kind !== 'query');

  it('has a case for every writing op', () => {
    expect(ops.filter((op) => !(op in WRITE_CASES))).toEqual([]);
    expect(ops.length).toBeGreaterThan(30);
  });

  it.each(ops)('%s', async (op) => {
    const writeCase = WRITE_CASES[op] as (typeof WRITE_CASES)[WritingOpName];
    const app = writeCase.fresh ? await createTestApp({ today: '2026-11-25', setUp: writeCase.fresh === 'office' }) : demo;
    try {
      const ctx = writeCase.session ? { ...app.ctx, session: await writeCase.session(app) } : app.ctx;
      const input = await writeCase.input(app);
      const before = snapshot(app);
      const seq = lastAuditSeq(app);
      const envelope = await dispatch(op, input, ctx);
      expect(envelope.ok ? 'ok' : JSON.stringify(envelope.error)).toBe('ok');
      if (envelope.ok && writeCase.settle) await writeCase.settle(app, envelope.data);
      const after = snapshot(app);
      const allAudits = app.ctx.sqlite.prepare('SELECT recordId, operation, entity FROM auditLog WHERE seq > ?').all(seq) as { recordId: string; operation: string; entity: string }[];
      expect(allAudits.length, 'a writing op that succeeds leaves at least one audit row').toBeGreaterThan(0);
      const synced = new Set(TABLES.filter((t) => t.synced).map((t) => t.name));
      const audits = allAudits.filter((a) => synced.has(a.entity));
      const audited = new Map(audits.map((a) => [a.recordId, a]));
      const changed = [...after].filter(([id, row]) => before.get(id)?.json !== row.json);
      const problems = changed.flatMap(([id, row]) => {
        const old = before.get(id);
        const found: string[] = [];
        if (row.rev !== (old ? old.rev + 1 : 1)) found.push(`${row.table} ${id}: rev ${old?.rev ?? '∅'} → ${row.rev}`);
        const audit = audited.get(id);
        if (!audit) found.push(`${row.table} ${id}: no audit row`);
        else if (audit.operation !== op || audit.entity !== row.table) found.push(`${row.table} ${id}: audited as ${audit.operation}/${audit.entity}`);
        return found;
      });
      expect(problems).toEqual([]);
      expect(audits.length, 'one audit row per changed row').toBe(changed.length);
    } finally {
      if (app !== demo) await app.close();
    }
  });
});
