import { z } from 'zod';
import { IsoDate } from './dates.js';
import { mutation, query } from './op.js';
import { Deadline, OptionalText, TaskStatus, Text } from './plan-model.js';
import { RecordId, RevisedRef, SyncRowDto } from './sync-row.js';

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
  status: TaskStatus,
  /** As of today: the due day, and whether it has passed with the work not done. */
  dueDate: IsoDate.nullable(),
  overdue: z.boolean(),
  /** The latest progress report's percent, if any. */
  percent: z.number().nullable(),
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

export const TaskFilter = z.object({
  planId: RecordId.optional(),
  agencyId: RecordId.optional(),
  /** lead: only as chủ trì; any: chủ trì or phối hợp. */
  agencyRole: z.enum(['lead', 'any']).default('any'),
  status: z.array(TaskStatus).optional(),
  communeId: RecordId.optional(),
  dueFrom: IsoDate.optional(),
  dueTo: IsoDate.optional(),
  overdueOnly: z.boolean().default(false),
  /** Leaves out headings and paragraphs with no owner and no deadline. */
  assignedOnly: z.boolean().default(false),
});
export type TaskFilter = z.input<typeof TaskFilter>;

export const ProgressReportFields = z
  .object({
    taskId: RecordId,
    /** The period reported on, e.g. "Năm 2022", "6 tháng đầu năm 2023". */
    period: Text('Kỳ báo cáo', 100),
    agencyId: RecordId.nullable().default(null),
    text: Text('Nội dung báo cáo'),
    status: TaskStatus.nullable().default(null),
    percent: z.number().int().min(0, 'Phần trăm từ 0 đến 100').max(100, 'Phần trăm từ 0 đến 100').nullable().default(null),
    reportedOn: IsoDate,
  })
  .refine((r) => r.status !== null || r.percent !== null, { message: 'Cần ghi trạng thái hoặc phần trăm hoàn thành', path: ['status'] });

export const ProgressReportDto = SyncRowDto.extend({
  taskId: z.string(),
  period: z.string(),
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
  'tasks.create': mutation(TaskFields.extend({ planId: RecordId }), TaskDto),
  'tasks.update': mutation(TaskFields.extend(RevisedRef.shape), TaskDto),
  'tasks.delete': mutation(RevisedRef, z.object({ id: z.string() })),
  'tasks.list': query(TaskFilter, z.array(TaskRow)),
  /** Records a progress report; its status or percent becomes the task's. */
  'tasks.reportProgress': mutation(ProgressReportFields, ProgressReportDto),
  'tasks.progressReports': query(z.object({ taskId: RecordId }), z.array(ProgressReportDto)),
} as const;
