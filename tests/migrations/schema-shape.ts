import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDatabase } from '../../main/db/database.js';

export type SchemaShape = Record<string, Record<string, { type: string; notNull: boolean; hasDefault: boolean }>>;

/** The tables and columns a freshly migrated database has (FTS shadow tables left out). */
export async function currentSchemaShape(): Promise<SchemaShape> {
  const dir = mkdtempSync(join(tmpdir(), 'xhht-schema-'));
  const { sqlite, close } = await openDatabase(join(dir, 'x.sqlite'));
  try {
    const tables = sqlite
      .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE 'searchFts%' ORDER BY name")
      .pluck()
      .all() as string[];
    const shape: SchemaShape = {};
    for (const table of tables) {
      const columns = sqlite.prepare(`SELECT name, type, "notnull" AS required, dflt_value AS dflt FROM pragma_table_info(?)`).all(table) as { name: string; type: string; required: number; dflt: unknown }[];
      shape[table] = Object.fromEntries(columns.map((c) => [c.name, { type: c.type, notNull: c.required === 1, hasDefault: c.dflt !== null }]));
    }
    return shape;
  } finally {
    await close();
    rmSync(dir, { recursive: true, force: true });
  }
}
