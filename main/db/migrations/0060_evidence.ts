import type { Kysely } from 'kysely';
import { withSyncColumns } from './sync-columns.js';

/** Evidence files: the attachment rows and the store's local settings. */
export async function up(db: Kysely<any>): Promise<void> {
  await withSyncColumns(db.schema.createTable('evidenceFiles'))
    .addColumn('recordTable', 'text', (c) => c.notNull())
    .addColumn('recordId', 'text', (c) => c.notNull())
    .addColumn('sha256', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('mime', 'text', (c) => c.notNull())
    .addColumn('size', 'integer', (c) => c.notNull())
    .addColumn('addedBy', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('purgedAt', 'text')
    .execute();
  await db.schema.createIndex('evidenceFiles_record').on('evidenceFiles').columns(['recordId', 'recordTable']).execute();
  await db.schema.createIndex('evidenceFiles_sha256').on('evidenceFiles').columns(['sha256']).execute();
  await db.schema
    .createTable('evidenceSettings')
    .addColumn('key', 'text', (c) => c.primaryKey())
    .addColumn('value', 'text', (c) => c.notNull())
    .execute();
}
