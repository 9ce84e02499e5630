import { z } from 'zod';
import { IsoDate } from './dates.js';
import { mutation, query } from './op.js';
import { RecordId, RecordRef, RevisedRef, SyncRowDto } from './sync-row.js';
import { AreaKind, CriteriaSetDefinition, Scores, TitleKind } from './titles-criteria.js';
import { EvaluationStatus } from './titles-workflow.js';

/** Who may hold a title: people, households, clans and organisations are kept here; hamlets and communes are the units. */
export const SubjectKind = z.enum(['person', 'household', 'clan', 'organisation']);
export type SubjectKind = z.infer<typeof SubjectKind>;
export const SUBJECT_KIND_LABELS: Record<SubjectKind, string> = {
  person: 'Cá nhân',
  household: 'Hộ gia đình',
  clan: 'Dòng họ',
  organisation: 'Cơ quan, đơn vị',
};

/** What each title is given to; 'unit' means a hamlet (cộng đồng) or a commune (cộng đồng cấp xã). */
export const SUBJECT_OF_TITLE: Record<TitleKind, SubjectKind | 'unit'> = {
  cong_dan: 'person',
  gia_dinh: 'household',
  dong_ho: 'clan',
  cong_dong: 'unit',
  cong_dong_xa: 'unit',
  don_vi: 'organisation',
};

export const OrgKind = z.enum(['co_quan', 'truong_hoc', 'doanh_nghiep', 'co_so_san_xuat', 'khac']);
export type OrgKind = z.infer<typeof OrgKind>;
export const ORG_KIND_LABELS: Record<OrgKind, string> = {
  co_quan: 'Cơ quan',
  truong_hoc: 'Trường học',
  doanh_nghiep: 'Doanh nghiệp',
  co_so_san_xuat: 'Cơ sở sản xuất',
  khac: 'Khác',
};

export const Gender = z.enum(['nam', 'nu']);
export const GENDER_LABELS: Record<z.infer<typeof Gender>, string> = { nam: 'Nam', nu: 'Nữ' };

/** Citizen identity number (CCCD, 12 digits) or the old identity card (CMND, 9 digits). */
export const IdNumber = z
  .string()
  .trim()
  .regex(/^(\d{9}|\d{12})$/, 'Số CCCD/CMND phải gồm 12 (hoặc 9) chữ số');

/**
 * Lists and exports show only the last three digits unless the officer asks
 * (Nghị định 13/2023/NĐ-CP: keep personal data to what the work needs).
 */
export function maskIdNumber(id: string | null): string | null {
  if (id === null) return null;
  return '*'.repeat(Math.max(0, id.length - 3)) + id.slice(-3);
}

const text = (max: number, label: string) => z.string().trim().max(max, `${label} quá dài`).default('');

export const SubjectFields = z
  .object({
    kind: SubjectKind,
    name: z.string().trim().min(2, 'Họ tên/tên phải có ít nhất 2 ký tự').max(200, 'Tên quá dài'),
    /** The hamlet (or commune, or the territory for a district body) the subject belongs to. */
    unitId: RecordId,
    gender: Gender.nullable().default(null),
    birthYear: z.number().int().min(1900, 'Năm sinh không hợp lệ').max(2100, 'Năm sinh không hợp lệ').nullable().default(null),
    ethnicity: text(60, 'Dân tộc'),
    religion: text(60, 'Tôn giáo'),
    /** The labour group picks the Công dân học tập criteria set ("Nông dân", "Cán bộ, công chức, viên chức" …). */
    labourGroup: text(120, 'Nhóm đối tượng'),
    idNumber: IdNumber.nullable().default(null),
    householdId: RecordId.nullable().default(null),
    address: text(300, 'Địa chỉ'),
    representative: text(200, 'Người đại diện'),
    /** A clan's hamlets beyond its own unit. */
    hamletIds: z.array(RecordId).max(200).default([]),
    orgKind: OrgKind.nullable().default(null),
    orgLevel: text(60, 'Cấp'),
    note: text(1000, 'Ghi chú'),
  })
  .superRefine((s, ctx) => {
    const personOnly = [
      ['gender', s.gender !== null],
      ['birthYear', s.birthYear !== null],
      ['idNumber', s.idNumber !== null],
      ['householdId', s.householdId !== null],
    ] as const;
    if (s.kind !== 'person') {
      for (const [field, set] of personOnly) if (set) ctx.addIssue({ code: 'custom', path: [field], message: 'Chỉ cá nhân mới có trường này' });
    }
    if (s.kind === 'organisation' && s.orgKind === null) ctx.addIssue({ code: 'custom', path: ['orgKind'], message: 'Chọn loại cơ quan, đơn vị' });
    if (s.kind !== 'organisation' && s.orgKind !== null) ctx.addIssue({ code: 'custom', path: ['orgKind'], message: 'Chỉ cơ quan, đơn vị mới có loại' });
  });
export type SubjectFields = z.infer<typeof SubjectFields>;
export type SubjectInput = z.input<typeof SubjectFields>;

export const SubjectDto = SyncRowDto.extend({
  kind: SubjectKind,
  name: z.string(),
  unitId: z.string(),
  unitName: z.string(),
  communeId: z.string().nullable(),
  gender: Gender.nullable(),
  birthYear: z.number().int().nullable(),
  ethnicity: z.string(),
  religion: z.string(),
  labourGroup: z.string(),
  /** Masked unless the officer asked to see it. */
  idNumber: z.string().nullable(),
  householdId: z.string().nullable(),
  address: z.string(),
  representative: z.string(),
  hamletIds: z.array(z.string()),
  orgKind: OrgKind.nullable(),
  orgLevel: z.string(),
  note: z.string(),
});
export type SubjectDto = z.infer<typeof SubjectDto>;

export const SubjectListInput = z.object({
  /** One kind at a time: the list reads a million people in name order from one index. */
  kind: SubjectKind.default('person'),
  /** A commune, or a hamlet: the list keeps what lies under it. */
  unitId: RecordId.optional(),
  /** The start of the name, with or without diacritics: "nguyen van a" finds Nguyễn Văn Ấn. */
  search: z.string().max(100).default(''),
  offset: z.number().int().min(0).default(0),
  limit: z.number().int().min(1).max(500).default(50),
  showIdNumbers: z.boolean().default(false),
});
/** `total` stops counting at SUBJECT_COUNT_CAP + 1: past "hơn 1.000" the officer narrows by name or hamlet; counting a commune of 20,000 on every page costs more than it tells. */
export const SubjectPage = z.object({ rows: z.array(SubjectDto), total: z.number().int() });
export const SUBJECT_COUNT_CAP = 1_000;
export type SubjectPage = z.infer<typeof SubjectPage>;

export const CriteriaSetDto = SyncRowDto.extend({
  /** Every version of one set shares the family id; an edit adds a version. */
  familyId: z.string(),
  version: z.number().int(),
  current: z.boolean(),
  sampleKey: z.string().nullable(),
  definition: CriteriaSetDefinition,
  /** How many evaluations were scored on this version. */
  evaluationCount: z.number().int(),
});
export type CriteriaSetDto = z.infer<typeof CriteriaSetDto>;

export const SaveCriteriaSetInput = z.object({
  /** The version being edited (a new version is made), or null for a new set. */
  fromId: RecordId.nullable(),
  definition: CriteriaSetDefinition,
});

export const AreaDto = z.object({ unitId: z.string(), area: AreaKind });
export type AreaDto = z.infer<typeof AreaDto>;

export const EvaluationDto = SyncRowDto.extend({
  subjectId: z.string().nullable(),
  subjectUnitId: z.string().nullable(),
  subjectName: z.string(),
  communeId: z.string().nullable(),
  communeName: z.string(),
  year: z.number().int(),
  title: TitleKind,
  criteriaSetId: z.string(),
  criteriaSetVersion: z.number().int(),
  area: AreaKind,
  scores: Scores,
  total: z.number().nullable(),
  resultCode: z.string().nullable(),
  resultLabel: z.string(),
  recognisedResult: z.boolean(),
  status: EvaluationStatus,
  evaluator: z.string(),
  evidence: z.string(),
  decisionId: z.string().nullable(),
});
export type EvaluationDto = z.infer<typeof EvaluationDto>;

export const Year = z.number().int().min(2000, 'Năm không hợp lệ').max(2100, 'Năm không hợp lệ');

export const CreateEvaluationInput = z
  .object({
    subjectId: RecordId.nullable().default(null),
    subjectUnitId: RecordId.nullable().default(null),
    year: Year,
    title: TitleKind,
    criteriaSetId: RecordId,
    /** Defaults to the commune's area setting. */
    area: AreaKind.optional(),
  })
  .refine((e) => (e.subjectId === null) !== (e.subjectUnitId === null), { message: 'Chọn đúng một đối tượng được đánh giá', path: ['subjectId'] });

export const SaveScoresInput = RevisedRef.extend({
  scores: Scores,
  evaluator: z.string().trim().max(200, 'Tên người đánh giá quá dài').default(''),
  evidence: z.string().trim().max(4000, 'Minh chứng quá dài').default(''),
  area: AreaKind.optional(),
});

export const AdvanceInput = RevisedRef.extend({ to: EvaluationStatus });

export const EvaluationListInput = z.object({
  year: Year.optional(),
  title: TitleKind.optional(),
  communeId: RecordId.optional(),
  status: EvaluationStatus.optional(),
  subjectId: RecordId.optional(),
});

export const DecisionFields = z.object({
  number: z.string().trim().min(1, 'Thiếu số quyết định').max(60, 'Số quyết định quá dài'),
  signedOn: IsoDate.describe('Ngày ký'),
  /** The body that recognises (UBND xã …); which body recognises which title is the office's data since the 2025 reform. */
  authority: z.string().trim().max(200, 'Tên cơ quan ban hành quá dài').default(''),
  signerTitle: z.string().trim().max(200, 'Chức vụ người ký quá dài').default(''),
  signerName: z.string().trim().min(2, 'Thiếu họ tên người ký').max(200),
  place: z.string().trim().max(100).default(''),
  title: TitleKind,
  year: Year,
  evaluationIds: z.array(RecordId).min(1, 'Quyết định cần ít nhất một đối tượng được công nhận').max(20000),
  /** The row of the authority table the decision is made from; its texts fill what the form leaves empty. */
  authorityId: RecordId.nullable().default(null),
  decider: z.string().trim().max(300, 'Chủ thể quyết định quá dài').default(''),
  recipients: z.string().trim().max(2000, 'Nơi nhận quá dài').default(''),
  basis: z.string().trim().max(4000, 'Phần căn cứ quá dài').default(''),
}).superRefine((d, ctx) => {
  // Made from a row of the authority table, the body and signer come from it unless the form says otherwise.
  if (d.authorityId !== null) return;
  if (d.authority.length < 2) ctx.addIssue({ code: 'custom', path: ['authority'], message: 'Thiếu cơ quan ban hành' });
  if (d.signerTitle.length < 2) ctx.addIssue({ code: 'custom', path: ['signerTitle'], message: 'Thiếu chức vụ người ký' });
});
export type DecisionFields = z.infer<typeof DecisionFields>;

export const DecisionDto = SyncRowDto.extend({
  number: z.string(),
  signedOn: z.string(),
  authority: z.string(),
  signerTitle: z.string(),
  signerName: z.string(),
  place: z.string(),
  title: TitleKind,
  year: z.number().int(),
  evaluationIds: z.array(z.string()),
  authorityId: z.string().nullable(),
  decider: z.string(),
  recipients: z.string(),
  basis: z.string(),
});
export type DecisionDto = z.infer<typeof DecisionDto>;

export const RecognitionCount = z.object({ communeId: z.string().nullable(), title: TitleKind, year: z.number().int(), count: z.number().int() });
export type RecognitionCount = z.infer<typeof RecognitionCount>;

const Printed = z.object({ fileName: z.string(), pdfBase64: z.string() });

/**
 * The level a title is recognised at: a commune's body recognises its own
 * subjects (one commune per decision), a province's body any in the province.
 */
export const AuthorityLevel = z.enum(['xa', 'tinh']);
export type AuthorityLevel = z.infer<typeof AuthorityLevel>;
export const AUTHORITY_LEVEL_LABELS: Record<AuthorityLevel, string> = { xa: 'Cấp xã', tinh: 'Cấp tỉnh' };

/** Written in an authority's texts, replaced when a decision is made: "Ủy ban nhân dân {xã}" → "Ủy ban nhân dân xã Tân Hộ Cơ". */
export const COMMUNE_PLACEHOLDER = '{xã}';
export const PROVINCE_PLACEHOLDER = '{tỉnh}';

export const AuthorityFields = z
  .object({
    title: TitleKind,
    level: AuthorityLevel,
    issuer: z.string().trim().min(2, 'Nhập cơ quan ban hành').max(200, 'Tên cơ quan ban hành quá dài'),
    decider: z.string().trim().max(300, 'Chủ thể quyết định quá dài').default(''),
    signerTitle: z.string().trim().min(2, 'Nhập chức vụ người ký').max(200, 'Chức vụ người ký quá dài'),
    recipients: z.string().trim().max(2000, 'Nơi nhận quá dài').default(''),
    basis: z.string().trim().max(4000, 'Phần căn cứ quá dài').default(''),
    note: z.string().trim().max(1000, 'Ghi chú quá dài').default(''),
  })
  .superRefine((a, ctx) => {
    if (a.level !== 'tinh') return;
    for (const field of ['issuer', 'decider', 'recipients', 'basis'] as const) {
      if (a[field].includes(COMMUNE_PLACEHOLDER)) ctx.addIssue({ code: 'custom', path: [field], message: `Cơ quan cấp tỉnh không dùng ${COMMUNE_PLACEHOLDER}: quyết định cấp tỉnh không thuộc riêng một xã` });
    }
  });
export type AuthorityFields = z.infer<typeof AuthorityFields>;
export type AuthorityInput = z.input<typeof AuthorityFields>;

export const AuthorityDto = SyncRowDto.extend({
  title: TitleKind,
  level: AuthorityLevel,
  issuer: z.string(),
  decider: z.string(),
  signerTitle: z.string(),
  recipients: z.string(),
  basis: z.string(),
  note: z.string(),
  sampleKey: z.string().nullable(),
});
export type AuthorityDto = z.infer<typeof AuthorityDto>;

/**
 * An authority's texts for one decision: `{xã}` becomes the commune as
 * written in documents ("xã Tân Hộ Cơ"), `{tỉnh}` the province ("tỉnh Đồng Tháp").
 * @example fillAuthorityText('Ủy ban nhân dân {xã}', { commune: 'xã Tân Hộ Cơ', province: '' }) → 'Ủy ban nhân dân xã Tân Hộ Cơ'
 */
export function fillAuthorityText(text: string, place: { commune: string; province: string }): string {
  return text.split(COMMUNE_PLACEHOLDER).join(place.commune).split(PROVINCE_PLACEHOLDER).join(place.province);
}

/** "Xã Tân Hộ Cơ" (a unit's type and name) as the middle of a sentence writes it: "xã Tân Hộ Cơ". */
export function placeInSentence(typeAndName: string): string {
  const [type = '', ...rest] = typeAndName.split(' ');
  return [type.toLocaleLowerCase('vi'), ...rest].join(' ');
}

export const titlesOps = {
  'criteria.list': query(z.object({}), z.array(CriteriaSetDto)),
  /** Installs the shipped sample sets not installed yet. */
  'criteria.installSamples': mutation(z.object({}), z.object({ installed: z.number().int() }), 'officer'),
  /** Saves a new set, or a new version of one; evaluations keep the version they were scored on. */
  'criteria.save': mutation(SaveCriteriaSetInput, CriteriaSetDto, 'officer'),
  'criteria.export': query(RecordRef, z.object({ fileName: z.string(), content: z.string() })),
  'criteria.import': mutation(z.object({ content: z.string().max(1_000_000, 'Tệp bộ tiêu chí quá lớn (tối đa 1 MB)') }), CriteriaSetDto, 'officer'),
  'areas.list': query(z.object({}), z.array(AreaDto)),
  'areas.set': mutation(z.object({ unitId: RecordId, area: AreaKind }), AreaDto, 'officer'),
  'subjects.list': query(SubjectListInput, SubjectPage),
  'subjects.get': query(RecordRef.extend({ showIdNumber: z.boolean().default(false) }), SubjectDto),
  'subjects.create': mutation(SubjectFields, SubjectDto, 'officer'),
  'subjects.update': mutation(z.intersection(SubjectFields, RevisedRef), SubjectDto, 'officer'),
  /** Tombstones the subject (audited); refused while an evaluation or a household member refers to it. */
  'subjects.delete': mutation(RevisedRef, z.object({ id: z.string() }), 'officer'),
  'evaluations.list': query(EvaluationListInput, z.array(EvaluationDto)),
  'evaluations.create': mutation(CreateEvaluationInput, EvaluationDto, 'officer'),
  'evaluations.saveScores': mutation(SaveScoresInput, EvaluationDto, 'officer'),
  'evaluations.advance': mutation(AdvanceInput, EvaluationDto, 'officer'),
  'evaluations.delete': mutation(RevisedRef, z.object({ id: z.string() }), 'officer'),
  'decisions.list': query(z.object({ year: Year.optional() }), z.array(DecisionDto)),
  'decisions.create': mutation(DecisionFields, DecisionDto, 'officer'),
  /** Tombstones the decision; its subjects go back to "Đề nghị công nhận". */
  'decisions.delete': mutation(RevisedRef, z.object({ id: z.string() }), 'officer'),
  /** The decision and its annex list printed to PDF (A4, official layout). */
  'decisions.export': query(RecordRef, Printed, 'officer'),
  /** The same decision and annex as a Word document (.docx), for offices that edit before signing. */
  'decisions.exportDocx': query(RecordRef, z.object({ fileName: z.string(), docxBase64: z.string() }), 'officer'),
  'authorities.list': query(z.object({}), z.array(AuthorityDto)),
  /** Adds the sample rows (labelled "mẫu") for titles and levels that have none. */
  'authorities.installSamples': mutation(z.object({}), z.object({ installed: z.number().int() }), 'officer'),
  /** Adds a row (no id) or saves one; one live row per title and level. */
  'authorities.save': mutation(z.intersection(AuthorityFields, z.object({ id: RecordId.optional(), rev: z.number().int().optional() })), AuthorityDto, 'officer'),
  'authorities.delete': mutation(RevisedRef, z.object({ id: z.string() }), 'officer'),
  /** Recognitions per commune, title and year: what title targets count. */
  'recognitions.list': query(z.object({ year: Year.optional(), title: TitleKind.optional() }), z.array(RecognitionCount)),
} as const;
