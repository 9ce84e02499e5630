import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exportBundle } from '../../main/bundles/export/export-bundle.js';
import { importBundle } from '../../main/bundles/import/import-bundle.js';
import { loadDemo } from '../../main/demo/demo.service.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

/**
 * Issue 15, point 5: the district (the demo's huyện Tân Hồng) takes sync
 * bundles from a commune running its own XHHT; the commune's root unit is the
 * district's xã Tân Hộ Cơ by its code, so the commune's hamlet, people and
 * figures land under that xã, and the district's own counts include them.
 */
let district: TestApp;
let commune: TestApp;

beforeAll(async () => {
  district = await createTestApp({ today: '2026-11-25', setUp: false });
  await loadDemo(district.ctx);
  commune = await createTestApp({ today: '2026-11-25', setUp: false });
  await commune.call('office.setup', { name: 'UBND xã Tân Hộ Cơ', code: '870-02', level: 'xa', territoryName: 'Tân Hộ Cơ', territoryType: 'Xã', territoryCode: '870-02', provinceName: 'Đồng Tháp' });
}, 120_000);

afterAll(async () => {
  await district?.close();
  await commune?.close();
});

describe('a district aggregates the sync bundles of its communes', () => {
  it('sees a commune’s hamlet, people and figures under its own xã, and its counts and sums include them', async () => {
    const communeRoot = (await commune.call('units.tree', {})).find((u) => u.depth === 0)!;
    const hamlet = await commune.call('units.create', { parentId: communeRoot.id, code: '870-02-90', name: 'Ấp Mới', type: 'Ấp' });
    const names = ['Trần Thị Mới', 'Lê Văn Mới', 'Phạm Thị Mới'];
    for (const name of names) {
      await commune.call('subjects.create', { kind: 'person', name, unitId: hamlet.id, ethnicity: 'Kinh', religion: '', labourGroup: 'Nông dân', address: '', representative: '', orgLevel: '', note: '' });
    }
    await commune.call('units.saveFigures', { unitId: communeRoot.id, year: 2026, households: 3700, clans: 40, adults: 10700, workingAge: 8500, officials: 90, organisations: 15 });

    const xa = (await district.call('units.tree', {})).find((u) => u.code === '870-02')!;
    const districtRoot = (await district.call('units.tree', {})).find((u) => u.depth === 0)!;
    const peopleBefore = (await district.call('subjects.list', { kind: 'person', unitId: xa.id })).total;
    const sumsBefore = (await district.call('units.figureSums', { id: districtRoot.id })).find((s) => s.year === 2026);

    const path = join(commune.dir, 'tan-ho-co.xhht');
    await exportBundle({ sqlite: commune.ctx.sqlite, dataDir: commune.dir, options: { kind: 'sync', period: null, includeFiles: true, includePersonalData: false }, outPath: path, now: new Date() });
    const report = await importBundle({
      db: district.ctx.db,
      sqlite: district.ctx.sqlite,
      dataDir: district.dir,
      path,
      mode: 'apply',
      trust: true,
      resolutions: { all: null, rows: [] },
      force: false,
      actor: 'kiểm thử',
      operation: 'bundles.applyStart',
      now: new Date(),
    });
    expect(report.rejectionCount).toBe(0);
    // The commune's root is the district's xã (by code): matched, not created; the new hamlet is created.
    expect(report.entities.find((e) => e.entity === 'units')).toMatchObject({ created: 1, conflicts: 0 });

    const tree = await district.call('units.tree', {});
    expect(tree.filter((u) => u.code === '870-02')).toHaveLength(1);
    expect(tree.find((u) => u.code === '870-02-90')).toMatchObject({ parentId: xa.id, name: 'Ấp Mới' });
    // Title subjects: the xã's list (it keeps what lies under it) counts the commune's people.
    const people = await district.call('subjects.list', { kind: 'person', unitId: xa.id, limit: 500 });
    expect(people.total).toBe(peopleBefore + names.length);
    expect(people.rows.filter((p) => names.includes(p.name)).every((p) => p.communeId === xa.id)).toBe(true);
    // Yearly figures, the base of the targets' percentages: the district's 2026 sums now have the xã's report.
    const sums = (await district.call('units.figureSums', { id: districtRoot.id })).find((s) => s.year === 2026)!;
    expect(sums.reported).toBe((sumsBefore?.reported ?? 0) + 1);
    expect(sums.households).toBe((sumsBefore?.households ?? 0) + 3700);
  });
});
