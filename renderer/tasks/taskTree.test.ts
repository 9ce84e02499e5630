import { describe, expect, it } from 'vitest';
import type { TaskDto } from '../../shared/tasks';
import { buildOutline, compareByDue, flattenOutline, subtreeIds, taskLabel, type OutlineNode } from './taskTree';

const task = (id: string, parentId: string | null, position: number, number: string, text: string, over: Partial<TaskDto> = {}): TaskDto => ({
  id,
  originOfficeId: 'office-tan-hong',
  createdAt: '2021-10-06T08:00:00.000Z',
  updatedAt: '2021-10-06T08:00:00.000Z',
  rev: 1,
  planId: 'plan-xhht-2021-2030',
  parentId,
  position,
  number,
  text,
  leadAgencyId: null,
  coordinatorAgencyIds: [],
  communeIds: [],
  ownerNote: '',
  isRequest: false,
  deadline: null,
  status: 'not_started',
  dueDate: null,
  overdue: false,
  percent: null,
  memberKind: 'none',
  memberIds: [],
  isHeading: false,
  recurring: false,
  occurrence: null,
  overdueCount: 0,
  ...over,
});

const PART_I = task('I', null, 1, 'I', 'NHIỆM VỤ VÀ GIẢI PHÁP');
const TUYEN_TRUYEN = task('1', 'I', 2, '1', 'Đẩy mạnh công tác tuyên truyền, nâng cao nhận thức');
const TUAN_LE = task('1a', '1', 3, 'a)', 'Tổ chức Tuần lễ hưởng ứng học tập suốt đời');
const NGAY_SACH = task('1b', '1', 4, 'b)', 'Hưởng ứng Ngày Sách và Văn hóa đọc Việt Nam');
const TRUNG_TAM = task('2', 'I', 5, '2', 'Nâng cao hiệu quả hoạt động của Trung tâm học tập cộng đồng');
const PART_II = task('II', null, 6, 'II', 'TỔ CHỨC THỰC HIỆN');
// Listed out of order, as an edit may leave them.
const TASKS = [NGAY_SACH, PART_II, TRUNG_TAM, TUAN_LE, PART_I, TUYEN_TRUYEN];

type Shape = [string, number, Shape[]];
const shape = (nodes: OutlineNode[]): Shape[] => nodes.map((n) => [n.task.id, n.depth, shape(n.children)]);

describe('buildOutline', () => {
  it('nests tasks by parent, each level in the order of position, with its depth', () => {
    expect(shape(buildOutline(TASKS))).toEqual([
      [
        'I',
        0,
        [
          [
            '1',
            1,
            [
              ['1a', 2, []],
              ['1b', 2, []],
            ],
          ],
          ['2', 1, []],
        ],
      ],
      ['II', 0, []],
    ]);
  });

  it('keeps the task objects in the nodes', () => {
    expect(buildOutline(TASKS)[0]!.task).toBe(PART_I);
  });

  it('makes a task whose parent is not in the list a root, in position order among the roots', () => {
    const orphan = task('3', 'deleted-part', 5, '3', 'Xây dựng mô hình “Gia đình học tập”');
    expect(shape(buildOutline([PART_II, orphan, PART_I]))).toEqual([
      ['I', 0, []],
      ['3', 0, []],
      ['II', 0, []],
    ]);
  });

  it('shows a task listed twice only once', () => {
    expect(shape(buildOutline([PART_I, TUYEN_TRUYEN, TUYEN_TRUYEN]))).toEqual([['I', 0, [['1', 1, []]]]]);
  });

  it('does not reorder the list it is given', () => {
    const list = [...TASKS];
    buildOutline(list);
    expect(list).toEqual(TASKS);
  });

  it('returns nothing for no tasks', () => {
    expect(buildOutline([])).toEqual([]);
  });
});

describe('flattenOutline', () => {
  it('lists the tasks in outline order with their depths', () => {
    expect(flattenOutline(buildOutline(TASKS)).map((n) => [n.task.number, n.depth])).toEqual([
      ['I', 0],
      ['1', 1],
      ['a)', 2],
      ['b)', 2],
      ['2', 1],
      ['II', 0],
    ]);
  });

  it('lists nothing for an empty outline', () => {
    expect(flattenOutline([])).toEqual([]);
  });
});

describe('subtreeIds', () => {
  it.each([
    ['I', ['1', '1a', '1b', '2', 'I']],
    ['1', ['1', '1a', '1b']],
    ['1a', ['1a']],
    ['II', ['II']],
    ['unknown', ['unknown']],
  ])('the task %s and everything under it are %j', (rootId, expected) => {
    expect([...subtreeIds(TASKS, rootId)].sort()).toEqual(expected);
  });
});

describe('taskLabel', () => {
  it.each([
    [{ number: '1', text: 'Tổ chức tuyên truyền' }, 90, '1 Tổ chức tuyên truyền'],
    [{ number: '3.1', text: 'Tổ chức tuyên truyền' }, 90, '3.1 Tổ chức tuyên truyền'],
    [{ number: '', text: 'Tổ chức tuyên truyền' }, 90, 'Tổ chức tuyên truyền'],
    [{ number: 'a)', text: 'Tổ chức tuyên truyền' }, 20, 'a) Tổ chức tuyên truyền'],
    [{ number: 'a)', text: 'Tổ chức tuyên truyền sâu rộng' }, 20, 'a) Tổ chức tuyên truyề…'],
    [{ number: '', text: 'Tổ chức tuyên truyền sâu rộng' }, 10, 'Tổ chức t…'],
  ])('labels %o (max %i) as %j', (t, max, expected) => {
    expect(taskLabel(t, max)).toBe(expected);
  });

  it('cuts the text to 90 characters by default, the ellipsis included', () => {
    const text = 'Đẩy mạnh công tác tuyên truyền, nâng cao nhận thức của cán bộ, đảng viên và Nhân dân về xây dựng xã hội học tập';
    const label = taskLabel({ number: '1', text });
    expect(label).toBe(`1 ${text.slice(0, 89)}…`);
    expect(label.length).toBe(2 + 90);
  });

  it('keeps a text of exactly the maximum length whole', () => {
    expect(taskLabel({ number: '', text: 'x'.repeat(90) })).toBe('x'.repeat(90));
  });
});

describe('compareByDue', () => {
  const due = (id: string, dueDate: string | null, overdue: boolean) => task(id, null, 0, '', id, { dueDate, overdue });

  it.each([
    ['an overdue task before one that is not', due('a', '2022-12-31', true), due('b', '2021-12-31', false), -1],
    ['a task that is not overdue after an overdue one', due('a', '2021-12-31', false), due('b', '2022-12-31', true), 1],
    ['an earlier due day first', due('a', '2021-12-31', false), due('b', '2022-06-30', false), -1],
    ['a later due day last', due('a', '2022-06-30', false), due('b', '2021-12-31', false), 1],
    ['a task with no due day after one with a due day', due('a', null, false), due('b', '2030-12-31', false), 1],
    ['a task with a due day before one with none', due('a', '2030-12-31', false), due('b', null, false), -1],
    ['two tasks due the same day as a tie', due('a', '2021-12-31', true), due('b', '2021-12-31', true), 0],
    ['two tasks with no due day as a tie', due('a', null, false), due('b', null, false), 0],
  ])('orders %s', (_what, a, b, sign) => {
    expect(Math.sign(compareByDue(a, b))).toBe(sign);
  });

  it('sorts a list overdue first, then by due day, no due day last, ties in their own order', () => {
    const list = [
      due('none-1', null, false),
      due('q4-2022', '2022-12-31', false),
      due('overdue-2021', '2021-12-31', true),
      due('none-2', null, false),
      due('q2-2022', '2022-06-30', false),
      due('overdue-2020', '2020-12-31', true),
      due('q2-2022-b', '2022-06-30', false),
    ];
    expect([...list].sort(compareByDue).map((t) => t.id)).toEqual(['overdue-2020', 'overdue-2021', 'q2-2022', 'q2-2022-b', 'q4-2022', 'none-1', 'none-2']);
  });
});
