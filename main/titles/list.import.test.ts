import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ListImportStatus } from '../../shared/titles-import.js';
import { generatedPerson, personSheet, type PersonSheetRow } from '../../tests/fixtures/persons-sheet.js';
import { stageSheet } from '../../tests/support/import-jobs.js';
import { createTestApp, type TestApp } from '../../tests/support/test-app.js';
import { waitForJob } from '../jobs/index.js';

let app: TestApp;
const HAMLETS = ['Gò Chòi', 'Cả Găng', 'Chiến Thắng'];

beforeEach(async () => {
  app = await createTestApp({ today: '2025-11-20' });
  const root = (await app.call('units.tree', {}))[0]!;
  const commune = await app.call('units.create', { parentId: root.id, code: '870-02', name: 'Tân Hộ Cơ', type: 'Xã' });
  for (const [i, name] of HAMLETS.entries()) await app.call('units.create', { parentId: commune.id, code: `870-02-0${i + 1}`, name, type: 'Ấp' });
});
afterEach(() => app.close());

async function runImport(content: Buffer, dryRun: boolean, columns: Record<string, string> = {}): Promise<ListImportStatus> {
  const { jobId } = await app.call('subjects.importXlsx', { stagedId: await stageSheet(app, content, 'danh-sach.xlsx'), dryRun, columns });
  await waitForJob(jobId);
  return app.call('subjects.importStatus', { jobId });
}

const counts = () => ({
  people: app.ctx.sqlite.prepare("SELECT count(*) FROM titleSubjects WHERE kind = 'person'").pluck().get() as number,
  audit: app.ctx.sqlite.prepare('SELECT count(*) FROM auditLog').pluck().get() as number,
});

/** Fifty ways a real list goes wrong, each on its own row, and the column the report must name. */
function spoil(rows: PersonSheetRow[]): Map<number, string> {
  const expected = new Map<number, string>();
  const kinds: [string, (r: PersonSheetRow, i: number) => void][] = [
    ['Họ và tên', (r) => (r[2] = '')],
    ['Năm sinh', (r) => (r[4] = 'khoảng 1970')],
    ['Giới tính', (r) => (r[3] = 'Khác')],
    ['Số CCCD', (r) => (r[1] = '08709')],
    ['Xã', (r) => (r[8] = 'Xã Không Có')],
    ['Ấp', (r) => (r[9] = 'Ấp Không Có')],
    ['Số CCCD', (r, i) => (r[1] = rows[i - 1]![1]!)],
    ['Họ và tên', (r, i) => ((r[1] = `0999${String(i).padStart(8, '0')}`), (r[2] = rows[i - 2]![2]!), (r[4] = rows[i - 2]![4]!), (r[9] = rows[i - 2]![9]!))],
  ];
  for (let k = 0; k < 50; k++) {
    const index = 300 + k * 397;
    const [column, change] = kinds[k % kinds.length]!;
    change(rows[index]!, index);
    expected.set(index + 2, column);
  }
  return expected;
}

describe('subjects.importXlsx', () => {
  it('reports exactly the 50 bad rows of a 20,000-row list and writes nothing; fixed, imports in one go', async () => {
    const good = Array.from({ length: 20_000 }, (_, n) => generatedPerson(n, 'Tân Hộ Cơ', HAMLETS));
    const bad = good.map((r) => [...r]);
    const expected = spoil(bad);
    const before = counts();

    const refused = await runImport(await personSheet(bad), false);
    expect(refused.phase).toBe('failed');
    expect(refused.issueCount).toBe(50);
    expect(refused.message).toBe('Danh sách có 50 lỗi; chưa có gì được ghi.');
    expect(new Map(refused.issues.map((i) => [i.path[1] as number, i.path[2] as string]))).toEqual(expected);
    expect(refused.issues.every((i) => i.path[0] === 'Danh sách')).toBe(true);
    expect(counts()).toEqual(before);

    const preview = await runImport(await personSheet(good), true);
    expect(preview.result).toMatchObject({ rows: 20_000, created: 20_000, applied: false, mapped: { name: 'Họ tên', idNumber: 'CCCD', commune: 'Xã', hamlet: 'Ấp' } });
    expect(preview.result!.preview[0]).toEqual({ row: 2, cells: ['Nguyễn Văn An', '1950', 'Nam', 'Ấp Gò Chòi, xã Tân Hộ Cơ', '*********000'] });
    expect(counts()).toEqual(before);

    const done = await runImport(await personSheet(good), false);
    expect(done.result).toMatchObject({ created: 20_000, applied: true });
    expect(counts()).toEqual({ people: before.people + 20_000, audit: before.audit + 20_000 });
    const page = await app.call('subjects.list', { kind: 'person', search: 'nguyen van an' });
    expect(page.rows[0]).toMatchObject({ name: 'Nguyễn Văn An', unitName: 'Ấp Gò Chòi, xã Tân Hộ Cơ', idNumber: '*********000' });

    // The same list again: every row is now a duplicate of a stored person.
    const again = await runImport(await personSheet(good.slice(0, 3)), false);
    expect(again.issues.map((i) => i.message)).toEqual([
      'Số CCCD đã có trong dữ liệu (Nguyễn Văn An)',
      'Số CCCD đã có trong dữ liệu (Trần Văn An)',
      'Số CCCD đã có trong dữ liệu (Lê Văn An)',
    ]);
  }, 180_000);

  it('reads the columns the officer maps, and names a missing required column', async () => {
    const header = ['Tên người', 'Sinh năm', 'Đơn vị xã', 'Thôn'];
    const rows = [['Võ Thị Mười', 1985, 'Tân Hộ Cơ', 'Cả Găng']];
    const missing = await runImport(await personSheet(rows, header), true);
    expect(missing.issues.map((i) => i.message)).toEqual(['Thiếu cột "Họ và tên" ở dòng tiêu đề', 'Thiếu cột "Xã" ở dòng tiêu đề']);
    const mapped = await runImport(await personSheet(rows, header), false, { name: 'Tên người', birthYear: 'Sinh năm', commune: 'Đơn vị xã', hamlet: 'Thôn' });
    expect(mapped.result).toMatchObject({ created: 1, applied: true });
    const wrongMap = await runImport(await personSheet(rows, header), true, { name: 'Họ và tên' });
    expect(wrongMap.issues[0]!.message).toBe('Không có cột "Họ và tên" (đã chọn cho "Họ và tên") ở dòng tiêu đề');
  });

  it('gives a CCCD typed as a number its leading zero back', async () => {
    const status = await runImport(await personSheet([[1, 87090000123, 'Đinh Văn Số', 'Nam', 1990, 'Kinh', '', 'Đồng Tháp', 'xã tân hộ cơ', 'ấp gò chòi']]), false);
    expect(status.result).toMatchObject({ created: 1 });
    const [person] = (await app.call('subjects.list', { kind: 'person', search: 'dinh van so', showIdNumbers: true })).rows;
    expect(person).toMatchObject({ idNumber: '087090000123', unitName: 'Ấp Gò Chòi, xã Tân Hộ Cơ' });
  });
});
