import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { aPlan, agencyId, liveRows, someCommunes } from '../../tests/support/plan-fixtures.js';
import { createTestApp, type TestApp } from '../../tests/support/test-app.js';

let app: TestApp;
beforeEach(async () => {
  app = await createTestApp({ today: '2022-01-01' });
});
afterEach(() => app.close());

describe('plans.create', () => {
  it('stores the document facts and lists the plan with its counts', async () => {
    const plan = await aPlan(app, { number: '4344/KH-UBND' });
    expect(plan).toMatchObject({ number: '4344/KH-UBND', status: 'active', periodStart: 2021, periodEnd: 2030, rev: 1, references: [], citedBy: [] });
    const list = await app.call('plans.list', {});
    expect(list).toEqual([expect.objectContaining({ id: plan.id, targetCount: 0, taskCount: 0, overdueCount: 0, doneCount: 0 })]);
    expect(await liveRows(app, 'plans')).toHaveLength(1);
  });

  it('refuses a period that ends before it starts, naming the field', async () => {
    const error = await app.fail('plans.create', { fields: { kind: 'ke_hoach', issuer: 'UBND', title: 'X', periodStart: 2030, periodEnd: 2021 }, references: [] });
    expect(error.code).toBe('VALIDATION');
    expect(error.details?.issues?.[0]?.path).toEqual(['fields', 'periodEnd']);
  });

  it('links a citation to a stored plan by number, and lists the citing plan under it', async () => {
    const upper = await aPlan(app, { number: '278/KH-UBND', issuer: 'UBND tỉnh Đồng Tháp', title: 'Kế hoạch của tỉnh' });
    const plan = await aPlan(app, {}, [{ relation: 'implements', citation: 'Kế hoạch số 278/KH-UBND ngày 11/9/2021 của UBND tỉnh Đồng Tháp', number: '278/kh-ubnd' }]);
    expect(plan.references[0]).toMatchObject({ relation: 'implements', linkedPlanId: upper.id });
    const detail = await app.call('plans.get', { id: upper.id });
    expect(detail.plan.citedBy).toEqual([expect.objectContaining({ planId: plan.id, relation: 'implements' })]);
  });

  it('marks the plan it replaces as superseded', async () => {
    const old = await aPlan(app, { number: '2188/KH-UBND', title: 'Kế hoạch cũ' });
    await aPlan(app, { title: 'Kế hoạch mới' }, [{ relation: 'replaces', citation: 'Kế hoạch số 2188/KH-UBND', number: '2188/KH-UBND' }]);
    const stored = await app.call('plans.get', { id: old.id });
    expect(stored.plan).toMatchObject({ status: 'superseded', rev: 2 });
  });

  it('indexes the plan for search', async () => {
    await aPlan(app, { number: '4344/KH-UBND' });
    const hits = await app.call('search.query', { text: 'xay dung xa hoi hoc tap tan hong', entities: ['plan'] });
    expect(hits).toHaveLength(1);
  });
});

describe('plans.get', () => {
  it('returns everything the plan page shows, tasks in outline order', async () => {
    const plan = await aPlan(app);
    await app.call('targets.create', { planId: plan.id, section: 'A', text: 'Mục tiêu', milestones: [{ year: 2025, kind: 'percent', value: 40 }] });
    const heading = await app.call('tasks.create', { planId: plan.id, number: 'II', text: 'Nhiệm vụ' });
    await app.call('tasks.create', { planId: plan.id, number: 'III', text: 'Kinh phí' });
    await app.call('tasks.create', { planId: plan.id, parentId: heading.id, number: '1', text: 'Tuyên truyền' });
    await app.call('reporting.createDuty', { planId: plan.id, title: 'Báo cáo năm', to: 'Phòng GD&ĐT', due: { kind: 'yearly', day: 15, month: 11 } });
    const detail = await app.call('plans.get', { id: plan.id });
    expect(detail.plan.id).toBe(plan.id);
    expect(detail.targets.map((t) => t.text)).toEqual(['Mục tiêu']);
    expect(detail.tasks.map((t) => t.number)).toEqual(['II', '1', 'III']);
    expect(detail.duties.map((d) => d.title)).toEqual(['Báo cáo năm']);
    expect(detail.componentPlans).toEqual([]);
  });
});

describe('plans.update', () => {
  it('changes fields and refuses an edit made on an older revision', async () => {
    const plan = await aPlan(app);
    const updated = await app.call('plans.update', { id: plan.id, rev: 1, fields: { ...plan, status: 'draft' }, references: [] });
    expect(updated).toMatchObject({ status: 'draft', rev: 2 });
    const stale = await app.fail('plans.update', { id: plan.id, rev: 1, fields: { ...plan }, references: [] });
    expect(stale.code).toBe('STALE');
  });
});

describe('plans.delete', () => {
  it('tombstones the plan with its targets, tasks, assignments, component plans and duties', async () => {
    const plan = await aPlan(app);
    const gddt = await agencyId(app, 'Phòng GD&ĐT');
    await app.call('targets.create', { planId: plan.id, section: 'A', text: 'Mục tiêu', milestones: [{ year: 2025, kind: 'percent', value: 40 }] });
    const task = await app.call('tasks.create', { planId: plan.id, text: 'Nhiệm vụ', leadAgencyId: gddt });
    await app.call('plans.createComponent', { planId: plan.id, content: 'Kế hoạch thành phần', leadAgencyId: gddt });
    await app.call('reporting.createDuty', { planId: plan.id, title: 'Báo cáo năm', to: 'Phòng GD&ĐT', due: { kind: 'yearly', day: 15, month: 11 } });
    await app.call('plans.delete', { id: plan.id, rev: 1 });
    for (const table of ['plans', 'targets', 'tasks', 'taskAgencies', 'componentPlans', 'reportingDuties'] as const) {
      expect(await liveRows(app, table), table).toEqual([]);
    }
    const tombstone = await app.ctx.db.selectFrom('tasks').selectAll().where('id', '=', task.id).executeTakeFirstOrThrow();
    expect(tombstone.deletedAt).not.toBeNull();
    expect((await app.fail('plans.get', { id: plan.id })).code).toBe('NOT_FOUND');
    expect(await app.call('search.query', { text: 'nhiem vu', entities: ['task'] })).toEqual([]);
  });
});

describe('component plans', () => {
  it('adds, edits and deletes an appendix row, refusing a lead that also coordinates', async () => {
    const plan = await aPlan(app);
    const [hkh, gddt] = [await agencyId(app, 'HKH'), await agencyId(app, 'Phòng GD&ĐT')];
    const row = await app.call('plans.createComponent', { planId: plan.id, content: 'Đề án học tập suốt đời', leadAgencyId: hkh, coordinatorAgencyIds: [gddt], completion: { kind: 'quarter', year: 2021, quarter: 4 } });
    expect(row).toMatchObject({ position: 0, coordinatorAgencyIds: [gddt], completion: { kind: 'quarter', year: 2021, quarter: 4 } });
    const bad = await app.fail('plans.updateComponent', { id: row.id, rev: 1, content: 'X', leadAgencyId: hkh, coordinatorAgencyIds: [hkh] });
    expect(bad.details?.issues?.[0]).toEqual({ path: ['coordinatorAgencyIds'], message: 'Cơ quan chủ trì không được đồng thời là cơ quan phối hợp' });
    await app.call('plans.deleteComponent', { id: row.id, rev: 1 });
    expect((await app.call('plans.get', { id: plan.id })).componentPlans).toEqual([]);
  });
});

describe('references from units and agencies', () => {
  it('refuses deleting an agency or a commune a task names, saying which plan', async () => {
    const plan = await aPlan(app, { number: '4344/KH-UBND' });
    const [commune] = await someCommunes(app, ['Tân Hộ Cơ']);
    const gddt = await agencyId(app, 'Phòng GD&ĐT');
    await app.call('tasks.create', { planId: plan.id, text: 'Nhiệm vụ', leadAgencyId: gddt, communeIds: [commune!] });
    const agencyError = await app.fail('agencies.delete', { id: gddt, rev: 1 });
    expect(agencyError.code).toBe('IN_USE');
    expect(agencyError.message).toContain('1 nhiệm vụ của kế hoạch 4344/KH-UBND');
    const unitError = await app.fail('units.delete', { id: commune!, rev: 1 });
    expect(unitError.message).toContain('1 nhiệm vụ của kế hoạch 4344/KH-UBND');
  });
});
