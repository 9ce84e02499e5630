import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { GOOD_UNIT_ROWS, unitSheet } from '../../tests/fixtures/units-sheet.js';
import { importUnitsOk, runUnitsImport, stageSheet } from '../../tests/support/import-jobs.js';
import { createTestApp, type TestApp } from '../../tests/support/test-app.js';

let app: TestApp;
beforeEach(async () => {
  app = await createTestApp();
});
afterEach(() => app.close());

async function snapshot() {
  const count = async (table: 'units' | 'unitFigures' | 'auditLog' | 'searchIndex') =>
    Number((await app.ctx.db.selectFrom(table).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
  return { units: await count('units'), figures: await count('unitFigures'), audit: await count('auditLog'), search: await count('searchIndex') };
}

const failed = async (content: Buffer) => {
  const status = await runUnitsImport(app, content);
  expect(status.phase).toBe('failed');
  return status;
};

describe('units.importXlsx', () => {
  it('imports communes, hamlets and yearly figures from a good sheet, audited and searchable', async () => {
    const before = await snapshot();
    const result = await importUnitsOk(app, await unitSheet(GOOD_UNIT_ROWS));
    expect(result).toEqual({ created: 4, updated: 0, unchanged: 0, figureRows: 4, applied: true });
    const tree = await app.call('units.tree', {});
    expect(tree.map((u) => `${u.depth}:${u.type} ${u.name}`)).toEqual(['0:Huyện Tân Hồng', '1:Thị trấn Sa Rài', '2:Khóm Khóm 1', '1:Xã Tân Hộ Cơ', '2:Ấp Gò Chòi']);
    const saRai = await app.call('units.get', { id: tree[1]!.id });
    expect(saRai.figures.map((f) => [f.year, f.households])).toEqual([
      [2025, 5260],
      [2024, 5200],
    ]);
    // One audit row per unit and per figures row, one search entry per unit.
    expect(await snapshot()).toEqual({ units: before.units + 4, figures: before.figures + 4, audit: before.audit + 8, search: before.search + 4 });
    const audit = await app.ctx.db.selectFrom('auditLog').selectAll().where('recordId', '=', tree[1]!.id).execute();
    expect(audit).toMatchObject([{ operation: 'units.importXlsx', entity: 'units', actor: 'kiểm thử', before: null }]);
    expect(tree[1]).toMatchObject({ rev: 1, originOfficeId: app.ctx.officeId() });
    const hits = await app.call('search.query', { text: 'go choi' });
    expect(hits[0]).toMatchObject({ label: 'Ấp Gò Chòi', detail: 'Xã Tân Hộ Cơ, Huyện Tân Hồng, tỉnh Đồng Tháp' });
  });

  it('writes several hundred rows in whole statements and a remainder: every unit, figures row, audit row and search entry lands', async () => {
    // 3 communes × 110 hamlets; every third hamlet has no figures, so the tables' batches fill at different rows.
    const rows: (string | number | null)[][] = [];
    for (let c = 0; c < 3; c++) {
      rows.push([`870-${c}`, `Xã Lô ${c}`, 'Xã', '', 2024, 100 + c, 1, 1, 1, 1, 1]);
      for (let h = 0; h < 110; h++) rows.push([`870-${c}-${h}`, `Ấp Thử ${c} ${h}`, 'Ấp', `870-${c}`, ...(h % 3 === 0 ? [null, null, null, null, null, null, null] : [2024, h, 1, 1, 1, 1, 1])]);
    }
    const before = await snapshot();
    const result = await importUnitsOk(app, await unitSheet(rows));
    const figureRows = 3 + 3 * 73;
    expect(result).toEqual({ created: 333, updated: 0, unchanged: 0, figureRows, applied: true });
    expect(await snapshot()).toEqual({ units: before.units + 333, figures: before.figures + figureRows, audit: before.audit + 333 + figureRows, search: before.search + 333 });
    const unaudited = app.ctx.sqlite
      .prepare(`SELECT count(*) FROM units u WHERE u.code LIKE '870-%' AND (SELECT count(*) FROM auditLog a WHERE a.recordId = u.id AND a.entity = 'units') <> 1`)
      .pluck()
      .get();
    expect(unaudited).toBe(0);
    for (const [text, label] of [['thu 1 57', 'Ấp Ấp Thử 1 57'], ['thu 2 109', 'Ấp Ấp Thử 2 109']]) {
      expect((await app.call('search.query', { text: text! })).map((h) => h.label)).toContain(label);
    }
    const last = (await app.call('units.tree', {})).find((u) => u.code === '870-2-109')!;
    expect((await app.call('units.get', { id: last.id })).figures.map((f) => f.households)).toEqual([109]);
    // Each audit row holds its row as stored, column for column.
    for (const table of ['units', 'unitFigures'] as const) {
      const row = app.ctx.sqlite.prepare(`SELECT * FROM ${table} WHERE ${table === 'units' ? 'id' : 'unitId'} = ?`).get(last.id) as { id: string };
      const after = app.ctx.sqlite.prepare('SELECT after FROM auditLog WHERE recordId = ?').pluck().get(row.id) as string;
      expect(JSON.parse(after)).toEqual(row);
    }
  });

  it('a dry run reports what would happen and writes nothing', async () => {
    const before = await snapshot();
    const result = await importUnitsOk(app, await unitSheet(GOOD_UNIT_ROWS), true);
    expect(result).toMatchObject({ created: 4, applied: false });
    expect(await snapshot()).toEqual(before);
  });

  it('re-importing the same sheet writes nothing; a changed name updates in place and re-indexes the units below', async () => {
    await importUnitsOk(app, await unitSheet(GOOD_UNIT_ROWS));
    const before = await snapshot();
    expect(await importUnitsOk(app, await unitSheet(GOOD_UNIT_ROWS))).toMatchObject({ created: 0, updated: 0, unchanged: 4 });
    expect(await snapshot()).toEqual(before);

    const renamed = GOOD_UNIT_ROWS.map((r) => (r[0] === '870-02' ? ['870-02', 'Tân Hộ Cơ Mới', ...r.slice(2)] : r));
    expect(await importUnitsOk(app, await unitSheet(renamed))).toMatchObject({ created: 0, updated: 1, unchanged: 3 });
    const tree = await app.call('units.tree', {});
    expect(tree.find((u) => u.code === '870-02')).toMatchObject({ name: 'Tân Hộ Cơ Mới', rev: 2 });
    expect((await app.call('search.query', { text: 'go choi' }))[0]?.detail).toBe('Xã Tân Hộ Cơ Mới, Huyện Tân Hồng, tỉnh Đồng Tháp');
    expect(tree).toHaveLength(5);
  });

  it('rows written while the sheet is read end as the whole sheet plans them: a parent renamed further down, a child before its parent', async () => {
    await importUnitsOk(app, await unitSheet(GOOD_UNIT_ROWS));
    const before = await snapshot();
    // A hamlet before its new commune: the commune is written ahead, the hamlet once the plan is made.
    const childFirst = [
      ['870-03-01', 'Phú Hiệp', 'Ấp', '870-03', 2025, 400, 4, 1200, 900, 6, 1],
      ['870-03', 'Thông Bình', 'Xã', '870', 2025, 3000, 30, 9000, 7000, 70, 10],
    ];
    expect(await importUnitsOk(app, await unitSheet(childFirst))).toEqual({ created: 2, updated: 0, unchanged: 0, figureRows: 2, applied: true });
    // Written ahead under the stored 870-02, which a later row renames: the import starts again from the plan.
    const renamedBelow = [
      ['870-02-02', 'Bình Hòa', 'Ấp', '870-02', 2025, 500, 5, 1500, 1200, 8, 1],
      ['870-02', 'Tân Hộ Cơ Mới', 'Xã', '870', null, null, null, null, null, null, null],
    ];
    expect(await importUnitsOk(app, await unitSheet(renamedBelow))).toEqual({ created: 1, updated: 1, unchanged: 0, figureRows: 1, applied: true });
    const tree = await app.call('units.tree', {});
    const shown = tree.filter((u) => ['870-02', '870-02-02', '870-03', '870-03-01'].includes(u.code)).map((u) => `${u.depth}:${u.code} ${u.type} ${u.name} r${u.rev}`);
    expect(shown.sort()).toEqual(['1:870-02 Xã Tân Hộ Cơ Mới r2', '1:870-03 Xã Thông Bình r1', '2:870-02-02 Ấp Bình Hòa r1', '2:870-03-01 Ấp Phú Hiệp r1']);
    // Each change once: three units and three figures rows created, one unit updated; three new search entries.
    expect(await snapshot()).toEqual({ units: before.units + 3, figures: before.figures + 3, audit: before.audit + 7, search: before.search + 3 });
    expect((await app.call('search.query', { text: 'binh hoa' }))[0]?.detail).toBe('Xã Tân Hộ Cơ Mới, Huyện Tân Hồng, tỉnh Đồng Tháp');
    expect((await app.call('search.query', { text: 'phu hiep' }))[0]?.detail).toBe('Xã Thông Bình, Huyện Tân Hồng, tỉnh Đồng Tháp');
    // Three imports, each starting its worker threads: 17–24 s measured on the shared 2-core machine at load 25.
  }, 60_000);

  it('reports a bad sheet row by row (sheet, row, column, reason) and writes nothing', async () => {
    const before = await snapshot();
    const status = await failed(
      await unitSheet([
        ['870-01', 'Sa Rài', 'Thị trấn', '870', 2024, 5200, 60, 15000, 12000, 130, 21],
        ['', 'Không mã', 'Xã', '870', null, null, null, null, null, null, null],
        ['870-03', 'Thông Bình', 'Tỉnh', '870', null, null, null, null, null, null, null],
        ['870-04', 'Bình Phú', 'Xã', '999', null, null, null, null, null, null, null],
        ['870-05', 'Tân Phước', 'Xã', '870', 2024, -5, 1, 1, 1, 1, 1],
        ['870-06', 'An Phước', 'Xã', '870', null, 300, null, null, null, null, null],
        ['870-07', 'Bình Thành', 'Xã', '870', 2024, 980.7, '1,210', '1.210', 'nhiều', 1, 1],
      ]),
    );
    expect(status.message).toBe('Bảng tính có 6 lỗi; chưa có gì được ghi.');
    expect(status.issues).toEqual([
      { path: ['Đơn vị', 3, 'mã'], message: 'Mã đơn vị không được để trống' },
      { path: ['Đơn vị', 6, 'hộ gia đình'], message: 'Số hộ gia đình không được âm' },
      { path: ['Đơn vị', 7, 'năm'], message: 'Có số liệu thì phải ghi năm' },
      { path: ['Đơn vị', 8, 'dòng họ'], message: expect.stringMatching(/^"1,210" có thể là 1,210 \(cách viết Việt Nam\) hoặc 1210/) },
      { path: ['Đơn vị', 8, 'độ tuổi lao động'], message: '"nhiều" không phải là số' },
      { path: ['Đơn vị', 8, 'hộ gia đình'], message: 'Số hộ gia đình phải là số nguyên (ô ghi 980,7)' },
    ]);
    expect(status.issueCount).toBe(6);
    expect(await snapshot()).toEqual(before);
  });

  it('checks parents, levels and the tree rules once every row reads well', async () => {
    const before = await snapshot();
    const status = await failed(
      await unitSheet([
        ['870-03', 'Thông Bình', 'Tỉnh', '870', null, null, null, null, null, null, null],
        ['870-04', 'Bình Phú', 'Xã', '999', null, null, null, null, null, null, null],
        ['870-07', 'Vòng A', 'Ấp', '870-08', null, null, null, null, null, null, null],
        ['870-08', 'Vòng B', 'Ấp', '870-07', null, null, null, null, null, null, null],
        ['870-09', 'Dưới vòng', 'Tổ', '870-07', null, null, null, null, null, null, null],
      ]),
    );
    expect(status.issues).toEqual([
      { path: ['Đơn vị', 3, 'mã đơn vị cha'], message: 'Không có đơn vị mã "999" trong bảng tính hay trong dữ liệu' },
      { path: ['Đơn vị', 4, 'mã đơn vị cha'], message: 'Đơn vị cha tạo thành vòng lặp: "870-07" → "870-08" → "870-07"' },
      { path: ['Đơn vị', 5, 'mã đơn vị cha'], message: 'Đơn vị cha tạo thành vòng lặp: "870-08" → "870-07" → "870-08"' },
      { path: ['Đơn vị', 6, 'mã đơn vị cha'], message: 'Đơn vị cha "870-07" nằm trong một vòng lặp' },
      { path: ['Đơn vị', 2, 'cấp'], message: 'Cấp "Tỉnh" không khớp cấp 1 của cây đơn vị: Xã/Thị trấn/Phường' },
    ]);
    expect(await snapshot()).toEqual(before);
  });

  it('refuses a stored commune moved under its own hamlet', async () => {
    await importUnitsOk(app, await unitSheet(GOOD_UNIT_ROWS));
    const before = await snapshot();
    const status = await failed(await unitSheet([['870-01', 'Sa Rài', 'Thị trấn', '870-01-01', null, null, null, null, null, null, null]]));
    expect(status.issues).toEqual([{ path: ['Đơn vị', 2, 'mã đơn vị cha'], message: 'Đơn vị cha tạo thành vòng lặp: "870-01" → "870-01-01" → "870-01"' }]);
    expect(await snapshot()).toEqual(before);
  });

  it('names a missing required column and refuses a file that is not a workbook', async () => {
    const missing = await failed(await unitSheet([['870-01', 'Sa Rài', 'Thị trấn']], ['Mã', 'Tên', 'Cấp']));
    expect(missing.issues).toEqual([{ path: ['Đơn vị', 1, 'mã đơn vị cha'], message: 'Thiếu cột "mã đơn vị cha" ở dòng tiêu đề' }]);
    const notXlsx = await failed(Buffer.from('mã,tên\n870-01,Sa Rài'));
    expect(notXlsx.message).toMatch(/\.xlsx/);
  });

  it('accepts headers typed without diacritics and codes typed as numbers', async () => {
    const header = ['ma', 'ten', 'cap', 'ma don vi cha'];
    const result = await importUnitsOk(app, await unitSheet([[8709, 'An Phước', 'xa', '']], header));
    expect(result.created).toBe(1);
    const tree = await app.call('units.tree', {});
    expect(tree[1]).toMatchObject({ code: '8709', name: 'An Phước', type: 'Xã', depth: 1 });
  });

  it('reports progress and can be cancelled, leaving the data as it was', async () => {
    const rows = Array.from({ length: 20_000 }, (_, i) => [`C${i}`, `Xã ${i}`, 'Xã', '870', 2024, i, 1, 1, 1, 1, 1]);
    const content = await unitSheet(rows);
    const before = await snapshot();
    const { jobId } = await app.call('units.importXlsx', { stagedId: await stageSheet(app, content, 'lon.xlsx'), dryRun: false });
    let status = await app.call('units.importStatus', { jobId });
    while (status.phase !== 'reading' || status.done === 0) {
      expect(status.phase).toMatch(/queued|checking|reading/);
      await new Promise((r) => setTimeout(r, 20));
      status = await app.call('units.importStatus', { jobId });
    }
    expect(status.total).toBe(20_000);
    await app.call('units.importCancel', { jobId });
    const { waitForJob } = await import('../jobs/index.js');
    expect(await waitForJob(jobId)).toMatchObject({ phase: 'cancelled', message: 'Đã hủy; dữ liệu không bị thay đổi.' });
    expect(await snapshot()).toEqual(before);
    // Writing the 20,000-row workbook dominates: 25–29 s measured on the shared 2-core machine at load 20–30.
  }, 60_000);

  it('runs one import per database at a time', async () => {
    const stagedId = await stageSheet(app, await unitSheet(GOOD_UNIT_ROWS));
    const first = await app.call('units.importXlsx', { stagedId, dryRun: true });
    const second = await app.fail('units.importXlsx', { stagedId, dryRun: true });
    expect(second).toMatchObject({ code: 'CONFLICT', message: expect.stringMatching(/Đang có một lần nhập/) });
    const { waitForJob } = await import('../jobs/index.js');
    expect((await waitForJob(first.jobId)).phase).toBe('done');
  });
});
