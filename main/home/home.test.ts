import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { aPlan, agencyId, someCommunes } from '../../tests/support/plan-fixtures.js';
import { createTestApp, type TestApp } from '../../tests/support/test-app.js';

let app: TestApp;
beforeEach(async () => {
  app = await createTestApp({ today: '2022-11-01' });
});
afterEach(() => app.close());

describe('home.overview', () => {
  it('shows counts, overdue items, the next 30 days and commune progress', async () => {
    const plan = await aPlan(app);
    const gddt = await agencyId(app, 'Phòng GD&ĐT');
    const [commune] = await someCommunes(app, ['Tân Hộ Cơ']);
    await app.call('tasks.create', { planId: plan.id, text: 'Quá hạn', leadAgencyId: gddt, deadline: { kind: 'quarter', year: 2022, quarter: 3 } });
    await app.call('tasks.create', { planId: plan.id, text: 'Sắp đến hạn', leadAgencyId: gddt, deadline: { kind: 'date', date: '2022-11-20' } });
    await app.call('tasks.create', { planId: plan.id, text: 'Còn xa', leadAgencyId: gddt, deadline: { kind: 'date', date: '2023-06-30' } });
    await app.call('tasks.create', { planId: plan.id, text: 'Đã xong', status: 'done', deadline: { kind: 'date', date: '2022-11-05' } });
    await app.call('reporting.createDuty', { planId: plan.id, title: 'Báo cáo năm', to: 'Phòng GD&ĐT', due: { kind: 'yearly', day: 15, month: 11 } });
    await app.call('targets.create', { planId: plan.id, section: 'A', text: 'Xóa mù chữ', source: 'literacyLevel2', perCommune: true, milestones: [{ year: 2025, kind: 'percent', value: 100 }] });
    await app.call('units.saveEducation', { unitId: commune!, year: 2022, literacyLevel: 2, preschoolUniversal: true, primaryLevel: 3, lowerSecondaryLevel: 2, learningCentreIT: true });

    const home = await app.call('home.overview', {});
    expect(home.today).toBe('2022-11-01');
    expect(home.counts).toEqual({ plans: 1, tasks: 4, tasksDone: 1, tasksOverdue: 1, overdue: 2, targets: 1, targetsAchieved: 1, targetsAtRisk: 0, reportsOverdue: 1 });
    expect(home.overdueTasks.map((t) => t.text)).toEqual(['Quá hạn']);
    expect(home.upcomingTasks.map((t) => t.text)).toEqual(['Sắp đến hạn']);
    expect(home.overdueReports.map((r) => r.periodKey)).toEqual(['2021']);
    expect(home.upcomingReports.map((r) => r.dueDate)).toEqual(['2022-11-15']);
    expect(home.communeProgress).toEqual([expect.objectContaining({ unitId: commune, name: 'Tân Hộ Cơ', achieved: 1, total: 1 })]);
  });

  it('counts what its "Quá hạn" list holds: headings are not tasks, a lapsed year stays until resolved', async () => {
    const plan = await aPlan(app);
    const heading = await app.call('tasks.create', { planId: plan.id, number: 'I', text: 'Tuyên truyền', deadline: { kind: 'quarter', year: 2022, quarter: 1 } });
    await app.call('tasks.create', { planId: plan.id, parentId: heading.id, number: '1', text: 'Hội nghị', deadline: { kind: 'quarter', year: 2022, quarter: 1 }, status: 'done' });
    await app.call('tasks.create', { planId: plan.id, parentId: heading.id, number: '2', text: 'Tọa đàm', deadline: { kind: 'yearly', day: 15, month: 10 } });
    app.clock.set('2023-01-10');
    const home = await app.call('home.overview', {});
    expect(home.counts).toMatchObject({ tasks: 2, tasksDone: 1, tasksOverdue: 1, overdue: 1 });
    expect(home.overdueTasks.map((t) => [t.text, t.dueDate, t.overdueCount])).toEqual([['Tọa đàm', '2021-10-15', 2]]);
    expect(home.counts.overdue).toBe(home.overdueTasks.length + home.overdueReports.length);
  });

  it('leaves out superseded plans', async () => {
    const old = await aPlan(app, { number: '2188/KH-UBND' });
    await app.call('tasks.create', { planId: old.id, text: 'Cũ', deadline: { kind: 'year', year: 2021 } });
    await aPlan(app, {}, [{ relation: 'replaces', citation: 'Kế hoạch 2188/KH-UBND', number: '2188/KH-UBND' }]);
    const home = await app.call('home.overview', {});
    expect(home.counts).toMatchObject({ plans: 1, tasks: 0, tasksOverdue: 0 });
  });
});
