import type { z } from 'zod';
import { inOutlineOrder, outlineNumbers } from '../../shared/task-outline.js';
import type { TaskDto, TaskFilter, TaskRow } from '../../shared/tasks.js';
import { listAgencies } from '../agencies/index.js';
import type { ReadDb } from '../db/records.js';
import type { PlansTable } from '../plan-documents/plan-documents.tables.js';
import { listFollowedPlanRows, listLivePlanRows, loadLivePlan } from '../plan-documents/index.js';
import { loadUnitTree } from '../units/index.js';
import { loadTaskBundle, toTaskDtos } from './tasks.repo.js';

export type TaskQuery = z.output<typeof TaskFilter>;

/** A plan's tasks in outline order, as of today. */
export async function listTaskDtos(db: ReadDb, planId: string, today: string): Promise<TaskDto[]> {
  const bundle = await loadTaskBundle(db, [await loadLivePlan(db, planId)]);
  const dtos = toTaskDtos(bundle.tasks, bundle, today);
  return inOutlineOrder(bundle.tasks).map((row) => dtos.get(row.id)!);
}

/** Tasks with names resolved, of one plan or of every followed plan, in outline order. */
export async function loadTaskRows(db: ReadDb, plans: PlansTable[], today: string): Promise<TaskRow[]> {
  const bundle = await loadTaskBundle(db, plans);
  const dtos = toTaskDtos(bundle.tasks, bundle, today);
  const [agencies, units] = await Promise.all([listAgencies(db), loadUnitTree(db)]);
  const agencyName = new Map(agencies.map((a) => [a.id, a.name]));
  const unitName = new Map(units.map((u) => [u.id, u.name]));
  const outline = outlineNumbers(bundle.tasks);
  const planById = new Map(plans.map((p) => [p.id, p]));
  const ordered = plans.flatMap((p) => inOutlineOrder(bundle.tasks.filter((t) => t.planId === p.id)));
  return ordered.map((row) => {
    const dto = dtos.get(row.id)!;
    const plan = planById.get(row.planId)!;
    return {
      ...dto,
      planTitle: plan.title,
      planNumber: plan.number,
      leadAgencyName: dto.leadAgencyId ? (agencyName.get(dto.leadAgencyId) ?? null) : null,
      coordinatorAgencyNames: dto.coordinatorAgencyIds.map((id) => agencyName.get(id) ?? ''),
      communeNames: dto.communeIds.map((id) => unitName.get(id) ?? ''),
      outlineNumber: outline.get(row.id) ?? row.number,
    };
  });
}

function playsRole(row: TaskRow, agencyId: string, role: TaskQuery['agencyRole']): boolean {
  const leads = row.leadAgencyId === agencyId;
  const supports = row.coordinatorAgencyIds.includes(agencyId);
  return role === 'lead' ? leads : role === 'support' ? supports : leads || supports;
}

function matches(row: TaskRow, f: TaskQuery): boolean {
  const agencyOk = !f.agencyId || playsRole(row, f.agencyId, f.agencyRole);
  const dueOk = (!f.dueFrom && !f.dueTo) || (row.dueDate !== null && (!f.dueFrom || row.dueDate >= f.dueFrom) && (!f.dueTo || row.dueDate <= f.dueTo));
  const assigned = row.leadAgencyId !== null || row.coordinatorAgencyIds.length > 0 || row.deadline !== null;
  return (
    agencyOk &&
    dueOk &&
    (!f.status || f.status.length === 0 || f.status.includes(row.status)) &&
    (!f.communeId || row.communeIds.includes(f.communeId)) &&
    (!f.overdueOnly || row.overdue) &&
    (!f.assignedOnly || assigned)
  );
}

/** The task list: filtered by plan, agency, status, commune, due range, overdue and assignment. */
export async function listTaskRows(db: ReadDb, filter: TaskQuery, today: string): Promise<TaskRow[]> {
  const plans = filter.planId ? [await loadLivePlan(db, filter.planId)] : await listFollowedPlanRows(db);
  return (await loadTaskRows(db, plans, today)).filter((row) => matches(row, filter));
}

/** Task counts per live plan: all, done and overdue as of today; headings are not tasks. */
export async function countTasksByPlan(db: ReadDb, today: string): Promise<Map<string, { total: number; done: number; overdue: number }>> {
  const plans = await listLivePlanRows(db);
  const bundle = await loadTaskBundle(db, plans);
  const counts = new Map<string, { total: number; done: number; overdue: number }>();
  for (const dto of toTaskDtos(bundle.tasks, bundle, today).values()) {
    if (dto.isHeading) continue;
    const row = dto;
    const c = counts.get(row.planId) ?? { total: 0, done: 0, overdue: 0 };
    counts.set(row.planId, { total: c.total + 1, done: c.done + (dto.status === 'done' ? 1 : 0), overdue: c.overdue + (dto.overdue ? 1 : 0) });
  }
  return counts;
}
