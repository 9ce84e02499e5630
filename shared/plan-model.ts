import { z } from 'zod';
import { IsoDate } from './dates.js';
import { Deadline } from './deadlines.js';

/** Shapes of a plan that both the database and the template file share. */

const Text = (label: string, max = 4000) =>
  z.string().trim().min(1, `${label} không được để trống`).max(max, `${label} quá dài (tối đa ${max} ký tự)`);
const OptionalText = (max = 4000) => z.string().trim().max(max, `Quá dài (tối đa ${max} ký tự)`).default('');
const Year = z.number().int('Năm phải là số nguyên').min(1990, 'Năm phải từ 1990').max(2100, 'Năm phải đến 2100');

export const PlanKind = z.enum(['ke_hoach', 'de_an', 'chuong_trinh', 'quyet_dinh', 'khac']);
export type PlanKind = z.infer<typeof PlanKind>;
export const PLAN_KIND_LABELS: Record<PlanKind, string> = {
  ke_hoach: 'Kế hoạch',
  de_an: 'Đề án',
  chuong_trinh: 'Chương trình',
  quyet_dinh: 'Quyết định',
  khac: 'Văn bản khác',
};

export const PlanStatus = z.enum(['draft', 'active', 'superseded']);
export type PlanStatus = z.infer<typeof PlanStatus>;
export const PLAN_STATUS_LABELS: Record<PlanStatus, string> = {
  draft: 'Dự thảo',
  active: 'Có hiệu lực',
  superseded: 'Đã thay thế',
};

/** How a plan cites another document: it implements it, replaces it, or carries it attached. */
export const PlanRelation = z.enum(['implements', 'replaces', 'attached']);
export type PlanRelation = z.infer<typeof PlanRelation>;
export const PLAN_RELATION_LABELS: Record<PlanRelation, string> = {
  implements: 'Thực hiện',
  replaces: 'Thay thế',
  attached: 'Kèm theo',
};

export const PlanReferenceFields = z.object({
  relation: PlanRelation,
  /** The citation as the document writes it: "Kế hoạch số 278/KH-UBND ngày 11/9/2021 của UBND tỉnh Đồng Tháp". */
  citation: Text('Trích dẫn văn bản', 1000),
  /** The cited document's number ("278/KH-UBND"), used to link to it when it is in the database. */
  number: z.string().trim().max(60).nullable().default(null),
});
export type PlanReferenceFields = z.infer<typeof PlanReferenceFields>;

export const PlanFields = z
  .object({
    kind: PlanKind,
    number: z.string().trim().max(60, 'Số văn bản quá dài').nullable().default(null),
    issuedOn: IsoDate.nullable().default(null),
    issuer: Text('Cơ quan ban hành', 300),
    title: Text('Trích yếu', 1000),
    periodStart: Year,
    periodEnd: Year,
    status: PlanStatus.default('active'),
    generalObjective: OptionalText(),
    note: OptionalText(),
  })
  .refine((p) => p.periodEnd >= p.periodStart, { message: 'Năm kết thúc phải sau năm bắt đầu', path: ['periodEnd'] });
export type PlanFields = z.infer<typeof PlanFields>;

/** A figure of the units' yearly data a percentage target divides by. */
export const PopulationFigure = z.enum(['households', 'clans', 'adults', 'workingAge', 'officials', 'organisations']);
export type PopulationFigure = z.infer<typeof PopulationFigure>;
export const POPULATION_FIGURE_LABELS: Record<PopulationFigure, string> = {
  households: 'Hộ gia đình',
  clans: 'Dòng họ',
  adults: 'Người lớn',
  workingAge: 'Người trong độ tuổi lao động',
  officials: 'Cán bộ, công chức, viên chức',
  organisations: 'Cơ quan, đơn vị, doanh nghiệp',
};

/**
 * Recorded data a target's actual can be computed from. Each counts the
 * communes of the territory whose education status of the year meets it.
 */
export const ComputedSource = z.enum([
  'literacyLevel1',
  'literacyLevel2',
  'preschoolUniversal',
  'primaryLevel2',
  'primaryLevel3',
  'lowerSecondaryLevel1',
  'lowerSecondaryLevel2',
  'lowerSecondaryLevel3',
  'learningCentreIT',
]);
export type ComputedSource = z.infer<typeof ComputedSource>;
export const COMPUTED_SOURCE_LABELS: Record<ComputedSource, string> = {
  literacyLevel1: 'Xã đạt chuẩn xóa mù chữ mức độ 1 trở lên',
  literacyLevel2: 'Xã đạt chuẩn xóa mù chữ mức độ 2',
  preschoolUniversal: 'Xã hoàn thành phổ cập giáo dục mầm non 5 tuổi',
  primaryLevel2: 'Xã đạt phổ cập giáo dục tiểu học mức độ 2 trở lên',
  primaryLevel3: 'Xã đạt phổ cập giáo dục tiểu học mức độ 3',
  lowerSecondaryLevel1: 'Xã đạt phổ cập giáo dục THCS mức độ 1 trở lên',
  lowerSecondaryLevel2: 'Xã đạt phổ cập giáo dục THCS mức độ 2 trở lên',
  lowerSecondaryLevel3: 'Xã đạt phổ cập giáo dục THCS mức độ 3',
  learningCentreIT: 'Trung tâm học tập cộng đồng ứng dụng CNTT',
};

export const MeasureKind = z.enum(['percent', 'unitCount', 'count', 'boolean']);
export type MeasureKind = z.infer<typeof MeasureKind>;
export const MEASURE_KIND_LABELS: Record<MeasureKind, string> = {
  percent: 'Tỷ lệ (%)',
  unitCount: 'Số đơn vị trên tổng số',
  count: 'Số lượng',
  boolean: 'Đạt / không đạt',
};

export const Qualifier = z.enum(['phan_dau', 'duy_tri', 'khoang', 'it_nhat']);
export type Qualifier = z.infer<typeof Qualifier>;
export const QUALIFIER_LABELS: Record<Qualifier, string> = {
  phan_dau: 'Phấn đấu',
  duy_tri: 'Duy trì',
  khoang: 'Khoảng',
  it_nhat: 'Ít nhất',
};

/**
 * One milestone of a target. Each milestone carries its own measure, since a
 * plan may count units in 2025 ("9/9 xã") and give a percentage in 2030 ("100% xã").
 */
export const MilestoneFields = z
  .object({
    /** null: the end of the plan period is implied. */
    year: Year.nullable(),
    kind: MeasureKind,
    /** percent: 0–100; unitCount: the units that must meet it; count: the number; boolean: 1. */
    value: z.number().min(0, 'Giá trị không được âm'),
    /** unitCount only: the total ("7/9" → 9). */
    total: z.number().int().positive('Tổng số phải lớn hơn 0').nullable().default(null),
    /** Which units the milestone counts or covers: "xã, thị trấn", "huyện", "trường phổ thông". */
    scope: OptionalText(200),
    qualifier: Qualifier.nullable().default(null),
    /** The milestone in the plan's own words. */
    wording: OptionalText(),
  })
  .refine((m) => m.kind !== 'percent' || m.value <= 100, { message: 'Tỷ lệ không được quá 100%', path: ['value'] })
  .refine((m) => m.kind !== 'unitCount' || (m.total !== null && m.value <= m.total), {
    message: 'Số đơn vị phải có tổng số và không vượt tổng số',
    path: ['total'],
  });
export type MilestoneFields = z.infer<typeof MilestoneFields>;

export const TaskStatus = z.enum(['not_started', 'in_progress', 'done', 'paused']);
export type TaskStatus = z.infer<typeof TaskStatus>;
export const TASK_STATUS_LABELS: Record<TaskStatus, string> = {
  not_started: 'Chưa thực hiện',
  in_progress: 'Đang thực hiện',
  done: 'Hoàn thành',
  paused: 'Tạm dừng',
};

export { Deadline, Text, OptionalText, Year };

/** How a sentence names a plan: "kế hoạch 4344/KH-UBND", or its title when it has no number. */
export function planLabel(plan: { kind: string; number: string | null; title: string }): string {
  const kind = PLAN_KIND_LABELS[plan.kind as PlanKind]?.toLowerCase() ?? 'kế hoạch';
  if (plan.number) return `${kind} ${plan.number}`;
  const title = plan.title.length > 60 ? `${plan.title.slice(0, 57)}…` : plan.title;
  return `${kind} “${title}”`;
}
