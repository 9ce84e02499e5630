import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../../main/db/database.js';
import { MIGRATIONS } from '../../main/db/migrations/index.js';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

const sync = (id: string) => ({ id, originOfficeId: 'o', createdAt: '2026-01-01T00:00:00.000Z', updatedAt: '2026-01-01T00:00:00.000Z', rev: 1, deletedAt: null });

describe('migration 0050 live link keys', () => {
  it('tombstones a later live duplicate and a second lead, then refuses new ones', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'xhht-0050-')), 'xhht.sqlite');
    dirs.push(join(file, '..'));
    const at40 = await openDatabase(file, MIGRATIONS.filter((m) => m.id <= 40));
    const insert = (row: Record<string, unknown>) =>
      at40.sqlite.prepare(`INSERT INTO taskAgencies (${Object.keys(row).join(',')}) VALUES (${Object.keys(row).map(() => '?').join(',')})`).run(...Object.values(row));
    insert({ ...sync('a1'), taskId: 't', agencyId: 'x', role: 'lead', position: 0 });
    insert({ ...sync('a2'), taskId: 't', agencyId: 'x', role: 'lead', position: 0 });
    insert({ ...sync('a3'), taskId: 't', agencyId: 'y', role: 'lead', position: 1 });
    insert({ ...sync('a4'), taskId: 't', agencyId: 'z', role: 'coordinator', position: 2 });
    await at40.close();

    const latest = await openDatabase(file);
    const rows = latest.sqlite.prepare('SELECT id, rev, deletedAt IS NULL AS live FROM taskAgencies ORDER BY id').all();
    expect(rows).toEqual([
      { id: 'a1', rev: 1, live: 1 },
      { id: 'a2', rev: 2, live: 0 },
      { id: 'a3', rev: 2, live: 0 },
      { id: 'a4', rev: 1, live: 1 },
    ]);
    const again = () => latest.sqlite.prepare("INSERT INTO taskAgencies (id, originOfficeId, createdAt, updatedAt, rev, taskId, agencyId, role, position) VALUES ('a5','o','','',1,'t','z','coordinator',3)").run();
    expect(again).toThrow(/UNIQUE/);
    await latest.close();
  });
});
