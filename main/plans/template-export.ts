import { PLAN_TEMPLATE_FORMAT, PLAN_TEMPLATE_VERSION, type PlanTemplateInput } from '../../shared/plan-template.js';
import type { AgencyDto } from '../../shared/agencies.js';
import type { ComponentPlanDto } from '../../shared/plans.js';
import type { ReportingDutyDto } from '../../shared/reporting.js';
import type { TargetDto } from '../../shared/targets.js';
import type { TaskDto } from '../../shared/tasks.js';
import { foldText } from '../../shared/text.js';
import { listAgencies } from '../agencies/index.js';
import type { ReadDb } from '../db/records.js';
import { listDuties } from '../reporting/index.js';
import { listTargets } from '../targets/index.js';
import { listTaskDtos } from '../tasks/index.js';
import { listComponentPlans } from '../plan-documents/index.js';
import { loadPlanDto } from './plan-dto.js';

const slug = (text: string) => foldText(text).replace(/ /g, '-').slice(0, 60) || 'ke-hoach';

/** Gives each agency the plan uses a readable, unique key ("phong-gd-dt"). */
function agencyKeys(used: Set<string>, agencies: AgencyDto[]): { keys: Map<string, string>; list: PlanTemplateInput['agencies'] } {
  const keys = new Map<string, string>();
  const list: NonNullable<PlanTemplateInput['agencies']> = [];
  for (const a of agencies.filter((x) => used.has(x.id))) {
    const base = slug(a.shortName || a.name);
    let key = base;
    for (let n = 2; [...keys.values()].includes(key); n++) key = `${base}-${n}`;
    keys.set(a.id, key);
    list.push({ key, name: a.name, shortName: a.shortName, kind: a.kind });
  }
  return { keys, list };
}

interface PlanContent {
  targets: TargetDto[];
  tasks: TaskDto[];
  components: ComponentPlanDto[];
  duties: ReportingDutyDto[];
}

/** Targets, tasks, appendix rows and duties in template shape; keys follow the outline, so parents come first. */
function contentOf({ targets, tasks, components, duties }: PlanContent, key: (agencyId: string | null) => string | null) {
  const targetKey = new Map(targets.map((t, i) => [t.id, `muc-tieu-${i + 1}`]));
  const taskKey = new Map(tasks.map((t, i) => [t.id, `nhiem-vu-${i + 1}`]));
  return {
    targets: targets.map(({ id, parentId, section, code, text, population, populationLabel, source, perCommune, milestones }) => ({
      key: targetKey.get(id)!,
      parentKey: parentId ? targetKey.get(parentId)! : null,
      ...{ section, code, text, population, populationLabel, source, perCommune, milestones },
    })),
    tasks: tasks.map(({ id, parentId, number, text, leadAgencyId, coordinatorAgencyIds, ownerNote, isRequest, deadline }) => ({
      key: taskKey.get(id)!,
      parentKey: parentId ? taskKey.get(parentId)! : null,
      ...{ number, text, ownerNote, isRequest, deadline },
      lead: key(leadAgencyId),
      coordinators: coordinatorAgencyIds.map((c) => key(c)!),
    })),
    componentPlans: components.map(({ content, leadAgencyId, coordinatorAgencyIds, coordinatorsNote, issuingBody, completion }) => ({
      ...{ content, coordinatorsNote, issuingBody, completion },
      lead: key(leadAgencyId),
      coordinators: coordinatorAgencyIds.map((x) => key(x)!),
    })),
    reportingDuties: duties.map((d, i) => ({ key: `bao-cao-${i + 1}`, title: d.title, from: key(d.fromAgencyId), fromNote: d.fromNote, to: d.to, due: d.due })),
  };
}

/** The plan with its targets, tasks, component plans and duties, in the template format the import reads. */
export async function exportTemplate(db: ReadDb, planId: string, today: string): Promise<{ fileName: string; content: string }> {
  const plan = await loadPlanDto(db, planId);
  const [targets, tasks, components, duties, agencies] = await Promise.all([
    listTargets(db, planId, today),
    listTaskDtos(db, planId, today),
    listComponentPlans(db, planId),
    listDuties(db, planId),
    listAgencies(db),
  ]);
  const used = new Set<string>([...tasks, ...components].flatMap((x) => [x.leadAgencyId ?? '', ...x.coordinatorAgencyIds]));
  duties.forEach((d) => d.fromAgencyId && used.add(d.fromAgencyId));
  const { keys, list } = agencyKeys(used, agencies);
  const key = (id: string | null) => (id === null ? null : keys.get(id)!);
  const { kind, number, issuedOn, issuer, title, periodStart, periodEnd, status, generalObjective, note } = plan;
  const template: PlanTemplateInput = {
    format: PLAN_TEMPLATE_FORMAT,
    version: PLAN_TEMPLATE_VERSION,
    source: `Xuất từ XHHT ngày ${today}`,
    plan: { kind, number, issuedOn, issuer, title, periodStart, periodEnd, status, generalObjective, note },
    references: plan.references.map(({ relation, citation, number: n }) => ({ relation, citation, number: n })),
    agencies: list,
    ...contentOf({ targets, tasks, components, duties }, key),
  };
  return { fileName: `${slug(plan.number ?? plan.title)}.json`, content: `${JSON.stringify(template, null, 2)}\n` };
}
