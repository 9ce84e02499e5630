import { describe, expect, it } from 'vitest';
import type { Criterion } from './titles-criteria.js';
import { CDHT_PRESET, IMPORT_FIELDS, applyPreset, guessMapping, importFields, templatePreset } from './titles-import.js';

const criteria: Criterion[] = [
  {
    code: '1',
    name: 'Tự học',
    indicators: [
      { code: '1.1', name: 'Tự học qua sách báo', kind: 'points', max: 10, floor: 5 },
      { code: '1.2', name: 'Tham gia lớp học', kind: 'points', max: 10, floor: 5 },
      { code: '1.10', name: 'Không vi phạm pháp luật', kind: 'passFail' },
    ],
  },
];

describe('guessMapping', () => {
  it.each([
    ['the national CDHT form', 'person', ['STT', 'CCCD', 'Họ tên', 'Giới tính', 'Năm sinh', 'Dân tộc', 'Tôn giáo', 'Tỉnh', 'Xã'], { idNumber: 'CCCD', name: 'Họ tên', gender: 'Giới tính', birthYear: 'Năm sinh', ethnicity: 'Dân tộc', religion: 'Tôn giáo', province: 'Tỉnh', commune: 'Xã' }],
    ['headers typed without diacritics, in capitals, with spaces or a slash', 'person', ['HO VA TEN', '  nam sinh ', 'Thôn/Ấp', 'xa'], { name: 'HO VA TEN', birthYear: '  nam sinh ', hamlet: 'Thôn/Ấp', commune: 'xa' }],
    ['XHHT template labels', 'household', ['Tên hộ (chủ hộ)', 'Địa chỉ', 'Xã', 'Ấp', 'Ghi chú'], { name: 'Tên hộ (chủ hộ)', address: 'Địa chỉ', commune: 'Xã', hamlet: 'Ấp', note: 'Ghi chú' }],
    ['a household list headed "Chủ hộ"', 'household', ['Chủ hộ', 'Thôn'], { name: 'Chủ hộ', hamlet: 'Thôn' }],
    ['a clan list', 'clan', ['Dòng họ', 'Trưởng tộc', 'Xã'], { name: 'Dòng họ', representative: 'Trưởng tộc', commune: 'Xã' }],
    ['an organisation list', 'organisation', ['Tên đơn vị', 'Loại hình', 'Cấp', 'Xã'], { name: 'Tên đơn vị', orgKind: 'Loại hình', orgLevel: 'Cấp', commune: 'Xã' }],
    ['one header serves one field only', 'person', ['Tên', 'Tên'], { name: 'Tên' }],
    ['nothing recognisable', 'person', ['A', 'B', ''], {}],
  ] as const)('%s', (_what, kind, headers, expected) => {
    expect(guessMapping(importFields(kind), headers)).toEqual(expected);
  });

  it.each([
    ['the code alone', ['Họ tên', '1.1', '1.2', '1.10'], { 'score:1.1': '1.1', 'score:1.2': '1.2', 'score:1.10': '1.10' }],
    ['"Chỉ số" and the code', ['Họ tên', 'Chỉ số 1.1', 'CHI SO 1.2', 'Chỉ số 1.10'], { 'score:1.1': 'Chỉ số 1.1', 'score:1.2': 'CHI SO 1.2', 'score:1.10': 'Chỉ số 1.10' }],
    ['the code then the name, 1.1 not taken by 1.10', ['Họ tên', '1.10. Không vi phạm', '1.1 Tự học', '1.2 - Lớp học'], { 'score:1.1': '1.1 Tự học', 'score:1.2': '1.2 - Lớp học', 'score:1.10': '1.10. Không vi phạm' }],
    ['the indicator name', ['Họ tên', 'Tự học qua sách báo'], { 'score:1.1': 'Tự học qua sách báo' }],
  ] as const)('evaluation scores by %s', (_what, headers, scores) => {
    expect(guessMapping(importFields('evaluation', criteria), headers)).toEqual({ name: 'Họ tên', ...scores });
  });
});

describe('presets', () => {
  it('the CDHT preset maps the form as the national software heads it, whatever the spelling', () => {
    const { mapping, missing } = applyPreset(CDHT_PRESET, ['cccd', 'HỌ TÊN', 'Giới tính', 'Năm sinh', 'Dân tộc', 'Tôn giáo', 'Tỉnh', 'Xã', 'Ấp']);
    expect(missing).toEqual([]);
    expect(mapping).toMatchObject({ idNumber: 'cccd', name: 'HỌ TÊN', commune: 'Xã' });
    expect(Object.keys(mapping)).toHaveLength(8);
  });

  it('names the headers a preset expects and the sheet lacks', () => {
    expect(applyPreset(CDHT_PRESET, ['Họ tên', 'Xã']).missing).toEqual(['CCCD', 'Giới tính', 'Năm sinh', 'Dân tộc', 'Tôn giáo', 'Tỉnh']);
  });

  it('a template preset is headed by the field labels, so a filled template maps itself', () => {
    for (const kind of ['person', 'household', 'clan', 'organisation'] as const) {
      const preset = templatePreset(kind);
      expect(Object.keys(preset.columns)).toEqual(Object.keys(IMPORT_FIELDS[kind]));
      expect(guessMapping(importFields(kind), Object.values(preset.columns))).toEqual(preset.columns);
    }
    const evaluation = templatePreset('evaluation', criteria);
    expect(evaluation.columns['score:1.10']).toBe('1.10 Không vi phạm pháp luật');
    expect(guessMapping(importFields('evaluation', criteria), Object.values(evaluation.columns))).toEqual(evaluation.columns);
  });
});
