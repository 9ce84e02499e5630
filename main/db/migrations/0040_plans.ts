import { sql, type Kysely } from 'kysely';
import { withSyncColumns } from './sync-columns.js';

type Column = [name: string, type: 'text' | 'integer' | 'real', notNull: boolean, defaultValue?: string | number];

/** Plan-scoped tables share this shape: sync columns, then plain columns; JSON lives in text columns. */
async function createTable(db: Kysely<any>, table: string, columns: Column[]): Promise<void> {
  let builder = withSyncColumns(db.schema.createTable(table));
  for (const [name, type, notNull, defaultValue] of columns) {
    builder = builder.addColumn(name, type, (c) => {
      let column = notNull ? c.notNull() : c;
      if (defaultValue !== undefined) column = column.defaultTo(defaultValue);
      return column;
    });
  }
  await builder.execute();
}

async function index(db: Kysely<any>, name: string, table: string, columns: string[]): Promise<void> {
  await db.schema.createIndex(name).on(table).columns(columns).execute();
}

/** Plans, targets, tasks and reporting duties. */
export async function up(db: Kysely<any>): Promise<void> {
  await createTable(db, 'plans', [
    ['kind', 'text', true],
    ['number', 'text', false],
    ['issuedOn', 'text', false],
    ['issuer', 'text', true],
    ['title', 'text', true],
    ['periodStart', 'integer', true],
    ['periodEnd', 'integer', true],
    ['status', 'text', true, 'active'],
    ['generalObjective', 'text', true, ''],
    ['note', 'text', true, ''],
  ]);
  await index(db, 'plans_number', 'plans', ['number']);
  await createTable(db, 'planReferences', [
    ['planId', 'text', true],
    ['position', 'integer', true, 0],
    ['relation', 'text', true],
    ['citation', 'text', true],
    ['number', 'text', false],
    ['linkedPlanId', 'text', false],
  ]);
  await index(db, 'planReferences_plan', 'planReferences', ['planId', 'position']);
  await index(db, 'planReferences_number', 'planReferences', ['number']);
  await createTable(db, 'componentPlans', [
    ['planId', 'text', true],
    ['position', 'integer', true, 0],
    ['content', 'text', true],
    ['leadAgencyId', 'text', false],
    ['coordinatorAgencyIds', 'text', true, '[]'],
    ['coordinatorsNote', 'text', true, ''],
    ['issuingBody', 'text', true, ''],
    ['completion', 'text', false],
  ]);
  await index(db, 'componentPlans_plan', 'componentPlans', ['planId', 'position']);
  await createTargetTables(db);
  await createTaskTables(db);
  await createReportingTables(db);
}

async function createTargetTables(db: Kysely<any>): Promise<void> {
  await createTable(db, 'targets', [
    ['planId', 'text', true],
    ['position', 'integer', true, 0],
    ['section', 'text', true],
    ['code', 'text', true, ''],
    ['text', 'text', true],
    ['parentId', 'text', false],
    ['population', 'text', false],
    ['populationLabel', 'text', true, ''],
    ['source', 'text', false],
    ['perCommune', 'integer', true, 0],
    ['milestones', 'text', true, '[]'],
  ]);
  await index(db, 'targets_plan', 'targets', ['planId', 'position']);
  await createTable(db, 'targetActuals', [
    ['targetId', 'text', true],
    ['year', 'integer', true],
    ['unitId', 'text', false],
    ['value', 'real', true],
    ['total', 'real', false],
    ['note', 'text', true, ''],
    ['recordedOn', 'text', true],
  ]);
  await index(db, 'targetActuals_target', 'targetActuals', ['targetId', 'year']);
  await index(db, 'targetActuals_unit', 'targetActuals', ['unitId']);
}

async function createTaskTables(db: Kysely<any>): Promise<void> {
  await createTable(db, 'tasks', [
    ['planId', 'text', true],
    ['parentId', 'text', false],
    ['position', 'integer', true, 0],
    ['number', 'text', true, ''],
    ['text', 'text', true],
    ['ownerNote', 'text', true, ''],
    ['isRequest', 'integer', true, 0],
    ['deadline', 'text', false],
    ['status', 'text', true, 'not_started'],
    ['percent', 'real', false],
  ]);
  await index(db, 'tasks_plan', 'tasks', ['planId', 'position']);
  await index(db, 'tasks_parent', 'tasks', ['parentId']);
  await createTable(db, 'taskAgencies', [
    ['taskId', 'text', true],
    ['agencyId', 'text', true],
    ['role', 'text', true],
    ['position', 'integer', true, 0],
  ]);
  await index(db, 'taskAgencies_task', 'taskAgencies', ['taskId']);
  await index(db, 'taskAgencies_agency', 'taskAgencies', ['agencyId', 'role']);
  await createTable(db, 'taskCommunes', [
    ['taskId', 'text', true],
    ['unitId', 'text', true],
  ]);
  await index(db, 'taskCommunes_task', 'taskCommunes', ['taskId']);
  await index(db, 'taskCommunes_unit', 'taskCommunes', ['unitId']);
  await createTable(db, 'taskProgress', [
    ['taskId', 'text', true],
    ['period', 'text', true],
    ['agencyId', 'text', false],
    ['text', 'text', true],
    ['status', 'text', false],
    ['percent', 'real', false],
    ['reportedOn', 'text', true],
  ]);
  await index(db, 'taskProgress_task', 'taskProgress', ['taskId', 'reportedOn']);
  await index(db, 'taskProgress_agency', 'taskProgress', ['agencyId']);
}

async function createReportingTables(db: Kysely<any>): Promise<void> {
  await createTable(db, 'reportingDuties', [
    ['planId', 'text', true],
    ['position', 'integer', true, 0],
    ['title', 'text', true],
    ['fromAgencyId', 'text', false],
    ['fromNote', 'text', true, ''],
    ['to', 'text', true],
    ['due', 'text', true],
  ]);
  await index(db, 'reportingDuties_plan', 'reportingDuties', ['planId', 'position']);
  await index(db, 'reportingDuties_agency', 'reportingDuties', ['fromAgencyId']);
  await createTable(db, 'reportReceipts', [
    ['dutyId', 'text', true],
    ['periodYear', 'integer', true],
    ['receivedOn', 'text', true],
    ['note', 'text', true, ''],
  ]);
  // At most one live receipt per expected report; unmarking tombstones it.
  await sql`CREATE UNIQUE INDEX reportReceipts_duty_year ON reportReceipts(dutyId, periodYear) WHERE deletedAt IS NULL`.execute(db);
}
