import type { FormInstance } from 'antd';
import { describe, expect, it } from 'vitest';
import { AppError, type FieldIssue } from '../../shared/errors';
import { applyIssuesToForm, issuesOf, renameIssueFields, toAppError, type IssuePath } from './errors';

const UNEXPECTED = 'Đã xảy ra lỗi không mong muốn. Hãy thử lại; nếu vẫn lỗi, hãy khởi động lại XHHT.';

const validation = (...issues: FieldIssue[]) => new AppError('VALIDATION', 'Dữ liệu chưa hợp lệ', { issues });

describe('toAppError', () => {
  it('passes an AppError through as the same object', () => {
    const error = new AppError('IN_USE', 'Không xóa được: đơn vị đang được dùng trong kế hoạch');
    expect(toAppError(error)).toBe(error);
  });

  it.each<[string, unknown, string]>([
    ['an Error', new TypeError('Failed to fetch'), 'Failed to fetch'],
    ['a thrown string', 'Mất kết nối', 'Mất kết nối'],
    ['undefined', undefined, 'undefined'],
    ['null', null, 'null'],
    ['a number', 42, '42'],
    ['a plain object', { code: 'X' }, '[object Object]'],
  ])('turns %s into an INTERNAL error that keeps the cause', (_what, thrown, cause) => {
    const error = toAppError(thrown);
    expect(error).toBeInstanceOf(AppError);
    expect(error.code).toBe('INTERNAL');
    expect(error.message).toBe(UNEXPECTED);
    expect(error.details).toEqual({ cause });
  });
});

describe('issuesOf', () => {
  const issues: FieldIssue[] = [
    { path: ['code'], message: 'Mã đơn vị không được để trống' },
    { path: ['figures', 0, 'households'], message: 'Số hộ gia đình không được âm' },
  ];

  it.each<[string, unknown, FieldIssue[]]>([
    ['an AppError with issues', validation(...issues), issues],
    ['an AppError without issues', new AppError('NOT_FOUND', 'Không tìm thấy đơn vị'), []],
    ['a plain Error', new Error('boom'), []],
    ['an object that looks like an AppError', { code: 'VALIDATION', details: { issues } }, []],
    ['undefined', undefined, []],
  ])('reads %s', (_what, error, expected) => {
    expect(issuesOf(error)).toEqual(expected);
  });
});

describe('renameIssueFields', () => {
  const rename = renameIssueFields({ levelNames: 'levelNamesText', '0': 'rows' });

  it.each<[IssuePath, IssuePath]>([
    [['levelNames'], ['levelNamesText']],
    [['levelNames', 2], ['levelNamesText', 2]],
    [[0, 'code'], ['rows', 'code']],
    [['name'], ['name']],
    [['territory', 'levelNames'], ['territory', 'levelNames']],
    [[], []],
  ])('maps %j to %j', (path, expected) => {
    expect(rename(path)).toEqual(expected);
  });

  it('does not change the path it is given', () => {
    const path: IssuePath = ['levelNames', 1];
    rename(path);
    expect(path).toEqual(['levelNames', 1]);
  });
});

/** Only what applyIssuesToForm uses of antd's FormInstance. */
function fakeForm(names: IssuePath[]) {
  const calls: { name: IssuePath; errors: string[] }[][] = [];
  const form = {
    getFieldsError: () => names.map((name) => ({ name, errors: [], warnings: [] })),
    setFields: (fields: { name: IssuePath; errors: string[] }[]) => {
      calls.push(fields);
    },
  };
  return { form: form as unknown as FormInstance, calls };
}

// The target editor: plain fields, then each milestone's parts.
const TARGET_FIELDS: IssuePath[] = [['section'], ['text'], ['milestones', 0, 'year'], ['milestones', 0, 'value'], ['milestones', 1, 'year'], ['milestones', 1, 'value']];

describe('applyIssuesToForm', () => {
  it.each<[string, IssuePath, IssuePath]>([
    ['a plain field on itself', ['text'], ['text']],
    ["a milestone's part on that part", ['milestones', 1, 'year'], ['milestones', 1, 'year']],
    ['a path deeper than any field on the deepest field it falls under', ['milestones', 0, 'value', 'min'], ['milestones', 0, 'value']],
    ["a milestone as a whole on that milestone's first field", ['milestones', 1], ['milestones', 1, 'year']],
    ['the whole list on its first field', ['milestones'], ['milestones', 0, 'year']],
    ['an index given as text on the numbered field', ['milestones', '1', 'value'], ['milestones', 1, 'value']],
  ])('puts an issue on %s', (_what, path, field) => {
    const { form, calls } = fakeForm(TARGET_FIELDS);
    const unmatched = applyIssuesToForm(form, validation({ path, message: 'Năm phải trong kỳ kế hoạch 2021–2030' }));
    expect(unmatched).toEqual([]);
    expect(calls).toEqual([[{ name: field, errors: ['Năm phải trong kỳ kế hoạch 2021–2030'] }]]);
  });

  it.each<[IssuePath, IssuePath]>([
    [['milestones', 1, 'year'], ['milestones', 1, 'year']],
    [['milestones', 1, 'value'], ['milestones']],
    [['milestones', 0], ['milestones']],
  ])('with a list-level field too, puts %j on the deepest field naming it, %j', (path, field) => {
    const { form, calls } = fakeForm([['milestones'], ['text'], ['milestones', 1, 'year']]);
    expect(applyIssuesToForm(form, validation({ path, message: 'Năm không hợp lệ' }))).toEqual([]);
    expect(calls).toEqual([[{ name: field, errors: ['Năm không hợp lệ'] }]]);
  });

  it('sets every field with issues in one call, joining the messages of one field without repeating them', () => {
    const { form, calls } = fakeForm(TARGET_FIELDS);
    applyIssuesToForm(
      form,
      validation(
        { path: ['section'], message: 'Nhóm mục tiêu không được để trống' },
        { path: ['milestones', 0, 'value'], message: 'Giá trị không được âm' },
        { path: ['milestones', 0, 'value'], message: 'Giá trị không được âm' },
        { path: ['milestones', 0, 'value', 'max'], message: 'Tỷ lệ tối đa 100%' },
      ),
    );
    expect(calls).toEqual([
      [
        { name: ['section'], errors: ['Nhóm mục tiêu không được để trống'] },
        { name: ['milestones', 0, 'value'], errors: ['Giá trị không được âm', 'Tỷ lệ tối đa 100%'] },
      ],
    ]);
  });

  it('returns, in order, the issues no field can show', () => {
    const { form, calls } = fakeForm(TARGET_FIELDS);
    const whole: FieldIssue = { path: [], message: 'Mục tiêu cần ít nhất một mốc' };
    const elsewhere: FieldIssue = { path: ['population'], message: 'Chọn số liệu làm mẫu số' };
    const beyond: FieldIssue = { path: ['milestones', 2, 'year'], message: 'Năm không hợp lệ' };
    const shown: FieldIssue = { path: ['text'], message: 'Nội dung mục tiêu không được để trống' };
    expect(applyIssuesToForm(form, validation(whole, elsewhere, shown, beyond))).toEqual([whole, elsewhere, beyond]);
    expect(calls).toEqual([[{ name: ['text'], errors: ['Nội dung mục tiêu không được để trống'] }]]);
  });

  it('maps issue paths to form fields before placing them', () => {
    const { form, calls } = fakeForm([['name'], ['provinceName'], ['levelNamesText']]);
    const unmatched = applyIssuesToForm(
      form,
      validation({ path: ['levelNames', 1], message: 'Tên cấp không được để trống' }),
      renameIssueFields({ levelNames: 'levelNamesText' }),
    );
    expect(unmatched).toEqual([]);
    expect(calls).toEqual([[{ name: ['levelNamesText'], errors: ['Tên cấp không được để trống'] }]]);
  });

  it('returns the original issue, not the mapped one, when the mapped path has no field', () => {
    const { form } = fakeForm([['name']]);
    const issue: FieldIssue = { path: ['levelNames', 1], message: 'Tên cấp không được để trống' };
    expect(applyIssuesToForm(form, validation(issue), renameIssueFields({ levelNames: 'levelNamesText' }))).toEqual([issue]);
  });

  it.each<[string, unknown]>([
    ['an error with no issues', new AppError('CONFLICT', 'Bản ghi đã được người khác sửa')],
    ['an unexpected error', new Error('boom')],
  ])('sets no field errors for %s', (_what, error) => {
    const { form, calls } = fakeForm(TARGET_FIELDS);
    expect(applyIssuesToForm(form, error)).toEqual([]);
    expect(calls).toEqual([[]]);
  });

  it('shows every issue in the alert when the form has no fields', () => {
    const { form } = fakeForm([]);
    const issue: FieldIssue = { path: ['code'], message: 'Mã đơn vị không được để trống' };
    expect(applyIssuesToForm(form, validation(issue))).toEqual([issue]);
  });
});
