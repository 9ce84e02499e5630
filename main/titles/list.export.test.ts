import ExcelJS from 'exceljs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ListImportStatus, XlsxFile } from '../../shared/titles-import.js';
import { generatedPerson, personSheet } from '../../tests/fixtures/persons-sheet.js';
import { stageSheet } from '../../tests/support/import-jobs.js';
import { createTestApp, type TestApp } from '../../tests/support/test-app.js';
import { waitForJob } from '../jobs/index.js';
import { loadDemoTitles } from './index.js';

let app: TestApp;
const HAMLETS = ['Gò Chòi', 'Cả Găng', 'Chiến Thắng'];

async function territory(target: TestApp) {
  const root = (await target.call('units.tree', {}))[0]!;
  const commune = await target.call('units.create', { parentId: root.id, code: '870-02', name: 'Tân Hộ Cơ', type: 'Xã' });
  for (const [i, name] of HAMLETS.entries()) await target.call('units.create', { parentId: commune.id, code: `870-02-0${i + 1}`, name, type: 'Ấp' });
}

beforeEach(async () => {
  app = await createTestApp({ today: '2025-11-20' });
  await territory(app);
});
afterEach(() => app.close());

async function runImport(target: TestApp, content: Buffer, kind: 'person' | 'household', dryRun: boolean): Promise<ListImportStatus> {
  const { jobId } = await target.call('subjects.importXlsx', { kind, stagedId: await stageSheet(target, content, 'danh-sach.xlsx'), dryRun });
  await waitForJob(jobId);
  return target.call('subjects.importStatus', { jobId });
}

/** The sheets of an exported file as exceljs reads it back: rows of cell values, header first. */
async function readBack(file: XlsxFile): Promise<Map<string, unknown[][]>> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(Buffer.from(file.contentBase64, 'base64') as unknown as ArrayBuffer);
  const sheets = new Map<string, unknown[][]>();
  book.eachSheet((sheet) => {
    const rows: unknown[][] = [];
    sheet.eachRow((row) => rows.push((row.values as unknown[]).slice(1).map((v) => v ?? null)));
    sheets.set(sheet.name, rows);
  });
  return sheets;
}

describe('lists.export', () => {
  it('exports the people on screen (commune, hamlet, name filters), ID numbers masked unless asked, and the export reads back through the import', async () => {
    const people = Array.from({ length: 30 }, (_, n) => generatedPerson(n, 'Tân Hộ Cơ', HAMLETS));
    expect((await runImport(app, await personSheet(people), 'person', false)).result).toMatchObject({ created: 30 });
    const goChoi = (await app.call('units.tree', {})).find((u) => u.name === 'Gò Chòi')!;

    const masked = await app.call('lists.export', { list: 'subjects', kind: 'person', unitId: goChoi.id });
    expect(masked.rows).toBe(10);
    expect(masked.fileName).toBe('danh-sach-ca-nhan-ap-go-choi-xa-tan-ho-co.xlsx');
    const sheets = await readBack(masked);
    const [header, ...rows] = sheets.get('Danh sách')!;
    expect(header).toEqual(['Họ và tên', 'Năm sinh', 'Giới tính', 'Dân tộc', 'Tôn giáo', 'Số CCCD', 'Xã', 'Ấp', 'Nhóm đối tượng']);
    expect(rows).toHaveLength(10);
    // In name order, as the page lists them; only the hamlet asked for.
    const page = await app.call('subjects.list', { kind: 'person', unitId: goChoi.id, limit: 50 });
    expect(rows.map((r) => r[0])).toEqual(page.rows.map((p) => p.name));
    expect(rows.every((r) => r[6] === 'Xã Tân Hộ Cơ' && r[7] === 'Ấp Gò Chòi')).toBe(true);
    expect(rows.every((r) => /^\*{9}\d{3}$/.test(String(r[5])))).toBe(true);
    expect(sheets.get('Thông tin')).toContainEqual(['Ghi chú', 'Số CCCD: chỉ hiện 3 số cuối']);

    const searched = await app.call('lists.export', { list: 'subjects', kind: 'person', search: 'nguyen' });
    const names = (await readBack(searched)).get('Danh sách')!.slice(1).map((r) => String(r[0]));
    expect(names.length).toBeGreaterThan(0);
    expect(names.every((n) => n.startsWith('Nguyễn'))).toBe(true);

    // Asked in full, the export is a list the import takes back as it is: every row, same people.
    const full = await app.call('lists.export', { list: 'subjects', kind: 'person', showIdNumbers: true });
    const fullRows = (await readBack(full)).get('Danh sách')!;
    expect(fullRows.slice(1).map((r) => r[5]).sort()).toEqual(people.map((p) => p[1]).sort());
    const other = await createTestApp({ today: '2025-11-20' });
    try {
      await territory(other);
      const content = Buffer.from(full.contentBase64, 'base64');
      const back = await runImport(other, content, 'person', false);
      expect(back.result).toMatchObject({ rows: 30, created: 30 });
      const before = (await app.call('subjects.list', { kind: 'person', showIdNumbers: true, limit: 50 })).rows;
      const after = (await other.call('subjects.list', { kind: 'person', showIdNumbers: true, limit: 50 })).rows;
      const essentials = (p: (typeof before)[number]) => [p.name, p.birthYear, p.gender, p.ethnicity, p.religion, p.idNumber, p.unitName];
      expect(after.map(essentials)).toEqual(before.map(essentials));
    } finally {
      await other.close();
    }
  }, 120_000);

  it('exports households with the import’s headers; a blank template carries the same headers', async () => {
    await runImport(app, await personSheet([[1, 'Hộ Lê Văn Tám', 'Tổ 3', 'Tân Hộ Cơ', 'Cả Găng']], ['STT', 'Chủ hộ', 'Địa chỉ', 'Xã', 'Ấp']), 'household', false);
    const file = await app.call('lists.export', { list: 'subjects', kind: 'household' });
    expect((await readBack(file)).get('Danh sách')).toEqual([
      ['Tên hộ (chủ hộ)', 'Địa chỉ', 'Xã', 'Ấp', 'Ghi chú'],
      // An empty note is an empty cell, which exceljs leaves off the row's end.
      ['Hộ Lê Văn Tám', 'Tổ 3', 'Xã Tân Hộ Cơ', 'Ấp Cả Găng'],
    ]);
    const template = await readBack(await app.call('forms.export', { kind: 'household' }));
    expect(template.get('Danh sách')).toEqual([['Tên hộ (chủ hộ)', 'Địa chỉ', 'Xã', 'Ấp', 'Ghi chú']]);
    expect(template.get('Hướng dẫn')![1]).toEqual(['Tên hộ (chủ hộ)', 'Bắt buộc', 'Viết đủ, có dấu; trùng tên trong cùng ấp thì bị báo']);
  });

  it('exports the year’s evaluations as filtered, and a decision’s recognised list in its order', async () => {
    const root = (await app.call('units.tree', {}))[0]!;
    const communeSpecs: [string, string, string[]][] = [
      ['870-03', 'Thông Bình', ['Công Tạo', 'Bắc Trang', 'Chòi Mòi', 'Cà Vàng']],
      ['870-04', 'Bình Phú', ['Bình Hòa']],
    ];
    for (const [code, name, hamlets] of communeSpecs) {
      const commune = await app.call('units.create', { parentId: root.id, code, name, type: 'Xã' });
      for (const [i, hamlet] of hamlets.entries()) await app.call('units.create', { parentId: commune.id, code: `${code}-0${i + 1}`, name: hamlet, type: 'Ấp' });
    }
    for (const [i, hamlet] of ['Thống Nhất', 'Giồng Găng'].entries()) {
      const commune = (await app.call('units.tree', {})).find((u) => u.name === 'Tân Hộ Cơ')!;
      await app.call('units.create', { parentId: commune.id, code: `870-02-1${i}`, name: hamlet, type: 'Ấp' });
    }
    await loadDemoTitles(app.ctx);
    const tanHoCo = (await app.call('units.tree', {})).find((u) => u.name === 'Tân Hộ Cơ')!;

    const filter = { year: 2025, title: 'cong_dan', communeId: tanHoCo.id } as const;
    const shown = await app.call('evaluations.list', filter);
    const exported = await readBack(await app.call('lists.export', { list: 'evaluations', ...filter }));
    const [header = [], ...rows] = exported.get('Danh sách')!;
    expect(header.slice(0, 8)).toEqual(['STT', 'Tên đối tượng', 'Số CCCD', 'Năm sinh', 'Xã', 'Ấp', 'Danh hiệu', 'Năm']);
    expect(header.slice(-4)).toEqual(['Tổng điểm', 'Kết quả', 'Bước', 'Người đánh giá']);
    expect(rows.map((r) => r[1])).toEqual(shown.map((e) => e.subjectName));
    expect(rows.map((r) => r[header.length - 4] ?? null)).toEqual(shown.map((e) => e.total));
    expect(rows.every((r) => r[4] === 'Xã Tân Hộ Cơ')).toBe(true);

    const [decision] = await app.call('decisions.list', {});
    const list = await app.call('lists.export', { list: 'decision', id: decision!.id });
    const recognised = (await readBack(list)).get('Danh sách')!.slice(1);
    const entries = await app.call('evaluations.list', {});
    expect(recognised).toHaveLength(decision!.evaluationIds.length);
    expect(new Set(recognised.map((r) => r[1]))).toEqual(new Set(entries.filter((e) => decision!.evaluationIds.includes(e.id)).map((e) => e.subjectName)));
    expect(recognised.every((r) => r[header.length - 2] === 'Công nhận')).toBe(true);
    expect((await readBack(list)).get('Thông tin')![1]).toEqual(['Quyết định số', decision!.number]);
  }, 120_000);
});
