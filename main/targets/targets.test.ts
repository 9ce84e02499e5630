import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { aPlan, liveRows, someCommunes } from '../../tests/support/plan-fixtures.js';
import { createTestApp, type TestApp } from '../../tests/support/test-app.js';

let app: TestApp;
let planId: string;
beforeEach(async () => {
  app = await createTestApp({ today: '2023-06-01' });
  planId = (await aPlan(app)).id;
});
afterEach(() => app.close());

const LITERACY = {
  section: 'Xóa mù chữ và phổ cập giáo dục',
  text: 'Xã, thị trấn đạt chuẩn xóa mù chữ mức độ 2',
  source: 'literacyLevel2' as const,
  perCommune: true,
  milestones: [
    { year: 2025, kind: 'unitCount' as const, value: 7, total: 9, scope: 'xã, thị trấn' },
    { year: 2030, kind: 'percent' as const, value: 100 },
  ],
};

function education(unitId: string, year: number, literacyLevel: 0 | 1 | 2) {
  return app.call('units.saveEducation', { unitId, year, literacyLevel, preschoolUniversal: false, primaryLevel: 3, lowerSecondaryLevel: 2, learningCentreIT: false });
}

describe('targets.create', () => {
  it('refuses a milestone year outside the plan period, naming the milestone', async () => {
    const error = await app.fail('targets.create', { planId, section: 'A', text: 'B', milestones: [{ year: 2025, kind: 'percent', value: 40 }, { year: 2035, kind: 'percent', value: 60 }] });
    expect(error.code).toBe('VALIDATION');
    expect(error.details?.issues).toEqual([{ path: ['milestones', 1, 'year'], message: 'Mốc năm 2035 nằm ngoài giai đoạn 2021–2030 của kế hoạch' }]);
    expect(await liveRows(app, 'targets')).toEqual([]);
  });

  it('refuses the same on update', async () => {
    const target = await app.call('targets.create', { planId, section: 'A', text: 'B', milestones: [{ year: 2025, kind: 'percent', value: 40 }] });
    const error = await app.fail('targets.update', { id: target.id, rev: 1, section: 'A', text: 'B', milestones: [{ year: 2019, kind: 'percent', value: 40 }] });
    expect(error.details?.issues?.[0]?.path).toEqual(['milestones', 0, 'year']);
  });

  it('keeps a milestone with no year (the end of the period) and measures against it', async () => {
    const target = await app.call('targets.create', { planId, section: 'A', text: 'B', milestones: [{ year: null, kind: 'percent', value: 40 }] });
    expect(target.progress).toMatchObject({ milestoneYear: 2030, status: 'no_data' });
    expect(await app.call('search.query', { text: 'b', entities: ['target'] })).toHaveLength(1);
  });
});

describe('computed actuals', () => {
  it('counts the communes whose education data meets the source, and follows changes to that data', async () => {
    const [a, b, c] = await someCommunes(app, ['Tân Hộ Cơ', 'Thông Bình', 'Bình Phú']);
    await app.call('targets.create', { planId, ...LITERACY });
    await education(a!, 2022, 2);
    await education(b!, 2022, 1);
    await education(c!, 2022, 2);
    let [target] = await app.call('targets.list', { planId });
    expect(target!.progress.actual).toMatchObject({ year: 2022, value: 2, total: 3, origin: 'computed' });
    expect(target!.progress.status).toBe('on_track');
    await education(b!, 2022, 2);
    [target] = await app.call('targets.list', { planId });
    expect(target!.progress.actual).toMatchObject({ year: 2022, value: 3, total: 3 });
    expect(target!.progress.status).toBe('achieved');
    const perCommune = target!.actuals.filter((x) => x.unitId !== null && x.year === 2022);
    expect(perCommune.map((x) => x.value)).toEqual([1, 1, 1]);
  });

  it('uses the latest year with data not after today, in a percent milestone’s measure', async () => {
    app.clock.set('2027-03-01');
    const [a, b] = await someCommunes(app, ['Tân Hộ Cơ', 'Thông Bình']);
    await app.call('targets.create', { planId, ...LITERACY });
    await education(a!, 2025, 2);
    await education(b!, 2025, 0);
    await education(a!, 2026, 2);
    await education(b!, 2026, 1);
    const [target] = await app.call('targets.list', { planId });
    expect(target!.progress).toMatchObject({ milestoneYear: 2030, status: 'at_risk' });
    expect(target!.progress.actual).toMatchObject({ year: 2026, value: 50, total: null });
  });
});

describe('targets.recordActual', () => {
  it('stores a manual actual with its note and judges progress by it', async () => {
    const target = await app.call('targets.create', { planId, section: 'Mô hình học tập', text: 'Công dân học tập', milestones: [{ year: 2025, kind: 'percent', value: 40 }] });
    const after = await app.call('targets.recordActual', { targetId: target.id, year: 2022, value: 10, note: 'Báo cáo của Hội Khuyến học' });
    expect(after.progress).toMatchObject({ status: 'at_risk', actual: { value: 10, origin: 'manual', note: 'Báo cáo của Hội Khuyến học' } });
    const corrected = await app.call('targets.recordActual', { targetId: target.id, year: 2022, value: 30, note: 'Số liệu đã rà soát' });
    expect(corrected.progress.status).toBe('on_track');
    expect(await liveRows(app, 'targetActuals')).toHaveLength(1);
  });

  it('marks a past last milestone that was not reached as missed', async () => {
    app.clock.set('2031-02-01');
    const target = await app.call('targets.create', { planId, section: 'A', text: 'B', milestones: [{ year: 2030, kind: 'percent', value: 60 }] });
    const after = await app.call('targets.recordActual', { targetId: target.id, year: 2030, value: 50, note: 'Tổng kết' });
    expect(after.progress.status).toBe('missed');
  });

  it('requires a note', async () => {
    const target = await app.call('targets.create', { planId, section: 'A', text: 'B', milestones: [{ year: 2025, kind: 'percent', value: 40 }] });
    const error = await app.fail('targets.recordActual', { targetId: target.id, year: 2022, value: 10, note: '' });
    expect(error.details?.issues?.[0]?.path).toEqual(['note']);
  });
});

describe('targets.communeProgress', () => {
  it('gives each commune the per-commune targets it meets, from data and from hand-entered figures', async () => {
    const [a, b] = await someCommunes(app, ['Tân Hộ Cơ', 'Thông Bình']);
    await app.call('targets.create', { planId, ...LITERACY });
    const families = await app.call('targets.create', { planId, section: 'Mô hình', text: 'Gia đình học tập', perCommune: true, milestones: [{ year: 2025, kind: 'percent', value: 70 }] });
    await education(a!, 2023, 2);
    await education(b!, 2023, 1);
    await app.call('targets.recordActual', { targetId: families.id, year: 2023, unitId: b!, value: 75, note: 'Báo cáo xã' });
    const progress = await app.call('targets.communeProgress', { planId });
    expect(progress).toEqual([
      { unitId: a, name: 'Tân Hộ Cơ', achieved: 1, total: 2 },
      { unitId: b, name: 'Thông Bình', achieved: 1, total: 2 },
    ]);
  });
});

describe('targets.delete', () => {
  it('tombstones the target with its "trong đó" targets and actuals', async () => {
    const parent = await app.call('targets.create', { planId, section: 'A', text: 'THCS mức độ 2', milestones: [{ year: 2025, kind: 'percent', value: 100 }] });
    await app.call('targets.create', { planId, section: 'A', text: 'Trong đó mức độ 3', parentId: parent.id, milestones: [{ year: 2025, kind: 'percent', value: 30 }] });
    await app.call('targets.recordActual', { targetId: parent.id, year: 2022, value: 80, note: 'x' });
    await app.call('targets.delete', { id: parent.id, rev: 1 });
    expect(await liveRows(app, 'targets')).toEqual([]);
    expect(await liveRows(app, 'targetActuals')).toEqual([]);
  });
});

describe('targets.update tree rules', () => {
  it('refuses a "trong đó" parent that would close a loop of three', async () => {
    const milestones = [{ year: 2025, kind: 'percent' as const, value: 30 }];
    const a = await app.call('targets.create', { planId, section: 'A', text: 'A', milestones });
    const b = await app.call('targets.create', { planId, section: 'A', text: 'B', parentId: a.id, milestones });
    const c = await app.call('targets.create', { planId, section: 'A', text: 'C', parentId: b.id, milestones });
    const error = await app.fail('targets.update', { ...a, parentId: c.id });
    expect(error.details?.issues?.[0]?.path).toEqual(['parentId']);
  });
});
