import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { GOOD_UNIT_ROWS, unitSheet } from '../../tests/fixtures/units-sheet.js';
import { createTestApp, type TestApp } from '../../tests/support/test-app.js';

let app: TestApp;
beforeEach(async () => {
  app = await createTestApp();
});
afterEach(() => app.close());

const importSheet = async (content: Buffer, dryRun = false) =>
  app.call('units.importXlsx', { fileName: 'don-vi.xlsx', contentBase64: content.toString('base64'), dryRun });
const failSheet = async (content: Buffer) => app.fail('units.importXlsx', { fileName: 'don-vi.xlsx', contentBase64: content.toString('base64') });

async function snapshot() {
  const count = async (table: 'units' | 'unitFigures' | 'auditLog' | 'searchIndex') =>
    Number((await app.ctx.db.selectFrom(table).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
  return { units: await count('units'), figures: await count('unitFigures'), audit: await count('auditLog'), search: await count('searchIndex') };
}

describe('units.importXlsx', () => {
  it('imports communes, hamlets and yearly figures from a good sheet', async () => {
    const result = await importSheet(await unitSheet(GOOD_UNIT_ROWS));
    expect(result).toEqual({ created: 4, updated: 0, figureRows: 4, applied: true });
    const tree = await app.call('units.tree', {});
    expect(tree.map((u) => `${u.depth}:${u.type} ${u.name}`)).toEqual(['0:Huyện Tân Hồng', '1:Thị trấn Sa Rài', '2:Khóm Khóm 1', '1:Xã Tân Hộ Cơ', '2:Ấp Gò Chòi']);
    const saRai = await app.call('units.get', { id: tree[1]!.id });
    expect(saRai.figures.map((f) => [f.year, f.households])).toEqual([
      [2025, 5260],
      [2024, 5200],
    ]);
  });

  it('a dry run reports what would happen and writes nothing', async () => {
    const before = await snapshot();
    const result = await importSheet(await unitSheet(GOOD_UNIT_ROWS), true);
    expect(result).toMatchObject({ created: 4, applied: false });
    expect(await snapshot()).toEqual(before);
  });

  it('re-importing the same sheet updates instead of duplicating', async () => {
    await importSheet(await unitSheet(GOOD_UNIT_ROWS));
    const again = await importSheet(await unitSheet(GOOD_UNIT_ROWS));
    expect(again).toMatchObject({ created: 0, updated: 4 });
    expect(await app.call('units.tree', {})).toHaveLength(5);
  });

  it('reports a bad sheet row by row (sheet, row, column, reason) and writes nothing', async () => {
    const before = await snapshot();
    const bad = await unitSheet([
      ['870-01', 'Sa Rài', 'Thị trấn', '870', 2024, 5200, 60, 15000, 12000, 130, 21],
      ['', 'Không mã', 'Xã', '870', null, null, null, null, null, null, null],
      ['870-03', 'Thông Bình', 'Tỉnh', '870', null, null, null, null, null, null, null],
      ['870-04', 'Bình Phú', 'Xã', '999', null, null, null, null, null, null, null],
      ['870-05', 'Tân Phước', 'Xã', '870', 2024, -5, 1, 1, 1, 1, 1],
      ['870-06', 'An Phước', 'Xã', '870', null, 300, null, null, null, null, null],
    ]);
    const error = await failSheet(bad);
    expect(error.code).toBe('IMPORT_INVALID');
    expect(error.details?.issues).toEqual([
      { path: ['Đơn vị', 3, 'mã'], message: 'Mã đơn vị không được để trống' },
      { path: ['Đơn vị', 6, 'hộ gia đình'], message: 'Số hộ gia đình không được âm' },
      { path: ['Đơn vị', 7, 'năm'], message: 'Có số liệu thì phải ghi năm' },
    ]);
    expect(await snapshot()).toEqual(before);
  });

  it('checks parents and levels against the tree once every row reads well', async () => {
    const before = await snapshot();
    const error = await failSheet(
      await unitSheet([
        ['870-03', 'Thông Bình', 'Tỉnh', '870', null, null, null, null, null, null, null],
        ['870-04', 'Bình Phú', 'Xã', '999', null, null, null, null, null, null, null],
        ['870-07', 'Vòng A', 'Ấp', '870-08', null, null, null, null, null, null, null],
        ['870-08', 'Vòng B', 'Ấp', '870-07', null, null, null, null, null, null, null],
      ]),
    );
    expect(error.details?.issues).toEqual([
      { path: ['Đơn vị', 2, 'cấp'], message: 'Cấp "Tỉnh" không khớp cấp 1 của cây đơn vị: Xã/Thị trấn/Phường' },
      { path: ['Đơn vị', 3, 'mã đơn vị cha'], message: 'Không có đơn vị mã "999" trong bảng tính hay trong dữ liệu' },
      { path: ['Đơn vị', 4, 'mã đơn vị cha'], message: 'Đơn vị cha tạo thành vòng lặp (đơn vị là cha của chính nó)' },
      { path: ['Đơn vị', 5, 'mã đơn vị cha'], message: 'Đơn vị cha tạo thành vòng lặp (đơn vị là cha của chính nó)' },
    ]);
    expect(await snapshot()).toEqual(before);
  });

  it('names a missing required column and refuses a file that is not a workbook', async () => {
    const missing = await failSheet(await unitSheet([['870-01', 'Sa Rài', 'Thị trấn']], ['Mã', 'Tên', 'Cấp']));
    expect(missing.details?.issues).toEqual([{ path: ['Đơn vị', 1, 'mã đơn vị cha'], message: 'Thiếu cột "mã đơn vị cha" ở dòng tiêu đề' }]);
    const notXlsx = await failSheet(Buffer.from('mã,tên\n870-01,Sa Rài'));
    expect(notXlsx.message).toMatch(/\.xlsx/);
  });

  it('accepts headers typed without diacritics', async () => {
    const header = ['ma', 'ten', 'cap', 'ma don vi cha'];
    const result = await importSheet(await unitSheet([['870-09', 'An Phước', 'xa', '']], header));
    expect(result.created).toBe(1);
    const tree = await app.call('units.tree', {});
    expect(tree[1]).toMatchObject({ name: 'An Phước', type: 'Xã', depth: 1 });
  });
});
