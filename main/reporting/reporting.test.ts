import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { aPlan, agencyId, liveRows, someCommunes } from '../../tests/support/plan-fixtures.js';
import { createTestApp, type TestApp } from '../../tests/support/test-app.js';

let app: TestApp;
let planId: string;
beforeEach(async () => {
  app = await createTestApp({ today: '2022-01-01' });
  planId = (await aPlan(app)).id;
});
afterEach(() => app.close());

const yearlyDuty = (fromAgencyId: string | null) => ({
  planId,
  title: 'Báo cáo kết quả thực hiện kế hoạch hằng năm',
  fromAgencyId,
  fromNote: 'Các phòng, ban, ngành Huyện',
  to: 'Phòng Giáo dục và Đào tạo',
  due: { kind: 'yearly' as const, day: 15, month: 11 },
});
const semiannual = { kind: 'periodic' as const, every: 'half' as const, days: [{ day: 15, month: 6 }, { day: 15, month: 12 }] };
const FIVE = ['Tân Hộ Cơ', 'Sa Rài', 'Bình Phú', 'Tân Phước', 'Thông Bình'];

describe('reporting.expected', () => {
  it('expects the 15/11 report exactly once per year of the plan', async () => {
    const duty = await app.call('reporting.createDuty', yearlyDuty(null));
    const reports = (await app.call('reporting.expected', { planId })).filter((r) => r.dutyId === duty.id);
    expect(reports.map((r) => r.periodKey)).toEqual(['2021', '2022', '2023', '2024', '2025', '2026', '2027', '2028', '2029', '2030']);
    expect(reports[0]).toMatchObject({ dueDate: '2021-11-15', overdue: true, deliveredOn: null, fromName: 'Các phòng, ban, ngành Huyện', periodLabel: 'Năm 2021' });
    expect(reports[1]).toMatchObject({ dueDate: '2022-11-15', overdue: false });
  });

  it('expects one report of a dated duty, and names the agency that owes it', async () => {
    const gddt = await agencyId(app, 'Phòng GD&ĐT');
    await app.call('reporting.createDuty', { ...yearlyDuty(gddt), title: 'Sơ kết', due: { kind: 'date', date: '2025-11-10' } });
    const reports = await app.call('reporting.expected', { planId });
    expect(reports).toEqual([expect.objectContaining({ periodKey: 'once', year: 2025, dueDate: '2025-11-10', fromName: 'Phòng Giáo dục và Đào tạo' })]);
  });

  it('expects two reports a year of "trước ngày 15/6 và 15/12 hằng năm", and filters by year', async () => {
    await app.call('reporting.createDuty', { ...yearlyDuty(null), due: semiannual });
    expect((await app.call('reporting.expected', { year: 2024 })).map((r) => [r.periodKey, r.dueDate])).toEqual([['2024-H1', '2024-06-15'], ['2024-H2', '2024-12-15']]);
  });
});

describe('reporting.markDelivered', () => {
  it('stores one occurrence row, which clears the overdue flag; unmarking tombstones it', async () => {
    const duty = await app.call('reporting.createDuty', yearlyDuty(null));
    const received = await app.call('reporting.markDelivered', { dutyId: duty.id, periodKey: '2021', deliveredOn: '2021-11-20', note: 'Công văn 12/PGDĐT' });
    expect(received).toMatchObject({ deliveredOn: '2021-11-20', overdue: false, late: true, note: 'Công văn 12/PGDĐT', outgoing: false });
    const again = await app.call('reporting.markDelivered', { dutyId: duty.id, periodKey: '2021', deliveredOn: '2021-11-14', note: '' });
    expect(again).toMatchObject({ deliveredOn: '2021-11-14', late: false });
    expect(await app.ctx.db.selectFrom('dutyOccurrences').selectAll().where('deletedAt', 'is', null).execute()).toHaveLength(1);
    const undone = await app.call('reporting.unmarkDelivered', { dutyId: duty.id, periodKey: '2021' });
    expect(undone).toMatchObject({ deliveredOn: null, overdue: true });
    expect(await app.ctx.db.selectFrom('dutyOccurrences').selectAll().where('deletedAt', 'is', null).execute()).toEqual([]);
  });

  it('a 2021 report received does not silence 2022: it falls due and lapses on its own', async () => {
    const duty = await app.call('reporting.createDuty', yearlyDuty(null));
    await app.call('reporting.markDelivered', { dutyId: duty.id, periodKey: '2021', deliveredOn: '2021-11-10', note: '' });
    app.clock.set('2022-11-16');
    const reports = await app.call('reporting.expected', { planId });
    expect(reports.filter((r) => r.overdue).map((r) => r.periodKey)).toEqual(['2022']);
  });

  it('shows a group duty per member: 5 communes, 3 sent', async () => {
    const communes = await someCommunes(app, FIVE);
    const duty = await app.call('reporting.createDuty', { ...yearlyDuty(null), fromNote: '', due: semiannual, memberKind: 'communes' });
    for (const [i, memberId] of [communes[0]!, communes[2]!, communes[4]!].entries()) {
      await app.call('reporting.markDelivered', { dutyId: duty.id, periodKey: '2022-H1', memberId, deliveredOn: `2022-06-1${i + 2}`, note: '' });
    }
    app.clock.set('2022-06-20');
    const june = (await app.call('reporting.expected', { planId, year: 2022 })).find((r) => r.periodKey === '2022-H1')!;
    expect(june.members.map((m) => [m.name, m.done, m.late])).toEqual([
      ['Tân Hộ Cơ', true, false],
      ['Sa Rài', false, false],
      ['Bình Phú', true, false],
      ['Tân Phước', false, false],
      ['Thông Bình', true, false],
    ]);
    expect(june).toMatchObject({ deliveredOn: null, overdue: true, fromName: 'UBND các xã, thị trấn' });
    expect(await liveRows(app, 'reportingDuties')).toHaveLength(1);
  });

  it('refuses a member outside the group, and the duty itself when a group owes it', async () => {
    const [a] = await someCommunes(app, ['Tân Hộ Cơ']);
    const gddt = await agencyId(app, 'Phòng GD&ĐT');
    const duty = await app.call('reporting.createDuty', { ...yearlyDuty(null), memberKind: 'communes' });
    expect((await app.fail('reporting.markDelivered', { dutyId: duty.id, periodKey: '2022', memberId: gddt, deliveredOn: '2022-11-10', note: '' })).details?.issues?.[0]?.path).toEqual(['memberId']);
    expect((await app.fail('reporting.markDelivered', { dutyId: duty.id, periodKey: '2022', deliveredOn: '2022-11-10', note: '' })).details?.issues?.[0]?.path).toEqual(['memberId']);
    expect((await app.call('reporting.markDelivered', { dutyId: duty.id, periodKey: '2022', memberId: a!, deliveredOn: '2022-11-10', note: '' })).deliveredOn).toBe('2022-11-10');
  });

  it('refuses a period the duty does not expect', async () => {
    const duty = await app.call('reporting.createDuty', yearlyDuty(null));
    const error = await app.fail('reporting.markDelivered', { dutyId: duty.id, periodKey: '2035', deliveredOn: '2035-11-20', note: '' });
    expect(error.details?.issues?.[0]?.path).toEqual(['periodKey']);
  });

  it('marks the linked task done with its report, so the two stay one item', async () => {
    const task = await app.call('tasks.create', { planId, number: '+', text: 'Năm: trước ngày 15/11 hằng năm', deadline: yearlyDuty(null).due });
    const duty = await app.call('reporting.createDuty', { ...yearlyDuty(null), taskId: task.id });
    await app.call('reporting.markDelivered', { dutyId: duty.id, periodKey: '2021', deliveredOn: '2021-11-12', note: '' });
    const occurrences = await app.call('tasks.occurrences', { taskId: task.id });
    expect(occurrences.find((o) => o.periodKey === '2021')).toMatchObject({ status: 'done', doneOn: '2021-11-12' });
    app.clock.set('2022-11-16');
    const home = await app.call('home.overview', {});
    expect((await app.call('tasks.list', { planId, overdueOnly: true })).map((t) => t.id)).toEqual([task.id]);
    expect(home.overdueTasks).toEqual([]);
    expect(home.overdueReports.map((r) => [r.periodKey, r.taskId])).toEqual([['2022', task.id]]);
    expect(home.counts.overdue).toBe(1);
  });
});

describe('reporting duties', () => {
  it('edits and deletes a duty; an office report upward says it is sent', async () => {
    const duty = await app.call('reporting.createDuty', yearlyDuty(null));
    const updated = await app.call('reporting.updateDuty', { ...yearlyDuty(null), id: duty.id, rev: 1, due: { kind: 'yearly', day: 20, month: 11 }, outgoing: true });
    expect(updated).toMatchObject({ rev: 2, due: { day: 20 }, outgoing: true });
    expect((await app.call('reporting.expected', { planId }))[0]).toMatchObject({ outgoing: true, dueDate: '2021-11-20' });
    await app.call('reporting.deleteDuty', { id: duty.id, rev: 2 });
    expect(await app.call('reporting.duties', { planId })).toEqual([]);
  });

  it('refuses a linked task of another plan', async () => {
    const other = await aPlan(app, { number: '99/KH-UBND' });
    const task = await app.call('tasks.create', { planId: other.id, text: 'Khác' });
    const error = await app.fail('reporting.createDuty', { ...yearlyDuty(null), taskId: task.id });
    expect(error.details?.issues?.[0]?.path).toEqual(['taskId']);
  });
});
