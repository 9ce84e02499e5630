import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { currentSchemaShape, type SchemaShape } from './schema-shape.js';

const released = JSON.parse(readFileSync(join(import.meta.dirname, 'released-schema.json'), 'utf8')) as SchemaShape;

/**
 * Other offices run older versions and exchange rows with this one, so a
 * released table only gains columns. To retire a column, stop writing it and
 * leave it in place; to add one, give it a default or let it be NULL, then run
 * `npx tsx scripts/snapshot-schema.ts` when the version ships.
 */
describe('released schema', () => {
  it('keeps every released table and column with its type', async () => {
    const current = await currentSchemaShape();
    const lost: string[] = [];
    for (const [table, columns] of Object.entries(released)) {
      for (const [column, spec] of Object.entries(columns)) {
        const now = current[table]?.[column];
        if (!now) lost.push(`${table}.${column} was removed or renamed`);
        else if (now.type !== spec.type) lost.push(`${table}.${column} changed type ${spec.type} → ${now.type}`);
      }
    }
    expect(lost).toEqual([]);
  });

  it('adds no NOT NULL column without a default to a released table', async () => {
    const current = await currentSchemaShape();
    const unsafe = Object.entries(released).flatMap(([table, columns]) =>
      Object.entries(current[table] ?? {})
        .filter(([column, spec]) => !(column in columns) && spec.notNull && !spec.hasDefault)
        .map(([column]) => `${table}.${column}`),
    );
    expect(unsafe).toEqual([]);
  });
});
