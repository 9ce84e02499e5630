import { describe, expect, it } from 'vitest';
import type { TaskRow } from '../../shared/tasks';
import { isPlanHeading, pageWithPlanHeadings, planHeadingText, type TaskListRow } from './taskGroups';

const PLANS = { a: { planTitle: 'Kế hoạch xây dựng xã hội học tập 2021–2030', planNumber: '4344/KH-UBND' }, b: { planTitle: 'Kế hoạch 6 tháng', planNumber: null } };

function task(id: string, plan: 'a' | 'b', overdue = false): TaskRow {
  return { id, planId: plan, overdue, ...PLANS[plan] } as TaskRow;
}

/** A page as "[plan count overdue (tiếp)]" heading marks and task ids. */
const shape = (rows: TaskListRow[]) => rows.map((r) => (isPlanHeading(r) ? `[${r.planId} ${r.count} ${r.overdue}${r.continued ? ' tiếp' : ''}]` : r.id));

describe('pageWithPlanHeadings', () => {
  const rows = [task('a1', 'a'), task('a2', 'a', true), task('a3', 'a'), task('b1', 'b', true), task('b2', 'b')];

  it.each<[string, TaskRow[], number, number, string[]]>([
    ['an empty list', [], 1, 50, []],
    ['one plan on one page', rows.slice(0, 3), 1, 50, ['[a 3 1]', 'a1', 'a2', 'a3']],
    ['two plans, one heading each', rows, 1, 50, ['[a 3 1]', 'a1', 'a2', 'a3', '[b 2 1]', 'b1', 'b2']],
    ['a page ending inside a plan', rows, 1, 2, ['[a 3 1]', 'a1', 'a2']],
    ['a page starting inside a plan repeats its heading as continued', rows, 2, 2, ['[a 3 1 tiếp]', 'a3', '[b 2 1]', 'b1']],
    ['a page starting at a plan’s first row', rows, 2, 3, ['[b 2 1]', 'b1', 'b2']],
    ['a page past the end', rows, 4, 2, []],
  ])('%s', (_what, list, page, size, expected) => {
    expect(shape(pageWithPlanHeadings(list, page, size))).toEqual(expected);
  });

  it('counts each plan over the whole list, not only the page shown', () => {
    const [heading] = pageWithPlanHeadings(rows, 3, 2); // b2 alone, b1 was on page 2
    expect(heading).toMatchObject({ kind: 'plan', planId: 'b', count: 2, overdue: 1, continued: true, planNumber: null });
  });
});

describe('planHeadingText', () => {
  it.each([
    [PLANS.a, 'Kế hoạch 4344/KH-UBND: Kế hoạch xây dựng xã hội học tập 2021–2030'],
    [PLANS.b, 'Kế hoạch 6 tháng'],
  ])('names %j', (plan, text) => expect(planHeadingText(plan)).toBe(text));
});
