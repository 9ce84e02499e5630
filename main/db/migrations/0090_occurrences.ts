import { sql, type Kysely } from 'kysely';
import { newId } from '../ids.js';
import { withSyncColumns } from './sync-columns.js';

/**
 * One status per occurrence (issue 11): recurring work gets a row per period
 * (and per member of a group that owes it), duties learn their direction and
 * group, progress reports name their occurrence and carry difficulties and
 * proposals.
 *
 * Data moved, once:
 * - each live report receipt (dutyId, periodYear) becomes a dutyOccurrences row:
 *   a yearly duty's key is the year ("2026"), any other duty's "once";
 *   reportReceipts is retired (no longer written) and left in place;
 * - a live yearly task whose status is not "chưa thực hiện" had one status for
 *   every year; it becomes the status of the year it was last set (the year of
 *   its latest progress report, else of its last edit), so the other years are
 *   due again instead of silenced;
 * - progress reports of yearly tasks name the year they were reported in;
 * - a duty with no agency named as sender is the office's own report upward.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await withSyncColumns(db.schema.createTable('taskOccurrences'))
    .addColumn('taskId', 'text', (c) => c.notNull())
    .addColumn('periodKey', 'text', (c) => c.notNull())
    .addColumn('memberId', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('status', 'text', (c) => c.notNull().defaultTo('not_started'))
    .addColumn('percent', 'real')
    .addColumn('doneOn', 'text')
    .addColumn('note', 'text', (c) => c.notNull().defaultTo(''))
    .execute();
  await sql`CREATE UNIQUE INDEX taskOccurrences_live_key ON taskOccurrences (taskId, periodKey, memberId) WHERE deletedAt IS NULL`.execute(db);
  await withSyncColumns(db.schema.createTable('dutyOccurrences'))
    .addColumn('dutyId', 'text', (c) => c.notNull())
    .addColumn('periodKey', 'text', (c) => c.notNull())
    .addColumn('memberId', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('deliveredOn', 'text', (c) => c.notNull())
    .addColumn('note', 'text', (c) => c.notNull().defaultTo(''))
    .execute();
  await sql`CREATE UNIQUE INDEX dutyOccurrences_live_key ON dutyOccurrences (dutyId, periodKey, memberId) WHERE deletedAt IS NULL`.execute(db);

  await addColumns(db, 'tasks', [`memberKind TEXT NOT NULL DEFAULT 'none'`, `memberIds TEXT NOT NULL DEFAULT '[]'`]);
  await addColumns(db, 'reportingDuties', [
    'outgoing INTEGER NOT NULL DEFAULT 0',
    `memberKind TEXT NOT NULL DEFAULT 'none'`,
    `memberIds TEXT NOT NULL DEFAULT '[]'`,
    'taskId TEXT',
  ]);
  await addColumns(db, 'taskProgress', ['periodKey TEXT', `difficulties TEXT NOT NULL DEFAULT ''`, `proposals TEXT NOT NULL DEFAULT ''`]);
  await sql`CREATE INDEX reportingDuties_task ON reportingDuties (taskId)`.execute(db);

  const now = new Date().toISOString();
  await sql`UPDATE reportingDuties SET outgoing = 1 WHERE fromAgencyId IS NULL`.execute(db);
  await moveReceipts(db, now);
  await moveYearlyTaskStatuses(db, now);
}

async function addColumns(db: Kysely<any>, table: string, columns: string[]): Promise<void> {
  for (const column of columns) await sql.raw(`ALTER TABLE ${table} ADD COLUMN ${column}`).execute(db);
}

async function moveReceipts(db: Kysely<any>, now: string): Promise<void> {
  const receipts = await sql<{ originOfficeId: string; createdAt: string; dutyId: string; periodYear: number; receivedOn: string; note: string; due: string }>`
    SELECT r.originOfficeId, r.createdAt, r.dutyId, r.periodYear, r.receivedOn, r.note, d.due
    FROM reportReceipts r JOIN reportingDuties d ON d.id = r.dutyId WHERE r.deletedAt IS NULL`.execute(db);
  for (const r of receipts.rows) {
    const periodKey = (JSON.parse(r.due) as { kind: string }).kind === 'yearly' ? String(r.periodYear) : 'once';
    await db
      .insertInto('dutyOccurrences')
      .values({ id: newId(), originOfficeId: r.originOfficeId, createdAt: r.createdAt, updatedAt: now, rev: 1, deletedAt: null, dutyId: r.dutyId, periodKey, memberId: '', deliveredOn: r.receivedOn, note: r.note })
      .execute();
  }
}

async function moveYearlyTaskStatuses(db: Kysely<any>, now: string): Promise<void> {
  await sql`UPDATE taskProgress SET periodKey = substr(reportedOn, 1, 4)
    WHERE taskId IN (SELECT id FROM tasks WHERE json_extract(deadline, '$.kind') = 'yearly')`.execute(db);
  const tasks = await sql<{ id: string; originOfficeId: string; status: string; percent: number | null; updatedAt: string; lastReport: string | null }>`
    SELECT t.id, t.originOfficeId, t.status, t.percent, t.updatedAt,
      (SELECT max(p.reportedOn) FROM taskProgress p WHERE p.taskId = t.id AND p.deletedAt IS NULL) AS lastReport
    FROM tasks t WHERE t.deletedAt IS NULL AND json_extract(t.deadline, '$.kind') = 'yearly' AND t.status <> 'not_started'`.execute(db);
  for (const t of tasks.rows) {
    const periodKey = (t.lastReport ?? t.updatedAt).slice(0, 4);
    await db
      .insertInto('taskOccurrences')
      .values({
        id: newId(),
        originOfficeId: t.originOfficeId,
        createdAt: now,
        updatedAt: now,
        rev: 1,
        deletedAt: null,
        taskId: t.id,
        periodKey,
        memberId: '',
        status: t.status,
        percent: t.percent,
        doneOn: t.status === 'done' ? (t.lastReport ?? t.updatedAt.slice(0, 10)) : null,
        note: '',
      })
      .execute();
  }
}
