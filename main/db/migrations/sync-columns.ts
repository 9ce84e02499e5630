import type { CreateTableBuilder } from 'kysely';

/**
 * Adds the columns every synchronisable table carries. Migrations call it
 * as it is on the day they ship; it must never change, only be joined by a new helper.
 */
export function withSyncColumns<T extends string>(table: CreateTableBuilder<T, never>): CreateTableBuilder<T, never> {
  return table
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('originOfficeId', 'text', (c) => c.notNull())
    .addColumn('createdAt', 'text', (c) => c.notNull())
    .addColumn('updatedAt', 'text', (c) => c.notNull())
    .addColumn('rev', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('deletedAt', 'text');
}
