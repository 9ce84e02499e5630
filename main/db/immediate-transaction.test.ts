import Database from 'better-sqlite3';
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase, type OpenDatabase } from './database.js';

let dir: string;
let opened: OpenDatabase;
beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'xhht-immediate-'));
  opened = await openDatabase(join(dir, 'x.sqlite'));
});
afterEach(async () => {
  await opened.close();
  rmSync(dir, { recursive: true, force: true });
});

const auditRows = (sqlite: Database.Database) => (sqlite.prepare('SELECT count(*) AS n FROM auditLog').get() as { n: number }).n;

describe('transactions on the office database', () => {
  it('hold the write lock from their first statement, so a read-then-write cannot be overtaken', async () => {
    const other = new Database(join(dir, 'x.sqlite'));
    other.pragma('busy_timeout = 0');
    try {
      let otherWrite: unknown = null;
      await opened.db.transaction().execute(async (tx) => {
        await tx.selectFrom('agencies').select('id').execute();
        try {
          other.exec("INSERT INTO auditLog (at, actor, operation, entity, recordId) VALUES ('2025-01-01', 'x', 'x', 'x', 'x')");
        } catch (error) {
          otherWrite = (error as { code?: string }).code;
        }
        await tx.insertInto('auditLog').values({ at: '2025-01-01', actor: 'a', operation: 'o', entity: 'e', recordId: 'r', before: null, after: null }).execute();
      });
      // With a deferred BEGIN the other write would have gone through and ours would have failed with SQLITE_BUSY_SNAPSHOT.
      expect(otherWrite).toBe('SQLITE_BUSY');
      expect(auditRows(other)).toBe(1);
    } finally {
      other.close();
    }
  });

  it('wait for another process that holds the write lock instead of failing at once', async () => {
    // The other process takes the write lock, says so, and lets go 400 ms later.
    const holder = spawn(
      process.execPath,
      ['-e', `const db = new (require('better-sqlite3'))(${JSON.stringify(join(dir, 'x.sqlite'))}); db.exec('BEGIN IMMEDIATE'); console.log('locked'); setTimeout(() => { db.exec('COMMIT'); db.close(); }, 400);`],
      { cwd: process.cwd(), stdio: ['ignore', 'pipe', 'inherit'] },
    );
    await new Promise((resolve) => createInterface({ input: holder.stdout }).once('line', resolve));
    await opened.db.transaction().execute(async (tx) => {
      await tx.selectFrom('agencies').select('id').execute();
      await tx.insertInto('auditLog').values({ at: '2025-01-01', actor: 'a', operation: 'o', entity: 'e', recordId: 'r', before: null, after: null }).execute();
    });
    expect(auditRows(opened.sqlite)).toBe(1);
    await new Promise((resolve) => holder.once('exit', resolve));
  });
});
