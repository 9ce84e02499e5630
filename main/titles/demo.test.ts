import { afterEach, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../tests/support/test-app.js';
import { countRecognitions, loadDemoTitles } from './index.js';

let app: TestApp;
afterEach(async () => {
  await (app.ctx.printer as { close?: () => Promise<void> }).close?.();
  await app.close();
});

it('the demo cycle holds a 2025 cycle for two communes: every step, one decision for Tân Hộ Cơ, Thông Bình awaiting its own', async () => {
  app = await createTestApp({ today: '2026-01-10' });
  // The two communes as the demo territory has them (main/demo/demo-territory.ts), beside one the demo leaves alone.
  const root = (await app.call('units.tree', {}))[0]!;
  const communeSpecs: [string, string, string[]][] = [
    ['870-02', 'Tân Hộ Cơ', ['Gò Chòi', 'Cả Găng', 'Thống Nhất', 'Chiến Thắng', 'Giồng Găng']],
    ['870-03', 'Thông Bình', ['Công Tạo', 'Bắc Trang', 'Chòi Mòi', 'Cà Vàng']],
    ['870-04', 'Bình Phú', ['Bình Hòa']],
  ];
  for (const [code, name, hamlets] of communeSpecs) {
    const commune = await app.call('units.create', { parentId: root.id, code, name, type: 'Xã' });
    for (const [i, hamlet] of hamlets.entries()) await app.call('units.create', { parentId: commune.id, code: `${code}-0${i + 1}`, name: hamlet, type: 'Ấp' });
  }
  await loadDemoTitles(app.ctx);
  const communes = (await app.call('units.tree', {})).filter((u) => u.depth === 1);
  const tanHoCo = communes.find((c) => c.name === 'Tân Hộ Cơ')!;
  const thongBinh = communes.find((c) => c.name === 'Thông Bình')!;
  const evaluations = await app.call('evaluations.list', { year: 2025, title: 'cong_dan' });
  expect(new Set(evaluations.map((e) => e.status))).toEqual(new Set(['dang_ky', 'tu_danh_gia', 'xa_tham_dinh', 'de_nghi', 'cong_nhan', 'khong_cong_nhan']));

  const [decision] = await app.call('decisions.list', { year: 2025 });
  expect(decision).toMatchObject({ number: '245/QĐ-UBND', title: 'cong_dan', authority: 'Ủy ban nhân dân xã Tân Hộ Cơ', decider: 'Chủ tịch Ủy ban nhân dân xã Tân Hộ Cơ' });
  // Made from the sample authority table the demo installs: the commune's chairman recognises citizens.
  const authority = (await app.call('authorities.list', {})).find((a) => a.id === decision!.authorityId);
  expect(authority).toMatchObject({ title: 'cong_dan', level: 'xa' });
  const recognised = evaluations.filter((e) => e.status === 'cong_nhan');
  expect(recognised.map((e) => e.id).sort()).toEqual([...decision!.evaluationIds].sort());
  // Tân Hộ Cơ is a difficult commune: someone between 70 and 80 points is recognised there.
  expect(recognised.some((e) => e.total! < 80 && e.area === 'kho_khan')).toBe(true);
  expect(await countRecognitions(app.ctx.db, { year: 2025, title: 'cong_dan' })).toEqual([{ communeId: tanHoCo.id, title: 'cong_dan', year: 2025, count: recognised.length }]);
  expect(evaluations.filter((e) => e.communeId === thongBinh.id && e.status === 'de_nghi').length).toBeGreaterThan(0);

  const households = await app.call('subjects.list', { kind: 'household' });
  expect(households.total).toBe(2);
  const people = await app.call('subjects.list', { kind: 'person', unitId: tanHoCo.id });
  expect(people.total).toBe(12);
  expect(people.rows.every((p) => p.idNumber?.startsWith('*********'))).toBe(true);
});
