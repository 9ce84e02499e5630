import { sql, type Kysely } from 'kysely';
import { withSyncColumns } from './sync-columns.js';

/**
 * Per-unit values of a target's milestones ("thị trấn Võ Xu 70% năm 2027"),
 * one link row per target, milestone year and unit; and the number reached
 * behind a hand-entered percentage of a population, so the share follows the
 * unit's yearly figures. Milestones kept in targets.milestones need no change:
 * a milestone without a span is one in its year.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await withSyncColumns(db.schema.createTable('targetUnitValues'))
    .addColumn('targetId', 'text', (c) => c.notNull())
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('unitId', 'text', (c) => c.notNull())
    .addColumn('value', 'real', (c) => c.notNull())
    .execute();
  await sql`CREATE UNIQUE INDEX targetUnitValues_live_key ON targetUnitValues (targetId, year, unitId) WHERE deletedAt IS NULL`.execute(db);
  await db.schema.createIndex('targetUnitValues_unit').on('targetUnitValues').column('unitId').execute();
  await db.schema.alterTable('targetActuals').addColumn('count', 'real').execute();
}
