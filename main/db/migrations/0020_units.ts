import { sql, type Kysely } from 'kysely';
import { withSyncColumns } from './sync-columns.js';

/** The unit tree with yearly figures and yearly education status. */
export async function up(db: Kysely<any>): Promise<void> {
  await withSyncColumns(db.schema.createTable('units'))
    .addColumn('parentId', 'text', (c) => c.references('units.id'))
    .addColumn('code', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('type', 'text', (c) => c.notNull())
    .execute();
  await sql`CREATE UNIQUE INDEX units_code_live ON units(code) WHERE deletedAt IS NULL`.execute(db);
  await db.schema.createIndex('units_parent').on('units').column('parentId').execute();

  for (const table of ['unitFigures', 'unitEducation'] as const) {
    let builder = withSyncColumns(db.schema.createTable(table))
      .addColumn('unitId', 'text', (c) => c.notNull().references('units.id'))
      .addColumn('year', 'integer', (c) => c.notNull());
    const columns =
      table === 'unitFigures'
        ? ['households', 'clans', 'adults', 'workingAge', 'officials', 'organisations']
        : ['literacyLevel', 'preschoolUniversal', 'primaryLevel', 'lowerSecondaryLevel', 'learningCentreIT'];
    for (const column of columns) builder = builder.addColumn(column, 'integer', (c) => c.notNull().defaultTo(0));
    await builder.execute();
    await sql`CREATE UNIQUE INDEX ${sql.raw(`${table}_unit_year`)} ON ${sql.table(table)}(unitId, year) WHERE deletedAt IS NULL`.execute(db);
  }
}
