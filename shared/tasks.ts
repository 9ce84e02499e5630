import { z } from 'zod';
import { IsoDate } from './dates.js';
import { XlsxFile } from './list-export.js';
import { mutation, query } from './op.js';
import { Deadline, OptionalText, TaskStatus, Text } from './plan-model.js';
import { RecordId, RevisedRef, SyncRowDto } from './sync-row.js';

/**
 * Who owes work whose owner is a group: "UBND các xã, thị trấn" stands for the
 * communes (the chosen ones, or every unit at commune level), "các phòng, ban,
 * ngành" for a chosen set of agencies. Each member has its own status per occurrence.
 */
export const MemberKind = z.enum(['none', 'communes', 'agencies']);
export type MemberKind = z.infer<typeof MemberKind>;
export const MEMBER_KIND_LABELS: Record<MemberKind, string> = {
  none: 'Một cơ quan',
  communes: 'UBND các xã, thị trấn',
  agencies: 'Các phòng, ban, ngành',
};

/** One member of a group and where it stands on one occurrence. */
export const MemberState = z.object({
  memberId: z.string(),
  name: z.string(),
  done: z.boolean(),
  /** The day it was done, sent or received. */
  on: IsoDate.nullable(),
  /** Done after the due day. */
  late: z.boolean(),
});
export type MemberState = z.infer<typeof MemberState>;

/** One occurrence of a task: a period of recurring work, or the one time of one-off work. */
export const TaskOccurrence = z.object({
  periodKey: z.string(),
  label: z.string(),
  year: z.number().int(),
  dueDate: IsoDate,
  status: TaskStatus,
  percent: z.number().nullable(),
  doneOn: IsoDate.nullable(),
  overdue: z.boolean(),
  /** A group's members, each with its own state; empty when one body owes it. */
  members: z.array(MemberState),
});
export type TaskOccurrence = z.infer<typeof TaskOccurrence>;

export const TaskFields = z.object({
  parentId: RecordId.nullable().default(null),
  /** The label as printed: "I", "1", "3.1", "a)", "-", "+", or "" for a plain paragraph. */
  number: z.string().trim().max(20, 'Số thứ tự quá dài').default(''),
  text: Text('Nội dung nhiệm vụ'),
  leadAgencyId: RecordId.nullable().default(null),
  coordinatorAgencyIds: z.array(RecordId).default([]),
  communeIds: z.array(RecordId).default([]),
  ownerNote: OptionalText(500),
  isRequest: z.boolean().default(false),
  deadline: Deadline.nullable().default(null),
  status: TaskStatus.default('not_started'),
  memberKind: MemberKind.default('none'),
  /** The chosen members; with 'communes', none chosen means every commune. */
  memberIds: z.array(RecordId).default([]),
});
export type TaskFields = z.infer<typeof TaskFields>;

export const TaskDto = SyncRowDto.extend({
  planId: z.string(),
  parentId: z.string().nullable(),
  position: z.number().int(),
  number: z.string(),
  text: z.string(),
  leadAgencyId: z.string().nullable(),
  coordinatorAgencyIds: z.array(z.string()),
  communeIds: z.array(z.string()),
  ownerNote: z.string(),
  isRequest: z.boolean(),
  deadline: Deadline.nullable(),
  /**
   * Where the work stands: a heading's rolls up from its children; recurring or
   * group work shows its current occurrence's; one-off work its own.
   */
  status: TaskStatus,
  /** As of today: the due day, and whether it has passed with the work not done. */
  dueDate: IsoDate.nullable(),
  overdue: z.boolean(),
  /** The latest progress report's percent, if any. */
  percent: z.number().nullable(),
  memberKind: MemberKind,
  memberIds: z.array(z.string()),
  /** An outline item that only groups others: not counted as a task. */
  isHeading: z.boolean(),
  recurring: z.boolean(),
  /** The occurrence the status is about (recurring or group work), else null. */
  occurrence: TaskOccurrence.nullable(),
  /** How many occurrences have passed undone (a 2026 lapse stays until resolved). */
  overdueCount: z.number().int(),
});
export type TaskDto = z.infer<typeof TaskDto>;

/** A task as a list shows it, with its plan and agency names resolved. */
export const TaskRow = TaskDto.extend({
  planTitle: z.string(),
  planNumber: z.string().nullable(),
  leadAgencyName: z.string().nullable(),
  coordinatorAgencyNames: z.array(z.string()),
  communeNames: z.array(z.string()),
  /** The numbers of its ancestors and itself, e.g. "II › 3 › a)". */
  outlineNumber: z.string(),
});
export type TaskRow = z.infer<typeof TaskRow>;

/** The agency's part in a task, as the list filters it: lead = chủ trì, support = phối hợp, any = either. */
export const AgencyRole = z.enum(['lead', 'support', 'any']);
export type AgencyRole = z.infer<typeof AgencyRole>;

export const TaskFilter = z.object({
  planId: RecordId.optional(),
  agencyId: RecordId.optional(),
  agencyRole: AgencyRole.default('any'),
  status: z.array(TaskStatus).optional(),
  communeId: RecordId.optional(),
  dueFrom: IsoDate.optional(),
  dueTo: IsoDate.optional(),
  overdueOnly: z.boolean().default(false),
  /** Leaves out headings and paragraphs with no owner and no deadline. */
  assignedOnly: z.boolean().default(false),
});
export type TaskFilter = z.input<typeof TaskFilter>;

const ProgressReportShape = z.object({
  taskId: RecordId,
  /** The occurrence reported on (recurring work: "2026", "2026-H1"); null for one-off work. */
  periodKey: z.string().max(20).nullable().default(null),
  /** The period reported on, e.g. "Năm 2022", "6 tháng đầu năm 2023". */
  period: Text('Kỳ báo cáo', 100),
  agencyId: RecordId.nullable().default(null),
  text: Text('Nội dung báo cáo'),
  difficulties: OptionalText(4000),
  proposals: OptionalText(4000),
  status: TaskStatus.nullable().default(null),
  percent: z.number().int('Phần trăm là số nguyên').min(0, 'Phần trăm từ 0 đến 100').max(100, 'Phần trăm không được quá 100').nullable().default(null),
  reportedOn: IsoDate,
});
const hasStatusOrPercent = (r: { status: unknown; percent: unknown }) => r.status !== null || r.percent !== null;
const NEEDS_STATUS = { message: 'Cần ghi trạng thái hoặc phần trăm hoàn thành', path: ['status'] };

export const ProgressReportFields = ProgressReportShape.refine(hasStatusOrPercent, NEEDS_STATUS);
export const ProgressReportEdit = ProgressReportShape.omit({ taskId: true }).extend(RevisedRef.shape).refine(hasStatusOrPercent, NEEDS_STATUS);

export const ProgressReportDto = SyncRowDto.extend({
  taskId: z.string(),
  periodKey: z.string().nullable(),
  period: z.string(),
  difficulties: z.string(),
  proposals: z.string(),
  agencyId: z.string().nullable(),
  agencyName: z.string().nullable(),
  text: z.string(),
  status: TaskStatus.nullable(),
  percent: z.number().nullable(),
  reportedOn: z.string(),
});
export type ProgressReportDto = z.infer<typeof ProgressReportDto>;

export const tasksOps = {
  /** Refused when the lead agency is also a coordinator. */
  'tasks.create': mutation(TaskFields.extend({ planId: RecordId }), TaskDto, 'officer'),
  'tasks.update': mutation(TaskFields.extend(RevisedRef.shape), TaskDto, 'officer'),
  'tasks.delete': mutation(RevisedRef, z.object({ id: z.string() }), 'officer'),
  'tasks.list': query(TaskFilter, z.array(TaskRow)),
  /** The list as the page shows it (its filters) to .xlsx. */
  'tasks.export': query(TaskFilter, XlsxFile),
  /** Records a progress report; its status or percent becomes its occurrence's (or the one-off task's). */
  'tasks.reportProgress': mutation(ProgressReportFields, ProgressReportDto, 'officer'),
  'tasks.updateProgress': mutation(ProgressReportEdit, ProgressReportDto, 'officer'),
  'tasks.deleteProgress': mutation(RevisedRef, z.object({ id: z.string() }), 'officer'),
  'tasks.progressReports': query(z.object({ taskId: RecordId }), z.array(ProgressReportDto)),
  /** Every occurrence of a task across its plan's period, with each member's state. */
  'tasks.occurrences': query(z.object({ taskId: RecordId }), z.array(TaskOccurrence)),
  /** The same occurrences, one row per period (or per member of each period), to .xlsx. */
  'tasks.exportOccurrences': query(z.object({ taskId: RecordId }), XlsxFile),
  /** Sets the status of one occurrence, for the whole task (memberId '') or one member of its group. */
  'tasks.setOccurrence': mutation(
    z.object({
      taskId: RecordId,
      periodKey: z.string().min(1).max(20),
      memberId: z.string().max(40).default(''),
      status: TaskStatus,
      doneOn: IsoDate.nullable().default(null),
      note: OptionalText(500),
    }),
    TaskOccurrence,
    'officer',
  ),
} as const;
