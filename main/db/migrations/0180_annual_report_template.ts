import type { Kysely } from 'kysely';

/** The office's wording of its yearly report, kept between years (local: another office writes its own). */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('annualReportTemplates')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('updatedAt', 'text', (c) => c.notNull())
    .execute();
}
