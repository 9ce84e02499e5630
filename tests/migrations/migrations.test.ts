import Database from 'better-sqlite3';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../../main/db/database.js';
import { MIGRATIONS } from '../../main/db/migrations/index.js';

const dirs: string[] = [];
function tempFile(): string {
  const dir = mkdtempSync(join(tmpdir(), 'xhht-mig-'));
  dirs.push(dir);
  return join(dir, 'xhht.sqlite');
}
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe('migrations', () => {
  it('run from empty to the latest version with WAL and foreign keys on', async () => {
    const file = tempFile();
    const opened = await openDatabase(file);
    expect(opened.migration.from).toBe(0);
    expect(opened.migration.to).toBe(MIGRATIONS.at(-1)!.id);
    expect(opened.sqlite.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(opened.sqlite.pragma('foreign_keys', { simple: true })).toBe(1);
    const tables = opened.sqlite.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").pluck().all();
    expect(tables).toEqual(expect.arrayContaining(['office', 'auditLog', 'searchIndex', 'units', 'unitFigures', 'unitEducation', 'agencies']));
    await opened.close();
  });

  it('do nothing on a second open', async () => {
    const file = tempFile();
    await (await openDatabase(file)).close();
    const again = await openDatabase(file);
    expect(again.migration.applied).toEqual([]);
    await again.close();
  });

  it('refuse a database made by a newer app, with a Vietnamese message', async () => {
    const file = tempFile();
    await (await openDatabase(file)).close();
    const raw = new Database(file);
    raw.pragma('user_version = 9990');
    raw.close();
    await expect(openDatabase(file)).rejects.toMatchObject({ code: 'DB_FROM_FUTURE', message: expect.stringMatching(/phiên bản XHHT mới hơn/) });
  });

  it('leave the file untouched when a migration fails midway', async () => {
    const file = tempFile();
    const failing = [
      ...MIGRATIONS.slice(0, 1),
      { id: 9000, name: 'broken', up: async () => Promise.reject(new Error('boom')) },
    ];
    await expect(openDatabase(file, failing)).rejects.toThrow('boom');
    const raw = new Database(file);
    expect(raw.pragma('user_version', { simple: true })).toBe(0);
    expect(raw.prepare("SELECT count(*) FROM sqlite_master WHERE name = 'office'").pluck().get()).toBe(0);
    raw.close();
  });

  it('are registered in order, once each, matching their file names', () => {
    const ids = MIGRATIONS.map((m) => m.id);
    expect([...ids].sort((a, b) => a - b)).toEqual(ids);
    expect(new Set(ids).size).toBe(ids.length);
    const files = readdirSync(join(import.meta.dirname, '../../main/db/migrations')).filter((f) => /^\d{4}_/.test(f));
    expect(files.sort()).toEqual(MIGRATIONS.map((m) => `${String(m.id).padStart(4, '0')}_${m.name}.ts`));
  });
});
