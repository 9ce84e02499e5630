import type { InputOf } from '../../shared/contract.js';
import type { TestApp } from './test-app.js';

/** A plan like Tân Hồng's: 2021–2030, issued by the district People's Committee. */
export function aPlanInput(over: Partial<InputOf<'plans.create'>['fields']> = {}, references: InputOf<'plans.create'>['references'] = []): InputOf<'plans.create'> {
  return {
    fields: {
      kind: 'ke_hoach',
      number: null,
      issuedOn: '2021-10-06',
      issuer: 'Ủy ban nhân dân huyện Tân Hồng',
      title: 'Thực hiện Đề án “Xây dựng xã hội học tập giai đoạn 2021 - 2030” trên địa bàn huyện Tân Hồng',
      periodStart: 2021,
      periodEnd: 2030,
      ...over,
    },
    references,
  };
}

export function aPlan(app: TestApp, over: Partial<InputOf<'plans.create'>['fields']> = {}, references: InputOf<'plans.create'>['references'] = []) {
  return app.call('plans.create', aPlanInput(over, references));
}

/** The agency of the office with that short name (office setup creates the usual ones). */
export async function agencyId(app: TestApp, shortName: string): Promise<string> {
  const found = (await app.call('agencies.list', {})).find((a) => a.shortName === shortName);
  if (!found) throw new Error(`no agency ${shortName}`);
  return found.id;
}

/** Adds communes under the office's territory; returns their ids in order. */
export async function someCommunes(app: TestApp, names: string[]): Promise<string[]> {
  const root = (await app.call('office.status', {})).office!.rootUnitId;
  const ids: string[] = [];
  for (const [i, name] of names.entries()) {
    ids.push((await app.call('units.create', { parentId: root, code: `870-0${i + 1}`, name, type: 'Xã' })).id);
  }
  return ids;
}

/** Live rows of a table, straight from the database. */
export async function liveRows(app: TestApp, table: 'plans' | 'tasks' | 'targets' | 'taskAgencies' | 'reportingDuties' | 'componentPlans' | 'planReferences' | 'targetActuals' | 'reportReceipts' | 'taskProgress' | 'agencies') {
  return app.ctx.db.selectFrom(table).selectAll().where('deletedAt', 'is', null).execute();
}

/** Row counts of every table a plan import writes, tombstones included: an import that fails must leave them as they were. */
export async function tableCounts(app: TestApp): Promise<Record<string, number>> {
  const tables = ['plans', 'planReferences', 'componentPlans', 'targets', 'targetActuals', 'tasks', 'taskAgencies', 'taskCommunes', 'taskProgress', 'reportingDuties', 'reportReceipts', 'agencies', 'auditLog', 'searchIndex'] as const;
  const counts: Record<string, number> = {};
  for (const table of tables) {
    const row = await app.ctx.db.selectFrom(table).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    counts[table] = Number(row.n);
  }
  return counts;
}

/** What a plan holds, counted from the stored rows, in the terms of tests/templates/*.counts.json. */
export async function storedPlanCounts(app: TestApp, planId: string) {
  const db = app.ctx.db;
  const targets = await db.selectFrom('targets').select('milestones').where('planId', '=', planId).where('deletedAt', 'is', null).execute();
  const tasks = await db.selectFrom('tasks').select('id').where('planId', '=', planId).where('deletedAt', 'is', null).execute();
  const links = await db
    .selectFrom('taskAgencies')
    .innerJoin('tasks', 'tasks.id', 'taskAgencies.taskId')
    .select(['taskAgencies.role', 'taskAgencies.taskId'])
    .where('tasks.planId', '=', planId)
    .where('taskAgencies.deletedAt', 'is', null)
    .execute();
  const components = await db.selectFrom('componentPlans').select('id').where('planId', '=', planId).where('deletedAt', 'is', null).execute();
  const duties = await db.selectFrom('reportingDuties').select('id').where('planId', '=', planId).where('deletedAt', 'is', null).execute();
  return {
    targets: targets.length,
    milestones: targets.reduce((n, t) => n + (JSON.parse(t.milestones) as unknown[]).length, 0),
    tasks: tasks.length,
    tasksWithLead: new Set(links.filter((l) => l.role === 'lead').map((l) => l.taskId)).size,
    agencyAssignments: links.length,
    componentPlans: components.length,
    reportingDuties: duties.length,
  };
}
