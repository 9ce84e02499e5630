import { describe, expect, it } from 'vitest';
import type { MeasureKind, Qualifier } from '../../../shared/plan-model';
import type { ActualDto, MilestoneDto, TargetDto } from '../../../shared/targets';
import { actualText, capitalize, groupBySection, measureKindOf, measureText, milestoneText } from './targetText';

const milestone = (kind: MeasureKind, value: number, over: Partial<MilestoneDto> = {}): MilestoneDto => ({
  year: 2025,
  span: 'once',
  kind,
  value,
  total: null,
  scope: '',
  qualifier: null,
  wording: '',
  unitValues: [],
  ...over,
});

const actual = (year: number, value: number, over: Partial<ActualDto> = {}): ActualDto => ({
  year,
  unitId: null,
  value,
  total: null,
  count: null,
  origin: 'computed',
  note: '',
  ...over,
});

const target = (id: string, position: number, section: string, text: string, over: Partial<TargetDto> = {}): TargetDto => ({
  id,
  originOfficeId: 'office-tan-hong',
  createdAt: '2021-10-06T08:00:00.000Z',
  updatedAt: '2021-10-06T08:00:00.000Z',
  rev: 1,
  planId: 'plan-xhht-2021-2030',
  position,
  section,
  code: '',
  text,
  parentId: null,
  population: null,
  populationLabel: '',
  source: null,
  titleSource: null,
  perCommune: false,
  milestones: [],
  actuals: [],
  progress: { milestone: null, milestoneYear: null, actual: null, status: 'no_data', percent: null, checkpoints: [] },
  communes: [],
  ...over,
});

describe('capitalize', () => {
  it.each([
    ['đạt', 'Đạt'],
    ['chưa đạt (huyện)', 'Chưa đạt (huyện)'],
    ['ấp Gò Chòi', 'Ấp Gò Chòi'],
    ['40%', '40%'],
    ['Đã đạt', 'Đã đạt'],
    ['', ''],
  ])('%j → %j', (text, expected) => {
    expect(capitalize(text)).toBe(expected);
  });
});

describe('measureText', () => {
  it.each<[MeasureKind, number, number | null, string | undefined, string]>([
    ['percent', 40, null, undefined, '40%'],
    ['percent', 12.345, null, undefined, '12,35%'],
    ['percent', 95, null, 'số hộ gia đình', '95% số hộ gia đình'],
    ['unitCount', 7, 9, 'xã, thị trấn', '7/9 xã, thị trấn'],
    ['unitCount', 7, 9, undefined, '7/9'],
    ['unitCount', 6, null, 'xã', '6 xã'],
    ['count', 1200, null, 'hộ', '1.200 hộ'],
    ['count', 3, null, '', '3'],
    ['boolean', 1, null, undefined, 'đạt'],
    ['boolean', 0, null, undefined, 'chưa đạt'],
    ['boolean', 0.5, null, undefined, 'chưa đạt'],
    ['boolean', 1, null, 'huyện', 'đạt (huyện)'],
    ['boolean', 0, null, 'huyện', 'chưa đạt (huyện)'],
  ])('%s %d of %j in %j reads %j', (kind, value, total, scope, expected) => {
    expect(measureText(kind, value, total, scope)).toBe(expected);
  });
});

describe('milestoneText', () => {
  it.each<[string, MilestoneDto, string]>([
    ['a qualified unit count', milestone('unitCount', 7, { total: 9, scope: 'xã, thị trấn', qualifier: 'phan_dau' }), '2025: Phấn đấu 7/9 xã, thị trấn'],
    ['a percentage with no qualifier', milestone('percent', 100, { year: 2030, scope: 'xã' }), '2030: 100% xã'],
    ['a count about so many', milestone('count', 1200, { year: 2022, scope: 'hộ', qualifier: 'khoang' }), '2022: Khoảng 1.200 hộ'],
    ['a yes/no with no qualifier, capitalised', milestone('boolean', 1, { scope: 'huyện' }), '2025: Đạt (huyện)'],
    ['a yes/no kept up', milestone('boolean', 1, { qualifier: 'duy_tri' }), '2025: Duy trì đạt'],
    ['a fraction at least', milestone('percent', 12.5, { qualifier: 'it_nhat' }), '2025: Ít nhất 12,5%'],
    ['every year of the period', milestone('count', 120, { year: null, span: 'yearly', scope: 'lớp', qualifier: 'it_nhat' }), 'Mỗi năm: Ít nhất 120 lớp'],
    ['every year from 2027', milestone('count', 120, { year: 2027, span: 'yearly', scope: 'lớp' }), 'Mỗi năm từ 2027: 120 lớp'],
    ['a cumulative total', milestone('count', 600, { year: null, span: 'cumulative', scope: 'lớp' }), 'Tổng đến 2030: 600 lớp'],
    ['values of their own', milestone('percent', 40, { year: 2027, unitValues: [{ unitId: 'u1', value: 70 }, { unitId: 'u2', value: 70 }] }), '2027: 40% (2 xã có giá trị riêng)'],
  ])('writes %s', (_what, m, expected) => {
    expect(milestoneText(m, 2030)).toBe(expected);
  });

  it.each<[Qualifier | null, string]>([
    [null, '2030: 80%'],
    ['phan_dau', '2030: Phấn đấu 80%'],
  ])('dates a milestone with no year at the end of the period (qualifier %s)', (qualifier, expected) => {
    expect(milestoneText(milestone('percent', 80, { year: null, qualifier }), 2030)).toBe(expected);
  });
});

describe('measureKindOf', () => {
  it.each<[string, Partial<TargetDto>, MeasureKind]>([
    [
      'the milestone measured against',
      {
        milestones: [milestone('count', 5), milestone('percent', 80)],
        progress: { milestone: milestone('percent', 80), milestoneYear: 2025, actual: null, status: 'no_data', percent: null, checkpoints: [] },
      },
      'percent',
    ],
    ['the first milestone when none is measured against', { milestones: [milestone('unitCount', 7, { total: 9 }), milestone('percent', 80)] }, 'unitCount'],
    ['a count when the target has no milestone', {}, 'count'],
  ])('is %s', (_what, over, expected) => {
    expect(measureKindOf(target('t', 1, 'Mục tiêu chung', 'Xây dựng xã hội học tập', over))).toBe(expected);
  });
});

describe('actualText', () => {
  it.each<[string, ActualDto, MeasureKind, string]>([
    ['a computed unit count', actual(2024, 6, { total: 9 }), 'unitCount', 'Thực tế 2024: 6/9 (tự tính)'],
    ['a unit count without its total, never "6/?"', actual(2024, 6), 'unitCount', 'Thực tế 2024: 6 (tự tính)'],
    ['a count of communes after a merger against a percentage', actual(2024, 6, { total: 8 }), 'percent', 'Thực tế 2024: 6/8 = 75% (tự tính)'],
    ['a manual percentage with its source', actual(2024, 35, { origin: 'manual', note: 'báo cáo của Hội Khuyến học' }), 'percent', 'Thực tế 2024: 35% (nhập tay: báo cáo của Hội Khuyến học)'],
    ['a manual figure with no note', actual(2023, 1250, { origin: 'manual' }), 'count', 'Thực tế 2023: 1.250 (nhập tay)'],
    ['a computed yes/no', actual(2022, 1), 'boolean', 'Thực tế 2022: Đạt (tự tính)'],
    ['a manual no', actual(2022, 0, { origin: 'manual', note: 'Phòng GD&ĐT' }), 'boolean', 'Thực tế 2022: Chưa đạt (nhập tay: Phòng GD&ĐT)'],
  ])('writes %s', (_what, a, kind, expected) => {
    expect(actualText(a, kind)).toBe(expected);
  });
});

describe('groupBySection', () => {
  const MAM_NON = 'Giáo dục mầm non';
  const XMC = 'Xóa mù chữ';
  const HTCD = 'Trung tâm học tập cộng đồng';

  const summary = (groups: ReturnType<typeof groupBySection>) => groups.map((g) => [g.section, g.items.map((i) => [i.target.id, i.depth])]);

  it('groups in the order sections first appear, each "trong đó" target right after its parent', () => {
    const targets = [
      target('xmc-1', 4, XMC, '100% xã đạt chuẩn xóa mù chữ mức độ 2'),
      target('mn-1-a', 5, MAM_NON, 'trong đó: trẻ 5 tuổi', { parentId: 'mn-1' }),
      target('mn-2', 3, MAM_NON, 'Duy trì phổ cập giáo dục mầm non cho trẻ 5 tuổi'),
      target('mn-1', 1, MAM_NON, 'Tỷ lệ huy động trẻ đến trường'),
      target('htcd-1', 2, HTCD, 'Trung tâm học tập cộng đồng hoạt động hiệu quả'),
      target('mn-1-a-i', 6, MAM_NON, 'trong đó: trẻ dân tộc thiểu số', { parentId: 'mn-1-a' }),
    ];
    expect(summary(groupBySection(targets))).toEqual([
      [
        MAM_NON,
        [
          ['mn-1', 0],
          ['mn-1-a', 1],
          ['mn-1-a-i', 2],
          ['mn-2', 0],
        ],
      ],
      [HTCD, [['htcd-1', 0]]],
      [XMC, [['xmc-1', 0]]],
    ]);
  });

  it('keeps a "trong đó" target with its parent even when it names another section', () => {
    const targets = [target('mn-1', 1, MAM_NON, 'Tỷ lệ huy động trẻ'), target('x', 2, XMC, 'trong đó: vùng khó khăn', { parentId: 'mn-1' })];
    expect(summary(groupBySection(targets))).toEqual([
      [
        MAM_NON,
        [
          ['mn-1', 0],
          ['x', 1],
        ],
      ],
    ]);
  });

  it('shows a target whose parent is gone at the top of its own section', () => {
    const targets = [target('mn-1', 1, MAM_NON, 'Tỷ lệ huy động trẻ'), target('xmc-2', 2, XMC, 'trong đó: người 15–35 tuổi', { parentId: 'deleted' })];
    expect(summary(groupBySection(targets))).toEqual([
      [MAM_NON, [['mn-1', 0]]],
      [XMC, [['xmc-2', 0]]],
    ]);
  });

  it('keeps the target objects in the items', () => {
    const only = target('mn-1', 1, MAM_NON, 'Tỷ lệ huy động trẻ');
    expect(groupBySection([only])).toEqual([{ section: MAM_NON, items: [{ target: only, depth: 0 }] }]);
  });

  it('returns no sections for no targets', () => {
    expect(groupBySection([])).toEqual([]);
  });
});
