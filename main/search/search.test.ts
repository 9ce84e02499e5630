import { afterEach, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../tests/support/test-app.js';

let app: TestApp;
afterEach(() => app.close());

describe('search.query', () => {
  it.each([
    ['tan hong', 'Huyện Tân Hồng'],
    ['TAN HONG', 'Huyện Tân Hồng'],
    ['hoi khuyen hoc', 'Hội Khuyến học'],
    ['doan thanh nien', 'Đoàn Thanh niên Cộng sản Hồ Chí Minh'],
    ['sa rai', 'Thị trấn Sa Rài'],
    ['go ch', 'Ấp Gò Chòi'],
  ])('"%s" finds %s', async (text, label) => {
    app = await createTestApp();
    const root = (await app.call('office.status', {})).office!.rootUnitId;
    const commune = await app.call('units.create', { parentId: root, code: '870-01', name: 'Sa Rài', type: 'Thị trấn' });
    await app.call('units.create', { parentId: commune.id, code: '870-01-01', name: 'Gò Chòi', type: 'Ấp' });
    const hits = await app.call('search.query', { text });
    expect(hits.map((h) => h.label)).toContain(label);
  });

  it('"dong thap" finds the province an office covers', async () => {
    app = await createTestApp({ setUp: false });
    await app.call('office.setup', { name: 'Sở Giáo dục và Đào tạo Đồng Tháp', code: 'DT', level: 'tinh', territoryName: 'Đồng Tháp', territoryType: 'Tỉnh', territoryCode: '87' });
    const hits = await app.call('search.query', { text: 'dong thap' });
    expect(hits[0]).toMatchObject({ entity: 'unit', label: 'Tỉnh Đồng Tháp' });
  });

  it('forgets deleted records and follows renames', async () => {
    app = await createTestApp();
    const agencies = await app.call('agencies.list', {});
    const khuyenHoc = agencies.find((a) => a.name === 'Hội Khuyến học')!;
    await app.call('agencies.update', { ...khuyenHoc, name: 'Hội Khuyến học và Khoa học Lịch sử' });
    expect((await app.call('search.query', { text: 'lich su' })).map((h) => h.id)).toEqual([khuyenHoc.id]);
    await app.call('agencies.delete', { id: khuyenHoc.id, rev: 2 });
    expect(await app.call('search.query', { text: 'lich su' })).toEqual([]);
  });

  it('filters by entity and ignores punctuation-only queries', async () => {
    app = await createTestApp();
    expect(await app.call('search.query', { text: '"*()' })).toEqual([]);
    const onlyUnits = await app.call('search.query', { text: 'tan', entities: ['unit'] });
    expect(onlyUnits.every((h) => h.entity === 'unit')).toBe(true);
  });
});
