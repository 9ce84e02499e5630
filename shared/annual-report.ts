import { z } from 'zod';
import { IsoDate } from './dates.js';
import { mutation, query } from './op.js';
import type { TaskStatus } from './plan-model.js';
import { ProgressStatus } from './targets.js';
import { TitleKind } from './titles-criteria.js';

/**
 * The yearly report ("Báo cáo kết quả thực hiện kế hoạch năm Y"): the office's
 * own wording is a template kept between years, with {chỗ điền} filled from the
 * year's figures; the tables come from the data.
 */

/** The placeholders a template may use, with what each becomes. */
export const PLACEHOLDERS = [
  { name: 'năm', help: 'Năm báo cáo, ví dụ 2025' },
  { name: 'năm tới', help: 'Năm sau năm báo cáo, ví dụ 2026' },
  { name: 'tên cơ quan', help: 'Tên cơ quan trong phần Thiết lập, ví dụ Phòng Giáo dục và Đào tạo huyện Tân Hồng' },
  { name: 'địa bàn', help: 'Loại và tên địa bàn, ví dụ huyện Tân Hồng' },
  { name: 'tỉnh', help: 'Tên tỉnh, ví dụ Đồng Tháp' },
  { name: 'kế hoạch', help: 'Số các kế hoạch đang theo dõi, ví dụ Kế hoạch số 4344/KH-UBND' },
  { name: 'số xã', help: 'Số xã, thị trấn của địa bàn' },
  { name: 'số xã đạt', help: 'Số xã, thị trấn đạt tất cả các chỉ tiêu tính theo xã' },
  { name: 'số mục tiêu', help: 'Số chỉ tiêu của các kế hoạch đang theo dõi' },
  { name: 'số mục tiêu đạt', help: 'Số chỉ tiêu đạt trong năm báo cáo' },
  { name: 'số nhiệm vụ', help: 'Số nhiệm vụ đã giao (có cơ quan hoặc thời hạn)' },
  { name: 'số nhiệm vụ hoàn thành', help: 'Số nhiệm vụ hoàn thành' },
  { name: 'số nhiệm vụ đang thực hiện', help: 'Số nhiệm vụ đang thực hiện, chưa quá hạn' },
  { name: 'số nhiệm vụ quá hạn', help: 'Số nhiệm vụ quá hạn chưa hoàn thành' },
  { name: 'số báo cáo', help: 'Số báo cáo định kỳ phải gửi, nhận trong năm' },
  { name: 'số báo cáo đã gửi', help: 'Số báo cáo định kỳ đã gửi hoặc đã nhận trong năm' },
  { name: 'số danh hiệu', help: 'Số lượt được công nhận danh hiệu học tập trong năm' },
  { name: 'số giấy công nhận', help: 'Số giấy công nhận đã cấp trong năm (không tính giấy đã thu hồi)' },
] as const;
export type PlaceholderName = (typeof PLACEHOLDERS)[number]['name'];

const KNOWN = new Map<string, PlaceholderName>(PLACEHOLDERS.map((p) => [p.name, p.name]));

/** "{ Số Xã  đạt }" and "{số xã đạt}" are one placeholder: case, spacing and Unicode form do not matter. */
export const placeholderKey = (raw: string) => raw.normalize('NFC').trim().replace(/\s+/g, ' ').toLocaleLowerCase('vi');

/** The fields of a template in the order the page shows them, with their Vietnamese labels. */
export const TEMPLATE_FIELD_LABELS = {
  parentAgency: 'Cơ quan chủ quản',
  issuer: 'Cơ quan ban hành',
  numberPattern: 'Số, ký hiệu',
  place: 'Địa danh',
  subject: 'Trích yếu',
  opening: 'Mở đầu',
  assessment: 'Đánh giá chung',
  shortcomings: 'Tồn tại, hạn chế',
  nextYear: 'Phương hướng năm tới',
  proposals: 'Kiến nghị, đề xuất',
  recipients: 'Nơi nhận',
  signerTitle: 'Chức vụ người ký',
  signerName: 'Người ký',
} as const;
export type TemplateField = keyof typeof TEMPLATE_FIELD_LABELS;
export const TEMPLATE_FIELDS = Object.keys(TEMPLATE_FIELD_LABELS) as TemplateField[];

export interface TemplateIssue {
  field: TemplateField;
  message: string;
}

/**
 * What is wrong with the placeholders of one text: an unknown name, an empty
 * "{}", a brace left open or closed alone. Each message names the field and the placeholder.
 */
export function placeholderIssues(field: TemplateField, text: string): TemplateIssue[] {
  const where = `Mục “${TEMPLATE_FIELD_LABELS[field]}”`;
  const issues: TemplateIssue[] = [];
  let open = -1;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (ch === '{') {
      if (open >= 0) issues.push({ field, message: `${where}: dấu “{” ở “${text.slice(open, i + 1)}” chưa được đóng bằng “}”` });
      open = i;
    } else if (ch === '}') {
      if (open < 0) {
        issues.push({ field, message: `${where}: dấu “}” ở “${text.slice(Math.max(0, i - 15), i + 1)}” không có dấu “{” mở` });
        continue;
      }
      const name = text.slice(open + 1, i);
      if (placeholderKey(name) === '') issues.push({ field, message: `${where}: chỗ điền “{}” không có tên` });
      else if (!KNOWN.has(placeholderKey(name))) {
        issues.push({ field, message: `${where}: không có chỗ điền “{${name}}”; dùng một trong: ${PLACEHOLDERS.map((p) => `{${p.name}}`).join(', ')}` });
      }
      open = -1;
    }
  }
  if (open >= 0) issues.push({ field, message: `${where}: dấu “{” ở “${text.slice(open, open + 20)}” chưa được đóng bằng “}”` });
  return issues;
}

/** Every placeholder problem of a template, field by field in page order. */
export function templateIssues(template: Record<TemplateField, string>): TemplateIssue[] {
  return TEMPLATE_FIELDS.flatMap((field) => placeholderIssues(field, template[field]));
}

/** The text with each placeholder replaced by its value; call on a template that has no issues. */
export function fillPlaceholders(text: string, values: Record<PlaceholderName, string>): string {
  return text.replace(/\{([^{}]*)\}/g, (whole, name: string) => {
    const key = KNOWN.get(placeholderKey(name));
    return key === undefined ? whole : values[key];
  });
}

/** A prose field as paragraphs: one per non-empty line (Word paragraphs, so the office can edit each). */
export const paragraphsOf = (text: string) =>
  text
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter(Boolean);

const TemplateText = (max: number) => z.string().max(max, `Tối đa ${max} ký tự`).default('');

export const AnnualReportTemplate = z
  .object({
    parentAgency: TemplateText(200),
    issuer: z.string().trim().min(1, 'Nhập tên cơ quan ban hành').max(200, 'Tối đa 200 ký tự'),
    numberPattern: TemplateText(60),
    place: z.string().trim().min(1, 'Nhập địa danh (ví dụ Tân Hồng)').max(100, 'Tối đa 100 ký tự'),
    subject: z.string().trim().min(1, 'Nhập trích yếu của báo cáo').max(500, 'Tối đa 500 ký tự'),
    opening: TemplateText(20_000),
    assessment: TemplateText(20_000),
    shortcomings: TemplateText(20_000),
    nextYear: TemplateText(20_000),
    proposals: TemplateText(20_000),
    recipients: TemplateText(2000),
    signerTitle: TemplateText(300),
    signerName: TemplateText(100),
  })
  .superRefine((t, ctx) => {
    for (const issue of templateIssues(t)) ctx.addIssue({ code: 'custom', path: [issue.field], message: issue.message });
  });
export type AnnualReportTemplate = z.infer<typeof AnnualReportTemplate>;

/** The wording a new office starts from; the issuer facts come from the office. */
export function defaultTemplate(office: { name: string; territory: string; place: string }): AnnualReportTemplate {
  const education = placeholderKey(office.name).startsWith('phòng giáo dục');
  return {
    parentAgency: `Ủy ban nhân dân ${office.territory}`,
    issuer: office.name,
    numberPattern: education ? '       /BC-PGDĐT' : '       /BC-UBND',
    place: office.place,
    subject: 'Kết quả thực hiện kế hoạch xây dựng xã hội học tập năm {năm}',
    opening: 'Thực hiện {kế hoạch}, {tên cơ quan} báo cáo kết quả thực hiện kế hoạch xây dựng xã hội học tập trên địa bàn {địa bàn} năm {năm} như sau:',
    assessment:
      'Năm {năm}, các cơ quan, đơn vị và Ủy ban nhân dân các xã, thị trấn đã triển khai kế hoạch; đã hoàn thành {số nhiệm vụ hoàn thành}/{số nhiệm vụ} nhiệm vụ, {số mục tiêu đạt}/{số mục tiêu} chỉ tiêu đạt; {số xã đạt}/{số xã} xã, thị trấn đạt tất cả chỉ tiêu tính theo xã; {số danh hiệu} lượt được công nhận danh hiệu học tập.',
    shortcomings: 'Còn {số nhiệm vụ quá hạn} nhiệm vụ quá hạn chưa hoàn thành; một số đơn vị gửi báo cáo chưa đúng thời hạn.',
    nextYear: 'Năm {năm tới}, tiếp tục thực hiện các nhiệm vụ còn lại của kế hoạch, tập trung vào các chỉ tiêu chưa đạt.',
    proposals: '',
    recipients: 'UBND tỉnh {tỉnh} (để báo cáo);\nUBND {địa bàn} (để báo cáo);\nLưu: VT.',
    signerTitle: education ? 'TRƯỞNG PHÒNG' : 'CHỦ TỊCH',
    signerName: '',
  };
}

/** Where a task stands at the report's date: done; overdue (not done, its day passed); in progress; or not started / paused. */
export const TaskStanding = z.enum(['done', 'in_progress', 'overdue', 'waiting']);
export type TaskStanding = z.infer<typeof TaskStanding>;
export const TASK_STANDING_LABELS: Record<TaskStanding, string> = {
  done: 'Hoàn thành',
  in_progress: 'Đang thực hiện',
  overdue: 'Quá hạn',
  waiting: 'Chưa thực hiện, tạm dừng',
};

/**
 * @example taskStanding({ status: 'in_progress', overdue: true }) === 'overdue'
 */
export function taskStanding(task: { status: TaskStatus; overdue: boolean }): TaskStanding {
  if (task.status === 'done') return 'done';
  if (task.overdue) return 'overdue';
  return task.status === 'in_progress' ? 'in_progress' : 'waiting';
}

/** Whether a report due in the year was delivered on time, late, is overdue or not yet due. */
export const DutyStanding = z.enum(['on_time', 'late', 'overdue', 'pending']);
export type DutyStanding = z.infer<typeof DutyStanding>;
export const DUTY_STANDING_LABELS: Record<DutyStanding, string> = {
  on_time: 'Đúng hạn',
  late: 'Trễ hạn',
  overdue: 'Quá hạn, chưa có',
  pending: 'Chưa đến hạn',
};

/** @example dutyStanding({ deliveredOn: '2025-11-20', late: true, overdue: false }) === 'late' */
export function dutyStanding(r: { deliveredOn: string | null; late: boolean; overdue: boolean }): DutyStanding {
  if (r.deliveredOn !== null) return r.late ? 'late' : 'on_time';
  return r.overdue ? 'overdue' : 'pending';
}

export const ReportTargetRow = z.object({
  planNumber: z.string(),
  section: z.string(),
  code: z.string(),
  text: z.string(),
  milestones: z.array(z.string()),
  /** The actual judged for the year in its measure ("7/9", "45%"), with the year when it is older; '' when none. */
  actual: z.string(),
  /** Met in the year: the year's milestone when it has one, else the standing as of the report's date. */
  met: z.boolean().nullable(),
  status: ProgressStatus,
  statusLabel: z.string(),
  /** Per-commune targets: how many communes reach their own value. */
  communesMet: z.number().int().nullable(),
});
export type ReportTargetRow = z.infer<typeof ReportTargetRow>;

export const ReportCommuneRow = z.object({
  name: z.string(),
  achieved: z.number().int(),
  onTrack: z.number().int(),
  behind: z.number().int(),
  noData: z.number().int(),
  total: z.number().int(),
});
export type ReportCommuneRow = z.infer<typeof ReportCommuneRow>;

export const ReportTaskRow = z.object({
  outlineNumber: z.string(),
  text: z.string(),
  lead: z.string(),
  dueDate: IsoDate.nullable(),
  percent: z.number().nullable(),
  standing: TaskStanding,
});
export type ReportTaskRow = z.infer<typeof ReportTaskRow>;

export const StandingCounts = z.object({ total: z.number().int(), done: z.number().int(), in_progress: z.number().int(), overdue: z.number().int(), waiting: z.number().int() });
export type StandingCounts = z.infer<typeof StandingCounts>;
export const ReportLeadRow = StandingCounts.extend({ lead: z.string() });
export type ReportLeadRow = z.infer<typeof ReportLeadRow>;

/** The lead agencies' counts, most tasks first; tasks with no lead under "Chưa giao cơ quan chủ trì". */
export function countByLead(tasks: Pick<ReportTaskRow, 'lead' | 'standing'>[]): ReportLeadRow[] {
  const rows = new Map<string, ReportLeadRow>();
  for (const t of tasks) {
    const lead = t.lead || 'Chưa giao cơ quan chủ trì';
    const row = rows.get(lead) ?? { lead, total: 0, done: 0, in_progress: 0, overdue: 0, waiting: 0 };
    row.total++;
    row[t.standing]++;
    rows.set(lead, row);
  }
  return [...rows.values()].sort((a, b) => b.total - a.total || a.lead.localeCompare(b.lead, 'vi'));
}

export const ReportDutyRow = z.object({
  title: z.string(),
  from: z.string(),
  to: z.string(),
  outgoing: z.boolean(),
  period: z.string(),
  dueDate: IsoDate,
  deliveredOn: IsoDate.nullable(),
  standing: DutyStanding,
});
export type ReportDutyRow = z.infer<typeof ReportDutyRow>;

export const ReportTitleRow = z.object({
  title: TitleKind,
  label: z.string(),
  recognised: z.number().int(),
  certificates: z.number().int(),
  /** "245/QĐ-UBND ngày 15/12/2025" */
  decisions: z.array(z.string()),
});
export type ReportTitleRow = z.infer<typeof ReportTitleRow>;

export const AnnualReportFigures = z.object({
  year: z.number().int(),
  /** The day the figures stand at: the year's last day, or today within the year. */
  asOf: IsoDate,
  officeName: z.string(),
  territory: z.string(),
  province: z.string(),
  plans: z.array(z.object({ title: z.string(), number: z.string().nullable() })),
  communeCount: z.number().int(),
  communesMeetingAll: z.number().int(),
  targets: z.array(ReportTargetRow),
  communes: z.array(ReportCommuneRow),
  /** Assigned tasks (headings left out), in outline order. */
  tasks: z.array(ReportTaskRow),
  taskCounts: StandingCounts,
  leads: z.array(ReportLeadRow),
  duties: z.array(ReportDutyRow),
  titles: z.array(ReportTitleRow),
});
export type AnnualReportFigures = z.infer<typeof AnnualReportFigures>;

/** Counts per standing, the total first. */
export function countStandings(tasks: Pick<ReportTaskRow, 'standing'>[]): StandingCounts {
  const counts: StandingCounts = { total: tasks.length, done: 0, in_progress: 0, overdue: 0, waiting: 0 };
  for (const t of tasks) counts[t.standing]++;
  return counts;
}

const n = (v: number) => v.toLocaleString('vi-VN');

/** Each placeholder's value for one year's figures. */
export function placeholderValues(f: AnnualReportFigures): Record<PlaceholderName, string> {
  const numbered = f.plans.filter((p) => p.number);
  const plans =
    numbered.length === 0
      ? f.plans.length === 1
        ? `Kế hoạch “${f.plans[0]!.title}”`
        : 'các kế hoạch'
      : `Kế hoạch số ${numbered.map((p) => p.number).join(', ')}`;
  return {
    năm: String(f.year),
    'năm tới': String(f.year + 1),
    'tên cơ quan': f.officeName,
    'địa bàn': f.territory,
    tỉnh: f.province,
    'kế hoạch': plans,
    'số xã': n(f.communeCount),
    'số xã đạt': n(f.communesMeetingAll),
    'số mục tiêu': n(f.targets.length),
    'số mục tiêu đạt': n(f.targets.filter((t) => t.met === true).length),
    'số nhiệm vụ': n(f.taskCounts.total),
    'số nhiệm vụ hoàn thành': n(f.taskCounts.done),
    'số nhiệm vụ đang thực hiện': n(f.taskCounts.in_progress),
    'số nhiệm vụ quá hạn': n(f.taskCounts.overdue),
    'số báo cáo': n(f.duties.length),
    'số báo cáo đã gửi': n(f.duties.filter((d) => d.deliveredOn !== null).length),
    'số danh hiệu': n(f.titles.reduce((s, t) => s + t.recognised, 0)),
    'số giấy công nhận': n(f.titles.reduce((s, t) => s + t.certificates, 0)),
  };
}

export const ReportYear = z.number({ message: 'Chọn năm báo cáo' }).int('Năm phải là số nguyên').min(2000, 'Năm báo cáo từ 2000').max(2100, 'Năm báo cáo đến 2100');

export const AnnualReportView = z.object({
  template: AnnualReportTemplate,
  /** False while the office uses the wording XHHT ships. */
  saved: z.boolean(),
  figures: AnnualReportFigures,
  values: z.record(z.string(), z.string()),
});
export type AnnualReportView = z.infer<typeof AnnualReportView>;

export const reportOps = {
  /** The template (saved or the shipped one), the year's figures and each placeholder's value. */
  'report.get': query(z.object({ year: ReportYear }), AnnualReportView),
  /** Keeps the office's wording for later years; refused with the field and name of an unknown placeholder. */
  'report.saveTemplate': mutation(AnnualReportTemplate, AnnualReportTemplate, 'officer'),
  /** The yearly report as .docx (Nghị định 30/2020 layout), base64. */
  'report.exportDocx': query(z.object({ year: ReportYear }), z.object({ fileName: z.string(), docxBase64: z.string() })),
} as const;
