import type { z } from 'zod';
import { AppError } from '../../shared/errors.js';
import type { TaskDto, TaskFields } from '../../shared/tasks.js';
import type { AppContext } from '../app/context.js';
import { assertTreePlacement } from '../db/trees.js';
import { assertRevision, inTransaction, insertRecord, nextPosition, syncLinks, tombstoneRecord, updateRecord, type ReadDb, type Tx } from '../db/records.js';
import type { PlansTable } from '../plan-documents/plan-documents.tables.js';
import type { TasksTable } from './tasks.tables.js';
import { planLabel } from '../../shared/plan-model.js';
import { loadLivePlan } from '../plan-documents/index.js';
import { indexForSearch } from '../search/index.js';
import { loadUnitTree } from '../units/index.js';
import { assertAssignment } from '../agencies/index.js';
import { assertMembers } from './members.js';
import { loadLiveTask, loadTaskBundle, toTaskDtos } from './tasks.repo.js';

/** A task as the form sends it; callers inside main (template import, demo) may leave the group out. */
export type TaskWrite = Omit<z.output<typeof TaskFields>, 'memberKind' | 'memberIds'> & Partial<Pick<z.output<typeof TaskFields>, 'memberKind' | 'memberIds'>>;

async function assertCommunes(db: ReadDb, communeIds: string[]): Promise<void> {
  if (communeIds.length === 0) return;
  const live = new Set((await loadUnitTree(db)).map((u) => u.id));
  const issues = communeIds.flatMap((id, i) => (live.has(id) ? [] : [{ path: ['communeIds', i], message: 'Đơn vị không tồn tại hoặc đã bị xóa' }]));
  if (issues.length > 0) throw new AppError('VALIDATION', issues[0]!.message, { issues });
}

async function validate(db: ReadDb, planId: string, fields: TaskWrite, selfId: string | null): Promise<void> {
  await assertAssignment(db, fields.leadAgencyId, fields.coordinatorAgencyIds);
  await assertCommunes(db, fields.communeIds);
  await assertMembers(db, fields.memberKind ?? 'none', fields.memberIds ?? []);
  await assertTreePlacement(db, { table: 'tasks', scope: { planId }, id: selfId, parentId: fields.parentId, noun: 'nhiệm vụ' });
}

function columnsOf(fields: TaskWrite) {
  return {
    parentId: fields.parentId,
    number: fields.number,
    text: fields.text,
    ownerNote: fields.ownerNote,
    isRequest: fields.isRequest ? 1 : 0,
    deadline: fields.deadline === null ? null : JSON.stringify(fields.deadline),
    status: fields.status,
    memberKind: fields.memberKind ?? 'none',
    memberIds: JSON.stringify(fields.memberIds ?? []),
  };
}

/** Saves the task's agency and commune links as a diff: an unchanged assignment keeps its row. */
async function writeLinks(tx: Tx, ctx: AppContext, taskId: string, fields: TaskWrite): Promise<void> {
  const agencies = [
    ...(fields.leadAgencyId ? [{ agencyId: fields.leadAgencyId, role: 'lead' as const }] : []),
    ...fields.coordinatorAgencyIds.map((agencyId) => ({ agencyId, role: 'coordinator' as const })),
  ];
  await syncLinks(tx, ctx, 'taskAgencies', { taskId }, agencies.map((link, position) => ({ taskId, position, ...link })));
  await syncLinks(tx, ctx, 'taskCommunes', { taskId }, fields.communeIds.map((unitId) => ({ taskId, unitId })));
}

async function indexTask(tx: Tx, row: TasksTable, plan: PlansTable): Promise<void> {
  const text = row.text.length > 120 ? `${row.text.slice(0, 117)}…` : row.text;
  await indexForSearch(tx, { entity: 'task', recordId: row.id, label: `${row.number} ${text}`.trim(), detail: planLabel(plan), text: row.ownerNote });
}

async function loadDto(tx: Tx, row: TasksTable, ctx: AppContext): Promise<TaskDto> {
  const bundle = await loadTaskBundle(tx, [await loadLivePlan(tx, row.planId)]);
  return toTaskDtos(bundle.tasks, bundle, ctx.clock.today()).get(row.id)!;
}

/** Creates a task inside a caller's transaction (forms, template import). */
export async function createTaskInTx(tx: Tx, ctx: AppContext, planId: string, fields: TaskWrite): Promise<TasksTable> {
  const plan = await loadLivePlan(tx, planId);
  await validate(tx, planId, fields, null);
  const position = await nextPosition(tx, 'tasks', { planId, parentId: fields.parentId });
  const row = await insertRecord(tx, ctx, 'tasks', { planId, position, percent: null, ...columnsOf(fields) });
  await writeLinks(tx, ctx, row.id, fields);
  await indexTask(tx, row, plan);
  return row;
}

export function createTask(ctx: AppContext, input: TaskWrite & { planId: string }): Promise<TaskDto> {
  return inTransaction(ctx, async (tx) => loadDto(tx, await createTaskInTx(tx, ctx, input.planId, input), ctx));
}

export function updateTask(ctx: AppContext, input: TaskWrite & { id: string; rev: number }): Promise<TaskDto> {
  return inTransaction(ctx, async (tx) => {
    const before = await loadLiveTask(tx, input.id);
    assertRevision(before, input.rev, 'Nhiệm vụ');
    await validate(tx, before.planId, input, before.id);
    const position = input.parentId === before.parentId ? before.position : await nextPosition(tx, 'tasks', { planId: before.planId, parentId: input.parentId });
    const after = await updateRecord(tx, ctx, 'tasks', before, { ...columnsOf(input), position });
    await writeLinks(tx, ctx, after.id, input);
    await indexTask(tx, after, await loadLivePlan(tx, after.planId));
    return loadDto(tx, after, ctx);
  });
}

/** Deletes a task with what registered as going with it: the tasks under it, its links and progress reports. */
export function deleteTask(ctx: AppContext, input: { id: string; rev: number }): Promise<{ id: string }> {
  return inTransaction(ctx, async (tx) => {
    const before = await loadLiveTask(tx, input.id);
    assertRevision(before, input.rev, 'Nhiệm vụ');
    await tombstoneRecord(tx, ctx, 'tasks', before);
    return { id: before.id };
  });
}
