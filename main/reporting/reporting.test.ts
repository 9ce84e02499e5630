import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { aPlan, agencyId, liveRows } from '../../tests/support/plan-fixtures.js';
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

describe('reporting.expected', () => {
  it('expects the 15/11 report exactly once per year of the plan', async () => {
    const duty = await app.call('reporting.createDuty', yearlyDuty(null));
    const reports = (await app.call('reporting.expected', { planId })).filter((r) => r.dutyId === duty.id);
    expect(reports.map((r) => r.periodYear)).toEqual([2021, 2022, 2023, 2024, 2025, 2026, 2027, 2028, 2029, 2030]);
    expect(new Set(reports.map((r) => r.periodYear)).size).toBe(reports.length);
    expect(reports[0]).toMatchObject({ dueDate: '2021-11-15', overdue: true, receivedOn: null, fromName: 'Các phòng, ban, ngành Huyện' });
    expect(reports[1]).toMatchObject({ dueDate: '2022-11-15', overdue: false });
  });

  it('expects one report of a dated duty, and names the agency that owes it', async () => {
    const gddt = await agencyId(app, 'Phòng GD&ĐT');
    await app.call('reporting.createDuty', { ...yearlyDuty(gddt), title: 'Sơ kết', due: { kind: 'date', date: '2025-11-10' } });
    const reports = await app.call('reporting.expected', { planId });
    expect(reports).toEqual([expect.objectContaining({ periodYear: 2025, dueDate: '2025-11-10', fromName: 'Phòng Giáo dục và Đào tạo' })]);
  });

  it('filters by year', async () => {
    await app.call('reporting.createDuty', yearlyDuty(null));
    expect((await app.call('reporting.expected', { year: 2024 })).map((r) => r.dueDate)).toEqual(['2024-11-15']);
  });
});

describe('reporting.markReceived', () => {
  it('stores a receipt, which clears the overdue flag; unmarking tombstones it', async () => {
    const duty = await app.call('reporting.createDuty', yearlyDuty(null));
    const received = await app.call('reporting.markReceived', { dutyId: duty.id, periodYear: 2021, receivedOn: '2021-11-20', note: 'Công văn 12/PGDĐT' });
    expect(received).toMatchObject({ receivedOn: '2021-11-20', overdue: false, note: 'Công văn 12/PGDĐT' });
    expect(await liveRows(app, 'reportReceipts')).toHaveLength(1);
    const again = await app.call('reporting.markReceived', { dutyId: duty.id, periodYear: 2021, receivedOn: '2021-11-21', note: '' });
    expect(again.receivedOn).toBe('2021-11-21');
    expect(await liveRows(app, 'reportReceipts')).toHaveLength(1);
    const undone = await app.call('reporting.unmarkReceived', { dutyId: duty.id, periodYear: 2021 });
    expect(undone).toMatchObject({ receivedOn: null, overdue: true });
    expect(await liveRows(app, 'reportReceipts')).toEqual([]);
  });

  it('refuses a year the duty does not expect', async () => {
    const duty = await app.call('reporting.createDuty', yearlyDuty(null));
    const error = await app.fail('reporting.markReceived', { dutyId: duty.id, periodYear: 2035, receivedOn: '2035-11-20', note: '' });
    expect(error.details?.issues?.[0]?.path).toEqual(['periodYear']);
  });
});

describe('reporting duties', () => {
  it('edits and deletes a duty', async () => {
    const duty = await app.call('reporting.createDuty', yearlyDuty(null));
    const updated = await app.call('reporting.updateDuty', { ...yearlyDuty(null), id: duty.id, rev: 1, due: { kind: 'yearly', day: 20, month: 11 } });
    expect(updated).toMatchObject({ rev: 2, due: { day: 20 } });
    expect(await app.call('reporting.duties', { planId })).toHaveLength(1);
    await app.call('reporting.deleteDuty', { id: duty.id, rev: 2 });
    expect(await app.call('reporting.duties', { planId })).toEqual([]);
  });
});
