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

const sync = (id: string, deletedAt: string | null = null) => ({ id, originOfficeId: 'o', createdAt: '2025-01-01T00:00:00.000Z', updatedAt: '2026-03-01T00:00:00.000Z', rev: 1, deletedAt });

describe('migration 0090 occurrences', () => {
  it('turns receipts and yearly task statuses into occurrence rows and leaves one-off work as it was', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'xhht-0090-')), 'xhht.sqlite');
    dirs.push(join(file, '..'));
    const before = await openDatabase(file, MIGRATIONS.filter((m) => m.id < 90));
    const insert = (table: string, row: Record<string, unknown>) =>
      before.sqlite.prepare(`INSERT INTO ${table} (${Object.keys(row).map((k) => `"${k}"`).join(',')}) VALUES (${Object.keys(row).map(() => '?').join(',')})`).run(...Object.values(row));
    const yearly = JSON.stringify({ kind: 'yearly', day: 15, month: 11 });
    insert('reportingDuties', { ...sync('d-year'), planId: 'p', title: 'Báo cáo năm', fromAgencyId: 'a', to: 'Phòng GD&ĐT', due: yearly });
    insert('reportingDuties', { ...sync('d-once'), planId: 'p', title: 'Sơ kết', fromAgencyId: null, to: 'Sở GD&ĐT', due: JSON.stringify({ kind: 'date', date: '2025-11-10' }) });
    insert('reportReceipts', { ...sync('r1'), dutyId: 'd-year', periodYear: 2024, receivedOn: '2024-11-18', note: 'CV 12' });
    insert('reportReceipts', { ...sync('r2'), dutyId: 'd-once', periodYear: 2025, receivedOn: '2025-11-09', note: '' });
    insert('reportReceipts', { ...sync('r3', '2025-02-02T00:00:00.000Z'), dutyId: 'd-year', periodYear: 2023, receivedOn: '2023-11-18', note: '' });
    insert('tasks', { ...sync('t-year'), planId: 'p', text: 'Báo cáo hằng năm', deadline: yearly, status: 'done', percent: 100 });
    insert('tasks', { ...sync('t-year-idle'), planId: 'p', text: 'Chưa làm', deadline: yearly, status: 'not_started' });
    insert('tasks', { ...sync('t-once'), planId: 'p', text: 'Một lần', deadline: JSON.stringify({ kind: 'year', year: 2025 }), status: 'done', percent: 100 });
    insert('taskProgress', { ...sync('g1'), taskId: 't-year', period: 'Năm 2025', text: 'Xong', status: 'done', percent: 100, reportedOn: '2025-11-10' });
    insert('taskProgress', { ...sync('g2'), taskId: 't-once', period: 'Năm 2025', text: 'Xong', status: 'done', percent: 100, reportedOn: '2025-12-01' });
    await before.close();

    const after = await openDatabase(file);
    const all = (q: string) => after.sqlite.prepare(q).all();
    expect(all('SELECT dutyId, periodKey, memberId, deliveredOn, note, rev, deletedAt FROM dutyOccurrences ORDER BY dutyId')).toEqual([
      { dutyId: 'd-once', periodKey: 'once', memberId: '', deliveredOn: '2025-11-09', note: '', rev: 1, deletedAt: null },
      { dutyId: 'd-year', periodKey: '2024', memberId: '', deliveredOn: '2024-11-18', note: 'CV 12', rev: 1, deletedAt: null },
    ]);
    expect(all('SELECT taskId, periodKey, memberId, status, percent, doneOn FROM taskOccurrences')).toEqual([
      { taskId: 't-year', periodKey: '2025', memberId: '', status: 'done', percent: 100, doneOn: '2025-11-10' },
    ]);
    expect(all('SELECT id, periodKey, difficulties, proposals FROM taskProgress ORDER BY id')).toEqual([
      { id: 'g1', periodKey: '2025', difficulties: '', proposals: '' },
      { id: 'g2', periodKey: null, difficulties: '', proposals: '' },
    ]);
    expect(all('SELECT id, outgoing, memberKind, memberIds, taskId FROM reportingDuties ORDER BY id')).toEqual([
      { id: 'd-once', outgoing: 1, memberKind: 'none', memberIds: '[]', taskId: null },
      { id: 'd-year', outgoing: 0, memberKind: 'none', memberIds: '[]', taskId: null },
    ]);
    expect(all("SELECT id, status, memberKind FROM tasks WHERE id = 't-once'")).toEqual([{ id: 't-once', status: 'done', memberKind: 'none' }]);
    await after.close();
  });
});
