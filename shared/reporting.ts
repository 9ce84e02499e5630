import { z } from 'zod';
import { IsoDate } from './dates.js';
import { mutation, query } from './op.js';
import { Deadline, OptionalText, Text } from './plan-model.js';
import { RecordId, RevisedRef, SyncRowDto } from './sync-row.js';

export const ReportingDutyFields = z.object({
  title: Text('Tên nghĩa vụ báo cáo', 500),
  fromAgencyId: RecordId.nullable().default(null),
  fromNote: OptionalText(300),
  to: Text('Nơi nhận báo cáo', 300),
  /** A yearly day produces one expected report per year of the plan; any other deadline, one. */
  due: Deadline,
});
export type ReportingDutyFields = z.infer<typeof ReportingDutyFields>;

export const ReportingDutyDto = SyncRowDto.extend({
  planId: z.string(),
  title: z.string(),
  fromAgencyId: z.string().nullable(),
  fromNote: z.string(),
  to: z.string(),
  due: Deadline,
});
export type ReportingDutyDto = z.infer<typeof ReportingDutyDto>;

/** One report a duty expects for one period, and whether it came in. */
export const ExpectedReport = z.object({
  dutyId: z.string(),
  planId: z.string(),
  planTitle: z.string(),
  title: z.string(),
  fromName: z.string(),
  to: z.string(),
  periodYear: z.number().int(),
  dueDate: IsoDate,
  receivedOn: IsoDate.nullable(),
  note: z.string(),
  overdue: z.boolean(),
});
export type ExpectedReport = z.infer<typeof ExpectedReport>;

export const reportingOps = {
  'reporting.createDuty': mutation(ReportingDutyFields.extend({ planId: RecordId }), ReportingDutyDto),
  'reporting.updateDuty': mutation(ReportingDutyFields.extend(RevisedRef.shape), ReportingDutyDto),
  'reporting.deleteDuty': mutation(RevisedRef, z.object({ id: z.string() })),
  'reporting.duties': query(z.object({ planId: RecordId }), z.array(ReportingDutyDto)),
  /** The expected reports of live plans (or one plan), optionally of one year. */
  'reporting.expected': query(z.object({ planId: RecordId.optional(), year: z.number().int().optional() }), z.array(ExpectedReport)),
  'reporting.markReceived': mutation(
    z.object({ dutyId: RecordId, periodYear: z.number().int(), receivedOn: IsoDate, note: OptionalText(500) }),
    ExpectedReport,
  ),
  'reporting.unmarkReceived': mutation(z.object({ dutyId: RecordId, periodYear: z.number().int() }), ExpectedReport),
} as const;
