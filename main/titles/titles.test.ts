import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CriteriaSetDto, SubjectInput } from '../../shared/titles.js';
import type { Scores } from '../../shared/titles-criteria.js';
import { createTestApp, type TestApp } from '../../tests/support/test-app.js';
import { countRecognitions } from './index.js';

let app: TestApp;
let place: { communeA: string; communeB: string; hamletA: string; hamletB: string };

beforeEach(async () => {
  app = await createTestApp({ today: '2025-11-20' });
  const root = (await app.call('units.tree', {}))[0]!;
  const communeA = await app.call('units.create', { parentId: root.id, code: '870-01', name: 'Tân Hộ Cơ', type: 'Xã' });
  const communeB = await app.call('units.create', { parentId: root.id, code: '870-02', name: 'Thông Bình', type: 'Xã' });
  const hamletA = await app.call('units.create', { parentId: communeA.id, code: '870-01-01', name: 'Chiến Thắng', type: 'Ấp' });
  const hamletB = await app.call('units.create', { parentId: communeB.id, code: '870-02-01', name: 'Cả Găng', type: 'Ấp' });
  place = { communeA: communeA.id, communeB: communeB.id, hamletA: hamletA.id, hamletB: hamletB.id };
  await app.call('criteria.installSamples', {});
});
afterEach(async () => {
  await (app.ctx.printer as { close?: () => Promise<void> }).close?.();
  await app.close();
});

const citizenSet = async (): Promise<CriteriaSetDto> => (await app.call('criteria.list', {})).find((s) => s.sampleKey === 'cdht-nong-dan' && s.current)!;
const codes = (set: CriteriaSetDto) => set.definition.criteria.flatMap((c) => c.indicators.map((i) => i.code));
const even = (set: CriteriaSetDto, points: number, overrides: Scores = {}): Scores => ({ ...Object.fromEntries(codes(set).map((c) => [c, points])), ...overrides });

const person = (name: string, extra: Partial<SubjectInput> = {}) =>
  app.call('subjects.create', { kind: 'person', name, unitId: place.hamletA, birthYear: 1980, gender: 'nam', labourGroup: 'Nông dân', ...extra });

async function evaluate(name: string, scores: Scores, extra: Partial<SubjectInput> = {}) {
  const subject = await person(name, extra);
  const set = await citizenSet();
  const created = await app.call('evaluations.create', { subjectId: subject.id, year: 2025, title: 'cong_dan', criteriaSetId: set.id });
  return app.call('evaluations.saveScores', { id: created.id, rev: created.rev, scores, evaluator: 'Ban khuyến học ấp' });
}

async function propose(name: string, extra: Partial<SubjectInput> = {}) {
  let e = await evaluate(name, even(await citizenSet(), 9), extra);
  for (const to of ['tu_danh_gia', 'xa_tham_dinh', 'de_nghi'] as const) e = await app.call('evaluations.advance', { id: e.id, rev: e.rev, to });
  return e;
}

const decision = (evaluationIds: string[], number = '15/QĐ-UBND') => ({
  number,
  signedOn: '2025-12-20',
  authority: 'Ủy ban nhân dân xã Tân Hộ Cơ',
  signerTitle: 'KT. Chủ tịch\nPhó Chủ tịch',
  signerName: 'Trần Văn Ký',
  place: 'Tân Hộ Cơ',
  title: 'cong_dan' as const,
  year: 2025,
  evaluationIds,
});

const auditOf = (recordId: string) =>
  app.ctx.sqlite.prepare('SELECT operation, entity FROM auditLog WHERE recordId = ? ORDER BY seq').all(recordId) as { operation: string; entity: string }[];

describe('criteria sets', () => {
  it('installs the samples once, labelled as samples', async () => {
    expect(await app.call('criteria.installSamples', {})).toEqual({ installed: 0 });
    const sets = await app.call('criteria.list', {});
    expect(sets.length).toBe(9);
    expect(sets.every((s) => s.definition.note === 'mẫu — điều chỉnh theo văn bản hiện hành' && s.version === 1 && s.current)).toBe(true);
  });

  it('makes a new version on edit and keeps old evaluations on the version they used', async () => {
    const v1 = await citizenSet();
    const old = await evaluate('Nguyễn Văn Cũ', even(v1, 7.5));
    expect(old).toMatchObject({ total: 75, resultCode: 'khong_dat', criteriaSetVersion: 1 });

    const v2 = await app.call('criteria.save', { fromId: v1.id, definition: { ...v1.definition, levels: [{ ...v1.definition.levels[0]!, minTotal: 75 }] } });
    expect(v2).toMatchObject({ familyId: v1.familyId, version: 2, current: true });
    const sets = await app.call('criteria.list', {});
    expect(sets.find((s) => s.id === v1.id)).toMatchObject({ current: false, evaluationCount: 1 });

    // The old evaluation is rescored on its own version: 75 still fails there.
    const rescored = await app.call('evaluations.saveScores', { id: old.id, rev: old.rev, scores: even(v1, 7.5), evaluator: 'Xã' });
    expect(rescored).toMatchObject({ criteriaSetId: v1.id, criteriaSetVersion: 1, resultCode: 'khong_dat' });

    const fresh = await evaluate('Nguyễn Văn Mới', even(v2, 7.5));
    expect(fresh).toMatchObject({ criteriaSetId: v2.id, criteriaSetVersion: 2, resultCode: 'dat' });

    const subject = await person('Trần Thị Ba');
    const refused = await app.fail('evaluations.create', { subjectId: subject.id, year: 2025, title: 'cong_dan', criteriaSetId: v1.id });
    expect(refused.message).toContain('đã có phiên bản mới hơn');
  });

  it('exports a set as JSON and imports it as a new set; a broken file is refused naming the place', async () => {
    const set = await citizenSet();
    const { content, fileName } = await app.call('criteria.export', { id: set.id });
    expect(fileName).toMatch(/^bo-tieu-chi-cong-dan-hoc-tap-nong-dan-v1\.json$/);
    const imported = await app.call('criteria.import', { content });
    expect(imported.familyId).not.toBe(set.familyId);
    expect(imported.definition).toEqual(set.definition);
    const broken = JSON.parse(content) as { set: { levels: { minTotal: number }[] } };
    broken.set.levels[0]!.minTotal = 150;
    const error = await app.fail('criteria.import', { content: JSON.stringify(broken) });
    expect(error.message).toBe('Bộ tiêu chí không hợp lệ: set › levels › 0 › minTotal: Ngưỡng 150 của mức "Đạt" vượt tổng điểm tối đa 100');
  });
});

describe('evaluations', () => {
  it('scores the sample Công dân học tập form at 80 with floors, and at 70 in a difficult commune', async () => {
    const set = await citizenSet();
    expect(await evaluate('Lê Văn Tám', even(set, 8))).toMatchObject({ total: 80, resultCode: 'dat', resultLabel: 'Đạt', recognisedResult: true, area: 'thuong' });
    expect(await evaluate('Lê Văn Chín', even(set, 9, { '2.3': 4.5 }))).toMatchObject({ total: 85.5, resultCode: 'khong_dat' });
    expect(await evaluate('Lê Văn Bảy', even(set, 7.5))).toMatchObject({ total: 75, resultCode: 'khong_dat' });

    await app.call('areas.set', { unitId: place.communeA, area: 'kho_khan' });
    expect(await evaluate('Lê Thị Bảy', even(set, 7))).toMatchObject({ total: 70, resultCode: 'dat', area: 'kho_khan' });
    expect(await evaluate('Lê Thị Sáu', even(set, 7, { '1.1': 6.5 }))).toMatchObject({ total: 69.5, resultCode: 'khong_dat' });
    const elsewhere = await evaluate('Phạm Văn Xa', even(set, 7), { unitId: place.hamletB });
    expect(elsewhere).toMatchObject({ area: 'thuong', resultCode: 'khong_dat' });
  });

  it('refuses a score out of range, naming the indicator, and writes nothing', async () => {
    const set = await citizenSet();
    const e = await evaluate('Võ Văn Một', { '1.1': 8 });
    expect(e).toMatchObject({ total: null, resultCode: null });
    const error = await app.fail('evaluations.saveScores', { id: e.id, rev: e.rev, scores: even(set, 8, { '2.2': 12 }), evaluator: '' });
    expect(error.code).toBe('VALIDATION');
    expect(error.message).toBe('Điểm không hợp lệ: chỉ số 2.2 "Khai thác thông tin và dịch vụ công trực tuyến": điểm 12 ngoài khoảng 0–10');
    expect(error.details?.issues?.[0]?.path).toEqual(['scores', '2.2']);
    const [after] = await app.call('evaluations.list', { subjectId: e.subjectId! });
    expect(after).toMatchObject({ rev: e.rev, scores: { '1.1': 8 } });
  });

  it('walks đăng ký → tự đánh giá → xã thẩm định → đề nghị, each step audited, and refuses a failing proposal', async () => {
    const set = await citizenSet();
    let e = await evaluate('Đỗ Văn Hai', even(set, 6));
    expect(e.status).toBe('dang_ky');
    for (const to of ['tu_danh_gia', 'xa_tham_dinh'] as const) e = await app.call('evaluations.advance', { id: e.id, rev: e.rev, to });
    const refused = await app.fail('evaluations.advance', { id: e.id, rev: e.rev, to: 'de_nghi' });
    expect(refused.message).toBe('Kết quả đánh giá chưa đạt: không thể đề nghị công nhận.');
    e = await app.call('evaluations.advance', { id: e.id, rev: e.rev, to: 'khong_cong_nhan' });
    expect(e.status).toBe('khong_cong_nhan');
    expect(auditOf(e.id).map((a) => a.operation)).toEqual([
      'evaluations.create',
      'evaluations.saveScores',
      'evaluations.advance',
      'evaluations.advance',
      'evaluations.advance',
    ]);
    expect((await app.fail('evaluations.advance', { id: e.id, rev: e.rev, to: 'cong_nhan' })).message).toBe('Chỉ quyết định công nhận mới chuyển hồ sơ sang "Công nhận".');
  });

  it('allows one evaluation per subject, title and year, and only for the subject the title is for', async () => {
    const set = await citizenSet();
    const e = await evaluate('Huỳnh Văn Một', even(set, 8));
    const again = await app.fail('evaluations.create', { subjectId: e.subjectId!, year: 2025, title: 'cong_dan', criteriaSetId: set.id });
    expect(again.message).toBe('Huỳnh Văn Một đã có hồ sơ xét "Công dân học tập" năm 2025.');
    const household = await app.call('subjects.create', { kind: 'household', name: 'Hộ ông Huỳnh Văn Một', unitId: place.hamletA });
    const wrong = await app.fail('evaluations.create', { subjectId: household.id, year: 2025, title: 'cong_dan', criteriaSetId: set.id });
    expect(wrong.message).toBe('Danh hiệu "Công dân học tập" xét cho cá nhân, không cho Hộ ông Huỳnh Văn Một.');
  });
});

describe('subjects', () => {
  it('masks ID numbers in lists unless asked, and finds names without diacritics', async () => {
    await person('Nguyễn Văn Ấn', { idNumber: '087080001234' });
    await person('Nguyễn Thị Bé');
    await person('Trần Văn An', { unitId: place.hamletB });
    const page = await app.call('subjects.list', { kind: 'person', search: 'nguyen van a' });
    expect(page.rows.map((r) => [r.name, r.idNumber, r.unitName])).toEqual([['Nguyễn Văn Ấn', '*********234', 'Ấp Chiến Thắng, xã Tân Hộ Cơ']]);
    const shown = await app.call('subjects.list', { kind: 'person', search: 'NGUYỄN VĂN', showIdNumbers: true });
    expect(shown.rows[0]!.idNumber).toBe('087080001234');
    expect(shown.total).toBe(1);
    expect((await app.call('subjects.list', { kind: 'person', unitId: place.communeB })).rows.map((r) => r.name)).toEqual(['Trần Văn An']);
    expect((await app.call('subjects.list', { kind: 'person', search: 'nguyen' })).total).toBe(2);
  });

  it('refuses the same person twice, by ID number or by name, birth year and hamlet', async () => {
    await person('Nguyễn Văn Ấn', { idNumber: '087080001234' });
    const byName = await app.fail('subjects.create', { kind: 'person', name: 'nguyễn văn ấn', unitId: place.hamletA, birthYear: 1980 });
    expect(byName.message).toBe('Đã có cá nhân Nguyễn Văn Ấn, sinh năm 1980 (Ấp Chiến Thắng, xã Tân Hộ Cơ) cùng họ tên, năm sinh và nơi ở.');
    const byId = await app.fail('subjects.create', { kind: 'person', name: 'Nguyễn Văn Khác', unitId: place.hamletB, idNumber: '087080001234' });
    expect(byId.message).toContain('cùng số CCCD');
  });

  it('deletes a person as an audited tombstone, refused while an evaluation refers to them', async () => {
    const e = await evaluate('Phan Văn Xóa', { '1.1': 5 });
    const subject = await app.call('subjects.get', { id: e.subjectId!, showIdNumber: false });
    const refused = await app.fail('subjects.delete', { id: subject.id, rev: subject.rev });
    expect(refused.message).toBe('Không thể xóa "Phan Văn Xóa" vì còn: 1 hồ sơ đánh giá của Phan Văn Xóa.');
    await app.call('evaluations.delete', { id: e.id, rev: e.rev });
    await app.call('subjects.delete', { id: subject.id, rev: subject.rev });
    expect((await app.call('subjects.list', { kind: 'person', search: 'phan van xoa' })).total).toBe(0);
    expect(auditOf(subject.id).map((a) => a.operation)).toEqual(['subjects.create', 'subjects.delete']);
  });
});

describe('recognition decisions', () => {
  it('recognises proposed subjects, counts them per commune, and gives them back when withdrawn', async () => {
    const a = await propose('Nguyễn Văn Một');
    const b = await propose('Nguyễn Văn Hai');
    const c = await propose('Trần Thị Ba', { unitId: place.hamletB });
    const made = await app.call('decisions.create', decision([a.id, b.id, c.id]));
    expect(made.evaluationIds).toEqual([a.id, b.id, c.id]);
    const listed = await app.call('evaluations.list', { year: 2025, title: 'cong_dan' });
    expect(listed.map((e) => [e.status, e.decisionId])).toEqual(listed.map(() => ['cong_nhan', made.id]));
    const counts = await countRecognitions(app.ctx.db, { year: 2025 });
    expect(counts).toEqual(
      expect.arrayContaining([
        { communeId: place.communeA, title: 'cong_dan', year: 2025, count: 2 },
        { communeId: place.communeB, title: 'cong_dan', year: 2025, count: 1 },
      ]),
    );
    expect(counts).toHaveLength(2);

    await app.call('decisions.delete', { id: made.id, rev: made.rev });
    expect(await countRecognitions(app.ctx.db, { year: 2025 })).toEqual([]);
    expect((await app.call('evaluations.list', { year: 2025 })).map((e) => e.status)).toEqual(['de_nghi', 'de_nghi', 'de_nghi']);
  });

  it('refuses a subject already in another decision for the same title and year, writing nothing', async () => {
    const a = await propose('Nguyễn Văn Một');
    await app.call('decisions.create', decision([a.id]));
    const b = await propose('Nguyễn Văn Hai');
    const before = app.ctx.sqlite.prepare('SELECT count(*) FROM auditLog').pluck().get();
    const error = await app.fail('decisions.create', decision([b.id, a.id], '16/QĐ-UBND'));
    expect(error.code).toBe('CONFLICT');
    expect(error.message).toBe('Nguyễn Văn Một đã có trong quyết định số 15/QĐ-UBND ngày 20/12/2025 (Công dân học tập năm 2025)');
    expect(error.details?.issues?.[0]?.path).toEqual(['evaluationIds', 1]);
    expect(app.ctx.sqlite.prepare('SELECT count(*) FROM auditLog').pluck().get()).toBe(before);
    expect((await app.call('decisions.list', {})).length).toBe(1);
  });

  it.each([
    ['no number', { number: '' }, 'Thiếu số quyết định'],
    ['no date', { signedOn: undefined }, 'Thiếu trường bắt buộc'],
    ['a date that does not exist', { signedOn: '2025-02-30' }, 'Ngày không có thật'],
  ])('refuses a decision with %s', async (_name, change, message) => {
    const a = await propose('Nguyễn Văn Một');
    const error = await app.fail('decisions.create', { ...decision([a.id]), ...change } as ReturnType<typeof decision>);
    expect(error.code).toBe('VALIDATION');
    expect(error.message).toContain(message);
  });

  it('refuses a subject not yet proposed', async () => {
    const e = await evaluate('Ngô Văn Chưa', even(await citizenSet(), 9));
    const error = await app.fail('decisions.create', decision([e.id]));
    expect(error.message).toBe('Ngô Văn Chưa chưa được đề nghị công nhận (đang ở bước "Đăng ký")');
  });

  it('prints the decision with its annex list as an A4 PDF with Tinos embedded', async () => {
    const a = await propose('Nguyễn Văn Một');
    const made = await app.call('decisions.create', decision([a.id]));
    const { fileName, pdfBase64 } = await app.call('decisions.export', { id: made.id });
    expect(fileName).toBe('quyet-dinh-15-qd-ubnd.pdf');
    const pdf = Buffer.from(pdfBase64, 'base64');
    const dir = mkdtempSync(join(tmpdir(), 'xhht-pdf-'));
    try {
      writeFileSync(join(dir, 'a.pdf'), pdf);
      const text = execFileSync('pdftotext', ['-layout', join(dir, 'a.pdf'), '-'], { encoding: 'utf8' });
      for (const line of ['ỦY BAN NHÂN DÂN', 'XÃ TÂN HỘ CƠ', 'Số: 15/QĐ-UBND', 'Tân Hộ Cơ, ngày 20 tháng 12 năm 2025', 'QUYẾT ĐỊNH', 'DANH SÁCH', 'Nguyễn Văn Một', 'Ấp Chiến Thắng, xã Tân', 'Trần Văn Ký']) {
        expect(text).toContain(line);
      }
      expect(text).toMatch(/Kèm theo Quyết định số 15\/QĐ-UBND ngày 20\/12\/2025/);
      const fonts = execFileSync('pdffonts', [join(dir, 'a.pdf')], { encoding: 'utf8' });
      expect(fonts).toMatch(/Tinos-Bold|Tinos.*Bold/);
      expect(fonts).not.toMatch(/Type 3/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
