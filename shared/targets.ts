import { z } from 'zod';
import { IsoDate } from './dates.js';
import { mutation, query } from './op.js';
import { ComputedSource, MilestoneFields, OptionalText, PopulationFigure, Text } from './plan-model.js';
import { RecordId, RevisedRef, SyncRowDto } from './sync-row.js';

export const TargetFields = z.object({
  section: Text('Nhóm mục tiêu', 200),
  code: OptionalText(20),
  text: Text('Nội dung mục tiêu'),
  parentId: RecordId.nullable().default(null),
  population: PopulationFigure.nullable().default(null),
  populationLabel: OptionalText(300),
  source: ComputedSource.nullable().default(null),
  perCommune: z.boolean().default(false),
  milestones: z.array(MilestoneFields).min(1, 'Mục tiêu cần ít nhất một mốc'),
});
export type TargetFields = z.infer<typeof TargetFields>;

export const MilestoneDto = z.object({
  year: z.number().int().nullable(),
  kind: MilestoneFields.shape.kind,
  value: z.number(),
  total: z.number().nullable(),
  scope: z.string(),
  qualifier: MilestoneFields.shape.qualifier,
  wording: z.string(),
});
export type MilestoneDto = z.infer<typeof MilestoneDto>;

/** đạt / đúng tiến độ / có nguy cơ / chưa đạt, or no figure yet. */
export const ProgressStatus = z.enum(['achieved', 'on_track', 'at_risk', 'missed', 'no_data']);
export type ProgressStatus = z.infer<typeof ProgressStatus>;
export const PROGRESS_STATUS_LABELS: Record<ProgressStatus, string> = {
  achieved: 'Đạt',
  on_track: 'Đúng tiến độ',
  at_risk: 'Có nguy cơ',
  missed: 'Chưa đạt',
  no_data: 'Chưa có số liệu',
};

/** An actual value of a target for a year: computed from recorded data, or entered by hand with a note. */
export const ActualDto = z.object({
  year: z.number().int(),
  unitId: z.string().nullable(),
  /** In the milestone's measure: a percentage, a number of units, a count, or 1/0. */
  value: z.number(),
  /** For unit counts: the units counted over ("7" of "9"). */
  total: z.number().nullable(),
  origin: z.enum(['computed', 'manual']),
  note: z.string(),
});
export type ActualDto = z.infer<typeof ActualDto>;

export const TargetProgress = z.object({
  /** The milestone measured against: the next one not yet past, else the last. */
  milestone: MilestoneDto.nullable(),
  milestoneYear: z.number().int().nullable(),
  actual: ActualDto.nullable(),
  status: ProgressStatus,
});
export type TargetProgress = z.infer<typeof TargetProgress>;

export const TargetDto = SyncRowDto.extend({
  planId: z.string(),
  position: z.number().int(),
  section: z.string(),
  code: z.string(),
  text: z.string(),
  parentId: z.string().nullable(),
  population: PopulationFigure.nullable(),
  populationLabel: z.string(),
  source: ComputedSource.nullable(),
  perCommune: z.boolean(),
  milestones: z.array(MilestoneDto),
  actuals: z.array(ActualDto),
  progress: TargetProgress,
});
export type TargetDto = z.infer<typeof TargetDto>;

/** One commune's standing on the per-commune targets, for the home page chart. */
export const CommuneProgress = z.object({
  unitId: z.string(),
  name: z.string(),
  achieved: z.number().int(),
  total: z.number().int(),
});
export type CommuneProgress = z.infer<typeof CommuneProgress>;

export const RecordActualInput = z.object({
  targetId: RecordId,
  year: z.number().int().min(2000).max(2100),
  unitId: RecordId.nullable().default(null),
  value: z.number().min(0, 'Giá trị không được âm'),
  total: z.number().int().positive().nullable().default(null),
  note: Text('Ghi chú (nguồn số liệu)', 1000),
  recordedOn: IsoDate.optional(),
});

export const targetsOps = {
  'targets.create': mutation(TargetFields.extend({ planId: RecordId }), TargetDto),
  /** Refused when a milestone year falls outside the plan period. */
  'targets.update': mutation(TargetFields.extend(RevisedRef.shape), TargetDto),
  'targets.delete': mutation(RevisedRef, z.object({ id: z.string() })),
  /** Enters an actual by hand (with a note saying where the figure comes from). */
  'targets.recordActual': mutation(RecordActualInput, TargetDto),
  /** Targets of a plan with actuals and progress computed as of today. */
  'targets.list': query(z.object({ planId: RecordId }), z.array(TargetDto)),
  /** Per-commune progress over all per-commune targets of live plans. */
  'targets.communeProgress': query(z.object({ planId: RecordId.optional() }), z.array(CommuneProgress)),
} as const;
