import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { TEMPLATE_LIMITS } from '../../shared/plan-template.js';
import { liveRows } from '../../tests/support/plan-fixtures.js';
import { createTestApp, type TestApp } from '../../tests/support/test-app.js';

let app: TestApp;
beforeEach(async () => {
  app = await createTestApp({ today: '2022-01-01' });
});
afterEach(() => app.close());

const agency = (i: number) => ({ key: `a${i}`, name: `Ban công tác số ${i}`, kind: 'khac' });
const template = (over: Record<string, unknown>) =>
  JSON.stringify(
    {
      format: 'xhht-plan-template',
      version: 1,
      plan: { kind: 'ke_hoach', issuer: 'UBND huyện Tân Hồng', title: 'Kế hoạch thử', periodStart: 2021, periodEnd: 2030 },
      ...over,
    },
    null,
    2,
  );
const importFile = (content: string) => app.call('templates.importFile', { fileName: 'mau.json', content });
const failFile = (content: string) => app.fail('templates.importFile', { fileName: 'mau.json', content });

describe('template limits and trees', () => {
  it('imports the most agencies a template may hold, each matched or created once', async () => {
    const before = await liveRows(app, 'agencies');
    const agencies = [...Array.from({ length: TEMPLATE_LIMITS.agencies - 1 }, (_, i) => agency(i)), { key: 'gd', name: 'PHÒNG GIÁO DỤC VÀ ĐÀO TẠO', kind: 'chuyen_mon' }];
    const tasks = agencies.map((a, i) => ({ key: `t${i}`, text: `Nhiệm vụ ${i}`, lead: a.key }));
    await importFile(template({ agencies, tasks }));
    const after = await liveRows(app, 'agencies');
    expect(after.length - before.length).toBe(TEMPLATE_LIMITS.agencies - 1);
  });

  it.each<[string, Record<string, unknown>, RegExp]>([
    ['one agency too many', { agencies: Array.from({ length: TEMPLATE_LIMITS.agencies + 1 }, (_, i) => agency(i)) }, /^Dòng 11 \(agencies\): Tối đa 300 cơ quan$/],
    [
      'one reference too many',
      { references: Array.from({ length: TEMPLATE_LIMITS.references + 1 }, () => ({ relation: 'implements', title: 'Văn bản' })) },
      /\(references\): Tối đa 50 văn bản liên quan$/,
    ],
    [
      'one milestone too many',
      { targets: [{ key: 't', section: 'A', text: 'M', milestones: Array.from({ length: TEMPLATE_LIMITS.milestones + 1 }, () => ({ year: 2025, kind: 'percent', value: 1 })) }] },
      /\(targets › 0 › milestones\): Tối đa 30 mốc$/,
    ],
    ['a coordinator listed twice', { agencies: [agency(1), agency(2)], tasks: [{ key: 't', text: 'N', lead: 'a1', coordinators: ['a2', 'a2'] }] }, /\(tasks › 0 › coordinators › 1\): Cơ quan phối hợp "a2" bị lặp$/],
    [
      'a task loop of three',
      { tasks: [{ key: 'a', text: 'A', parentKey: 'c' }, { key: 'b', text: 'B', parentKey: 'a' }, { key: 'c', text: 'C', parentKey: 'b' }] },
      /\(tasks › 0 › parentKey\): "a" nằm trong vòng lặp mục cha/,
    ],
    [
      'tasks nested 14 deep',
      { tasks: Array.from({ length: 14 }, (_, i) => ({ key: `k${i}`, text: 'N', parentKey: i === 0 ? null : `k${i - 1}` })) },
      /\(tasks › 13 › parentKey\): "k13" nằm ở cấp thứ 14; tối đa 13 cấp lồng nhau$/,
    ],
  ])('refuses %s with its line and writes nothing', async (_name, over, message) => {
    const before = await liveRows(app, 'agencies');
    const error = await failFile(template(over));
    expect(error.code).toBe('IMPORT_INVALID');
    expect(error.details?.issues?.[0]?.message).toMatch(message);
    expect(await liveRows(app, 'agencies')).toEqual(before);
  });
});
