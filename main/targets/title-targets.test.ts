import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { aPlan } from '../../tests/support/plan-fixtures.js';
import { createTestApp, type TestApp } from '../../tests/support/test-app.js';

/**
 * Targets that count titles: "40% người lớn … đạt danh hiệu Công dân học
 * tập" computes from the recognitions of live decisions over the adults of
 * the same year, for the territory and per commune, on a real SQLite file.
 */
let app: TestApp;
let planId: string;
let communes: { a: string; b: string; hamletA: string; hamletB: string };

beforeEach(async () => {
  app = await createTestApp({ today: '2026-03-01' });
  planId = (await aPlan(app)).id;
  const root = (await app.call('office.status', {})).office!.rootUnitId;
  const a = await app.call('units.create', { parentId: root, code: '870-01', name: 'Tân Hộ Cơ', type: 'Xã' });
  const b = await app.call('units.create', { parentId: root, code: '870-02', name: 'Thông Bình', type: 'Xã' });
  const hamletA = await app.call('units.create', { parentId: a.id, code: '870-01-01', name: 'Gò Chòi', type: 'Ấp' });
  const hamletB = await app.call('units.create', { parentId: b.id, code: '870-02-01', name: 'Cà Vàng', type: 'Ấp' });
  communes = { a: a.id, b: b.id, hamletA: hamletA.id, hamletB: hamletB.id };
  const figures = { households: 4, clans: 1, workingAge: 5, officials: 1, organisations: 1 };
  await app.call('units.saveFigures', { unitId: a.id, year: 2025, adults: 4, ...figures });
  await app.call('units.saveFigures', { unitId: b.id, year: 2025, adults: 6, ...figures });
  await app.call('criteria.installSamples', {});
  await app.call('authorities.installSamples', {});
});
afterEach(() => app.close());

const CITIZENS = {
  section: 'Xây dựng các mô hình học tập',
  text: '40% người lớn trong các gia đình, dòng họ, cộng đồng học tập đạt danh hiệu “Công dân học tập”',
  population: 'adults' as const,
  titleSource: 'cong_dan' as const,
  perCommune: true,
  milestones: [{ year: 2025, kind: 'percent' as const, value: 40 }],
};

/** A person carried to "Đề nghị công nhận" for Công dân học tập 2025 with 9 points on every indicator. */
async function proposed(name: string, hamletId: string, year = 2025) {
  const set = (await app.call('criteria.list', {})).find((s) => s.sampleKey === 'cdht-nong-dan' && s.current)!;
  const person = await app.call('subjects.create', { kind: 'person', name, unitId: hamletId, birthYear: 1980, gender: 'nam', labourGroup: 'Nông dân' });
  const created = await app.call('evaluations.create', { subjectId: person.id, year, title: 'cong_dan', criteriaSetId: set.id });
  const scores = Object.fromEntries(set.definition.criteria.flatMap((c) => c.indicators.map((i) => [i.code, 9])));
  let e = await app.call('evaluations.saveScores', { id: created.id, rev: created.rev, scores, evaluator: 'Ban khuyến học ấp' });
  for (const to of ['tu_danh_gia', 'xa_tham_dinh', 'de_nghi'] as const) e = await app.call('evaluations.advance', { id: e.id, rev: e.rev, to });
  return e;
}

async function decide(number: string, evaluationIds: string[], year = 2025) {
  const authority = (await app.call('authorities.list', {})).find((x) => x.title === 'cong_dan' && x.level === 'xa')!;
  return app.call('decisions.create', { number, signedOn: '2025-12-20', authorityId: authority.id, signerName: 'Trần Văn Ký', title: 'cong_dan', year, evaluationIds });
}

const targetOf = async () => (await app.call('targets.list', { planId }))[0]!;

describe('title targets', () => {
  it('recomputes from recognitions when a decision is added or withdrawn, per commune and for the territory', async () => {
    await app.call('targets.create', { planId, ...CITIZENS });
    const a1 = await proposed('Nguyễn Văn Một', communes.hamletA);
    const a2 = await proposed('Nguyễn Văn Hai', communes.hamletA);
    const b1 = await proposed('Trần Thị Ba', communes.hamletB);
    expect((await targetOf()).actuals).toEqual([]);

    const first = await decide('15/QĐ-UBND', [a1.id, a2.id]);
    let target = await targetOf();
    // 2 of the territory's 10 adults; Tân Hộ Cơ 2 of 4, Thông Bình none of 6.
    expect(Object.fromEntries(target.actuals.map((x) => [x.unitId ?? 'territory', [x.year, x.value, x.count, x.origin]]))).toEqual({
      territory: [2025, 20, 2, 'computed'],
      [communes.a]: [2025, 50, 2, 'computed'],
      [communes.b]: [2025, 0, 0, 'computed'],
    });
    expect(target.actuals).toHaveLength(3);
    expect(target.actuals[0]!.note).toBe('2/10 người lớn đạt “Công dân học tập” năm 2025');
    expect(target.progress).toMatchObject({ milestoneYear: 2025, status: 'missed' });
    expect(target.communes.find((c) => c.unitId === communes.a)?.status).toBe('achieved');

    const second = await decide('16/QĐ-UBND', [b1.id]);
    target = await targetOf();
    expect(target.actuals.find((x) => x.unitId === null)).toMatchObject({ value: 30, count: 3 });
    expect(target.actuals.find((x) => x.unitId === communes.b)).toMatchObject({ value: 16.67, count: 1 });

    await app.call('decisions.delete', { id: first.id, rev: first.rev });
    await app.call('decisions.delete', { id: second.id, rev: second.rev });
    // No decision left for 2025: no figure, rather than a measured zero.
    expect((await targetOf()).actuals).toEqual([]);
  });

  it('counts a title as a plain number when the milestones are counts, and has no share where the yearly figure is missing', async () => {
    await app.call('targets.create', { planId, ...CITIZENS, population: null, perCommune: false, milestones: [{ year: 2025, kind: 'count', value: 2 }] });
    await app.call('targets.create', { planId, ...CITIZENS, text: 'Tỷ lệ năm 2026', milestones: [{ year: 2026, kind: 'percent', value: 40 }] });
    const a1 = await proposed('Nguyễn Văn Một', communes.hamletA);
    await decide('15/QĐ-UBND', [a1.id]);
    const a2 = await proposed('Nguyễn Văn Hai', communes.hamletA, 2026);
    await decide('3/QĐ-UBND', [a2.id], 2026);
    const [count, share] = await app.call('targets.list', { planId });
    expect(count!.actuals.map((x) => [x.year, x.value, x.note])).toEqual([
      [2025, 1, '1 được công nhận “Công dân học tập” năm 2025'],
      [2026, 1, '1 được công nhận “Công dân học tập” năm 2026'],
    ]);
    expect(count!.progress.status).toBe('missed');
    // No adults entered for 2026: no share that year, and the 2026 milestone is judged on 2025's.
    expect(share!.actuals.filter((x) => x.unitId === null).map((x) => [x.year, x.value])).toEqual([[2025, 10]]);
    expect(share!.progress).toMatchObject({ milestoneYear: 2026, actual: { year: 2025 } });
  });

  it.each([
    ['a unit count', { milestones: [{ year: 2025, kind: 'unitCount' as const, value: 2, total: 2 }] }, ['milestones', 0, 'kind'], 'Mốc 1: mục tiêu đếm danh hiệu “Công dân học tập” dùng cách đo “Tỷ lệ” hoặc “Số lượng”'],
    ['a percentage of no figure', { population: null }, ['population'], 'Tỷ lệ đạt danh hiệu “Công dân học tập” cần chọn “Tính tỷ lệ trên” (người lớn, hộ gia đình …)'],
    ['a commune standard as well', { source: 'literacyLevel2' as const }, ['titleSource'], 'Mục tiêu chỉ tự tính từ một nguồn: chuẩn của xã hoặc danh hiệu “Công dân học tập”'],
    [
      'two measures',
      { milestones: [{ year: 2025, kind: 'percent' as const, value: 40 }, { year: 2030, kind: 'count' as const, value: 900 }] },
      ['milestones', 1, 'kind'],
      'Mốc 2: các mốc của mục tiêu đếm danh hiệu dùng cùng một cách đo',
    ],
  ])('refuses a title target with %s, naming the field', async (_name, change, path, message) => {
    const error = await app.fail('targets.create', { planId, ...CITIZENS, ...change });
    expect(error.code).toBe('VALIDATION');
    expect(error.details?.issues).toContainEqual({ path, message });
    expect(await app.call('targets.list', { planId })).toEqual([]);
  });
});
