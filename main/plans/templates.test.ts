import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { liveRows, storedPlanCounts, tableCounts } from '../../tests/support/plan-fixtures.js';
import { createTestApp, type TestApp } from '../../tests/support/test-app.js';
import { BUNDLED_TEMPLATES_DIR } from './template-files.js';

let app: TestApp;
beforeEach(async () => {
  app = await createTestApp({ today: '2022-01-01' });
});
afterEach(() => app.close());

const tanHong = () => readFileSync(join(BUNDLED_TEMPLATES_DIR, 'tan-hong-2021-2030.json'), 'utf8');

/** A small valid template, pretty-printed so every field has its own line. */
function smallTemplate(over: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    format: 'xhht-plan-template',
    version: 1,
    plan: { kind: 'ke_hoach', issuer: 'UBND huyện Tân Hồng', title: 'Kế hoạch thử', periodStart: 2021, periodEnd: 2030 },
    agencies: [
      { key: 'gddt', name: 'Phòng Giáo dục và Đào tạo', shortName: 'Phòng GD&ĐT', kind: 'chuyen_mon' },
      { key: 'moi', name: 'Trung tâm Giáo dục nghề nghiệp', kind: 'chuyen_mon' },
    ],
    targets: [{ key: 't1', section: 'A', text: 'Mục tiêu', milestones: [{ year: 2025, kind: 'percent', value: 40 }] }],
    tasks: [
      { key: 'n1', number: '1', text: 'Nhiệm vụ một', lead: 'gddt', coordinators: ['moi'] },
      { key: 'n2', number: '2', text: 'Nhiệm vụ hai', lead: 'moi' },
    ],
    ...over,
  };
}
const asFile = (t: unknown) => JSON.stringify(t, null, 2);
const lineOf = (text: string, needle: string) => text.split('\n').findIndex((l) => l.includes(needle)) + 1;

describe('templates.list', () => {
  it('lists the bundled seed plans with what they hold', async () => {
    const list = await app.call('templates.list', {});
    expect(list).toHaveLength(8);
    expect(list.find((t) => t.name === 'tan-hong-2021-2030')).toMatchObject({ period: '2021–2030', targets: 17, tasks: 83 });
  });
});

describe('templates.importBundled', () => {
  it('matches template agencies to the office’s by name or short name and creates only the missing ones', async () => {
    const before = await liveRows(app, 'agencies');
    await app.call('templates.importBundled', { name: 'tan-hong-2021-2030' });
    const after = await liveRows(app, 'agencies');
    const added = after.filter((a) => !before.some((b) => b.id === a.id)).map((a) => a.name);
    expect(added).toEqual(['Các phòng, ban, ngành Huyện']);
    expect(after.filter((a) => a.shortName === 'Phòng GD&ĐT')).toHaveLength(1);
  });

  it('refuses a name that is not a bundled template', async () => {
    expect((await app.fail('templates.importBundled', { name: '../../package' })).code).toBe('NOT_FOUND');
  });
});

describe('templates.importFile', () => {
  it('refuses an unknown agency key with the line of the field, and writes nothing', async () => {
    const content = asFile(smallTemplate({ tasks: [{ key: 'n1', number: '1', text: 'X', lead: 'khong-co' }] }));
    const before = await tableCounts(app);
    const error = await app.fail('templates.importFile', { fileName: 'mau.json', content });
    const line = lineOf(content, '"lead": "khong-co"');
    expect(error.code).toBe('IMPORT_INVALID');
    expect(error.details?.issues?.[0]).toEqual({ path: ['tasks', 0, 'lead'], message: `Dòng ${line} (tasks › 0 › lead): Cơ quan "khong-co" không có trong danh sách agencies` });
    expect(error.message).toContain(`Dòng ${line} (tasks › 0 › lead)`);
    expect(await tableCounts(app)).toEqual(before);
  });

  it('refuses a field the schema rejects with its line', async () => {
    const content = asFile(smallTemplate({ targets: [{ key: 't1', section: 'A', text: 'M', milestones: [{ year: 2025, kind: 'phan-tram', value: 40 }] }] }));
    const error = await app.fail('templates.importFile', { fileName: 'mau.json', content });
    expect(error.details?.issues?.[0]?.message).toMatch(new RegExp(`^Dòng ${lineOf(content, '"kind": "phan-tram"')} \\(targets › 0 › milestones › 0 › kind\\): `));
  });

  it('refuses a milestone outside the period, naming its line', async () => {
    const content = asFile(smallTemplate({ targets: [{ key: 't1', section: 'A', text: 'M', milestones: [{ year: 2035, kind: 'percent', value: 40 }] }] }));
    const error = await app.fail('templates.importFile', { fileName: 'mau.json', content });
    expect(error.details?.issues?.[0]?.message).toBe(`Dòng ${lineOf(content, '"year": 2035')} (targets › 0 › milestones › 0 › year): Mốc năm 2035 nằm ngoài giai đoạn 2021–2030`);
  });

  it('refuses tasks whose parents loop, naming the line, instead of failing inside', async () => {
    const tasks = [
      { key: 'a', parentKey: 'b', number: '1', text: 'A' },
      { key: 'b', parentKey: 'a', number: '2', text: 'B' },
    ];
    const content = asFile(smallTemplate({ tasks }));
    const before = await tableCounts(app);
    const error = await app.fail('templates.importFile', { fileName: 'mau.json', content });
    expect(error.code).toBe('IMPORT_INVALID');
    expect(error.details?.issues?.[0]?.message).toBe(`Dòng ${lineOf(content, '"parentKey": "b"')} (tasks › 0 › parentKey): "a" nằm trong vòng lặp mục cha (một mục là cha của chính nó)`);
    expect(await tableCounts(app)).toEqual(before);
  });

  it('words a missing field in Vietnamese', async () => {
    const content = asFile(smallTemplate({ tasks: [{ key: 'n1', number: '1' }] }));
    const error = await app.fail('templates.importFile', { fileName: 'mau.json', content });
    expect(error.details?.issues?.[0]?.message).toMatch(/\(tasks › 0 › text\): Thiếu trường bắt buộc/);
  });

  it('refuses broken JSON with its line', async () => {
    const error = await app.fail('templates.importFile', { fileName: 'mau.json', content: '{\n  "format": "xhht-plan-template",\n  "version": 1,\n}' });
    expect(error.message).toContain('Dòng 4');
  });

  it('rolls everything back when a write fails half way', async () => {
    // Two template agencies that both match Phòng GD&ĐT make one task's lead its own coordinator, found only while writing.
    const agencies = [
      { key: 'gddt', name: 'Phòng Giáo dục và Đào tạo', kind: 'chuyen_mon' },
      { key: 'gd', name: 'Phòng Giáo dục', shortName: 'Phòng GD&ĐT', kind: 'chuyen_mon' },
      { key: 'moi', name: 'Trung tâm Giáo dục nghề nghiệp', kind: 'chuyen_mon' },
    ];
    const tasks = [{ key: 'n1', text: 'Hợp lệ', lead: 'moi' }, { key: 'n2', text: 'X', lead: 'gddt', coordinators: ['gd'] }];
    const before = await tableCounts(app);
    const error = await app.fail('templates.importFile', { fileName: 'mau.json', content: asFile(smallTemplate({ agencies, tasks })) });
    expect(error.code).toBe('VALIDATION');
    expect(await tableCounts(app)).toEqual(before);
  });

  it('imports a valid file', async () => {
    const plan = await app.call('templates.importFile', { fileName: 'mau.json', content: asFile(smallTemplate()) });
    expect(await storedPlanCounts(app, plan.id)).toMatchObject({ targets: 1, tasks: 2, tasksWithLead: 2, agencyAssignments: 3 });
  });
});

describe('templates.export', () => {
  it('writes a template that imports back to the same plan', async () => {
    const plan = await app.call('templates.importFile', { fileName: 'tan-hong.json', content: tanHong() });
    const exported = await app.call('templates.export', { id: plan.id });
    expect(exported.fileName).toMatch(/\.json$/);
    const other = await createTestApp({ today: '2022-01-01' });
    try {
      const again = await other.call('templates.importFile', { fileName: exported.fileName, content: exported.content });
      expect(await storedPlanCounts(other, again.id)).toEqual(await storedPlanCounts(app, plan.id));
      const rows = async (a: TestApp, id: string) => (await a.call('tasks.list', { planId: id })).map((t) => [t.outlineNumber, t.text, t.leadAgencyName, t.coordinatorAgencyNames, t.deadline]);
      expect(await rows(other, again.id)).toEqual(await rows(app, plan.id));
      expect((await other.call('templates.export', { id: again.id })).content.replace(/"source": "[^"]*"/, '')).toBe(exported.content.replace(/"source": "[^"]*"/, ''));
    } finally {
      await other.close();
    }
  });
});
