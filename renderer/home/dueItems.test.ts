import { describe, expect, it } from 'vitest';
import type { HomeOverview } from '../../shared/plans';
import { dueItems, type DueItem } from './dueItems';

type TaskRow = HomeOverview['overdueTasks'][number];
type ExpectedReport = HomeOverview['overdueReports'][number];

const PLAN_TITLE = 'Thực hiện Đề án “Xây dựng xã hội học tập giai đoạn 2021 - 2030” trên địa bàn huyện Tân Hồng';

const taskRow = (id: string, over: Partial<TaskRow> = {}): TaskRow => ({
  id,
  originOfficeId: 'office-tan-hong',
  createdAt: '2021-10-06T08:00:00.000Z',
  updatedAt: '2021-10-06T08:00:00.000Z',
  rev: 1,
  planId: 'plan-xhht',
  parentId: null,
  position: 1,
  number: 'a)',
  text: 'Tổ chức Tuần lễ hưởng ứng học tập suốt đời',
  leadAgencyId: 'agency-gddt',
  coordinatorAgencyIds: ['agency-khuyen-hoc'],
  communeIds: [],
  ownerNote: '',
  isRequest: false,
  deadline: { kind: 'quarter', year: 2021, quarter: 4 },
  status: 'in_progress',
  dueDate: '2021-12-31',
  overdue: true,
  percent: 60,
  planTitle: PLAN_TITLE,
  planNumber: '123/KH-UBND',
  leadAgencyName: 'Phòng GD&ĐT',
  coordinatorAgencyNames: ['Hội Khuyến học'],
  communeNames: [],
  outlineNumber: 'II › 1 › a)',
  memberKind: 'none',
  memberIds: [],
  isHeading: false,
  recurring: false,
  occurrence: null,
  overdueCount: 1,
  ...over,
});

const report = (dutyId: string, over: Partial<ExpectedReport> = {}): ExpectedReport => ({
  dutyId,
  planId: 'plan-xhht',
  planTitle: PLAN_TITLE,
  title: 'Báo cáo kết quả xây dựng xã hội học tập năm 2021',
  planNumber: null,
  fromName: 'Hội Khuyến học',
  to: 'UBND huyện',
  outgoing: false,
  periodKey: '2021',
  periodLabel: 'Năm 2021',
  year: 2021,
  dueDate: '2021-11-15',
  deliveredOn: null,
  note: '',
  overdue: true,
  late: false,
  members: [],
  taskId: null,
  ...over,
});

const member = (memberId: string, done: boolean) => ({ memberId, name: `Xã ${memberId}`, done, on: done ? '2021-11-10' : null, late: false });

describe('dueItems', () => {
  it('reduces a task to the line the home page shows', () => {
    expect(dueItems([taskRow('task-1')], [])).toStrictEqual<DueItem[]>([
      {
        key: 'task:task-1',
        kind: 'task',
        date: '2021-12-31',
        title: 'II › 1 › a)  Tổ chức Tuần lễ hưởng ứng học tập suốt đời',
        detail: 'Chủ trì: Phòng GD&ĐT · Quý IV năm 2021 · 123/KH-UBND',
        to: '/tasks?focus=task-1',
        overdue: true,
        progress: { status: 'in_progress', percent: 60 },
      },
    ]);
  });

  it('reduces an expected report to the line the home page shows', () => {
    expect(dueItems([], [report('duty-1')])).toStrictEqual<DueItem[]>([
      {
        key: 'report:duty-1:2021',
        kind: 'report',
        date: '2021-11-15',
        title: 'Báo cáo kết quả xây dựng xã hội học tập năm 2021 — Năm 2021',
        detail: `Hội Khuyến học → UBND huyện · ${PLAN_TITLE}`,
        to: '/reports?year=2021',
        overdue: true,
      },
    ]);
  });

  it.each<[string, Partial<TaskRow>, string, string]>([
    ['no outline number: the text alone', { outlineNumber: '' }, 'Tổ chức Tuần lễ hưởng ứng học tập suốt đời', 'Chủ trì: Phòng GD&ĐT · Quý IV năm 2021 · 123/KH-UBND'],
    ['no lead agency: no "Chủ trì"', { leadAgencyName: null }, 'II › 1 › a)  Tổ chức Tuần lễ hưởng ứng học tập suốt đời', 'Quý IV năm 2021 · 123/KH-UBND'],
    ['a plan with no number: its title', { planNumber: null }, 'II › 1 › a)  Tổ chức Tuần lễ hưởng ứng học tập suốt đời', `Chủ trì: Phòng GD&ĐT · Quý IV năm 2021 · ${PLAN_TITLE}`],
    [
      'a yearly deadline in its own words',
      { deadline: { kind: 'yearly', day: 15, month: 11 }, dueDate: '2021-11-15' },
      'II › 1 › a)  Tổ chức Tuần lễ hưởng ứng học tập suốt đời',
      'Chủ trì: Phòng GD&ĐT · Trước ngày 15/11 hằng năm · 123/KH-UBND',
    ],
    ['a day', { deadline: { kind: 'date', date: '2022-03-26' }, dueDate: '2022-03-26' }, 'II › 1 › a)  Tổ chức Tuần lễ hưởng ứng học tập suốt đời', 'Chủ trì: Phòng GD&ĐT · 26/03/2022 · 123/KH-UBND'],
  ])('writes a task with %s', (_what, over, title, detail) => {
    const [item] = dueItems([taskRow('task-1', over)], []);
    expect(item!.title).toBe(title);
    expect(item!.detail).toBe(detail);
  });

  it.each<[string, Partial<TaskRow>, string]>([
    [
      'a yearly task two years behind',
      { recurring: true, overdueCount: 2, occurrence: { periodKey: '2021', label: 'Năm 2021', year: 2021, dueDate: '2021-11-15', status: 'not_started', percent: null, doneOn: null, overdue: true, members: [] } },
      'Chủ trì: Phòng GD&ĐT · Năm 2021 (2 kỳ quá hạn) · 123/KH-UBND',
    ],
    [
      'a task of every commune, two of three done',
      {
        memberKind: 'communes',
        occurrence: { periodKey: '2021', label: 'Năm 2021', year: 2021, dueDate: '2021-11-15', status: 'in_progress', percent: 67, doneOn: null, overdue: true, members: [member('a', true), member('b', true), member('c', false)] },
      },
      'Chủ trì: Phòng GD&ĐT · Năm 2021 · 2/3 đơn vị đã thực hiện · 123/KH-UBND',
    ],
  ])('writes %s with its period', (_what, over, detail) => {
    expect(dueItems([taskRow('task-1', over)], [])[0]!.detail).toBe(detail);
  });

  it.each<[string, Partial<ExpectedReport>, string]>([
    ['received by 3 of 5 communes', { members: [member('1', true), member('2', false), member('3', true), member('4', false), member('5', true)], planNumber: '12/KH-UBND' }, 'Hội Khuyến học → UBND huyện · Đã nhận 3/5 · 12/KH-UBND'],
    ['sent upward by 1 of 2', { outgoing: true, members: [member('1', true), member('2', false)], planNumber: '12/KH-UBND' }, 'Hội Khuyến học → UBND huyện · Đã gửi 1/2 · 12/KH-UBND'],
  ])('writes a group report %s', (_what, over, detail) => {
    expect(dueItems([], [report('duty-1', over)])[0]!.detail).toBe(detail);
  });

  it('leaves out an empty plan title from a report line', () => {
    expect(dueItems([], [report('duty-1', { planTitle: '' })])[0]!.detail).toBe('Hội Khuyến học → UBND huyện');
  });

  it('keys reports by duty and period, so one duty can be due twice a year', () => {
    const items = dueItems([], [report('duty-1', { periodKey: '2022-H1', year: 2022, dueDate: '2022-06-15' }), report('duty-1', { periodKey: '2022-H2', year: 2022, dueDate: '2022-12-15' })]);
    expect(items.map((i) => [i.key, i.to])).toEqual([
      ['report:duty-1:2022-H1', '/reports?year=2022'],
      ['report:duty-1:2022-H2', '/reports?year=2022'],
    ]);
  });

  it('mixes tasks and reports by due day, a task first on the same day', () => {
    const items = dueItems(
      [taskRow('q4-2021', { dueDate: '2021-12-31' }), taskRow('q3-2021', { dueDate: '2021-09-30' }), taskRow('nov-15', { dueDate: '2021-11-15', overdue: false })],
      [report('duty-2022', { periodKey: '2022', year: 2022, dueDate: '2022-01-15', overdue: false }), report('duty-2021', { dueDate: '2021-11-15' })],
    );
    expect(items.map((i) => [i.key, i.date, i.overdue])).toEqual([
      ['task:q3-2021', '2021-09-30', true],
      ['task:nov-15', '2021-11-15', false],
      ['report:duty-2021:2021', '2021-11-15', true],
      ['task:q4-2021', '2021-12-31', true],
      ['report:duty-2022:2022', '2022-01-15', false],
    ]);
  });

  it('shows a task with no due day with an empty date', () => {
    expect(dueItems([taskRow('none', { deadline: null, dueDate: null, overdue: false })], [])[0]).toMatchObject({
      date: '',
      detail: 'Chủ trì: Phòng GD&ĐT · Không ghi thời hạn · 123/KH-UBND',
    });
  });

  it('gives a task its status and percent, and a report none', () => {
    const items = dueItems([taskRow('t', { status: 'not_started', percent: null, dueDate: '2021-01-01' })], [report('d')]);
    expect(items[0]!.progress).toEqual({ status: 'not_started', percent: null });
    expect(items[1]).not.toHaveProperty('progress');
  });

  it('returns nothing for nothing due', () => {
    expect(dueItems([], [])).toEqual([]);
  });
});
