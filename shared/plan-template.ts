import { z } from 'zod';
import { AgencyKind } from './agencies.js';
import {
  ComputedSource,
  Deadline,
  MilestoneFields,
  OptionalText,
  PlanFields,
  PlanReferenceFields,
  PopulationFigure,
  Text,
} from './plan-model.js';
import { MAX_TREE_DEPTH, checkTreeBatch } from './tree-rules.js';

/**
 * A plan with its targets, tasks and duties as a portable JSON file, so a
 * province can hand a plan down and an office can start from a real one.
 * Agencies are named inside the file and matched to the office's own on import.
 */
export const PLAN_TEMPLATE_FORMAT = 'xhht-plan-template';
export const PLAN_TEMPLATE_VERSION = 1;

/**
 * The most items of each list a template may hold. The largest seed plan has 83
 * tasks, 25 agencies and 8 references; these leave room for a province's plan
 * while keeping a hostile file from making an import run for minutes.
 */
export const TEMPLATE_LIMITS = {
  references: 50,
  agencies: 300,
  targets: 1000,
  milestones: 30,
  tasks: 3000,
  coordinators: 100,
  componentPlans: 300,
  reportingDuties: 300,
} as const;

const list = <T extends z.ZodType>(item: T, max: number, label: string) => z.array(item).max(max, `Tối đa ${max} ${label}`);

const Key = z
  .string()
  .regex(/^[a-z0-9][a-z0-9._-]*$/, 'Khóa chỉ gồm chữ thường không dấu, số, dấu chấm, gạch ngang')
  .max(80);

export const TemplateAgency = z.object({
  key: Key,
  name: Text('Tên cơ quan', 200),
  shortName: OptionalText(60),
  kind: AgencyKind,
});

export const TemplateTarget = z.object({
  key: Key,
  /** The group the plan puts it in: "Xóa mù chữ và phổ cập giáo dục", "Năng lực người dân" ... */
  section: Text('Nhóm mục tiêu', 200),
  /** The target's own numbering in the plan, if any ("a", "2.1"). */
  code: OptionalText(20),
  text: Text('Nội dung mục tiêu'),
  /** A "trong đó" target: a share of those counted by the parent. */
  parentKey: Key.nullable().default(null),
  population: PopulationFigure.nullable().default(null),
  /** The population in the plan's words, also when no recorded figure matches it. */
  populationLabel: OptionalText(300),
  source: ComputedSource.nullable().default(null),
  perCommune: z.boolean().default(false),
  milestones: list(MilestoneFields, TEMPLATE_LIMITS.milestones, 'mốc').min(1, 'Mục tiêu cần ít nhất một mốc'),
});
export type TemplateTarget = z.infer<typeof TemplateTarget>;

export const TemplateTask = z.object({
  key: Key,
  parentKey: Key.nullable().default(null),
  /** The label as printed: "I", "1", "3.1", "a)", "-", "+", or "" for a plain paragraph. */
  number: z.string().trim().max(20).default(''),
  text: Text('Nội dung nhiệm vụ'),
  lead: Key.nullable().default(null),
  coordinators: list(Key, TEMPLATE_LIMITS.coordinators, 'cơ quan phối hợp').default([]),
  /** The owner as the plan words it, when it names a group or asks a body it cannot order. */
  ownerNote: OptionalText(500),
  /** "Đề nghị ...": a request to a body the office cannot order. */
  isRequest: z.boolean().default(false),
  deadline: Deadline.nullable().default(null),
});
export type TemplateTask = z.infer<typeof TemplateTask>;

export const TemplateComponentPlan = z.object({
  content: Text('Nội dung kế hoạch thành phần'),
  lead: Key.nullable().default(null),
  coordinators: list(Key, TEMPLATE_LIMITS.coordinators, 'cơ quan phối hợp').default([]),
  coordinatorsNote: OptionalText(500),
  issuingBody: OptionalText(300),
  completion: Deadline.nullable().default(null),
});
export type TemplateComponentPlan = z.infer<typeof TemplateComponentPlan>;

export const TemplateReportingDuty = z.object({
  key: Key,
  title: Text('Tên nghĩa vụ báo cáo', 500),
  /** The agency that owes it; null when the office itself reports upward. */
  from: Key.nullable().default(null),
  fromNote: OptionalText(300),
  /** The recipients as written: "Phòng Giáo dục và Đào tạo", "UBND tỉnh; Sở GD&ĐT". */
  to: Text('Nơi nhận báo cáo', 300),
  /** A yearly day produces one expected report per year of the plan; any other deadline, one. */
  due: Deadline,
});
export type TemplateReportingDuty = z.infer<typeof TemplateReportingDuty>;

export const PlanTemplate = z.object({
  format: z.literal(PLAN_TEMPLATE_FORMAT, { message: `Tệp không phải mẫu kế hoạch XHHT (format phải là "${PLAN_TEMPLATE_FORMAT}")` }),
  version: z.literal(PLAN_TEMPLATE_VERSION, { message: `Phiên bản mẫu không được hỗ trợ (chỉ hỗ trợ ${PLAN_TEMPLATE_VERSION})` }),
  /** Where the template was typed from, for the reader. */
  source: OptionalText(500),
  plan: PlanFields,
  references: list(PlanReferenceFields, TEMPLATE_LIMITS.references, 'văn bản liên quan').default([]),
  agencies: list(TemplateAgency, TEMPLATE_LIMITS.agencies, 'cơ quan').default([]),
  targets: list(TemplateTarget, TEMPLATE_LIMITS.targets, 'mục tiêu').default([]),
  tasks: list(TemplateTask, TEMPLATE_LIMITS.tasks, 'nhiệm vụ').default([]),
  componentPlans: list(TemplateComponentPlan, TEMPLATE_LIMITS.componentPlans, 'kế hoạch thành phần').default([]),
  reportingDuties: list(TemplateReportingDuty, TEMPLATE_LIMITS.reportingDuties, 'nghĩa vụ báo cáo').default([]),
});
export type PlanTemplate = z.infer<typeof PlanTemplate>;
export type PlanTemplateInput = z.input<typeof PlanTemplate>;

export interface TemplateIssue {
  /** JSON path of the offending field, e.g. ['tasks', 3, 'lead']. */
  path: (string | number)[];
  message: string;
}

/** Cross-field rules zod cannot see: keys resolve, keys are unique, lead is not a coordinator, years fit the period. */
export function checkTemplateReferences(t: PlanTemplate): TemplateIssue[] {
  const issues: TemplateIssue[] = [];
  const agencyKeys = uniqueKeys(t.agencies, 'agencies', issues);
  const targetKeys = uniqueKeys(t.targets, 'targets', issues);
  const taskKeys = uniqueKeys(t.tasks, 'tasks', issues);
  uniqueKeys(t.reportingDuties, 'reportingDuties', issues);
  const agencyRef = (key: string | null, path: (string | number)[]) => {
    if (key !== null && !agencyKeys.has(key)) issues.push({ path, message: `Cơ quan "${key}" không có trong danh sách agencies` });
  };
  const assignment = (lead: string | null, coordinators: string[], path: (string | number)[]) => {
    agencyRef(lead, [...path, 'lead']);
    const seen = new Set<string>();
    coordinators.forEach((c, i) => {
      agencyRef(c, [...path, 'coordinators', i]);
      if (seen.has(c)) issues.push({ path: [...path, 'coordinators', i], message: `Cơ quan phối hợp "${c}" bị lặp` });
      seen.add(c);
    });
    if (lead !== null && coordinators.includes(lead)) {
      issues.push({ path: [...path, 'coordinators'], message: 'Cơ quan chủ trì không được đồng thời là cơ quan phối hợp' });
    }
  };
  t.targets.forEach((target, i) => {
    if (target.parentKey !== null && !targetKeys.has(target.parentKey)) {
      issues.push({ path: ['targets', i, 'parentKey'], message: `Mục tiêu cha "${target.parentKey}" không tồn tại` });
    }
    target.milestones.forEach((m, j) => {
      if (m.year !== null && (m.year < t.plan.periodStart || m.year > t.plan.periodEnd)) {
        issues.push({
          path: ['targets', i, 'milestones', j, 'year'],
          message: `Mốc năm ${m.year} nằm ngoài giai đoạn ${t.plan.periodStart}–${t.plan.periodEnd}`,
        });
      }
    });
  });
  t.tasks.forEach((task, i) => {
    if (task.parentKey !== null && !taskKeys.has(task.parentKey)) {
      issues.push({ path: ['tasks', i, 'parentKey'], message: `Nhiệm vụ cha "${task.parentKey}" không tồn tại` });
    }
    assignment(task.lead, task.coordinators, ['tasks', i]);
  });
  cyclicParents(t.targets, 'targets', issues);
  cyclicParents(t.tasks, 'tasks', issues);
  t.componentPlans.forEach((c, i) => assignment(c.lead, c.coordinators, ['componentPlans', i]));
  t.reportingDuties.forEach((d, i) => agencyRef(d.from, ['reportingDuties', i, 'from']));
  return issues;
}

/**
 * Items whose parent chain loops back on itself ("a" under "b" under "a"), or
 * hangs below such a loop, or runs deeper than MAX_TREE_DEPTH; each is reported
 * once. Linear in the number of items (shared/tree-rules.ts).
 */
function cyclicParents(items: { key: string; parentKey: string | null }[], list: string, issues: TemplateIssue[]): void {
  const known = new Set(items.map((i) => i.key));
  // An unknown parent is reported on its own; here it ends the chain.
  const rows = items.map((i) => ({ id: i.key, parentId: i.parentKey !== null && known.has(i.parentKey) ? i.parentKey : null }));
  for (const problem of checkTreeBatch(() => null, rows)) {
    const key = items[problem.index]!.key;
    const path = [list, problem.index, 'parentKey'];
    if (problem.kind === 'cycle') issues.push({ path, message: `"${key}" nằm trong vòng lặp mục cha (một mục là cha của chính nó)` });
    else if (problem.kind === 'under-cycle') issues.push({ path, message: `"${key}" nằm dưới một vòng lặp mục cha` });
    else if (problem.kind === 'too-deep') issues.push({ path, message: `"${key}" nằm ở cấp thứ ${problem.depth + 1}; tối đa ${MAX_TREE_DEPTH + 1} cấp lồng nhau` });
  }
}

function uniqueKeys(items: { key: string }[], list: string, issues: TemplateIssue[]): Set<string> {
  const seen = new Set<string>();
  items.forEach((item, i) => {
    if (seen.has(item.key)) issues.push({ path: [list, i, 'key'], message: `Khóa "${item.key}" bị trùng` });
    seen.add(item.key);
  });
  return seen;
}
