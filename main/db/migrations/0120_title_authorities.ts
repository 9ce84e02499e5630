import { sql, type Kysely } from 'kysely';
import { withSyncColumns } from './sync-columns.js';

/**
 * Who recognises which title at which level (since the 2025 two-tier reform
 * this is the office's data, not code); the body, the signer block and the
 * recipients a decision printed from it, kept on the decision as printed;
 * targets that count recognitions of a title.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await withSyncColumns(db.schema.createTable('titleAuthorities'))
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('level', 'text', (c) => c.notNull())
    .addColumn('issuer', 'text', (c) => c.notNull())
    .addColumn('decider', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('signerTitle', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('recipients', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('basis', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('note', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('sampleKey', 'text')
    .execute();
  // One body per title and level among live rows: the decision form picks it without asking twice.
  await sql`CREATE UNIQUE INDEX titleAuthorities_live_key ON titleAuthorities (title, level) WHERE deletedAt IS NULL`.execute(db);
  await db.schema.alterTable('titleDecisions').addColumn('authorityId', 'text').execute();
  await db.schema.alterTable('titleDecisions').addColumn('decider', 'text', (c) => c.notNull().defaultTo('')).execute();
  await db.schema.alterTable('titleDecisions').addColumn('recipients', 'text', (c) => c.notNull().defaultTo('')).execute();
  await db.schema.alterTable('titleDecisions').addColumn('basis', 'text', (c) => c.notNull().defaultTo('')).execute();
  await db.schema.alterTable('targets').addColumn('titleSource', 'text').execute();
  // Lists read subjects in (nameFolded, id) order: with id in the index a page is the next 50 entries,
  // not a sort of every namesake ("nguyen van an" is hundreds of people) read row by row.
  for (const statement of [
    'DROP INDEX titleSubjects_name',
    'CREATE INDEX titleSubjects_name_id ON titleSubjects(kind, nameFolded, id) WHERE deletedAt IS NULL',
    'DROP INDEX titleSubjects_commune_name',
    'CREATE INDEX titleSubjects_commune_name_id ON titleSubjects(communeId, kind, nameFolded, id) WHERE deletedAt IS NULL',
  ]) {
    await sql.raw(statement).execute(db);
  }
}
