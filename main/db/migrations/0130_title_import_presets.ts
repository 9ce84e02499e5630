import type { Kysely } from 'kysely';

/** The column mappings an office saved for the titles list imports (local: each office's own sheets). */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('titleImportPresets')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('columns', 'text', (c) => c.notNull())
    .addColumn('updatedAt', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('titleImportPresets_kind_name').on('titleImportPresets').columns(['kind', 'name']).unique().execute();
}
