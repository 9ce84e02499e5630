import { z } from 'zod';
import { AGENCY_KIND_LABELS } from './agencies.js';
import { IsoDate } from './dates.js';
import { XlsxFile } from './list-export.js';
import { OFFICE_LEVEL_LABELS } from './office.js';
import { query, ROLE_LABELS } from './op.js';
import { COMPUTED_SOURCE_LABELS, PLAN_KIND_LABELS, PLAN_RELATION_LABELS, PLAN_STATUS_LABELS, TASK_STATUS_LABELS } from './plan-model.js';
import { MEMBER_KIND_LABELS } from './tasks.js';
import { AREA_LABELS, TITLE_LABELS } from './titles-criteria.js';
import { STATUS_LABELS } from './titles-workflow.js';
import { AUTHORITY_LEVEL_LABELS, GENDER_LABELS, ORG_KIND_LABELS, SUBJECT_KIND_LABELS } from './titles.js';

/** What happened to a record in one audit row. */
export const AuditAction = z.enum(['created', 'changed', 'deleted', 'restored']);
export type AuditAction = z.infer<typeof AuditAction>;
export const AUDIT_ACTION_LABELS: Record<AuditAction, string> = { created: 'Tạo mới', changed: 'Sửa', deleted: 'Xóa', restored: 'Khôi phục' };

export const FieldChange = z.object({ field: z.string(), label: z.string(), before: z.string(), after: z.string() });
export type FieldChange = z.infer<typeof FieldChange>;

export const AuditEntryDto = z.object({
  seq: z.number().int(),
  at: z.string(),
  /** The login of the account that made the change (or the OS user for commands run on the PC). */
  actor: z.string(),
  /** The account's name, when the actor is an account. */
  actorName: z.string().nullable(),
  operation: z.string(),
  entity: z.string(),
  entityLabel: z.string(),
  recordId: z.string(),
  recordLabel: z.string(),
  action: AuditAction,
  changes: z.array(FieldChange),
});
export type AuditEntryDto = z.infer<typeof AuditEntryDto>;

export const JournalFilter = z.object({
  actor: z.string().max(120).optional(),
  entity: z.string().max(60).optional(),
  from: IsoDate.optional(),
  to: IsoDate.optional(),
});
export type JournalFilter = z.infer<typeof JournalFilter>;

export const JournalPage = z.object({
  rows: z.array(AuditEntryDto),
  total: z.number().int(),
  /** Everyone who has changed something, for the person filter. */
  actors: z.array(z.object({ actor: z.string(), name: z.string().nullable() })),
  /** Every kind of record changed at least once, for the kind filter. */
  entities: z.array(z.object({ entity: z.string(), label: z.string() })),
});
export type JournalPage = z.infer<typeof JournalPage>;

/** The most rows one .xlsx export holds; a wider journal is narrowed by its filters first. */
export const MAX_JOURNAL_EXPORT_ROWS = 50_000;

export const auditOps = {
  /** Every change of one record, newest first. */
  'audit.history': query(z.object({ recordId: z.string().min(1).max(60) }), z.array(AuditEntryDto)),
  'audit.journal': query(JournalFilter.extend({ offset: z.number().int().min(0).default(0), limit: z.number().int().min(1).max(200).default(50) }), JournalPage),
  /** The filtered journal as an .xlsx workbook (newest first). */
  'audit.exportJournal': query(JournalFilter, XlsxFile),
} as const;

/** Kinds of record as a person names them. */
export const ENTITY_LABELS: Record<string, string> = {
  office: 'Cơ quan (thông tin chung)',
  accounts: 'Tài khoản',
  units: 'Đơn vị hành chính',
  unitFigures: 'Số liệu đơn vị',
  unitEducation: 'Tình trạng giáo dục',
  agencies: 'Cơ quan, đơn vị phối hợp',
  plans: 'Kế hoạch',
  planReferences: 'Căn cứ của kế hoạch',
  componentPlans: 'Kế hoạch thành phần',
  targets: 'Chỉ tiêu',
  targetActuals: 'Kết quả chỉ tiêu',
  targetUnitValues: 'Chỉ tiêu từng xã',
  tasks: 'Nhiệm vụ',
  taskAgencies: 'Phân công nhiệm vụ',
  taskCommunes: 'Xã thực hiện nhiệm vụ',
  taskProgress: 'Báo cáo tiến độ',
  taskOccurrences: 'Kỳ thực hiện nhiệm vụ',
  reportingDuties: 'Chế độ báo cáo',
  reportReceipts: 'Báo cáo đã gửi/nhận',
  dutyOccurrences: 'Kỳ báo cáo',
  evidenceFiles: 'Tệp minh chứng',
  evidenceSettings: 'Cài đặt minh chứng',
  criteriaSets: 'Bộ tiêu chí',
  titleAreas: 'Khu vực xét danh hiệu',
  titleSubjects: 'Đối tượng xét danh hiệu',
  titleEvaluations: 'Đánh giá danh hiệu',
  titleDecisions: 'Quyết định công nhận',
  titleDecisionEntries: 'Danh sách công nhận',
  titleAuthorities: 'Cấp công nhận danh hiệu',
  titleImportPresets: 'Mẫu nhập danh sách',
  certificates: 'Giấy chứng nhận',
  backupSettings: 'Cài đặt sao lưu',
  backups: 'Bản sao lưu',
  restores: 'Khôi phục dữ liệu',
};

export const entityLabel = (entity: string): string => ENTITY_LABELS[entity] ?? entity;

/** Field names as the forms call them; a field not listed shows under its own name. */
export const FIELD_LABELS: Record<string, string> = {
  folder: 'Thư mục',
  daily: 'Hằng ngày',
  encrypted: 'Có mật khẩu',
  name: 'Tên',
  shortName: 'Tên viết tắt',
  code: 'Mã',
  kind: 'Loại',
  type: 'Loại',
  level: 'Cấp',
  login: 'Tên đăng nhập',
  role: 'Vai trò',
  active: 'Đang hoạt động',
  title: 'Tiêu đề',
  text: 'Nội dung',
  number: 'Số',
  status: 'Trạng thái',
  percent: 'Tỷ lệ hoàn thành (%)',
  note: 'Ghi chú',
  contact: 'Liên hệ',
  address: 'Địa chỉ',
  deadline: 'Thời hạn',
  due: 'Thời hạn',
  doneOn: 'Ngày hoàn thành',
  reportedOn: 'Ngày báo cáo',
  deliveredOn: 'Ngày gửi/nhận',
  receivedOn: 'Ngày nhận',
  recordedOn: 'Ngày ghi nhận',
  signedOn: 'Ngày ký',
  issuedOn: 'Ngày cấp',
  decisionDate: 'Ngày quyết định',
  decisionNumber: 'Số quyết định',
  year: 'Năm',
  period: 'Kỳ',
  periodKey: 'Kỳ',
  periodStart: 'Từ năm',
  periodEnd: 'Đến năm',
  fromYear: 'Từ năm',
  toYear: 'Đến năm',
  value: 'Giá trị',
  total: 'Tổng',
  count: 'Số lượng',
  section: 'Mục',
  position: 'Thứ tự',
  parentId: 'Thuộc',
  planId: 'Kế hoạch',
  taskId: 'Nhiệm vụ',
  targetId: 'Chỉ tiêu',
  unitId: 'Đơn vị',
  agencyId: 'Cơ quan',
  leadAgencyId: 'Cơ quan chủ trì',
  coordinatorAgencyIds: 'Cơ quan phối hợp',
  memberKind: 'Nhóm thực hiện',
  memberIds: 'Thành viên của nhóm',
  memberId: 'Thành viên',
  ownerNote: 'Ghi chú chủ trì',
  isRequest: 'Là đề nghị',
  households: 'Số hộ',
  clans: 'Số dòng họ',
  adults: 'Số người lớn',
  workingAge: 'Số người trong độ tuổi lao động',
  officials: 'Số cán bộ, công chức',
  organisations: 'Số cơ quan, tổ chức',
  milestones: 'Mốc',
  population: 'Đối tượng tính tỷ lệ',
  issuingBody: 'Cơ quan ban hành',
  generalObjective: 'Mục tiêu chung',
  difficulties: 'Khó khăn',
  proposals: 'Đề xuất',
  authority: 'Cấp có thẩm quyền',
  signerName: 'Người ký',
  signerTitle: 'Chức vụ người ký',
  place: 'Nơi ký',
  basis: 'Căn cứ',
  evaluator: 'Người đánh giá',
  scores: 'Điểm',
  evidence: 'Minh chứng',
  idNumber: 'Số định danh',
  birthYear: 'Năm sinh',
  gender: 'Giới tính',
  ethnicity: 'Dân tộc',
  religion: 'Tôn giáo',
  representative: 'Người đại diện',
  provinceName: 'Tỉnh',
  levelNames: 'Tên các cấp',
  size: 'Dung lượng',
  mime: 'Kiểu tệp',
  recordTable: 'Loại bản ghi',
  recordId: 'Bản ghi',
  relation: 'Quan hệ',
  citation: 'Trích dẫn',
  to: 'Gửi đến',
  reason: 'Lý do',
  deletedAt: 'Đã xóa lúc',
};

/**
 * Stored codes shown as the words the forms use ("Cán bộ", not "officer"),
 * by table and column: the same column name holds different lists in
 * different tables (an agency's kind, a plan's kind, a subject's kind).
 */
const VALUE_LABELS: Record<string, Record<string, string>> = {
  'accounts.role': ROLE_LABELS,
  'office.level': OFFICE_LEVEL_LABELS,
  'agencies.kind': AGENCY_KIND_LABELS,
  'plans.kind': PLAN_KIND_LABELS,
  'plans.status': PLAN_STATUS_LABELS,
  'planReferences.relation': PLAN_RELATION_LABELS,
  'targets.source': COMPUTED_SOURCE_LABELS,
  'tasks.status': TASK_STATUS_LABELS,
  'tasks.memberKind': MEMBER_KIND_LABELS,
  'taskProgress.status': TASK_STATUS_LABELS,
  'taskOccurrences.status': TASK_STATUS_LABELS,
  'taskAgencies.role': { lead: 'Chủ trì', coordinator: 'Phối hợp' },
  'reportingDuties.memberKind': MEMBER_KIND_LABELS,
  'criteriaSets.title': TITLE_LABELS,
  'titleAreas.area': AREA_LABELS,
  'titleSubjects.kind': SUBJECT_KIND_LABELS,
  'titleSubjects.gender': GENDER_LABELS,
  'titleSubjects.orgKind': ORG_KIND_LABELS,
  'titleEvaluations.title': TITLE_LABELS,
  'titleEvaluations.area': AREA_LABELS,
  'titleEvaluations.status': STATUS_LABELS,
  'titleDecisions.title': TITLE_LABELS,
  'titleAuthorities.title': TITLE_LABELS,
  'titleAuthorities.level': AUTHORITY_LEVEL_LABELS,
  'certificates.title': TITLE_LABELS,
  'certificateTemplates.title': TITLE_LABELS,
};

/** Columns every synchronised row carries; they change with every save and say nothing a person asked for. */
const BOOKKEEPING = new Set(['id', 'originOfficeId', 'createdAt', 'updatedAt', 'rev', 'deletedAt', 'nameFolded', 'folded', 'passwordHash', 'failedLogins', 'lockedUntil', 'lastLoginAt']);

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const ISO_INSTANT = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})/;

/** A stored value in words: dates as dd/mm/yyyy, booleans as Có/Không, empty as "(trống)". */
export function valueInWords(value: unknown): string {
  if (value === null || value === undefined || value === '') return '(trống)';
  if (typeof value === 'boolean') return value ? 'Có' : 'Không';
  if (typeof value === 'number') return String(value);
  if (typeof value === 'string') {
    const date = ISO_DATE.exec(value);
    if (date) return `${date[3]}/${date[2]}/${date[1]}`;
    const instant = ISO_INSTANT.exec(value);
    if (instant) return `${instant[3]}/${instant[2]}/${instant[1]} ${instant[4]}:${instant[5]}`;
    const json = parsedJson(value);
    return json === undefined ? value : valueInWords(json);
  }
  if (Array.isArray(value)) return value.length === 0 ? '(trống)' : value.map((v) => valueInWords(v)).join('; ');
  return JSON.stringify(value);
}

/** JSON objects and arrays stored as text (a deadline, a list of ids); plain text stays text. */
function parsedJson(text: string): unknown {
  if (!/^[[{]/.test(text)) return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

type Row = Record<string, unknown> | null;

/** A stored value of `entity`.`field` in words, its code named as the forms name it. */
function fieldValueInWords(entity: string | undefined, field: string, value: unknown): string {
  const labels = entity ? VALUE_LABELS[`${entity}.${field}`] : undefined;
  return typeof value === 'string' && labels?.[value] !== undefined ? labels[value]! : valueInWords(value);
}

/** What one audit row of `entity` did, and each field it changed, in words. */
export function describeChange(before: Row, after: Row, entity?: string): { action: AuditAction; changes: FieldChange[] } {
  const action: AuditAction = before === null ? 'created' : after === null || (after.deletedAt && !before.deletedAt) ? 'deleted' : before.deletedAt && !after.deletedAt ? 'restored' : 'changed';
  const fields = [...new Set([...Object.keys(before ?? {}), ...Object.keys(after ?? {})])].filter((f) => !BOOKKEEPING.has(f));
  const changes: FieldChange[] = [];
  for (const field of fields) {
    const was = before?.[field];
    const now = after?.[field];
    if (action === 'changed' && JSON.stringify(was) === JSON.stringify(now)) continue;
    if (action === 'deleted' || action === 'restored') continue;
    if (action === 'created' && (now === null || now === '' || now === undefined)) continue;
    changes.push({ field, label: FIELD_LABELS[field] ?? field, before: before === null ? '' : fieldValueInWords(entity, field, was), after: fieldValueInWords(entity, field, now) });
  }
  return { action, changes };
}

/** How a record is named in the journal: its name, title, number or text, whichever it has. */
export function recordLabelOf(row: Row): string {
  if (!row) return '';
  for (const field of ['name', 'title', 'number', 'code', 'text', 'login', 'periodKey']) {
    const value = row[field];
    if (typeof value === 'string' && value.trim() !== '') return value.length > 80 ? `${value.slice(0, 79)}…` : value;
  }
  return '';
}
