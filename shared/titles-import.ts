import { z } from 'zod';
import { JobRef, JobStarted, jobStatusSchema } from './jobs.js';
import { XlsxFile } from './list-export.js';
import { StagedId } from './evidence.js';
import { job, mutation, query } from './op.js';
import { RecordId } from './sync-row.js';
import { foldText } from './text.js';
import { indicatorsOf, type Criterion } from './titles-criteria.js';
import { EvaluationStatus } from './titles-workflow.js';
import { SubjectKind, Year } from './titles.js';

/** The largest list an import accepts: a district's adults fit many times over. */
export const MAX_LIST_IMPORT_BYTES = 20 * 1024 * 1024;
export const MAX_LIST_IMPORT_ROWS = 200_000;
/** What a list export writes at most: past that the officer narrows the list by commune or name first. */
export const MAX_LIST_EXPORT_ROWS = 200_000;

/** What a commune's list may hold: subjects of one kind, or the scores of their evaluations. */
export const ImportKind = z.enum(['person', 'household', 'clan', 'organisation', 'evaluation']);
export type ImportKind = z.infer<typeof ImportKind>;
export const IMPORT_KIND_LABELS: Record<ImportKind, string> = {
  person: 'cá nhân',
  household: 'hộ gia đình',
  clan: 'dòng họ',
  organisation: 'cơ quan, đơn vị',
  evaluation: 'điểm đánh giá',
};

export interface ImportField {
  label: string;
  /** Folded headers the field is recognised by, beside its own folded label. */
  headers: readonly string[];
  required?: boolean;
}

const NAME_HEADERS = ['ho va ten', 'ho ten', 'ten'];
const COMMUNE: ImportField = { label: 'Xã', headers: ['xa', 'xa phuong', 'xa phuong thi tran', 'phuong xa', 'xa thi tran'], required: true };
const HAMLET: ImportField = { label: 'Ấp', headers: ['ap', 'ap khom', 'thon', 'thon ap', 'khom', 'thon xom', 'to dan pho'] };
const ID_NUMBER: ImportField = { label: 'Số CCCD', headers: ['cccd', 'so cccd', 'so can cuoc', 'so can cuoc cong dan', 'so dinh danh', 'cmnd cccd', 'so cmnd cccd'] };
const BIRTH_YEAR: ImportField = { label: 'Năm sinh', headers: ['nam sinh', 'ngay sinh', 'sinh nam'] };
const NOTE: ImportField = { label: 'Ghi chú', headers: ['ghi chu'] };

/**
 * The fields each kind of list fills, each with the headers it is recognised
 * by (folded): ours, and the columns of the national "Công dân học tập"
 * software's forms (CCCD, họ tên, giới tính, năm sinh, dân tộc, tôn giáo, tỉnh, xã).
 * An evaluation list adds one column per indicator of the chosen criteria set.
 */
export const IMPORT_FIELDS = {
  person: {
    name: { label: 'Họ và tên', headers: NAME_HEADERS, required: true },
    birthYear: BIRTH_YEAR,
    gender: { label: 'Giới tính', headers: ['gioi tinh', 'gioi'] },
    ethnicity: { label: 'Dân tộc', headers: ['dan toc'] },
    religion: { label: 'Tôn giáo', headers: ['ton giao'] },
    idNumber: ID_NUMBER,
    commune: COMMUNE,
    hamlet: HAMLET,
    labourGroup: { label: 'Nhóm đối tượng', headers: ['nhom doi tuong', 'nhom', 'doi tuong'] },
    province: { label: 'Tỉnh', headers: ['tinh', 'tinh thanh pho'] },
  },
  household: {
    name: { label: 'Tên hộ (chủ hộ)', headers: ['ten ho', 'chu ho', 'ho ten chu ho', 'ho gia dinh', 'ten ho gia dinh', ...NAME_HEADERS], required: true },
    address: { label: 'Địa chỉ', headers: ['dia chi'] },
    commune: COMMUNE,
    hamlet: HAMLET,
    note: NOTE,
  },
  clan: {
    name: { label: 'Tên dòng họ', headers: ['dong ho', 'ten dong ho', 'ho', ...NAME_HEADERS], required: true },
    representative: { label: 'Người đại diện', headers: ['nguoi dai dien', 'truong toc', 'truong ho', 'dai dien'] },
    commune: COMMUNE,
    hamlet: HAMLET,
    note: NOTE,
  },
  organisation: {
    name: { label: 'Tên cơ quan, đơn vị', headers: ['ten don vi', 'ten co quan', 'don vi', 'co quan', 'co quan don vi', ...NAME_HEADERS], required: true },
    orgKind: { label: 'Loại', headers: ['loai', 'loai hinh', 'loai don vi'], required: true },
    orgLevel: { label: 'Cấp', headers: ['cap'] },
    address: { label: 'Địa chỉ', headers: ['dia chi'] },
    /** Blank for a body of the whole territory (a district office). */
    commune: { ...COMMUNE, required: false },
    hamlet: HAMLET,
    note: NOTE,
  },
  evaluation: {
    name: { label: 'Tên đối tượng', headers: ['doi tuong', 'ten doi tuong', 'ten ho', 'chu ho', 'dong ho', 'ten don vi', ...NAME_HEADERS], required: true },
    idNumber: ID_NUMBER,
    birthYear: BIRTH_YEAR,
    commune: { ...COMMUNE, required: false },
    hamlet: HAMLET,
    evaluator: { label: 'Người đánh giá', headers: ['nguoi danh gia', 'nguoi cham', 'nguoi tham dinh'] },
    evidence: { label: 'Minh chứng', headers: ['minh chung'] },
  },
} as const satisfies Record<ImportKind, Record<string, ImportField>>;

/** An indicator's column in an evaluation list: its field key carries the indicator code. */
export const SCORE_FIELD_PREFIX = 'score:';

/** The fields of a list: the kind's own, and for evaluations one per indicator of the set ("1.2 Tự học qua sách"). */
export function importFields(kind: ImportKind, criteria: readonly Criterion[] = []): Record<string, ImportField> {
  const fields: Record<string, ImportField> = { ...IMPORT_FIELDS[kind] };
  if (kind === 'evaluation') {
    for (const indicator of indicatorsOf(criteria)) {
      const code = foldText(indicator.code);
      fields[`${SCORE_FIELD_PREFIX}${indicator.code}`] = {
        label: `${indicator.code} ${indicator.name}`.slice(0, 80),
        headers: [code, `chi so ${code}`, foldText(indicator.name)],
        required: true,
      };
    }
  }
  return fields;
}

/** Folded header cell, for matching; "Chỉ số 1.2. Tự học" and "1.2 - Tự học" both start with the code. */
const foldHeader = (header: string) => foldText(header.slice(0, 200));

/**
 * Which header each field is read from, guessed: a header whose folded text is
 * the field's folded label or one of its usual headers; an indicator also by a
 * header that starts with its code ("1.2 Tự học", "1.2. Tự học"). Each header
 * serves one field, the first that claims it.
 */
export function guessMapping(fields: Record<string, ImportField>, headers: readonly string[]): Record<string, string> {
  const folded = headers.map(foldHeader);
  const taken = new Set<number>();
  const mapping: Record<string, string> = {};
  const claim = (field: string, test: (h: string) => boolean) => {
    const index = folded.findIndex((h, i) => !taken.has(i) && h !== '' && test(h));
    if (index < 0) return false;
    taken.add(index);
    mapping[field] = headers[index]!;
    return true;
  };
  // Exact names first, across every field, so "Tên" goes to the name and not to a field that merely starts like it.
  for (const [field, spec] of Object.entries(fields)) {
    const names = new Set([foldText(spec.label), ...spec.headers]);
    claim(field, (h) => names.has(h));
  }
  for (const [field, spec] of Object.entries(fields)) {
    if (mapping[field] !== undefined || !field.startsWith(SCORE_FIELD_PREFIX)) continue;
    const code = spec.headers[0]!;
    claim(field, (h) => h.startsWith(`${code} `) || h.startsWith(`${code}. `) || h.startsWith(`chi so ${code} `) || h.startsWith(`chi so ${code}. `));
  }
  return mapping;
}

/** A saved column mapping: field → the header it is read from; a field left out is not read. */
export const Mapping = z.record(z.string().max(40), z.string().max(200));
export type Mapping = z.infer<typeof Mapping>;

export const MappingPreset = z.object({
  id: z.string(),
  kind: ImportKind,
  name: z.string(),
  columns: Mapping,
  /** Shipped with the app (not deletable), or saved by the officer. */
  builtIn: z.boolean(),
});
export type MappingPreset = z.infer<typeof MappingPreset>;

/** The national "Công dân học tập" software's registration form, as its export heads the columns. */
export const CDHT_PRESET: MappingPreset = {
  id: 'builtin:cdht',
  kind: 'person',
  name: 'Phần mềm Công dân học tập (CCCD, Họ tên, Giới tính, Năm sinh, Dân tộc, Tôn giáo, Tỉnh, Xã)',
  columns: { idNumber: 'CCCD', name: 'Họ tên', gender: 'Giới tính', birthYear: 'Năm sinh', ethnicity: 'Dân tộc', religion: 'Tôn giáo', province: 'Tỉnh', commune: 'Xã' },
  builtIn: true,
};

/** The headers of the blank template XHHT hands out for a kind: each field's label. */
export function templatePreset(kind: ImportKind, criteria: readonly Criterion[] = []): MappingPreset {
  const fields = importFields(kind, criteria);
  return {
    id: `builtin:xhht-${kind}`,
    kind,
    name: 'Mẫu Excel của XHHT',
    columns: Object.fromEntries(Object.entries(fields).map(([field, spec]) => [field, spec.label])),
    builtIn: true,
  };
}

/**
 * A preset applied to a sheet: each field whose header the sheet has (folded
 * alike) is mapped to the sheet's own spelling; `missing` names the headers the
 * preset expects and the sheet lacks.
 */
export function applyPreset(preset: Pick<MappingPreset, 'columns'>, headers: readonly string[]): { mapping: Mapping; missing: string[] } {
  const byFolded = new Map<string, string>();
  for (const h of headers) if (h.trim() !== '' && !byFolded.has(foldHeader(h))) byFolded.set(foldHeader(h), h);
  const mapping: Mapping = {};
  const missing: string[] = [];
  for (const [field, header] of Object.entries(preset.columns)) {
    const found = byFolded.get(foldHeader(header));
    if (found === undefined) missing.push(header);
    else mapping[field] = found;
  }
  return { mapping, missing };
}

export const ListImportInput = z
  .object({
    kind: ImportKind.default('person'),
    /** The .xlsx as staged by the upload route (purpose `sheet`): every step reads the same file. */
    stagedId: StagedId,
    /**
     * The officer's mapping: field → the header of the column that holds it, '' for
     * "not in this sheet"; a field left out is found by its usual headers.
     */
    columns: Mapping.default({}),
    /** An evaluation list: the criteria set (its title and indicators) and the year. */
    criteriaSetId: RecordId.optional(),
    year: Year.optional(),
    /** Reads the header row only (and guesses the mapping), for the mapping step. */
    headersOnly: z.boolean().default(false),
    /** Checks and previews without writing. */
    dryRun: z.boolean().default(true),
  })
  .superRefine((input, ctx) => {
    if (input.kind !== 'evaluation') return;
    if (!input.criteriaSetId) ctx.addIssue({ code: 'custom', path: ['criteriaSetId'], message: 'Chọn bộ tiêu chí của danh sách điểm' });
    if (input.year === undefined) ctx.addIssue({ code: 'custom', path: ['year'], message: 'Chọn năm đánh giá' });
  });
export type ListImportInput = z.infer<typeof ListImportInput>;

export const ListImportResult = z.object({
  kind: ImportKind,
  sheet: z.string(),
  /** The header row as read, so the officer can map columns. */
  headers: z.array(z.string()),
  /** The fields of this list (for an evaluation list, one per indicator too), in order. */
  fields: z.array(z.object({ key: z.string(), label: z.string(), required: z.boolean() })),
  /** Which header each field was read from. */
  mapped: Mapping,
  /** Data rows read (0 when only the headers were read). */
  rows: z.number().int(),
  created: z.number().int(),
  /** The first rows as they will be stored, ID numbers masked. */
  previewColumns: z.array(z.string()),
  preview: z.array(z.object({ row: z.number().int(), cells: z.array(z.string()) })),
  applied: z.boolean(),
});
export type ListImportResult = z.infer<typeof ListImportResult>;
export const ListImportStatus = jobStatusSchema(ListImportResult);
export type ListImportStatus = z.infer<typeof ListImportStatus>;

/** What each titles page exports: the list as filtered on screen. */
export const ListExportInput = z.discriminatedUnion('list', [
  z.object({
    list: z.literal('subjects'),
    kind: SubjectKind,
    unitId: RecordId.optional(),
    search: z.string().max(100).default(''),
    showIdNumbers: z.boolean().default(false),
  }),
  z.object({
    list: z.literal('evaluations'),
    year: Year.optional(),
    title: z.string().max(30).optional(),
    communeId: RecordId.optional(),
    status: EvaluationStatus.optional(),
    showIdNumbers: z.boolean().default(false),
  }),
  /** A recognition decision's list of recognised subjects (its annex). */
  z.object({ list: z.literal('decision'), id: RecordId, showIdNumbers: z.boolean().default(false) }),
]);
export type ListExportInput = z.infer<typeof ListExportInput>;

export { XlsxFile };

export const SavePresetInput = z.object({
  kind: ImportKind,
  name: z.string().trim().min(2, 'Tên mẫu ghép cột phải có ít nhất 2 ký tự').max(120, 'Tên mẫu ghép cột quá dài'),
  columns: Mapping.refine((m) => Object.keys(m).length > 0, 'Mẫu ghép cột chưa có cột nào'),
});

export const titlesImportOps = {
  /**
   * Reads a titles list from an .xlsx in a background job: the header row only
   * (for the mapping step), or every row checked (required fields, ranges, the
   * commune and hamlet, duplicates in the sheet and against stored subjects),
   * then, unless a dry run, all written in one transaction — or nothing when
   * any row is wrong.
   */
  'subjects.importXlsx': job(ListImportInput, JobStarted, 'officer'),
  'subjects.importStatus': query(JobRef, ListImportStatus, 'officer'),
  'subjects.importCancel': query(JobRef, ListImportStatus, 'officer'),
  /** The shipped mapping presets of a kind and the ones the office saved. */
  'presets.list': query(z.object({ kind: ImportKind }), z.array(MappingPreset)),
  /** Saves a mapping under a name (replacing one of the same kind and name). */
  'presets.save': mutation(SavePresetInput, MappingPreset, 'officer'),
  'presets.delete': mutation(z.object({ id: z.string().max(64) }), z.object({ id: z.string() }), 'officer'),
  /** A blank .xlsx with the template's headers, for a commune to fill. */
  'forms.export': query(z.object({ kind: ImportKind, criteriaSetId: RecordId.optional() }), XlsxFile),
  /** A titles list as on screen (filters applied) to .xlsx; ID numbers masked unless asked. */
  'lists.export': query(ListExportInput, XlsxFile, 'officer'),
} as const;
