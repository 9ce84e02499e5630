import { z } from 'zod';
import { IsoDate } from './dates.js';
import { mutation, query } from './op.js';
import { Deadline, OptionalText, Text } from './plan-model.js';
import { RecordId, RevisedRef, SyncRowDto } from './sync-row.js';
import { MemberKind, MemberState } from './tasks.js';

export const ReportingDutyFields = z.object({
  title: Text('Tên nghĩa vụ báo cáo', 500),
  fromAgencyId: RecordId.nullable().default(null),
  fromNote: OptionalText(300),
  to: Text('Nơi nhận báo cáo', 300),
  /** Recurring work expects one report per period of the plan (shared/occurrences.ts); any other deadline, one. */
  due: Deadline,
  /** The office sends it upward ("đã gửi"); else the office receives it ("đã nhận"). */
  outgoing: z.boolean().default(false),
  memberKind: MemberKind.default('none'),
  /** The chosen members; with 'communes', none chosen means every commune. */
  memberIds: z.array(RecordId).default([]),
  /** The plan's task this report is, so it shows as one item. */
  taskId: RecordId.nullable().default(null),
});
export type ReportingDutyFields = z.infer<typeof ReportingDutyFields>;

export const ReportingDutyDto = SyncRowDto.extend({
  planId: z.string(),
  title: z.string(),
  fromAgencyId: z.string().nullable(),
  fromNote: z.string(),
  to: z.string(),
  due: Deadline,
  outgoing: z.boolean(),
  memberKind: MemberKind,
  memberIds: z.array(z.string()),
  taskId: z.string().nullable(),
});
export type ReportingDutyDto = z.infer<typeof ReportingDutyDto>;

/**
 * One report a duty expects for one occurrence, and whether it was sent (outgoing)
 * or received: by its one sender, or by each member of the group that owes it.
 */
export const ExpectedReport = z.object({
  dutyId: z.string(),
  planId: z.string(),
  planTitle: z.string(),
  planNumber: z.string().nullable(),
  title: z.string(),
  fromName: z.string(),
  to: z.string(),
  outgoing: z.boolean(),
  periodKey: z.string(),
  periodLabel: z.string(),
  year: z.number().int(),
  dueDate: IsoDate,
  /** The day it was sent or received; for a group, the day the last member's came, once all have. */
  deliveredOn: IsoDate.nullable(),
  note: z.string(),
  overdue: z.boolean(),
  /** Delivered after the due day (for a group: any member late). */
  late: z.boolean(),
  members: z.array(MemberState),
  /** The task this report is, when the plan lists it as a task. */
  taskId: z.string().nullable(),
});
export type ExpectedReport = z.infer<typeof ExpectedReport>;

export const reportingOps = {
  'reporting.createDuty': mutation(ReportingDutyFields.extend({ planId: RecordId }), ReportingDutyDto, 'officer'),
  'reporting.updateDuty': mutation(ReportingDutyFields.extend(RevisedRef.shape), ReportingDutyDto, 'officer'),
  'reporting.deleteDuty': mutation(RevisedRef, z.object({ id: z.string() }), 'officer'),
  'reporting.duties': query(z.object({ planId: RecordId }), z.array(ReportingDutyDto)),
  /** The expected reports of followed plans (or one plan), optionally of one year. */
  'reporting.expected': query(z.object({ planId: RecordId.optional(), year: z.number().int().optional() }), z.array(ExpectedReport)),
  /** Records one occurrence's report as sent or received, for the duty (memberId '') or one member of its group. */
  'reporting.markDelivered': mutation(
    z.object({ dutyId: RecordId, periodKey: z.string().min(1).max(20), memberId: z.string().max(40).default(''), deliveredOn: IsoDate, note: OptionalText(500) }),
    ExpectedReport, 'officer',
  ),
  'reporting.unmarkDelivered': mutation(z.object({ dutyId: RecordId, periodKey: z.string().min(1).max(20), memberId: z.string().max(40).default('') }), ExpectedReport, 'officer'),
} as const;
