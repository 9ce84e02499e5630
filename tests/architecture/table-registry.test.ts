import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type OpenDatabase } from '../../main/db/database.js';
import { ANY_TABLE } from '../../main/db/table-registry.js';
import { TABLES } from '../../main/db/tables.js';

const SYNC_COLUMNS = ['id', 'originOfficeId', 'createdAt', 'updatedAt', 'rev', 'deletedAt'];
let dir: string;
let opened: OpenDatabase;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'xhht-registry-'));
  opened = await openDatabase(join(dir, 'xhht.sqlite'));
});
afterAll(async () => {
  await opened.close();
  rmSync(dir, { recursive: true, force: true });
});

const columnsOf = (table: string) => opened.sqlite.prepare(`SELECT name FROM pragma_table_info(?)`).pluck().all(table) as string[];

describe('table registry', () => {
  it('registers every table of the migrated database once, and nothing else', () => {
    // FTS5 keeps its own shadow tables beside the searchIndex it mirrors.
    const tables = opened.sqlite.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE 'searchFts%'").pluck().all();
    expect(TABLES.map((t) => t.name).sort()).toEqual([...tables].sort());
    expect(new Set(TABLES.map((t) => t.name)).size).toBe(TABLES.length);
  });

  it('gives every synchronised table the sync columns and every local one none of the travelling rules', () => {
    for (const t of TABLES) {
      if (t.synced) expect(columnsOf(t.name), t.name).toEqual(expect.arrayContaining(SYNC_COLUMNS));
      else expect(t.travels, `${t.name} is local and cannot travel`).toBe(false);
    }
  });

  it('names only existing columns and registered tables in parent references', () => {
    const names = new Set(TABLES.map((t) => t.name));
    const broken = TABLES.flatMap((t) =>
      t.parents
        .filter((p) => (p.table === ANY_TABLE ? !columnsOf(t.name).includes(p.tableColumn ?? '') : !names.has(p.table)) || !columnsOf(t.name).includes(p.column))
        .map((p) => `${t.name}.${p.column} → ${p.table}`),
    );
    expect(broken).toEqual([]);
  });

  it('backs every link key with a unique index over live rows', () => {
    for (const t of TABLES.filter((r) => r.linkKey)) {
      const indexes = opened.sqlite.prepare(`SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = ? AND sql LIKE 'CREATE UNIQUE%'`).all(t.name) as { name: string; sql: string }[];
      const match = indexes.find((i) => {
        const cols = opened.sqlite.prepare('SELECT name FROM pragma_index_info(?)').pluck().all(i.name);
        return JSON.stringify(cols) === JSON.stringify(t.linkKey) && /deletedAt IS NULL/i.test(i.sql);
      });
      expect(match, `${t.name} (${t.linkKey!.join(', ')})`).toBeDefined();
    }
  });

  it('lets a travelling table point only at travelling tables, so a bundle is complete', () => {
    const travels = new Map(TABLES.map((t) => [t.name, t.travels]));
    // A polymorphic reference (evidence files) is checked when a row is written: it may name only travelling tables.
    const strays = TABLES.filter((t) => t.travels).flatMap((t) => t.parents.filter((p) => p.table !== ANY_TABLE && !travels.get(p.table)).map((p) => `${t.name}.${p.column} → ${p.table}`));
    expect(strays).toEqual([]);
  });
});
