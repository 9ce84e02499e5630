import { describe, expect, it } from 'vitest';
import {
  AnnualReportTemplate,
  countByLead,
  defaultTemplate,
  dutyStanding,
  fillPlaceholders,
  PLACEHOLDERS,
  placeholderIssues,
  taskStanding,
  templateIssues,
  type PlaceholderName,
} from './annual-report.js';

const VALUES = Object.fromEntries(PLACEHOLDERS.map((p) => [p.name, `<${p.name}>`])) as Record<PlaceholderName, string>;

describe('placeholders of the yearly report template', () => {
  it.each([
    ['plain text', 'Năm nay hoàn thành tốt.', []],
    ['known names', 'Năm {năm}, {tên cơ quan} có {số xã đạt}/{số xã} xã đạt.', []],
    ['case and spacing do not matter', 'Năm { Năm  Tới }', []],
    ['an unknown name is named', 'Có {số hộ} hộ', ['Mục “Mở đầu”: không có chỗ điền “{số hộ}”']],
    ['an empty pair', 'Năm {}', ['Mục “Mở đầu”: chỗ điền “{}” không có tên']],
    ['a brace left open', 'Năm {năm đến nay', ['Mục “Mở đầu”: dấu “{” ở “{năm đến nay” chưa được đóng bằng “}”']],
    ['a brace closed alone', 'Năm năm} nay', ['Mục “Mở đầu”: dấu “}” ở “Năm năm}” không có dấu “{” mở']],
    ['an open brace before another', 'Năm {năm {năm}', ['Mục “Mở đầu”: dấu “{” ở “{năm {” chưa được đóng bằng “}”']],
    ['two unknown names, in order', '{a} và {b}', ['Mục “Mở đầu”: không có chỗ điền “{a}”', 'Mục “Mở đầu”: không có chỗ điền “{b}”']],
  ])('%s', (_name, text, expected) => {
    const messages = placeholderIssues('opening', text).map((i) => i.message);
    expect(messages).toHaveLength(expected.length);
    messages.forEach((m, i) => expect(m.startsWith(expected[i]!)).toBe(true));
  });

  it('lists the names it knows when one is unknown', () => {
    expect(placeholderIssues('assessment', '{số nhiệm vụ xong}')[0]!.message).toContain('{số nhiệm vụ hoàn thành}');
  });

  it.each([
    ['Năm {năm}, năm tới {năm tới}', 'Năm <năm>, năm tới <năm tới>'],
    ['{ SỐ XÃ ĐẠT }/{số xã}', '<số xã đạt>/<số xã>'],
    ['không có chỗ điền', 'không có chỗ điền'],
    ['{tên cơ quan} {tên cơ quan}', '<tên cơ quan> <tên cơ quan>'],
  ])('fills %j', (text, expected) => {
    expect(fillPlaceholders(text, VALUES)).toBe(expected);
  });

  it('refuses a template naming the field and the unknown placeholder, and accepts the shipped wording', () => {
    const shipped = defaultTemplate({ name: 'Phòng Giáo dục và Đào tạo huyện Tân Hồng', territory: 'huyện Tân Hồng', place: 'Tân Hồng' });
    expect(templateIssues(shipped)).toEqual([]);
    expect(AnnualReportTemplate.safeParse(shipped).success).toBe(true);
    const parsed = AnnualReportTemplate.safeParse({ ...shipped, recipients: 'UBND {huyện}' });
    expect(parsed.success).toBe(false);
    expect(parsed.error!.issues.map((i) => [i.path.join('.'), i.message.split(';')[0]])).toEqual([['recipients', 'Mục “Nơi nhận”: không có chỗ điền “{huyện}”']]);
  });

  it('ships the education office its own number and signer, other offices the committee ones', () => {
    expect(defaultTemplate({ name: 'Phòng Giáo dục và Đào tạo huyện Tân Hồng', territory: 'huyện Tân Hồng', place: 'Tân Hồng' }).numberPattern).toContain('/BC-PGDĐT');
    expect(defaultTemplate({ name: 'Hội Khuyến học tỉnh Đồng Tháp', territory: 'tỉnh Đồng Tháp', place: 'Đồng Tháp' }).signerTitle).toBe('CHỦ TỊCH');
  });
});

describe('standings the report counts', () => {
  it.each([
    [{ status: 'done', overdue: false }, 'done'],
    [{ status: 'done', overdue: true }, 'done'],
    [{ status: 'in_progress', overdue: false }, 'in_progress'],
    [{ status: 'in_progress', overdue: true }, 'overdue'],
    [{ status: 'not_started', overdue: true }, 'overdue'],
    [{ status: 'not_started', overdue: false }, 'waiting'],
    [{ status: 'paused', overdue: false }, 'waiting'],
  ] as const)('task %j is %s', (task, expected) => {
    expect(taskStanding(task)).toBe(expected);
  });

  it.each([
    [{ deliveredOn: '2025-11-14', late: false, overdue: false }, 'on_time'],
    [{ deliveredOn: '2025-11-20', late: true, overdue: false }, 'late'],
    [{ deliveredOn: null, late: false, overdue: true }, 'overdue'],
    [{ deliveredOn: null, late: false, overdue: false }, 'pending'],
  ] as const)('report %j is %s', (report, expected) => {
    expect(dutyStanding(report)).toBe(expected);
  });

  it('counts tasks per lead, most first, unassigned under its own name', () => {
    const rows = countByLead([
      { lead: 'Hội Khuyến học', standing: 'done' },
      { lead: 'Phòng GD&ĐT', standing: 'overdue' },
      { lead: 'Phòng GD&ĐT', standing: 'done' },
      { lead: '', standing: 'waiting' },
    ]);
    expect(rows).toEqual([
      { lead: 'Phòng GD&ĐT', total: 2, done: 1, in_progress: 0, overdue: 1, waiting: 0 },
      { lead: 'Chưa giao cơ quan chủ trì', total: 1, done: 0, in_progress: 0, overdue: 0, waiting: 1 },
      { lead: 'Hội Khuyến học', total: 1, done: 1, in_progress: 0, overdue: 0, waiting: 0 },
    ]);
  });
});
