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
const sameFolded = (a: string, b: string) => a.trim() !== '' && foldText(a) === foldText(b);

/** Matches each template agency to a live agency by folded name or short name, creating the ones the office lacks. */
async function resolveAgencies(tx: Tx, ctx: AppContext, agencies: Agency[]): Promise<Map<string, string>> {
  const live = await listAgencies(tx);
  const ids = new Map<string, string>();
  for (const a of agencies) {
    const found = live.find((l) => sameFolded(l.name, a.name) || sameFolded(l.shortName, a.shortName));
    const agency = found ?? (await createAgencyInTx(tx, ctx, { name: a.name, shortName: a.shortName, kind: a.kind, contact: '' }));
    if (!found) live.push(agency);
    ids.set(a.key, agency.id);
  }
  return ids;
}

/** Creates items whose parent is already made first; the template may list a child before its parent. */
async function inParentOrder<T extends { key: string; parentKey: string | null }>(items: T[], create: (item: T, parentId: string | null) => Promise<string>): Promise<void> {
  const made = new Map<string, string>();
  let pending = items;
  while (pending.length > 0) {
    const ready = pending.filter((i) => i.parentKey === null || made.has(i.parentKey));
    // checkTemplateReferences has refused unknown parents and cycles, so something is always ready.
    if (ready.length === 0) throw new Error('template parent keys form a cycle');
    for (const item of ready) made.set(item.key, await create(item, item.parentKey === null ? null : made.get(item.parentKey)!));
    pending = pending.filter((i) => !ready.includes(i));
  }
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
