import type { PlanTemplate, TemplateAgency } from '../../shared/plan-template.js';
import type { PlanDto } from '../../shared/plans.js';
import { foldText } from '../../shared/text.js';
import type { z } from 'zod';
import { createAgencyInTx, listAgencies } from '../agencies/index.js';
import type { AppContext } from '../app/context.js';
import { inTransaction, type Tx } from '../db/records.js';
import { createDutyInTx } from '../reporting/index.js';
import { createTargetInTx } from '../targets/index.js';
import { createTaskInTx } from '../tasks/index.js';
import { createComponentInTx } from '../plan-documents/index.js';
import { loadPlanDto } from './plan-dto.js';
import { createPlanInTx } from '../plan-documents/index.js';

type Agency = z.output<typeof TemplateAgency>;

/**
 * Matches each template agency to a live agency by folded name or short name,
 * creating the ones the office lacks. Names are folded once into maps, so a
 * template with hundreds of agencies costs one pass, not one pass per agency.
 */
async function resolveAgencies(tx: Tx, ctx: AppContext, agencies: Agency[]): Promise<Map<string, string>> {
  const byName = new Map<string, string>();
  const byShortName = new Map<string, string>();
  const remember = (agency: { id: string; name: string; shortName: string }) => {
    const name = foldText(agency.name);
    const shortName = foldText(agency.shortName);
    if (name !== '' && !byName.has(name)) byName.set(name, agency.id);
    if (shortName !== '' && !byShortName.has(shortName)) byShortName.set(shortName, agency.id);
  };
  for (const agency of await listAgencies(tx)) remember(agency);
  const ids = new Map<string, string>();
  for (const a of agencies) {
    let id = byName.get(foldText(a.name)) ?? (a.shortName.trim() === '' ? undefined : byShortName.get(foldText(a.shortName)));
    if (id === undefined) {
      const created = await createAgencyInTx(tx, ctx, { name: a.name, shortName: a.shortName, kind: a.kind, contact: '' });
      remember(created);
      id = created.id;
    }
    ids.set(a.key, id);
  }
  return ids;
}

/**
 * Creates items parents first; the template may list a child before its
 * parent. checkTemplateReferences has refused unknown parents and cycles, so a
 * walk down from the roots reaches every item, once.
 */
async function inParentOrder<T extends { key: string; parentKey: string | null }>(items: T[], create: (item: T, parentId: string | null) => Promise<string>): Promise<void> {
  const children = new Map<string | null, T[]>();
  for (const item of items) {
    const siblings = children.get(item.parentKey);
    if (siblings) siblings.push(item);
    else children.set(item.parentKey, [item]);
  }
  const queue: [T, string | null][] = (children.get(null) ?? []).map((item) => [item, null]);
  for (let at = 0; at < queue.length; at++) {
    const [item, parentId] = queue[at]!;
    const id = await create(item, parentId);
    for (const child of children.get(item.key) ?? []) queue.push([child, id]);
  }
  if (queue.length !== items.length) throw new Error('template parent keys do not form a tree');
}

async function importContent(tx: Tx, ctx: AppContext, t: PlanTemplate, planId: string, agencyIds: Map<string, string>): Promise<void> {
  const agency = (key: string | null) => (key === null ? null : agencyIds.get(key)!);
  const assignment = (lead: string | null, coordinators: string[]) => ({ leadAgencyId: agency(lead), coordinatorAgencyIds: coordinators.map((c) => agency(c)!) });
  await inParentOrder(t.targets, async ({ key: _key, parentKey: _parent, ...fields }, parentId) => {
    return (await createTargetInTx(tx, ctx, planId, { ...fields, parentId })).id;
  });
  await inParentOrder(t.tasks, async ({ number, text, ownerNote, isRequest, deadline, lead, coordinators }, parentId) => {
    const fields = { parentId, number, text, ownerNote, isRequest, deadline, communeIds: [], status: 'not_started' as const };
    return (await createTaskInTx(tx, ctx, planId, { ...fields, ...assignment(lead, coordinators) })).id;
  });
  for (const { content, coordinatorsNote, issuingBody, completion, lead, coordinators } of t.componentPlans) {
    await createComponentInTx(tx, ctx, planId, { content, coordinatorsNote, issuingBody, completion, ...assignment(lead, coordinators) });
  }
  for (const { title, from, fromNote, to, due } of t.reportingDuties) {
    await createDutyInTx(tx, ctx, planId, { title, fromAgencyId: agency(from), fromNote, to, due });
  }
}

/** Writes a checked template as a new plan, all in one transaction: a failure leaves nothing behind. */
export function importTemplate(ctx: AppContext, t: PlanTemplate): Promise<PlanDto> {
  return inTransaction(ctx, async (tx) => {
    const agencyIds = await resolveAgencies(tx, ctx, t.agencies);
    const plan = await createPlanInTx(tx, ctx, { fields: t.plan, references: t.references });
    await importContent(tx, ctx, t, plan.id, agencyIds);
    return loadPlanDto(tx, plan.id);
  });
}
