import { z } from 'zod';
import { IsoDate } from './dates.js';
import { XlsxFile } from './list-export.js';
import { mutation, query } from './op.js';
import { ComputedSource, MilestoneFields, OptionalText, PopulationFigure, Text } from './plan-model.js';
import { RecordId, RevisedRef, SyncRowDto } from './sync-row.js';
import { TitleKind } from './titles-criteria.js';

/** One unit's own value of a milestone: "thị trấn Võ Xu 70%" beside "các xã còn lại 40%". */
export const UnitValue = z.object({ unitId: RecordId, value: z.number().min(0, 'Giá trị không được âm') });
export type UnitValue = z.infer<typeof UnitValue>;

/**
 * How a milestone spreads over the years: once (in its year); every year from
 * its year ("Mỗi năm ít nhất 120 lớp"); or a total summed over the years of the
 * period up to its year ("tổng 600 lớp").
 */
export const MilestoneSpan = z.enum(['once', 'yearly', 'cumulative']);
export type MilestoneSpan = z.infer<typeof MilestoneSpan>;
export const MILESTONE_SPAN_LABELS: Record<MilestoneSpan, string> = {
  once: 'Một mốc',
  yearly: 'Mỗi năm',
  cumulative: 'Tổng cộng dồn',
};

/**
 * A milestone as a target stores it. The span and the per-unit values are
 * optional so a template milestone (plan-model's shape) is one as it is.
 */
export const TargetMilestoneFields = MilestoneFields.safeExtend({
  span: MilestoneSpan.optional(),
  unitValues: z.array(UnitValue).max(1000, 'Quá nhiều giá trị riêng').optional(),
})
  .refine((m) => m.span !== 'cumulative' || m.kind === 'count', { message: 'Tổng cộng dồn chỉ dùng với cách đo “Số lượng”', path: ['span'] })
  .refine((m) => new Set((m.unitValues ?? []).map((u) => u.unitId)).size === (m.unitValues ?? []).length, {
    message: 'Một đơn vị được đặt giá trị riêng hai lần',
    path: ['unitValues'],
  })
  .refine((m) => m.kind !== 'percent' || (m.unitValues ?? []).every((u) => u.value <= 100), { message: 'Tỷ lệ không được quá 100%', path: ['unitValues'] });
export type TargetMilestoneFields = z.infer<typeof TargetMilestoneFields>;

export const TargetFields = z.object({
  section: Text('Nhóm mục tiêu', 200),
  code: OptionalText(20),
  text: Text('Nội dung mục tiêu'),
  parentId: RecordId.nullable().default(null),
  population: PopulationFigure.nullable().default(null),
  populationLabel: OptionalText(300),
  source: ComputedSource.nullable().default(null),
  /** Counts the recognitions of a title (from decisions) over the yearly figure in `population`: "70% hộ gia đình đạt Gia đình học tập". */
  titleSource: TitleKind.nullable().default(null),
  perCommune: z.boolean().default(false),
  milestones: z.array(TargetMilestoneFields).min(1, 'Mục tiêu cần ít nhất một mốc').max(40, 'Quá nhiều mốc'),
});
export type TargetFields = z.infer<typeof TargetFields>;

export const MilestoneDto = z.object({
  /** once, cumulative: the year it falls due (null: the end of the period); yearly: the first year (null: the start). */
  year: z.number().int().nullable(),
  span: MilestoneSpan,
  kind: MilestoneFields.shape.kind,
  value: z.number(),
  total: z.number().nullable(),
  scope: z.string(),
  qualifier: MilestoneFields.shape.qualifier,
  wording: z.string(),
  /** Units with a value of their own; every other commune is judged against `value`. */
  unitValues: z.array(UnitValue),
});
export type MilestoneDto = z.infer<typeof MilestoneDto>;

/**
 * đạt / đúng tiến độ / có nguy cơ / không đạt (a milestone whose year has
 * passed unmet), or no figure yet.
 */
export const ProgressStatus = z.enum(['achieved', 'on_track', 'at_risk', 'missed', 'no_data']);
export type ProgressStatus = z.infer<typeof ProgressStatus>;
export const PROGRESS_STATUS_LABELS: Record<ProgressStatus, string> = {
  achieved: 'Đạt',
  on_track: 'Đúng tiến độ',
  at_risk: 'Có nguy cơ',
  missed: 'Không đạt',
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
  /** For a percentage of a population: the number reached ("1.250" households); the value is its share of the yearly figure named in the note. */
  count: z.number().nullable(),
  origin: z.enum(['computed', 'manual']),
  note: z.string(),
});
export type ActualDto = z.infer<typeof ActualDto>;

/** One year a milestone is judged in: a once milestone has one, a yearly one has one per year. */
export const CheckpointDto = z.object({
  year: z.number().int(),
  milestone: MilestoneDto,
  /** The actual judged (for a cumulative total: the sum of the years so far). */
  actual: ActualDto.nullable(),
  /** null while no actual exists. */
  met: z.boolean().nullable(),
  /** The year has ended. */
  passed: z.boolean(),
  /** How far the actual has come towards the goal, 0–100; 100 exactly when met. */
  percent: z.number().nullable(),
});
export type CheckpointDto = z.infer<typeof CheckpointDto>;

export const TargetProgress = z.object({
  /** The milestone the status speaks of: a passed one missed (or without figures), else the next one. */
  milestone: MilestoneDto.nullable(),
  milestoneYear: z.number().int().nullable(),
  actual: ActualDto.nullable(),
  status: ProgressStatus,
  /** The bar beside the status, measured against the same milestone: 100 exactly when achieved. */
  percent: z.number().nullable(),
  /** Every year judged, in order, passed ones with their outcome. */
  checkpoints: z.array(CheckpointDto),
});
export type TargetProgress = z.infer<typeof TargetProgress>;

/** One commune's standing on a per-commune target, judged against its own milestone values. */
export const CommuneStanding = TargetProgress.omit({ checkpoints: true }).extend({ unitId: z.string(), name: z.string() });
export type CommuneStanding = z.infer<typeof CommuneStanding>;

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
  titleSource: TitleKind.nullable(),
  perCommune: z.boolean(),
  milestones: z.array(MilestoneDto),
  actuals: z.array(ActualDto),
  /** The whole territory's standing. */
  progress: TargetProgress,
  /** Per-commune targets: each commune of the territory today, against its own values. */
  communes: z.array(CommuneStanding),
});
export type TargetDto = z.infer<typeof TargetDto>;

/**
 * One commune's standing on the per-commune targets, each judged against the
 * commune's own value: the counts add up to `total`, the denominator shown.
 */
export const CommuneProgress = z.object({
  unitId: z.string(),
  name: z.string(),
  achieved: z.number().int(),
  onTrack: z.number().int(),
  /** Behind the line or a passed milestone missed. */
  behind: z.number().int(),
  noData: z.number().int(),
  total: z.number().int(),
});
export type CommuneProgress = z.infer<typeof CommuneProgress>;

export const RecordActualInput = z.object({
  targetId: RecordId,
  year: z.number().int().min(2000).max(2100),
  unitId: RecordId.nullable().default(null),
  value: z.number().min(0, 'Giá trị không được âm'),
  total: z.number().int().positive().nullable().default(null),
  /**
   * For a percentage of a population: the number reached, so the share is
   * computed from the unit's yearly figures (value is then ignored).
   */
  count: z.number().int('Số lượng phải là số nguyên').min(0, 'Số lượng không được âm').nullable().default(null),
  note: Text('Ghi chú (nguồn số liệu)', 1000),
  recordedOn: IsoDate.optional(),
});

export const targetsOps = {
  'targets.create': mutation(TargetFields.extend({ planId: RecordId }), TargetDto, 'officer'),
  /** Refused when a milestone year falls outside the plan period. */
  'targets.update': mutation(TargetFields.extend(RevisedRef.shape), TargetDto, 'officer'),
  'targets.delete': mutation(RevisedRef, z.object({ id: z.string() }), 'officer'),
  /** Enters an actual by hand (with a note saying where the figure comes from). */
  'targets.recordActual': mutation(RecordActualInput, TargetDto, 'officer'),
  /** Targets of a plan with actuals and progress computed as of today. */
  'targets.list': query(z.object({ planId: RecordId }), z.array(TargetDto)),
  /** A plan's targets as its tab shows them, with each commune's standing, to .xlsx. */
  'targets.export': query(z.object({ planId: RecordId }), XlsxFile),
  /** Per-commune progress over all per-commune targets of live plans. */
  'targets.communeProgress': query(z.object({ planId: RecordId.optional() }), z.array(CommuneProgress)),
} as const;
