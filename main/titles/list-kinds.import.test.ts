import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { applyPreset, type ListImportInput, type ListImportStatus } from '../../shared/titles-import.js';
import { indicatorsOf } from '../../shared/titles-criteria.js';
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

type Options = Partial<Omit<ListImportInput, 'stagedId'>>;
async function runImport(content: Buffer, options: Options): Promise<ListImportStatus> {
  const { jobId } = await app.call('subjects.importXlsx', { stagedId: await stageSheet(app, content, 'danh-sach.xlsx'), ...options });
  await waitForJob(jobId);
  return app.call('subjects.importStatus', { jobId });
}

const count = (sql: string) => app.ctx.sqlite.prepare(sql).pluck().get() as number;
const counts = () => ({
  households: count("SELECT count(*) FROM titleSubjects WHERE kind = 'household'"),
  evaluations: count('SELECT count(*) FROM titleEvaluations'),
  audit: count('SELECT count(*) FROM auditLog'),
});

const HOUSEHOLD_HEADER = ['STT', 'Chủ hộ', 'Địa chỉ', 'Xã', 'Ấp'];
/** A distinct household (by folded name and hamlet) per n. */
const household = (n: number): PersonSheetRow => {
  const person = generatedPerson(n, 'Tân Hộ Cơ', HAMLETS);
  return [n + 1, `${person[2]} — số nhà ${n + 1}`, `Tổ ${(n % 12) + 1}`, 'Tân Hộ Cơ', HAMLETS[n % HAMLETS.length]!];
};

describe('households', () => {
  it('reports exactly the 50 bad rows of a 20,000-row list and writes nothing; fixed, imports in one go', async () => {
    const good = Array.from({ length: 20_000 }, (_, n) => household(n));
    const bad = good.map((r) => [...r]);
    const expected = new Map<number, string>();
    const spoilers: [string, (r: PersonSheetRow, i: number) => void][] = [
      ['Tên hộ (chủ hộ)', (r) => (r[1] = '')],
      ['Xã', (r) => (r[3] = 'Xã Không Có')],
      ['Ấp', (r) => (r[4] = 'Ấp Không Có')],
      // Same name, another spelling, same hamlet as three rows up.
      ['Tên hộ (chủ hộ)', (r, i) => (r[1] = String(bad[i - 3]![1]).toLocaleUpperCase('vi'))],
      ['Tên hộ (chủ hộ)', (r) => (r[1] = 'Hộ '.repeat(80))],
    ];
    for (let k = 0; k < 50; k++) {
      const index = 300 + k * 397;
      const [column, spoil] = spoilers[k % spoilers.length]!;
      spoil(bad[index]!, index);
      expected.set(index + 2, column);
    }
    const before = counts();

    const refused = await runImport(await personSheet(bad, HOUSEHOLD_HEADER), { kind: 'household', dryRun: false });
    expect(refused.phase).toBe('failed');
    expect(refused.issueCount).toBe(50);
    expect(refused.message).toBe('Danh sách có 50 lỗi; chưa có gì được ghi.');
    expect(new Map(refused.issues.map((i) => [i.path[1] as number, i.path[2] as string]))).toEqual(expected);
    expect(counts()).toEqual(before);

    const done = await runImport(await personSheet(good, HOUSEHOLD_HEADER), { kind: 'household', dryRun: false });
    expect(done.result).toMatchObject({ kind: 'household', rows: 20_000, created: 20_000, applied: true, mapped: { name: 'Chủ hộ', address: 'Địa chỉ', commune: 'Xã', hamlet: 'Ấp' } });
    expect(counts()).toEqual({ households: 20_000, evaluations: 0, audit: before.audit + 20_000 });
  }, 180_000);

  it('refuses a household already stored (same folded name and hamlet), not one of the same name elsewhere', async () => {
    await runImport(await personSheet([[1, 'Hộ Lê Văn Tám', '', 'Tân Hộ Cơ', 'Gò Chòi']], HOUSEHOLD_HEADER), { kind: 'household', dryRun: false });
    const again = await runImport(
      await personSheet(
        [
          [1, 'hộ lê văn tám', '', 'xã tân hộ cơ', 'ấp gò chòi'],
          [2, 'Hộ Lê Văn Tám', '', 'Tân Hộ Cơ', 'Cả Găng'],
        ],
        HOUSEHOLD_HEADER,
      ),
      { kind: 'household', dryRun: true },
    );
    expect(again.issues).toEqual([{ path: ['Danh sách', 2, 'Tên hộ (chủ hộ)'], message: 'Đã có hộ lê văn tám ở Ấp Gò Chòi, xã Tân Hộ Cơ' }]);
  });

  it('refuses a sheet missing a required column, naming it, before reading any row', async () => {
    const status = await runImport(await personSheet([[1, 'Tổ 1', 'Gò Chòi']], ['STT', 'Địa chỉ', 'Ấp']), { kind: 'household' });
    expect(status.message).toBe('Danh sách có 2 lỗi; chưa có gì được ghi.');
    expect(status.issues.map((i) => i.message)).toEqual(['Thiếu cột "Tên hộ (chủ hộ)" ở dòng tiêu đề', 'Thiếu cột "Xã" ở dòng tiêu đề']);
    expect(status.issues.every((i) => i.path[1] === 1)).toBe(true);
  });
});

describe('persons: duplicates against stored people', () => {
  it('same folded name, birth year and hamlet without a CCCD, or the same CCCD under another name', async () => {
    await app.call('subjects.create', { kind: 'person', name: 'Nguyễn Thị Hoa', unitId: (await app.call('units.tree', {})).find((u) => u.name === 'Cả Găng')!.id, birthYear: 1975, idNumber: '087175000111' });
    const header = ['CCCD', 'Họ tên', 'Năm sinh', 'Xã', 'Ấp'];
    const status = await runImport(
      await personSheet(
        [
          ['', 'NGUYEN THI HOA', 1975, 'Tân Hộ Cơ', 'Cả Găng'],
          ['087175000111', 'Nguyễn Thị Huê', 1976, 'Tân Hộ Cơ', 'Gò Chòi'],
          ['', 'Nguyễn Thị Hoa', 1976, 'Tân Hộ Cơ', 'Cả Găng'],
        ],
        header,
      ),
      { kind: 'person' },
    );
    expect(status.issues).toEqual([
      { path: ['Danh sách', 2, 'Họ và tên'], message: 'Đã có NGUYEN THI HOA, sinh năm 1975 ở Ấp Cả Găng, xã Tân Hộ Cơ' },
      { path: ['Danh sách', 3, 'Số CCCD'], message: 'Số CCCD đã có trong dữ liệu (Nguyễn Thị Hoa)' },
    ]);
  });
});

describe('mapping presets', () => {
  it('ships the national CDHT form, saves the office’s own (same name replaces), deletes them, never the shipped ones', async () => {
    const shipped = await app.call('presets.list', { kind: 'person' });
    expect(shipped.map((p) => p.id)).toEqual(['builtin:cdht', 'builtin:xhht-person']);
    expect(shipped[0]!.columns).toEqual({ idNumber: 'CCCD', name: 'Họ tên', gender: 'Giới tính', birthYear: 'Năm sinh', ethnicity: 'Dân tộc', religion: 'Tôn giáo', province: 'Tỉnh', commune: 'Xã' });

    const saved = await app.call('presets.save', { kind: 'person', name: 'Mẫu xã Tân Hộ Cơ', columns: { name: 'Tên người', commune: 'Đơn vị xã' } });
    const replaced = await app.call('presets.save', { kind: 'person', name: 'Mẫu xã Tân Hộ Cơ', columns: { name: 'Tên người', commune: 'Đơn vị xã', hamlet: 'Thôn' } });
    expect(replaced.id).toBe(saved.id);
    await app.call('presets.save', { kind: 'household', name: 'Mẫu hộ', columns: { name: 'Chủ hộ' } });
    const persons = await app.call('presets.list', { kind: 'person' });
    expect(persons.slice(2)).toEqual([{ id: saved.id, kind: 'person', name: 'Mẫu xã Tân Hộ Cơ', columns: { name: 'Tên người', commune: 'Đơn vị xã', hamlet: 'Thôn' }, builtIn: false }]);

    // The saved preset maps a sheet headed its way, and the list imports through it.
    const header = ['Tên người', 'Đơn vị xã', 'Thôn'];
    const { mapping } = applyPreset(replaced, header);
    const status = await runImport(await personSheet([['Võ Thị Mười', 'Tân Hộ Cơ', 'Cả Găng']], header), { kind: 'person', columns: mapping, dryRun: false });
    expect(status.result).toMatchObject({ created: 1, mapped: { name: 'Tên người', commune: 'Đơn vị xã', hamlet: 'Thôn' } });

    await app.call('presets.delete', { id: saved.id });
    expect((await app.call('presets.list', { kind: 'person' })).map((p) => p.id)).toEqual(['builtin:cdht', 'builtin:xhht-person']);
    await expect(app.call('presets.delete', { id: 'builtin:cdht' })).rejects.toThrow('Mẫu ghép cột có sẵn không xóa được.');
    const audited = app.ctx.sqlite.prepare("SELECT operation FROM auditLog WHERE entity = 'titleImportPresets' ORDER BY seq").pluck().all();
    expect(audited).toEqual(['presets.save', 'presets.save', 'presets.save', 'presets.delete']);
  });

  it('reads a list in the national CDHT software’s columns through its preset', async () => {
    const header = ['STT', 'CCCD', 'Họ tên', 'Giới tính', 'Năm sinh', 'Dân tộc', 'Tôn giáo', 'Tỉnh', 'Xã'];
    const [cdht] = await app.call('presets.list', { kind: 'person' });
    const { mapping, missing } = applyPreset(cdht!, header);
    expect(missing).toEqual([]);
    const status = await runImport(await personSheet([[1, '087190000555', 'Thạch Thị Sa Rinh', 'Nữ', '12/03/1990', 'Khmer', 'Phật giáo', 'Đồng Tháp', 'Xã Tân Hộ Cơ']], header), { kind: 'person', columns: mapping, dryRun: false });
    expect(status.result).toMatchObject({ created: 1 });
    const [person] = (await app.call('subjects.list', { kind: 'person', search: 'thach', showIdNumbers: true })).rows;
    expect(person).toMatchObject({ name: 'Thạch Thị Sa Rinh', gender: 'nu', birthYear: 1990, ethnicity: 'Khmer', religion: 'Phật giáo', idNumber: '087190000555', unitName: 'Xã Tân Hộ Cơ' });
  });
});

describe('evaluations', () => {
  async function citizenSet() {
    await app.call('criteria.installSamples', {});
    return (await app.call('criteria.list', {})).find((s) => s.sampleKey === 'cdht-nong-dan' && s.current)!;
  }

  it('refuses scores outside an indicator’s range naming row and column, and unknown people; fixed, writes every evaluation with its result', async () => {
    const set = await citizenSet();
    const indicators = indicatorsOf(set.definition.criteria);
    const label = (i: (typeof indicators)[number]) => `${i.code} ${i.name}`.slice(0, 80);
    const people = [
      ['087080000001', 'Lê Thị Xuân Mai', 1984, 'Gò Chòi'],
      ['', 'Huỳnh Văn Tới', 1979, 'Cả Găng'],
    ] as const;
    for (const [id, name, birthYear, hamletName] of people) {
      const hamlet = (await app.call('units.tree', {})).find((u) => u.name === hamletName)!;
      await app.call('subjects.create', { kind: 'person', name, unitId: hamlet.id, birthYear, idNumber: id === '' ? null : id });
    }
    const header = ['CCCD', 'Họ tên', 'Năm sinh', 'Xã', 'Ấp', ...indicators.map((i) => i.code), 'Người đánh giá'];
    const scores = (value: number): (string | number)[] => indicators.map((i) => (i.kind === 'passFail' ? 'Đạt' : value));
    const row = (person: (typeof people)[number], s: (string | number)[]): PersonSheetRow => [person[0], person[1], person[2], 'Tân Hộ Cơ', person[3], ...s, 'Chi hội Khuyến học'];
    const points = indicators.filter((i) => i.kind === 'points');
    const wrong = scores(9);
    wrong[indicators.indexOf(points[0]!)] = 11;
    wrong[indicators.indexOf(points[1]!)] = 'chín';
    const before = counts();
    const options: Options = { kind: 'evaluation', criteriaSetId: set.id, year: 2025, dryRun: false };

    const refused = await runImport(await personSheet([row(people[0], scores(9)), row(people[1], wrong), ['', 'Người Lạ', 1990, 'Tân Hộ Cơ', 'Gò Chòi', ...scores(9)]], header), options);
    expect(refused.issues).toEqual([
      { path: ['Danh sách', 3, label(points[0]!)], message: `chỉ số ${points[0]!.code} "${points[0]!.name}": điểm 11 ngoài khoảng 0–10` },
      { path: ['Danh sách', 3, label(points[1]!)], message: 'Điểm "chín" không đọc được' },
      { path: ['Danh sách', 4, 'Tên đối tượng'], message: 'Không tìm thấy cá nhân "Người Lạ" sinh năm 1990 ở Ấp Gò Chòi, xã Tân Hộ Cơ trong dữ liệu' },
    ]);
    expect(counts()).toEqual(before);

    const fixed = [row(people[0], scores(9)), row(people[1], scores(7))];
    const done = await runImport(await personSheet(fixed, header), options);
    expect(done.result).toMatchObject({ rows: 2, created: 2, applied: true });
    expect(done.result!.preview.map((p) => p.cells)).toEqual([
      ['Lê Thị Xuân Mai', 'Ấp Gò Chòi', '90', 'Đạt'],
      ['Huỳnh Văn Tới', 'Ấp Cả Găng', '70', 'Không đạt'],
    ]);
    const stored = await app.call('evaluations.list', { year: 2025, title: 'cong_dan' });
    expect(stored.map((e) => [e.subjectName, e.total, e.resultLabel, e.status, e.evaluator, e.criteriaSetId])).toEqual([
      ['Huỳnh Văn Tới', 70, 'Không đạt', 'tu_danh_gia', 'Chi hội Khuyến học', set.id],
      ['Lê Thị Xuân Mai', 90, 'Đạt', 'tu_danh_gia', 'Chi hội Khuyến học', set.id],
    ]);

    const again = await runImport(await personSheet(fixed.slice(0, 1), header), options);
    expect(again.issues.map((i) => i.message)).toEqual(['Lê Thị Xuân Mai đã có hồ sơ xét "Công dân học tập" năm 2025']);
  });

  it('refuses a list without an indicator’s column, naming it', async () => {
    const set = await citizenSet();
    const [first, ...rest] = indicatorsOf(set.definition.criteria);
    const status = await runImport(await personSheet([], ['Họ tên', 'Xã', ...rest.map((i) => i.code)]), { kind: 'evaluation', criteriaSetId: set.id, year: 2025 });
    expect(status.issues.map((i) => i.message)).toEqual([`Thiếu cột "${`${first!.code} ${first!.name}`.slice(0, 80)}" ở dòng tiêu đề`]);
  });
});
