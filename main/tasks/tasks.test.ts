import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { aPlan, agencyId, liveRows, someCommunes } from '../../tests/support/plan-fixtures.js';
import { createTestApp, type TestApp } from '../../tests/support/test-app.js';

let app: TestApp;
let planId: string;
let gddt: string;
let hkh: string;
let vhtt: string;
beforeEach(async () => {
  app = await createTestApp({ today: '2022-01-01' });
  planId = (await aPlan(app, { number: '4344/KH-UBND' })).id;
  [gddt, hkh, vhtt] = [await agencyId(app, 'Phòng GD&ĐT'), await agencyId(app, 'HKH'), await agencyId(app, 'Phòng VH&TT')];
});
afterEach(() => app.close());

describe('tasks.create', () => {
  it('stores one lead and its coordinators as assignment rows', async () => {
    const task = await app.call('tasks.create', { planId, number: '1', text: 'Tuyên truyền', leadAgencyId: gddt, coordinatorAgencyIds: [hkh, vhtt] });
    expect(task).toMatchObject({ leadAgencyId: gddt, coordinatorAgencyIds: [hkh, vhtt], status: 'not_started', overdue: false, percent: null });
    const rows = (await liveRows(app, 'taskAgencies')).sort((a, b) => a.position - b.position);
    expect(rows.map((r) => [r.agencyId, r.role])).toEqual([
      [gddt, 'lead'],
      [hkh, 'coordinator'],
      [vhtt, 'coordinator'],
    ]);
  });

  it('refuses a lead agency that is also a coordinator, naming the field, and writes nothing', async () => {
    const error = await app.fail('tasks.create', { planId, text: 'X', leadAgencyId: gddt, coordinatorAgencyIds: [hkh, gddt] });
    expect(error.code).toBe('VALIDATION');
    expect(error.details?.issues).toEqual([{ path: ['coordinatorAgencyIds'], message: 'Cơ quan chủ trì không được đồng thời là cơ quan phối hợp' }]);
    expect(await liveRows(app, 'tasks')).toEqual([]);
  });

  it('refuses a commune that is not a live unit', async () => {
    const [commune] = await someCommunes(app, ['Tân Hộ Cơ']);
    const ok = await app.call('tasks.create', { planId, text: 'X', communeIds: [commune!] });
    expect(ok.communeIds).toEqual([commune]);
    const error = await app.fail('tasks.create', { planId, text: 'X', communeIds: ['0190a5b2-0000-7000-8000-000000000000'] });
    expect(error.details?.issues?.[0]?.path).toEqual(['communeIds', 0]);
  });

  it('is overdue on 01/01/2022 when due "Quý IV năm 2021" and not done', async () => {
    const task = await app.call('tasks.create', { planId, text: 'Ban hành kế hoạch', leadAgencyId: gddt, deadline: { kind: 'quarter', year: 2021, quarter: 4 } });
    expect(task).toMatchObject({ dueDate: '2021-12-31', overdue: true });
    const done = await app.call('tasks.update', { id: task.id, rev: task.rev, text: task.text, leadAgencyId: gddt, deadline: task.deadline, status: 'done' });
    expect(done.overdue).toBe(false);
  });

  it('is due on the day of its oldest open period: the 2021 lapse first, then this year’s', async () => {
    const task = await app.call('tasks.create', { planId, text: 'Báo cáo', deadline: { kind: 'yearly', day: 15, month: 11 } });
    expect(task).toMatchObject({ dueDate: '2021-11-15', overdue: true, recurring: true });
    await app.call('tasks.setOccurrence', { taskId: task.id, periodKey: '2021', status: 'done' });
    expect((await app.call('tasks.list', { planId }))[0]).toMatchObject({ dueDate: '2022-11-15', overdue: false });
    app.clock.set('2022-11-16');
    const [row] = await app.call('tasks.list', { planId });
    expect(row).toMatchObject({ dueDate: '2022-11-15', overdue: true });
  });
});

describe('tasks.update', () => {
  const allLinks = () => app.ctx.db.selectFrom('taskAgencies').selectAll().execute();
  const auditCount = async () => (await app.ctx.db.selectFrom('auditLog').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n;

  it('changing only the text leaves every link row untouched and writes one audit row', async () => {
    const [commune] = await someCommunes(app, ['Sa Rài']);
    const task = await app.call('tasks.create', { planId, text: 'Tuyên truyền', leadAgencyId: gddt, coordinatorAgencyIds: [hkh, vhtt], communeIds: [commune!] });
    const links = await allLinks();
    const communes = await app.ctx.db.selectFrom('taskCommunes').selectAll().execute();
    const audits = await auditCount();
    await app.call('tasks.update', { ...task, text: 'Tuyên truyền, phổ biến' });
    expect(await allLinks()).toEqual(links);
    expect(await app.ctx.db.selectFrom('taskCommunes').selectAll().execute()).toEqual(communes);
    expect(await auditCount()).toBe(audits + 1);
  });

  it('keeps the identity of links that stay, tombstones the dropped one and adds the new one', async () => {
    const task = await app.call('tasks.create', { planId, text: 'Tuyên truyền', leadAgencyId: gddt, coordinatorAgencyIds: [hkh] });
    const before = await liveRows(app, 'taskAgencies');
    await app.call('tasks.update', { ...task, coordinatorAgencyIds: [vhtt] });
    const after = await liveRows(app, 'taskAgencies');
    const lead = before.find((r) => r.role === 'lead')!;
    expect(after.find((r) => r.role === 'lead')).toEqual(lead);
    expect(after.map((r) => r.agencyId).sort()).toEqual([gddt, vhtt].sort());
    const dropped = await app.ctx.db.selectFrom('taskAgencies').selectAll().where('agencyId', '=', hkh).executeTakeFirstOrThrow();
    expect(dropped).toMatchObject({ rev: 2, deletedAt: expect.any(String) });
  });

  it('brings a dropped link back under its old identity when it is chosen again', async () => {
    const task = await app.call('tasks.create', { planId, text: 'Tuyên truyền', leadAgencyId: gddt, coordinatorAgencyIds: [hkh] });
    const first = (await liveRows(app, 'taskAgencies')).find((r) => r.agencyId === hkh)!;
    const edited = await app.call('tasks.update', { ...task, coordinatorAgencyIds: [] });
    await app.call('tasks.update', { ...edited, coordinatorAgencyIds: [hkh] });
    const again = (await liveRows(app, 'taskAgencies')).find((r) => r.agencyId === hkh)!;
    expect(again).toMatchObject({ id: first.id, rev: 3, deletedAt: null });
  });

  it('refuses a parent that would close a loop of three', async () => {
    const a = await app.call('tasks.create', { planId, number: 'I', text: 'A' });
    const b = await app.call('tasks.create', { planId, number: '1', text: 'B', parentId: a.id });
    const c = await app.call('tasks.create', { planId, number: '1.1', text: 'C', parentId: b.id });
    const error = await app.fail('tasks.update', { ...a, parentId: c.id });
    expect(error.details?.issues?.[0]?.path).toEqual(['parentId']);
    expect(error.message).toContain('chính nó');
  });
});

describe('tasks.list', () => {
  async function outline() {
    const ii = await app.call('tasks.create', { planId, number: 'II', text: 'Nhiệm vụ và giải pháp' });
    const one = await app.call('tasks.create', { planId, parentId: ii.id, number: '1', text: 'Tuyên truyền', leadAgencyId: gddt, deadline: { kind: 'date', date: '2022-01-20' } });
    const a = await app.call('tasks.create', { planId, parentId: one.id, number: 'a)', text: 'Hội nghị', leadAgencyId: hkh, coordinatorAgencyIds: [gddt], status: 'done' });
    const bullet = await app.call('tasks.create', { planId, parentId: one.id, number: '-', text: 'Tọa đàm', leadAgencyId: vhtt, deadline: { kind: 'quarter', year: 2021, quarter: 4 } });
    return { ii, one, a, bullet };
  }

  it('returns the tree in outline order with names and outline numbers', async () => {
    await outline();
    const rows = await app.call('tasks.list', { planId });
    expect(rows.map((r) => [r.outlineNumber, r.leadAgencyName])).toEqual([
      ['II', null],
      ['II › 1', 'Phòng Giáo dục và Đào tạo'],
      ['II › 1 › a)', 'Hội Khuyến học'],
      ['II › 1 › (2)', 'Phòng Văn hóa và Thông tin'],
    ]);
    expect(rows[2]).toMatchObject({ planNumber: '4344/KH-UBND', coordinatorAgencyNames: ['Phòng Giáo dục và Đào tạo'] });
  });

  it.each([
    ['lead agency only', { agencyId: 'gddt', agencyRole: 'lead' }, ['II › 1']],
    ['lead or coordinator', { agencyId: 'gddt' }, ['II › 1', 'II › 1 › a)']],
    ['coordinator (phối hợp) only', { agencyId: 'gddt', agencyRole: 'support' }, ['II › 1 › a)']],
    ['status', { status: ['done'] }, ['II › 1 › a)']],
    ['due range', { dueFrom: '2022-01-01', dueTo: '2022-01-31' }, ['II › 1']],
    ['overdue only', { overdueOnly: true }, ['II › 1 › (2)']],
    ['assigned only', { assignedOnly: true }, ['II › 1', 'II › 1 › a)', 'II › 1 › (2)']],
  ] as const)('filters by %s', async (_name, filter, expected) => {
    await outline();
    const input = { planId, ...filter, ...('agencyId' in filter ? { agencyId: gddt } : {}) };
    const rows = await app.call('tasks.list', { ...input, status: 'status' in filter ? [...filter.status] : undefined });
    expect(rows.map((r) => r.outlineNumber)).toEqual(expected);
  });

  it('filters by commune', async () => {
    const [commune] = await someCommunes(app, ['Tân Hộ Cơ']);
    await app.call('tasks.create', { planId, text: 'Ở xã', communeIds: [commune!] });
    await app.call('tasks.create', { planId, text: 'Toàn huyện' });
    expect((await app.call('tasks.list', { communeId: commune! })).map((r) => [r.text, r.communeNames])).toEqual([['Ở xã', ['Tân Hộ Cơ']]]);
  });

  it('indexes tasks for search', async () => {
    await outline();
    const hits = await app.call('search.query', { text: 'toa dam', entities: ['task'] });
    expect(hits).toEqual([expect.objectContaining({ entity: 'task', label: '- Tọa đàm', detail: 'kế hoạch 4344/KH-UBND' })]);
  });
});

describe('tasks.delete', () => {
  it('tombstones the task with the tasks under it', async () => {
    const parent = await app.call('tasks.create', { planId, number: '1', text: 'Cha' });
    await app.call('tasks.create', { planId, parentId: parent.id, number: 'a)', text: 'Con', leadAgencyId: gddt });
    await app.call('tasks.delete', { id: parent.id, rev: 1 });
    expect(await liveRows(app, 'tasks')).toEqual([]);
    expect(await liveRows(app, 'taskAgencies')).toEqual([]);
  });
});

describe('tasks.reportProgress', () => {
  it('makes the latest report’s status or percent the task’s', async () => {
    const task = await app.call('tasks.create', { planId, text: 'Tuyên truyền', leadAgencyId: gddt });
    await app.call('tasks.reportProgress', { taskId: task.id, period: 'Năm 2022', agencyId: gddt, text: 'Đã tổ chức 3 hội nghị', percent: 40, reportedOn: '2022-11-10' });
    let [row] = await app.call('tasks.list', { planId });
    expect(row).toMatchObject({ status: 'in_progress', percent: 40 });
    await app.call('tasks.reportProgress', { taskId: task.id, period: '6 tháng 2022', text: 'Báo cáo cũ nhập sau', status: 'paused', reportedOn: '2022-06-30' });
    [row] = await app.call('tasks.list', { planId });
    expect(row).toMatchObject({ status: 'in_progress', percent: 40 });
    await app.call('tasks.reportProgress', { taskId: task.id, period: 'Năm 2023', text: 'Hoàn thành', status: 'done', reportedOn: '2023-11-10' });
    [row] = await app.call('tasks.list', { planId });
    expect(row).toMatchObject({ status: 'done', percent: 100 });
    const reports = await app.call('tasks.progressReports', { taskId: task.id });
    expect(reports.map((r) => [r.period, r.agencyName])).toEqual([['Năm 2023', null], ['Năm 2022', 'Phòng Giáo dục và Đào tạo'], ['6 tháng 2022', null]]);
  });

  it('refuses a percent above 100, naming the field', async () => {
    const task = await app.call('tasks.create', { planId, text: 'X' });
    const error = await app.fail('tasks.reportProgress', { taskId: task.id, period: 'Năm 2022', text: 'Y', percent: 120, reportedOn: '2022-11-10' });
    expect(error.details?.issues?.[0]).toMatchObject({ path: ['percent'], message: 'Phần trăm không được quá 100' });
  });

  it('edits a report with its difficulties and proposals, and deletes it', async () => {
    const task = await app.call('tasks.create', { planId, text: 'Tuyên truyền', leadAgencyId: gddt });
    const report = await app.call('tasks.reportProgress', { taskId: task.id, period: 'Năm 2022', text: 'Đã tổ chức', percent: 40, reportedOn: '2022-11-10' });
    const edited = await app.call('tasks.updateProgress', { ...report, percent: 100, status: 'done', difficulties: 'Thiếu kinh phí', proposals: 'Bổ sung kinh phí năm 2023' });
    expect(edited).toMatchObject({ rev: 2, percent: 100, difficulties: 'Thiếu kinh phí', proposals: 'Bổ sung kinh phí năm 2023' });
    expect((await app.call('tasks.list', { planId }))[0]).toMatchObject({ status: 'done', percent: 100 });
    expect((await app.fail('tasks.updateProgress', { ...report, text: 'cũ' })).code).toBe('STALE');
    await app.call('tasks.deleteProgress', { id: edited.id, rev: edited.rev });
    expect(await app.call('tasks.progressReports', { taskId: task.id })).toEqual([]);
  });

  it('refuses a report on recurring work that names no period', async () => {
    const task = await app.call('tasks.create', { planId, text: 'Hằng năm', deadline: { kind: 'yearly', day: 15, month: 11 } });
    const error = await app.fail('tasks.reportProgress', { taskId: task.id, period: 'Năm 2022', text: 'Y', percent: 20, reportedOn: '2022-11-10' });
    expect(error.details?.issues?.[0]?.path).toEqual(['periodKey']);
  });

  it('refuses a report with neither status nor percent', async () => {
    const task = await app.call('tasks.create', { planId, text: 'X' });
    const error = await app.fail('tasks.reportProgress', { taskId: task.id, period: 'Năm 2022', text: 'Y', reportedOn: '2022-11-10' });
    expect(error.details?.issues?.[0]?.path).toEqual(['status']);
  });
});

describe('occurrences of recurring work', () => {
  it('a 2026 occurrence done leaves the 2027 one due; a lapse stays overdue into the next year', async () => {
    app.clock.set('2026-12-01');
    const task = await app.call('tasks.create', { planId, text: 'Báo cáo kết quả năm', leadAgencyId: gddt, deadline: { kind: 'yearly', day: 15, month: 11 } });
    for (let year = 2021; year <= 2025; year++) await app.call('tasks.setOccurrence', { taskId: task.id, periodKey: String(year), status: 'done' });
    const report = await app.call('tasks.reportProgress', { taskId: task.id, periodKey: '2026', period: 'Năm 2026', text: 'Hoàn thành', percent: 100, reportedOn: '2026-11-14' });
    expect(report.periodKey).toBe('2026');
    let [row] = await app.call('tasks.list', { planId });
    expect(row).toMatchObject({ status: 'not_started', dueDate: '2027-11-15', overdue: false, occurrence: { periodKey: '2027', label: 'Năm 2027' } });
    app.clock.set('2027-11-16');
    [row] = await app.call('tasks.list', { planId });
    expect(row).toMatchObject({ overdue: true, overdueCount: 1, occurrence: { periodKey: '2027' } });
    app.clock.set('2028-01-05');
    [row] = await app.call('tasks.list', { planId, overdueOnly: true });
    expect(row).toMatchObject({ dueDate: '2027-11-15', overdueCount: 1 });
    const occurrences = await app.call('tasks.occurrences', { taskId: task.id });
    expect(occurrences.filter((o) => o.status === 'done').map((o) => [o.periodKey, o.doneOn])).toEqual([
      ['2021', '2028-01-05'], ['2022', '2028-01-05'], ['2023', '2028-01-05'], ['2024', '2028-01-05'], ['2025', '2028-01-05'], ['2026', '2026-11-14'],
    ].map(([k, d]) => [k, k === '2026' ? d : '2026-12-01']));
  });

  it('a group task shows each commune, done when every one is', async () => {
    const communes = await someCommunes(app, ['Tân Hộ Cơ', 'Sa Rài', 'Bình Phú']);
    const task = await app.call('tasks.create', { planId, text: 'Tuần lễ học tập suốt đời', deadline: { kind: 'periodic', every: 'year', days: [] }, memberKind: 'communes' });
    await app.call('tasks.setOccurrence', { taskId: task.id, periodKey: '2022', memberId: communes[0]!, status: 'done', doneOn: '2022-10-10' });
    const partial = await app.call('tasks.setOccurrence', { taskId: task.id, periodKey: '2022', memberId: communes[1]!, status: 'done', doneOn: '2022-10-12' });
    expect(partial).toMatchObject({ status: 'in_progress', percent: 67, doneOn: null });
    expect(partial.members.map((m) => m.done)).toEqual([true, true, false]);
    const all = await app.call('tasks.setOccurrence', { taskId: task.id, periodKey: '2022', memberId: communes[2]!, status: 'done', doneOn: '2023-01-02' });
    expect(all).toMatchObject({ status: 'done', doneOn: '2023-01-02', members: [expect.anything(), expect.anything(), expect.objectContaining({ late: true })] });
    expect((await app.fail('tasks.setOccurrence', { taskId: task.id, periodKey: '2022', status: 'done' })).details?.issues?.[0]?.path).toEqual(['memberId']);
    expect((await app.fail('tasks.setOccurrence', { taskId: task.id, periodKey: '2040', memberId: communes[0]!, status: 'done' })).details?.issues?.[0]?.path).toEqual(['periodKey']);
  });

  it('setting an occurrence back to "chưa thực hiện" tombstones its row', async () => {
    const task = await app.call('tasks.create', { planId, text: 'Hằng quý', deadline: { kind: 'periodic', every: 'quarter', days: [] } });
    await app.call('tasks.setOccurrence', { taskId: task.id, periodKey: '2022-Q1', status: 'done' });
    await app.call('tasks.setOccurrence', { taskId: task.id, periodKey: '2022-Q1', status: 'not_started' });
    const rows = await app.ctx.db.selectFrom('taskOccurrences').selectAll().execute();
    expect(rows).toEqual([expect.objectContaining({ periodKey: '2022-Q1', rev: 2, deletedAt: expect.any(String) })]);
  });
});

describe('headings', () => {
  it('are not counted as tasks and take their status from their children', async () => {
    const heading = await app.call('tasks.create', { planId, number: 'I', text: 'Nhiệm vụ', status: 'done' });
    await app.call('tasks.create', { planId, parentId: heading.id, number: '1', text: 'A', status: 'done' });
    await app.call('tasks.create', { planId, parentId: heading.id, number: '2', text: 'B' });
    const rows = await app.call('tasks.list', { planId });
    expect(rows.map((r) => [r.number, r.isHeading, r.status])).toEqual([['I', true, 'in_progress'], ['1', false, 'done'], ['2', false, 'not_started']]);
    const [plan] = await app.call('plans.list', {});
    expect(plan).toMatchObject({ taskCount: 2, doneCount: 1 });
  });
});
