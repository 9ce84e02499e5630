import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { aPlan, liveRows, someCommunes } from '../../tests/support/plan-fixtures.js';
import type { TargetDto } from '../../shared/targets.js';
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
    // 1 of 2 communes in 2025 against 7/9: the 2025 milestone passed unmet, and says so before the one of 2030.
    expect(target!.progress).toMatchObject({ milestoneYear: 2025, status: 'missed', percent: 64 });
    expect(target!.progress.actual).toMatchObject({ year: 2025, value: 1, total: 2 });
    expect(target!.progress.checkpoints.map((c) => [c.year, c.met])).toEqual([
      [2025, false],
      [2030, false],
    ]);
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
      { unitId: a, name: 'Tân Hộ Cơ', achieved: 1, onTrack: 0, behind: 0, noData: 1, total: 2 },
      { unitId: b, name: 'Thông Bình', achieved: 1, onTrack: 0, behind: 1, noData: 0, total: 2 },
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

describe('per-commune milestone values', () => {
  // "thị trấn Sa Rài 70% năm 2027; các xã còn lại 40%", judged in 2028.
  async function familiesTarget(communes: string[]) {
    const [town] = communes;
    return app.call('targets.create', {
      planId,
      section: 'Mô hình học tập',
      text: 'Gia đình học tập',
      perCommune: true,
      milestones: [{ year: 2027, kind: 'percent', value: 40, unitValues: [{ unitId: town!, value: 70 }] }],
    });
  }
  const standing = (t: TargetDto, id: string) => t.communes.find((c) => c.unitId === id)!;

  it('judges each commune against its own value, keeps the values as link rows, and the home chart counts the same', async () => {
    app.clock.set('2028-02-01');
    const [town, xa, other] = await someCommunes(app, ['Sa Rài', 'Tân Hộ Cơ', 'Thông Bình']);
    const target = await familiesTarget([town!, xa!, other!]);
    expect(target.milestones[0]!.unitValues).toEqual([{ unitId: town, value: 70 }]);
    for (const [unitId, value] of [[town, 65], [xa, 45], [other, 30]] as const) {
      await app.call('targets.recordActual', { targetId: target.id, year: 2027, unitId: unitId!, value, note: 'Báo cáo xã' });
    }
    const [after] = await app.call('targets.list', { planId });
    // 45% against the xã's 40% is met; 65% against the town's own 70% is not, though it beats 40%.
    expect(standing(after!, xa!)).toMatchObject({ status: 'achieved', milestone: { value: 40 }, percent: 100 });
    expect(standing(after!, town!)).toMatchObject({ status: 'missed', milestoneYear: 2027, milestone: { value: 70 }, percent: 92 });
    expect(standing(after!, other!)).toMatchObject({ status: 'missed', percent: 75 });
    expect(await app.call('targets.communeProgress', { planId })).toEqual([
      { unitId: town, name: 'Sa Rài', achieved: 0, onTrack: 0, behind: 1, noData: 0, total: 1 },
      { unitId: xa, name: 'Tân Hộ Cơ', achieved: 1, onTrack: 0, behind: 0, noData: 0, total: 1 },
      { unitId: other, name: 'Thông Bình', achieved: 0, onTrack: 0, behind: 1, noData: 0, total: 1 },
    ]);
    const rows = await app.ctx.db.selectFrom('targetUnitValues').selectAll().where('deletedAt', 'is', null).execute();
    expect(rows.map((r) => [r.year, r.unitId, r.value])).toEqual([[2027, town, 70]]);
  });

  it('keeps an unchanged value’s row across an edit and tombstones a removed one', async () => {
    const [town, xa] = await someCommunes(app, ['Sa Rài', 'Tân Hộ Cơ']);
    const target = await familiesTarget([town!, xa!]);
    const [first] = await app.ctx.db.selectFrom('targetUnitValues').selectAll().execute();
    const milestone = { ...target.milestones[0]!, unitValues: [{ unitId: town!, value: 70 }, { unitId: xa!, value: 50 }] };
    const edited = await app.call('targets.update', { ...target, milestones: [milestone] });
    const rows = await app.ctx.db.selectFrom('targetUnitValues').selectAll().where('deletedAt', 'is', null).execute();
    expect(rows.find((r) => r.unitId === town)).toMatchObject({ id: first!.id, rev: 1 });
    await app.call('targets.update', { ...edited, milestones: [{ ...milestone, unitValues: [{ unitId: xa!, value: 50 }] }] });
    const town2 = await app.ctx.db.selectFrom('targetUnitValues').selectAll().where('unitId', '=', town!).executeTakeFirstOrThrow();
    expect(town2.deletedAt).not.toBeNull();
    const audit = await app.ctx.db.selectFrom('auditLog').select(['entity']).where('entity', '=', 'targetUnitValues').execute();
    expect(audit).toHaveLength(3);
  });

  it('refuses values on a target not followed per commune, and a unit that is not a commune', async () => {
    const [town] = await someCommunes(app, ['Sa Rài']);
    const notPerCommune = await app.fail('targets.create', { planId, section: 'A', text: 'B', milestones: [{ year: 2027, kind: 'percent', value: 40, unitValues: [{ unitId: town!, value: 70 }] }] });
    expect(notPerCommune.details?.issues?.[0]).toEqual({ path: ['milestones', 0, 'unitValues'], message: 'Mốc 1: giá trị riêng từng xã chỉ dùng khi mục tiêu được theo dõi từng xã' });
    const root = (await app.call('office.status', {})).office!.rootUnitId;
    const notCommune = await app.fail('targets.create', { planId, section: 'A', text: 'B', perCommune: true, milestones: [{ year: 2027, kind: 'percent', value: 40, unitValues: [{ unitId: root, value: 70 }] }] });
    expect(notCommune.details?.issues?.[0]?.path).toEqual(['milestones', 0, 'unitValues', 0, 'unitId']);
  });

  it('keeps a commune with its own value from being deleted', async () => {
    const [town, xa] = await someCommunes(app, ['Sa Rài', 'Tân Hộ Cơ']);
    await familiesTarget([town!, xa!]);
    const unit = (await app.call('units.tree', {})).find((u) => u.id === town)!;
    const error = await app.fail('units.delete', { id: unit.id, rev: unit.rev });
    expect(error.message).toContain('giá trị mục tiêu riêng');
  });
});

describe('targets over the years', () => {
  it('sets every year of the period with one yearly entry, and judges a cumulative total on the sum', async () => {
    app.clock.set('2027-03-01');
    const target = await app.call('targets.create', {
      planId,
      section: 'Xóa mù chữ',
      text: 'Mở lớp xóa mù chữ',
      milestones: [
        { year: null, kind: 'count', value: 120, span: 'yearly', qualifier: 'it_nhat', scope: 'lớp' },
        { year: null, kind: 'count', value: 1000, span: 'cumulative', scope: 'lớp' },
      ],
    });
    expect(target.progress.checkpoints.filter((c) => c.milestone.span === 'yearly').map((c) => c.year)).toEqual([2021, 2022, 2023, 2024, 2025, 2026, 2027, 2028, 2029, 2030]);
    for (const [year, value] of [[2024, 130], [2025, 125], [2026, 100]] as const) {
      await app.call('targets.recordActual', { targetId: target.id, year, value, note: 'Báo cáo năm' });
    }
    const [after] = await app.call('targets.list', { planId });
    // 2026 had 100 classes against at least 120: that year is missed, whatever the total.
    expect(after!.progress).toMatchObject({ status: 'missed', milestoneYear: 2026, actual: { value: 100 } });
    const total = after!.progress.checkpoints.find((c) => c.milestone.span === 'cumulative')!;
    expect(total).toMatchObject({ year: 2030, met: false, passed: false, actual: { value: 355 }, percent: 35 });
  });

  it('takes milestones in any year of the period and refuses two in one year', async () => {
    const target = await app.call('targets.create', { planId, section: 'A', text: 'B', milestones: [{ year: 2027, kind: 'percent', value: 50 }, { year: 2028, kind: 'percent', value: 60 }] });
    expect(target.progress.milestoneYear).toBe(2027);
    const error = await app.fail('targets.create', { planId, section: 'A', text: 'B', milestones: [{ year: 2026, kind: 'count', value: 120, span: 'yearly' }, { year: 2028, kind: 'count', value: 150 }] });
    expect(error.details?.issues?.[0]).toEqual({ path: ['milestones', 1, 'year'], message: 'Mốc 2: năm 2028 đã có mốc khác (mỗi năm một mốc, ngoài tổng cộng dồn)' });
  });
});

describe('honest status', () => {
  it('says a passed 2025 milestone was missed instead of on track towards 2030', async () => {
    app.clock.set('2026-12-04');
    const communes = await someCommunes(app, ['A1', 'A2', 'A3', 'A4', 'A5', 'A6', 'A7', 'A8', 'A9']);
    await app.call('targets.create', { planId, ...LITERACY });
    for (const [i, id] of communes.entries()) await education(id, 2025, i < 6 ? 2 : 1);
    const [target] = await app.call('targets.list', { planId });
    expect(target!.progress).toMatchObject({ status: 'missed', milestoneYear: 2025, actual: { value: 6, total: 9 } });
  });

  it('states the denominator after a merger: the communes of today, with those lacking a year’s data named as such', async () => {
    app.clock.set('2025-06-01');
    const [a, b, c] = await someCommunes(app, ['Tân Hộ Cơ', 'Thông Bình', 'Bình Phú']);
    await app.call('targets.create', { planId, ...LITERACY });
    await education(a!, 2024, 2);
    await education(b!, 2024, 2);
    // Thông Bình and Bình Phú merge into a new xã, which has no 2024 status of its own.
    const root = (await app.call('office.status', {})).office!.rootUnitId;
    for (const id of [b!, c!]) {
      const unit = (await app.call('units.tree', {})).find((u) => u.id === id)!;
      await app.ctx.db.deleteFrom('unitEducation').where('unitId', '=', id).execute();
      await app.call('units.delete', { id: unit.id, rev: unit.rev });
    }
    await app.call('units.create', { parentId: root, code: '870-10', name: 'Thông Bình mới', type: 'Xã' });
    const [target] = await app.call('targets.list', { planId });
    expect(target!.progress.actual).toMatchObject({ year: 2024, value: 1, total: 2, note: '1/2 xã đạt; 1 xã chưa có số liệu năm 2024' });
    expect(target!.actuals.every((x) => x.unitId !== null || x.total !== null)).toBe(true);
  });

  it('divides a count by the commune’s yearly figure, and the territory’s by the sum of its communes', async () => {
    app.clock.set('2026-06-01');
    const [a, b] = await someCommunes(app, ['Tân Hộ Cơ', 'Thông Bình']);
    const figures = { clans: 10, adults: 3000, workingAge: 2500, officials: 40, organisations: 12 };
    await app.call('units.saveFigures', { unitId: a!, year: 2025, households: 1000, ...figures });
    const target = await app.call('targets.create', { planId, section: 'Mô hình', text: 'Gia đình học tập', population: 'households', perCommune: true, milestones: [{ year: 2025, kind: 'percent', value: 70 }] });
    const after = await app.call('targets.recordActual', { targetId: target.id, year: 2025, unitId: a!, value: 0, count: 750, note: 'Quyết định công nhận' });
    expect(after.actuals.find((x) => x.unitId === a)).toMatchObject({ value: 75, count: 750, note: 'Quyết định công nhận (750/1.000 hộ gia đình)' });
    expect(after.communes.find((x) => x.unitId === a)).toMatchObject({ status: 'achieved' });
    const territory = await app.fail('targets.recordActual', { targetId: target.id, year: 2025, value: 0, count: 1500, note: 'Tổng hợp' });
    expect(territory.message).toBe('Chưa có số hộ gia đình năm 2025 của Thông Bình: nhập ở trang Đơn vị hành chính, mục Số liệu hằng năm.');
    await app.call('units.saveFigures', { unitId: b!, year: 2025, households: 1000, ...figures });
    const summed = await app.call('targets.recordActual', { targetId: target.id, year: 2025, value: 0, count: 1500, note: 'Tổng hợp' });
    expect(summed.progress).toMatchObject({ status: 'achieved', actual: { value: 75 } });
    expect(await app.call('units.figureSums', { id: (await app.call('office.status', {})).office!.rootUnitId })).toEqual([
      { year: 2025, households: 2000, clans: 20, adults: 6000, workingAge: 5000, officials: 80, organisations: 24, reported: 2, of: 2, missing: [] },
    ]);
  });
});
