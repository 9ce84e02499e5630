import { describe, expect, it } from 'vitest';
import { describeChange, valueInWords } from './audit.js';

describe('audit rows in words', () => {
  it.each([
    [null, '(trống)'],
    ['', '(trống)'],
    [true, 'Có'],
    [false, 'Không'],
    [12, '12'],
    ['2026-03-02', '02/03/2026'],
    ['2026-03-02T08:15:00.000Z', '02/03/2026 08:15'],
    ['["a","b"]', 'a; b'],
    ['[]', '(trống)'],
    ['Hội Khuyến học', 'Hội Khuyến học'],
  ])('valueInWords(%j) = %s', (value, words) => expect(valueInWords(value)).toBe(words));

  it.each([
    ['accounts', 'role', 'viewer', 'officer', 'Xem', 'Cán bộ'],
    ['tasks', 'status', 'not_started', 'done', 'Chưa thực hiện', 'Hoàn thành'],
    ['taskAgencies', 'role', 'coordinator', 'lead', 'Phối hợp', 'Chủ trì'],
    ['titleEvaluations', 'title', 'gia_dinh', 'cong_dan', 'Gia đình học tập', 'Công dân học tập'],
    ['titleSubjects', 'gender', 'nam', 'nu', 'Nam', 'Nữ'],
    // A code the list does not know, or a column without a list, stays as stored.
    ['accounts', 'role', 'auditor', 'viewer', 'auditor', 'Xem'],
    ['agencies', 'name', 'officer', 'viewer', 'officer', 'viewer'],
  ])('%s.%s: %s → %s reads "%s → %s"', (entity, field, was, now, before, after) => {
    const [change] = describeChange({ [field]: was }, { [field]: now }, entity).changes;
    expect(change).toMatchObject({ field, before, after });
  });

  it('names what happened to the record', () => {
    expect(describeChange(null, { name: 'A' }).action).toBe('created');
    expect(describeChange({ name: 'A', deletedAt: null }, { name: 'A', deletedAt: '2026-01-01T00:00:00Z' }).action).toBe('deleted');
    expect(describeChange({ name: 'A', deletedAt: '2026-01-01T00:00:00Z' }, { name: 'A', deletedAt: null }).action).toBe('restored');
    expect(describeChange({ name: 'A', rev: 1 }, { name: 'B', rev: 2 }).changes).toEqual([{ field: 'name', label: 'Tên', before: 'A', after: 'B' }]);
  });
});
