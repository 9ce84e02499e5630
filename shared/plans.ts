import { z } from 'zod';
import { mutation, query } from './op.js';
import { Deadline, OptionalText, PlanFields, PlanKind, PlanReferenceFields, PlanStatus, Text } from './plan-model.js';
import { reportingOps, ReportingDutyDto } from './reporting.js';
import { RecordId, RecordRef, RevisedRef, SyncRowDto } from './sync-row.js';
import { TargetDto, targetsOps, CommuneProgress } from './targets.js';
import { TaskDto, TaskRow, tasksOps } from './tasks.js';
import { ExpectedReport } from './reporting.js';
import { IsoDate } from './dates.js';

export const PlanInput = z.object({
  fields: PlanFields,
  references: z.array(PlanReferenceFields).default([]),
});

export const PlanReferenceDto = z.object({
  relation: PlanReferenceFields.shape.relation,
  citation: z.string(),
  number: z.string().nullable(),
  /** The cited plan when it is in the database. */
  linkedPlanId: z.string().nullable(),
});

export const PlanDto = SyncRowDto.extend({
  kind: PlanKind,
  number: z.string().nullable(),
  issuedOn: z.string().nullable(),
  issuer: z.string(),
  title: z.string(),
  periodStart: z.number().int(),
  periodEnd: z.number().int(),
  status: PlanStatus,
  generalObjective: z.string(),
  note: z.string(),
  references: z.array(PlanReferenceDto),
  /** Plans that cite this one as replaced or implemented. */
  citedBy: z.array(z.object({ planId: z.string(), relation: PlanReferenceFields.shape.relation, title: z.string(), number: z.string().nullable() })),
});
export type PlanDto = z.infer<typeof PlanDto>;

export const PlanSummary = PlanDto.omit({ references: true, citedBy: true }).extend({
  targetCount: z.number().int(),
  taskCount: z.number().int(),
  overdueCount: z.number().int(),
  doneCount: z.number().int(),
});
export type PlanSummary = z.infer<typeof PlanSummary>;

export const ComponentPlanFields = z.object({
  content: Text('Nội dung kế hoạch thành phần'),
  leadAgencyId: RecordId.nullable().default(null),
  coordinatorAgencyIds: z.array(RecordId).default([]),
  coordinatorsNote: OptionalText(500),
  issuingBody: OptionalText(300),
  completion: Deadline.nullable().default(null),
});

export const ComponentPlanDto = SyncRowDto.extend({
  planId: z.string(),
  position: z.number().int(),
  content: z.string(),
  leadAgencyId: z.string().nullable(),
  coordinatorAgencyIds: z.array(z.string()),
  coordinatorsNote: z.string(),
  issuingBody: z.string(),
  completion: Deadline.nullable(),
});
export type ComponentPlanDto = z.infer<typeof ComponentPlanDto>;

/** Everything the plan page shows, in one call. */
export const PlanDetail = z.object({
  plan: PlanDto,
  componentPlans: z.array(ComponentPlanDto),
  targets: z.array(TargetDto),
  tasks: z.array(TaskDto),
  duties: z.array(ReportingDutyDto),
});
export type PlanDetail = z.infer<typeof PlanDetail>;

export const TemplateInfo = z.object({
  name: z.string(),
  title: z.string(),
  number: z.string().nullable(),
  issuer: z.string(),
  period: z.string(),
  targets: z.number().int(),
  tasks: z.number().int(),
});
export type TemplateInfo = z.infer<typeof TemplateInfo>;

/** The largest template file accepted, so a wrong file cannot exhaust memory. */
export const MAX_TEMPLATE_BYTES = 5 * 1024 * 1024;

export const HomeOverview = z.object({
  today: IsoDate,
  counts: z.object({
    plans: z.number().int(),
    tasks: z.number().int(),
    tasksDone: z.number().int(),
    /** Tasks overdue on the home list (headings and tasks that are reports left out). */
    tasksOverdue: z.number().int(),
    /** Everything the "Quá hạn" list holds: overdue tasks and overdue reports. */
    overdue: z.number().int(),
    targets: z.number().int(),
    targetsAchieved: z.number().int(),
    targetsAtRisk: z.number().int(),
    reportsOverdue: z.number().int(),
  }),
  overdueTasks: z.array(TaskRow),
  upcomingTasks: z.array(TaskRow),
  overdueReports: z.array(ExpectedReport),
  upcomingReports: z.array(ExpectedReport),
  communeProgress: z.array(CommuneProgress),
});
export type HomeOverview = z.infer<typeof HomeOverview>;

/** Plan documents and their component plans. */
export const planDocumentOps = {
  'plans.list': query(z.object({}), z.array(PlanSummary)),
  'plans.get': query(RecordRef, PlanDetail),
  'plans.create': mutation(PlanInput, PlanDto, 'officer'),
  'plans.update': mutation(PlanInput.extend(RevisedRef.shape), PlanDto, 'officer'),
  /** Tombstones the plan with its targets, tasks and duties. */
  'plans.delete': mutation(RevisedRef, z.object({ id: z.string() }), 'officer'),
  'plans.createComponent': mutation(ComponentPlanFields.extend({ planId: RecordId }), ComponentPlanDto, 'officer'),
  'plans.updateComponent': mutation(ComponentPlanFields.extend(RevisedRef.shape), ComponentPlanDto, 'officer'),
  'plans.deleteComponent': mutation(RevisedRef, z.object({ id: z.string() }), 'officer'),
  /** The assignment table (Stt, nội dung, chủ trì, phối hợp, thời gian hoàn thành) as an A4 PDF in the official layout. */
  'plans.printAssignments': query(RecordRef, z.object({ fileName: z.string(), pdfBase64: z.string() }), 'officer'),
} as const;

/** Plan templates: the bundled seed plans, files handed down, and export. */
export const templatesOps = {
  /** The plan templates shipped with the app (the five seed plans). */
  'templates.list': query(z.object({}), z.array(TemplateInfo)),
  'templates.importBundled': mutation(z.object({ name: z.string().max(100) }), PlanDto, 'officer'),
  /** Imports a template file; a bad field is refused with its line, and nothing is written. */
  'templates.importFile': mutation(
    z.object({ fileName: z.string().max(260), content: z.string().min(1, 'Tệp rỗng').max(MAX_TEMPLATE_BYTES, 'Tệp quá lớn (tối đa 5 MB)') }),
    PlanDto, 'officer',
  ),
  'templates.export': query(RecordRef, z.object({ fileName: z.string(), content: z.string() })),
} as const;

export const homeOps = {
  /** Overdue items, the next 30 days, counts and per-commune progress. */
  'home.overview': query(z.object({}), HomeOverview),
} as const;

export const plansOps = {
  ...planDocumentOps,
  ...templatesOps,
  ...homeOps,
  ...targetsOps,
  ...tasksOps,
  ...reportingOps,
} as const;

export type { TaskRow };
