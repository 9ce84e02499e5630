import { z } from 'zod';
import { JobRef, JobStarted, jobStatusSchema } from './jobs.js';
import { XlsxFile } from './list-export.js';
import { StagedId } from './evidence.js';
import { job, mutation, query } from './op.js';
import { boundedText } from './safe-text.js';
import { RecordId, RecordRef, RevisedRef, SyncRowDto } from './sync-row.js';

const Count = (label: string) =>
  z.number({ message: `${label} phải là số` }).int(`${label} phải là số nguyên`).min(0, `${label} không được âm`).max(100_000_000, `${label} quá lớn`);
const Year = z.number().int('Năm phải là số nguyên').min(2000, 'Năm phải từ 2000').max(2100, 'Năm phải đến 2100');

export const UnitCode = z
  .string()
  .trim()
  .min(1, 'Mã đơn vị không được để trống')
  .max(20, 'Mã đơn vị tối đa 20 ký tự')
  .regex(/^[A-Za-z0-9._-]+$/, 'Mã đơn vị chỉ gồm chữ không dấu, số, dấu chấm, gạch');

export const UnitFields = z.object({
  code: UnitCode,
  name: boundedText('Tên đơn vị', 120),
  type: boundedText('Loại đơn vị', 60, { emptyMessage: 'Chọn loại đơn vị' }),
});

export const UnitDto = SyncRowDto.extend({
  parentId: z.string().nullable(),
  code: z.string(),
  name: z.string(),
  type: z.string(),
  /** 0 for the office's own territory, 1 for its communes, ... */
  depth: z.number().int(),
});
export type UnitDto = z.infer<typeof UnitDto>;

/** The yearly figures targets divide by. */
export const FigureValues = z.object({
  households: Count('Số hộ gia đình'),
  clans: Count('Số dòng họ'),
  adults: Count('Số người lớn'),
  workingAge: Count('Số người trong độ tuổi lao động'),
  officials: Count('Số cán bộ, công chức, viên chức'),
  organisations: Count('Số cơ quan, tổ chức'),
});
export type FigureValues = z.infer<typeof FigureValues>;
export const FIGURE_LABELS: Record<keyof FigureValues, string> = {
  households: 'Hộ gia đình',
  clans: 'Dòng họ',
  adults: 'Người lớn',
  workingAge: 'Độ tuổi lao động',
  officials: 'Cán bộ, CC, VC',
  organisations: 'Cơ quan, tổ chức',
};

export const UnitFiguresDto = FigureValues.extend({ id: z.string(), unitId: z.string(), year: z.number().int(), rev: z.number().int() });
export type UnitFiguresDto = z.infer<typeof UnitFiguresDto>;

/** A year's figures summed over a unit's direct children, saying how many of them reported and which did not. */
export const FigureSumsDto = FigureValues.extend({ year: z.number().int(), reported: z.number().int(), of: z.number().int(), missing: z.array(z.string()) });
export type FigureSumsDto = z.infer<typeof FigureSumsDto>;

/** A commune's standing in literacy and universal education for one year. */
export const EducationValues = z.object({
  literacyLevel: z.union([z.literal(0), z.literal(1), z.literal(2)], { message: 'Xóa mù chữ: mức độ 0, 1 hoặc 2' }),
  preschoolUniversal: z.boolean({ message: 'Phổ cập mầm non: đạt hoặc chưa' }),
  primaryLevel: z.union([z.literal(0), z.literal(1), z.literal(2), z.literal(3)], { message: 'Tiểu học: mức độ 0–3' }),
  lowerSecondaryLevel: z.union([z.literal(0), z.literal(1), z.literal(2), z.literal(3)], { message: 'THCS: mức độ 0–3' }),
  learningCentreIT: z.boolean({ message: 'Trung tâm HTCĐ ứng dụng CNTT: có hoặc không' }),
});
export type EducationValues = z.infer<typeof EducationValues>;

export const EducationStatusDto = EducationValues.extend({ id: z.string(), unitId: z.string(), year: z.number().int(), rev: z.number().int() });
export type EducationStatusDto = z.infer<typeof EducationStatusDto>;

export const UnitDetail = z.object({
  unit: UnitDto,
  path: z.array(z.object({ id: z.string(), name: z.string(), type: z.string() })),
  figures: z.array(UnitFiguresDto),
  education: z.array(EducationStatusDto),
  childCount: z.number().int(),
});
export type UnitDetail = z.infer<typeof UnitDetail>;

/** The largest .xlsx the import accepts, so a wrong file cannot exhaust memory. */
export const MAX_IMPORT_BYTES = 10 * 1024 * 1024;
/** The most data rows a units sheet may hold (a province's every hamlet fits many times over). */
export const MAX_IMPORT_ROWS = 200_000;

export const UnitImportInput = z.object({
  /** The .xlsx as staged by the upload route (purpose `sheet`): a dry run and the import read the same file. */
  stagedId: StagedId,
  dryRun: z.boolean().default(false),
});

export const UnitImportResult = z.object({
  created: z.number().int(),
  updated: z.number().int(),
  /** Units already stored exactly as the sheet has them: nothing is written for them. */
  unchanged: z.number().int(),
  figureRows: z.number().int(),
  applied: z.boolean(),
});
export type UnitImportResult = z.infer<typeof UnitImportResult>;

export const UnitImportStatus = jobStatusSchema(UnitImportResult);
export type UnitImportStatus = z.infer<typeof UnitImportStatus>;

export const unitsOps = {
  /** Every live unit of the territory, parents before children. */
  'units.tree': query(z.object({}), z.array(UnitDto)),
  /** The tree as the page shows it, its filter applied, to .xlsx. */
  'units.export': query(z.object({ search: z.string().max(200).default('') }), XlsxFile),
  'units.get': query(RecordRef, UnitDetail),
  /** The figures of a unit's direct children summed per year (a territory's figures are its communes'). */
  'units.figureSums': query(RecordRef, z.array(FigureSumsDto)),
  'units.create': mutation(UnitFields.extend({ parentId: RecordId }), UnitDto, 'officer'),
  'units.update': mutation(UnitFields.extend(RevisedRef.shape), UnitDto, 'officer'),
  'units.move': mutation(RevisedRef.extend({ parentId: RecordId }), UnitDto, 'officer'),
  /** Leaves a tombstone; refused while anything references the unit. */
  'units.delete': mutation(RevisedRef, z.object({ id: z.string() }), 'officer'),
  'units.saveFigures': mutation(FigureValues.extend({ unitId: RecordId, year: Year }), UnitFiguresDto, 'officer'),
  'units.saveEducation': mutation(EducationValues.extend({ unitId: RecordId, year: Year }), EducationStatusDto, 'officer'),
  /**
   * Starts reading units from a sheet in a background job and returns its id at once. The job
   * checks (dry run) or writes everything in one transaction of its own; a bad sheet is reported
   * row by row and nothing is written.
   */
  'units.importXlsx': job(UnitImportInput, JobStarted, 'officer'),
  /** Progress of an import job, and its outcome once finished. */
  'units.importStatus': query(JobRef, UnitImportStatus),
  /** Asks an import job to stop; it rolls back and reports 'cancelled'. */
  'units.importCancel': query(JobRef, UnitImportStatus, 'officer'),
} as const;
