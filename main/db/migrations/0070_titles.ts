import { sql, type Kysely } from 'kysely';
import { withSyncColumns } from './sync-columns.js';

type Column = [name: string, type: 'text' | 'integer' | 'real', notNull: boolean, defaultValue?: string | number];

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

async function run(db: Kysely<any>, statements: string[]): Promise<void> {
  for (const statement of statements) await sql.raw(statement).execute(db);
}

/** Learning titles: criteria sets (versioned), area settings, subjects, evaluations, recognition decisions. */
export async function up(db: Kysely<any>): Promise<void> {
  await createTable(db, 'criteriaSets', [
    ['familyId', 'text', true],
    ['version', 'integer', true],
    ['title', 'text', true],
    ['subjectGroup', 'text', true],
    ['name', 'text', true],
    ['fromYear', 'integer', true],
    ['toYear', 'integer', false],
    ['definition', 'text', true],
    ['current', 'integer', true, 1],
    ['sampleKey', 'text', false],
  ]);
  await createTable(db, 'titleAreas', [
    ['unitId', 'text', true],
    ['area', 'text', true],
  ]);
  await createTable(db, 'titleSubjects', [
    ['kind', 'text', true],
    ['name', 'text', true],
    ['nameFolded', 'text', true],
    ['unitId', 'text', true],
    ['communeId', 'text', false],
    ['gender', 'text', false],
    ['birthYear', 'integer', false],
    ['ethnicity', 'text', true, ''],
    ['religion', 'text', true, ''],
    ['labourGroup', 'text', true, ''],
    ['idNumber', 'text', false],
    ['householdId', 'text', false],
    ['address', 'text', true, ''],
    ['representative', 'text', true, ''],
    ['hamletIds', 'text', true, '[]'],
    ['orgKind', 'text', false],
    ['orgLevel', 'text', true, ''],
    ['note', 'text', true, ''],
  ]);
  await createTable(db, 'titleEvaluations', [
    ['subjectId', 'text', false],
    ['subjectUnitId', 'text', false],
    ['communeId', 'text', false],
    ['year', 'integer', true],
    ['title', 'text', true],
    ['criteriaSetId', 'text', true],
    ['area', 'text', true, 'thuong'],
    ['scores', 'text', true, '{}'],
    ['total', 'real', false],
    ['resultCode', 'text', false],
    ['resultLabel', 'text', true, ''],
    ['recognisedResult', 'integer', true, 0],
    ['status', 'text', true, 'dang_ky'],
    ['evaluator', 'text', true, ''],
    ['evidence', 'text', true, ''],
  ]);
  await createTable(db, 'titleDecisions', [
    ['number', 'text', true],
    ['signedOn', 'text', true],
    ['authority', 'text', true],
    ['signerTitle', 'text', true],
    ['signerName', 'text', true],
    ['place', 'text', true, ''],
    ['title', 'text', true],
    ['year', 'integer', true],
  ]);
  await createTable(db, 'titleDecisionEntries', [
    ['decisionId', 'text', true],
    ['evaluationId', 'text', true],
    ['position', 'integer', true, 0],
  ]);
  await run(db, [
    'CREATE INDEX criteriaSets_family ON criteriaSets(familyId, version)',
    'CREATE UNIQUE INDEX titleAreas_live_key ON titleAreas(unitId) WHERE deletedAt IS NULL',
    // Name search is a range scan on the folded name (prefix) within a kind, optionally within a commune.
    'CREATE INDEX titleSubjects_name ON titleSubjects(kind, nameFolded) WHERE deletedAt IS NULL',
    'CREATE INDEX titleSubjects_commune_name ON titleSubjects(communeId, kind, nameFolded) WHERE deletedAt IS NULL',
    'CREATE INDEX titleSubjects_unit ON titleSubjects(unitId)',
    'CREATE INDEX titleSubjects_household ON titleSubjects(householdId) WHERE householdId IS NOT NULL',
    'CREATE INDEX titleSubjects_idNumber ON titleSubjects(idNumber) WHERE idNumber IS NOT NULL',
    // One live evaluation per subject, title and year.
    'CREATE UNIQUE INDEX titleEvaluations_subject_live ON titleEvaluations(subjectId, title, year) WHERE deletedAt IS NULL AND subjectId IS NOT NULL',
    'CREATE UNIQUE INDEX titleEvaluations_unit_live ON titleEvaluations(subjectUnitId, title, year) WHERE deletedAt IS NULL AND subjectUnitId IS NOT NULL',
    'CREATE INDEX titleEvaluations_year ON titleEvaluations(year, title, communeId, status)',
    'CREATE INDEX titleEvaluations_set ON titleEvaluations(criteriaSetId)',
    'CREATE INDEX titleDecisions_year ON titleDecisions(year, title)',
    'CREATE UNIQUE INDEX titleDecisionEntries_live_key ON titleDecisionEntries(decisionId, evaluationId) WHERE deletedAt IS NULL',
    // An evaluation sits in at most one live decision: a subject is not recognised twice for a title and year.
    'CREATE UNIQUE INDEX titleDecisionEntries_one_decision ON titleDecisionEntries(evaluationId) WHERE deletedAt IS NULL',
  ]);
}
