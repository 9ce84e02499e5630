import { z } from 'zod';
import { JobRef, JobStarted, jobStatusSchema } from './jobs.js';
import { job, query } from './op.js';

/** The largest list the person import accepts: a district's adults fit many times over. */
export const MAX_PERSON_IMPORT_BYTES = 20 * 1024 * 1024;
export const MAX_PERSON_IMPORT_ROWS = 200_000;

/**
 * The fields a list of people fills, each with the headers it is recognised by
 * (folded): ours, and the columns of the national "Công dân học tập" software's
 * forms (CCCD, họ tên, giới tính, năm sinh, dân tộc, tôn giáo, tỉnh, xã).
 */
export const PERSON_COLUMNS = {
  name: { label: 'Họ và tên', headers: ['ho va ten', 'ho ten', 'ten'] },
  birthYear: { label: 'Năm sinh', headers: ['nam sinh', 'ngay sinh'] },
  gender: { label: 'Giới tính', headers: ['gioi tinh', 'gioi'] },
  ethnicity: { label: 'Dân tộc', headers: ['dan toc'] },
  religion: { label: 'Tôn giáo', headers: ['ton giao'] },
  idNumber: { label: 'Số CCCD', headers: ['cccd', 'so cccd', 'so can cuoc', 'so can cuoc cong dan', 'so dinh danh', 'cmnd cccd'] },
  commune: { label: 'Xã', headers: ['xa', 'xa phuong', 'xa phuong thi tran', 'phuong xa'] },
  hamlet: { label: 'Ấp', headers: ['ap', 'ap khom', 'thon', 'thon ap', 'khom'] },
  labourGroup: { label: 'Nhóm đối tượng', headers: ['nhom doi tuong', 'nhom', 'doi tuong'] },
  province: { label: 'Tỉnh', headers: ['tinh', 'tinh thanh pho'] },
} as const;
export type PersonColumn = keyof typeof PERSON_COLUMNS;
export const REQUIRED_PERSON_COLUMNS: readonly PersonColumn[] = ['name', 'commune'];

export const PersonImportInput = z.object({
  fileName: z.string().max(260),
  contentBase64: z
    .string()
    .min(1, 'Tệp rỗng')
    .max(Math.ceil((MAX_PERSON_IMPORT_BYTES * 4) / 3) + 4, 'Tệp quá lớn (tối đa 20 MB)'),
  /** The officer's mapping: field → the header text of the column that holds it; unmapped fields are found by their usual headers. */
  columns: z.partialRecord(z.enum(Object.keys(PERSON_COLUMNS) as [PersonColumn, ...PersonColumn[]]), z.string().max(200)).default({}),
  /** Checks and previews without writing. */
  dryRun: z.boolean().default(true),
});
export type PersonImportInput = z.infer<typeof PersonImportInput>;

export const PersonPreviewRow = z.object({ row: z.number().int(), name: z.string(), birthYear: z.number().int().nullable(), gender: z.string(), place: z.string(), idNumber: z.string().nullable() });

export const PersonImportResult = z.object({
  /** The header row as read, so the officer can map columns. */
  headers: z.array(z.string()),
  /** Which column each field was read from (header text). */
  mapped: z.record(z.string(), z.string()),
  rows: z.number().int(),
  created: z.number().int(),
  /** The first rows as they will be stored, ID numbers masked. */
  preview: z.array(PersonPreviewRow),
  applied: z.boolean(),
});
export type PersonImportResult = z.infer<typeof PersonImportResult>;
export const PersonImportStatus = jobStatusSchema(PersonImportResult);
export type PersonImportStatus = z.infer<typeof PersonImportStatus>;

export const titlesImportOps = {
  /**
   * Reads a list of people from an .xlsx in a background job: checks every row
   * (required fields, ranges, the commune and hamlet, duplicates in the sheet
   * and against stored people), then, unless a dry run, writes all of them in
   * one transaction — or nothing when any row is wrong.
   */
  'subjects.importXlsx': job(PersonImportInput, JobStarted, 'officer'),
  'subjects.importStatus': query(JobRef, PersonImportStatus),
  'subjects.importCancel': query(JobRef, PersonImportStatus),
} as const;
