import type { Kysely } from 'kysely';
import { withSyncColumns } from './sync-columns.js';

/** The agencies plans assign work to. */
export async function up(db: Kysely<any>): Promise<void> {
  await withSyncColumns(db.schema.createTable('agencies'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('shortName', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('contact', 'text', (c) => c.notNull().defaultTo(''))
    .execute();
}
