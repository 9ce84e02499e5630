import { sql, type Kysely } from 'kysely';
import { withSyncColumns } from './sync-columns.js';

/**
 * The wording of each title's certificate, as an office saved it (titles it
 * never saved print the default). Synchronised, so bundles carry an office's
 * wording with its register; one live row per office and title.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await withSyncColumns(db.schema.createTable('certificateTemplates'))
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('superiorBody', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('issuingBody', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('heading', 'text', (c) => c.notNull())
    .addColumn('lead', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('achievement', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('signerTitle', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('signerName', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('place', 'text', (c) => c.notNull().defaultTo(''))
    .execute();
  await sql`CREATE UNIQUE INDEX certificateTemplates_live_title ON certificateTemplates (originOfficeId, title) WHERE deletedAt IS NULL`.execute(db);
}
