import { describe, expect, it } from 'vitest';
import { CriteriaSetDefinition, checkScores, explainResult, indicatorsOf, maxTotal, scoreEvaluation, type AreaKind, type CriteriaSetDefinition as SetDef, type Scores } from './titles-criteria.js';
import { SAMPLE_NOTE, SAMPLE_SETS } from './titles-samples.js';

const sample = (key: string): SetDef => SAMPLE_SETS.find((s) => s.key === key)!.definition;
const citizen = sample('cdht-nong-dan');
const unit = sample('dvht');
const communeLevels = sample('cdht-xa');
const family = sample('gdht');

/** Every point indicator at `points` (capped at its max), pass/fail met, then the overrides. */
function form(set: SetDef, points: number, overrides: Scores = {}): Scores {
  const base = Object.fromEntries(indicatorsOf(set.criteria).map((i) => [i.code, i.kind === 'points' ? Math.min(points, i.max) : 1]));
  return { ...base, ...overrides };
}

/** Spreads a total over the ten indicators in half points, as evenly as it goes. */
function citizenForm(total: number, overrides: Scores = {}): Scores {
  const codes = indicatorsOf(citizen.criteria).map((i) => i.code);
  const halves = Math.round(total * 2);
  const each = Math.floor(halves / codes.length);
  const scores: Scores = Object.fromEntries(codes.map((c, i) => [c, (each + (i < halves % codes.length ? 1 : 0)) / 2]));
  return { ...scores, ...overrides };
}

describe('the shipped samples', () => {
  it('are all labelled as samples and parse', () => {
    expect(SAMPLE_SETS.length).toBeGreaterThanOrEqual(9);
    for (const s of SAMPLE_SETS) expect(s.definition.note).toBe(SAMPLE_NOTE);
  });

  it.each([
    ['cdht-nong-dan', 3, 10, 100],
    ['cdht-cong-chuc', 3, 10, 100],
    ['gdht', 4, 9, 100],
    ['dhht', 4, 7, 100],
    ['cdhtt', 4, 8, 100],
    ['cdht-xa', 4, 8, 100],
    ['dvht', 3, 10, 100],
  ] as const)('%s has %d criteria, %d indicators, %d points', (key, criteria, indicators, points) => {
    const set = sample(key);
    expect(set.criteria).toHaveLength(criteria);
    expect(indicatorsOf(set.criteria)).toHaveLength(indicators);
    expect(maxTotal(set.criteria)).toBe(points);
  });
});

describe('Công dân học tập: 80 with no indicator under 5, or 70 in difficult areas', () => {
  it.each<[string, Scores, AreaKind, string | null]>([
    ['80 evenly', citizenForm(80), 'thuong', 'dat'],
    ['100', citizenForm(100), 'thuong', 'dat'],
    ['79.5', citizenForm(79.5), 'thuong', 'khong_dat'],
    ['79.5 in a difficult area', citizenForm(79.5), 'kho_khan', 'dat'],
    ['70 in a difficult area', citizenForm(70), 'kho_khan', 'dat'],
    ['69.5 in a difficult area', citizenForm(69.5), 'kho_khan', 'khong_dat'],
    ['70 in an ordinary area', citizenForm(70), 'thuong', 'khong_dat'],
    ['95 with one indicator at 4.5', form(citizen, 10, { '2.3': 4.5 }), 'thuong', 'khong_dat'],
    ['95 with one indicator at exactly 5', form(citizen, 10, { '2.3': 5 }), 'thuong', 'dat'],
    ['85 with one indicator at 4 in a difficult area', form(citizen, 10, { '1.1': 4, '1.2': 6, '1.3': 5 }), 'kho_khan', 'khong_dat'],
    ['one indicator not scored', (() => { const s = citizenForm(100); delete s['3.3']; return s; })(), 'thuong', null],
  ])('%s → %s', (_name, scores, area, expected) => {
    expect(checkScores(citizen, scores)).toEqual([]);
    expect(scoreEvaluation(citizen, scores, area).result?.code ?? null).toBe(expected);
  });

  it('reports the total, the floors missed and why', () => {
    const score = scoreEvaluation(citizen, form(citizen, 9, { '1.1': 4, '3.2': 3.5 }), 'thuong');
    expect(score).toMatchObject({ total: 79.5, maxTotal: 100, belowFloor: ['1.1', '3.2'], missing: [], result: { code: 'khong_dat', label: 'Không đạt', recognised: false } });
    expect(explainResult(citizen, score, 'thuong')).toBe('Không đạt (tổng 79,5 điểm dưới ngưỡng 80; chỉ số dưới điểm sàn: 1.1, 3.2)');
  });

  it('adds half points without drifting off the threshold', () => {
    const scores = form(citizen, 8, { '1.1': 7.5, '1.2': 8.5 });
    expect(scoreEvaluation(citizen, scores, 'thuong')).toMatchObject({ total: 80, result: { code: 'dat' } });
  });
});

describe('grades and levels', () => {
  it.each([
    ['Đơn vị học tập', unit, 100, 'tot'],
    ['Đơn vị học tập', unit, 85, 'tot'],
    ['Đơn vị học tập', unit, 84.5, 'kha'],
    ['Đơn vị học tập', unit, 70, 'kha'],
    ['Đơn vị học tập', unit, 69.5, 'trung_binh'],
    ['Đơn vị học tập', unit, 50, 'trung_binh'],
    ['Đơn vị học tập', unit, 49.5, 'khong_dat'],
    ['Cộng đồng học tập cấp xã', communeLevels, 90, 'muc_3'],
    ['Cộng đồng học tập cấp xã', communeLevels, 89.5, 'muc_2'],
    ['Cộng đồng học tập cấp xã', communeLevels, 75, 'muc_2'],
    ['Cộng đồng học tập cấp xã', communeLevels, 60, 'muc_1'],
    ['Cộng đồng học tập cấp xã', communeLevels, 59.5, 'khong_dat'],
  ] as const)('%s: %d points → %s', (_name, set, total, expected) => {
    const codes = indicatorsOf(set.criteria).map((i) => i.code);
    // Full marks everywhere, then take the shortfall off the first indicator(s).
    const scores = form(set, 100);
    let shortfall = maxTotal(set.criteria) - total;
    for (const code of codes) {
      const take = Math.min(shortfall, scores[code]!);
      scores[code] = scores[code]! - take;
      shortfall -= take;
    }
    expect(scoreEvaluation(set, scores, 'thuong').result?.code).toBe(expected);
  });

  it('gives Đơn vị học tập the label "Chưa đạt" below 50', () => {
    expect(scoreEvaluation(unit, form(unit, 4), 'thuong').result).toEqual({ code: 'khong_dat', label: 'Chưa đạt', recognised: false });
  });

  it('fails a family that misses a pass/fail indicator whatever its points', () => {
    const score = scoreEvaluation(family, form(family, 100, { '4.3': 0 }), 'thuong');
    expect(score).toMatchObject({ total: 100, failed: ['4.3'], result: { code: 'khong_dat' } });
  });
});

describe('checkScores names the indicator', () => {
  it.each<[Scores, string]>([
    [{ '1.1': 11 }, 'chỉ số 1.1 "Có kế hoạch học tập cá nhân hằng năm": điểm 11 ngoài khoảng 0–10'],
    [{ '2.2': -1 }, 'chỉ số 2.2 "Khai thác thông tin và dịch vụ công trực tuyến": điểm -1 ngoài khoảng 0–10'],
    [{ '3.1': 7.3 }, 'chỉ số 3.1 "Tham gia các hoạt động cộng đồng, đoàn thể": điểm 7,3 phải là số nguyên hoặc nửa điểm'],
    [{ '9.9': 5 }, 'Bộ tiêu chí không có chỉ số 9.9'],
  ])('%o', (scores, message) => {
    expect(checkScores(citizen, scores)).toEqual([{ indicator: Object.keys(scores)[0], message }]);
  });

  it('takes only 0 or 1 for a pass/fail indicator', () => {
    expect(checkScores(family, { '4.3': 2 })[0]?.message).toBe(
      'chỉ số 4.3 "Không có thành viên vi phạm pháp luật, mắc tệ nạn xã hội": chỉ nhận Đạt (1) hoặc Không đạt (0), không nhận 2',
    );
    expect(checkScores(family, { '4.3': 0, '1.1': 15 })).toEqual([]);
  });
});

describe('a criteria set definition', () => {
  const base = { ...citizen, levels: [...citizen.levels] };
  it.each<[string, unknown, string]>([
    [
      'duplicate indicator codes',
      { ...base, criteria: [citizen.criteria[0], { ...citizen.criteria[1], indicators: [{ code: '1.1', name: 'Lặp', kind: 'points', max: 10, floor: null }] }] },
      'Mã chỉ số "1.1" bị trùng',
    ],
    ['a threshold above the maximum', { ...base, levels: [{ code: 'dat', label: 'Đạt', minTotal: 120 }] }, 'Ngưỡng 120 của mức "Đạt" vượt tổng điểm tối đa 100'],
    [
      'levels out of order',
      { ...base, levels: [{ code: 'kha', label: 'Khá', minTotal: 70 }, { code: 'tot', label: 'Tốt', minTotal: 85 }] },
      'Các mức kết quả phải xếp từ cao xuống thấp',
    ],
    [
      'a floor above the maximum',
      { ...base, criteria: [{ code: '1', name: 'A', indicators: [{ code: 'a', name: 'A', kind: 'points', max: 10, floor: 12 }] }], levels: [{ code: 'dat', label: 'Đạt', minTotal: 5 }] },
      'Điểm sàn của chỉ số a lớn hơn điểm tối đa',
    ],
    ['no criteria', { ...base, criteria: [] }, 'Bộ tiêu chí cần ít nhất một tiêu chí'],
  ])('refuses %s', (_name, input, message) => {
    const parsed = CriteriaSetDefinition.safeParse(input);
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues.map((i) => i.message)).toContain(message);
  });
});
