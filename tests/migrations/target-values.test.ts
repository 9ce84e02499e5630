import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../../main/db/database.js';
import { MIGRATIONS } from '../../main/db/migrations/index.js';
import { parseMilestones } from '../../main/targets/targets.repo.js';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

const sync = (id: string) => ({ id, originOfficeId: 'o', createdAt: '2026-01-01T00:00:00.000Z', updatedAt: '2026-01-01T00:00:00.000Z', rev: 1, deletedAt: null });

describe('migration 0100 target values', () => {
  it('keeps targets and actuals as they were, reads an old milestone as one in its year, and refuses a second live value for a unit and year', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'xhht-0100-')), 'xhht.sqlite');
    dirs.push(join(file, '..'));
    const before = await openDatabase(file, MIGRATIONS.filter((m) => m.id < 100));
    const insert = (table: string, row: Record<string, unknown>) =>
      before.sqlite.prepare(`INSERT INTO ${table} (${Object.keys(row).join(',')}) VALUES (${Object.keys(row).map(() => '?').join(',')})`).run(...Object.values(row));
    const milestones = JSON.stringify([{ year: null, kind: 'percent', value: 60, total: null, scope: '', qualifier: null, wording: '' }]);
    insert('targets', { ...sync('t1'), planId: 'p', position: 0, section: 'A', code: '', text: 'B', parentId: null, population: null, populationLabel: '', source: null, perCommune: 1, milestones });
    insert('targetActuals', { ...sync('a1'), targetId: 't1', year: 2025, unitId: null, value: 45, total: null, note: 'Báo cáo', recordedOn: '2026-01-15' });
    await before.close();

    const after = await openDatabase(file);
    expect(after.sqlite.prepare('SELECT id, value, count, rev FROM targetActuals').all()).toEqual([{ id: 'a1', value: 45, count: null, rev: 1 }]);
    const target = await after.db.selectFrom('targets').selectAll().executeTakeFirstOrThrow();
    expect(parseMilestones(target, [], { periodStart: 2021, periodEnd: 2030 })).toEqual([
      { year: null, span: 'once', kind: 'percent', value: 60, total: null, scope: '', qualifier: null, wording: '', unitValues: [] },
    ]);
    const value = (id: string) => after.sqlite.prepare(`INSERT INTO targetUnitValues (id, originOfficeId, createdAt, updatedAt, rev, targetId, year, unitId, value) VALUES ('${id}','o','','',1,'t1',2027,'u1',70)`).run();
    value('v1');
    expect(() => value('v2')).toThrow(/UNIQUE/);
    await after.close();
  });
});
