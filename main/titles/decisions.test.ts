import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { InputOf } from '../../shared/contract.js';
import { createTestApp, type TestApp } from '../../tests/support/test-app.js';
import { issuerLines } from './decision-print.js';

/** Recognition decisions made from the authority table, refused where the rules say, printed as PDF and .docx: on a real SQLite file. */
let app: TestApp;
let place: { communeA: string; communeB: string; hamletA: string; hamletB: string };
let dir: string;

beforeEach(async () => {
  app = await createTestApp({ today: '2025-12-22' });
  dir = mkdtempSync(join(tmpdir(), 'xhht-decision-'));
  const root = (await app.call('units.tree', {}))[0]!;
  const communeA = await app.call('units.create', { parentId: root.id, code: '870-01', name: 'Bình Phú', type: 'Xã' });
  const communeB = await app.call('units.create', { parentId: root.id, code: '870-02', name: 'Thông Bình', type: 'Xã' });
  const hamletA = await app.call('units.create', { parentId: communeA.id, code: '870-01-01', name: 'Bình Hòa', type: 'Ấp' });
  const hamletB = await app.call('units.create', { parentId: communeB.id, code: '870-02-01', name: 'Cả Găng', type: 'Ấp' });
  place = { communeA: communeA.id, communeB: communeB.id, hamletA: hamletA.id, hamletB: hamletB.id };
  await app.call('criteria.installSamples', {});
});
afterEach(async () => {
  await (app.ctx.printer as { close?: () => Promise<void> }).close?.();
  await app.close();
  rmSync(dir, { recursive: true, force: true });
});

async function proposed(name: string, hamletId = place.hamletA) {
  const set = (await app.call('criteria.list', {})).find((s) => s.sampleKey === 'cdht-nong-dan' && s.current)!;
  const person = await app.call('subjects.create', { kind: 'person', name, unitId: hamletId, birthYear: 1984, gender: 'nu', labourGroup: 'Nông dân' });
  const created = await app.call('evaluations.create', { subjectId: person.id, year: 2025, title: 'cong_dan', criteriaSetId: set.id });
  const scores = Object.fromEntries(set.definition.criteria.flatMap((c) => c.indicators.map((i) => [i.code, 9])));
  let e = await app.call('evaluations.saveScores', { id: created.id, rev: created.rev, scores, evaluator: 'Ban khuyến học ấp' });
  for (const to of ['tu_danh_gia', 'xa_tham_dinh', 'de_nghi'] as const) e = await app.call('evaluations.advance', { id: e.id, rev: e.rev, to });
  return e;
}

const authorityOf = async (title: string, level: string) => (await app.call('authorities.list', {})).find((a) => a.title === title && a.level === level)!;

async function fromAuthority(evaluationIds: string[], over: Partial<InputOf<'decisions.create'>> = {}): Promise<InputOf<'decisions.create'>> {
  return { number: '27/QĐ-UBND', signedOn: '2025-12-20', authorityId: (await authorityOf('cong_dan', 'xa')).id, signerName: 'Nguyễn Văn Bình', place: 'Bình Phú', title: 'cong_dan', year: 2025, evaluationIds, ...over };
}

const auditCount = () => app.ctx.sqlite.prepare('SELECT count(*) FROM auditLog').pluck().get();

describe('the authority table', () => {
  it('installs samples labelled editable, once, one body per title and level', async () => {
    expect(await app.call('authorities.installSamples', {})).toEqual({ installed: 7 });
    expect(await app.call('authorities.installSamples', {})).toEqual({ installed: 0 });
    const rows = await app.call('authorities.list', {});
    expect(rows.map((r) => `${r.title}/${r.level}: ${r.issuer}`)).toEqual([
      'cong_dan/xa: Ủy ban nhân dân {xã}',
      'gia_dinh/xa: Ủy ban nhân dân {xã}',
      'dong_ho/xa: Ủy ban nhân dân {xã}',
      'cong_dong/xa: Ủy ban nhân dân {xã}',
      'cong_dong_xa/tinh: Ủy ban nhân dân {tỉnh}',
      'don_vi/xa: Ủy ban nhân dân {xã}',
      'don_vi/tinh: Ủy ban nhân dân {tỉnh}',
    ]);
    expect(rows.every((r) => r.note.startsWith('mẫu — điều chỉnh theo văn bản hiện hành') && r.sampleKey !== null)).toBe(true);
  });

  it('edits a row (audited), refuses a second body for the same title and level, and a commune placeholder at province level', async () => {
    await app.call('authorities.installSamples', {});
    const row = await authorityOf('gia_dinh', 'xa');
    const saved = await app.call('authorities.save', { ...row, issuer: 'Ủy ban nhân dân {xã}', decider: 'Ủy ban nhân dân {xã}', signerTitle: 'TM. Ủy ban nhân dân\nChủ tịch' });
    expect(saved).toMatchObject({ rev: 2, decider: 'Ủy ban nhân dân {xã}' });
    expect(app.ctx.sqlite.prepare("SELECT operation FROM auditLog WHERE recordId = ? ORDER BY seq").pluck().all(row.id)).toEqual(['authorities.installSamples', 'authorities.save']);

    const twin = await app.fail('authorities.save', { title: 'gia_dinh', level: 'xa', issuer: 'Hội Khuyến học {xã}', signerTitle: 'Chủ tịch' });
    expect(twin.message).toBe('Gia đình học tập cấp xã đã có cơ quan công nhận: Ủy ban nhân dân {xã}. Sửa dòng đó thay vì thêm dòng mới.');
    const province = await app.fail('authorities.save', { title: 'dong_ho', level: 'tinh', issuer: 'Ủy ban nhân dân {xã}', signerTitle: 'Chủ tịch' });
    expect(province.details?.issues).toEqual([{ path: ['issuer'], message: 'Cơ quan cấp tỉnh không dùng {xã}: quyết định cấp tỉnh không thuộc riêng một xã' }]);
  });
});

describe('decisions made from the authority table', () => {
  beforeEach(async () => {
    await app.call('authorities.installSamples', {});
  });

  it('takes the body, decider, signer, basis and recipients from the row, with the commune and the province filled in', async () => {
    const a = await proposed('Lê Thị Xuân Mai');
    const made = await app.call('decisions.create', await fromAuthority([a.id]));
    expect(made).toMatchObject({
      authority: 'Ủy ban nhân dân xã Bình Phú',
      decider: 'Chủ tịch Ủy ban nhân dân xã Bình Phú',
      signerTitle: 'KT. Chủ tịch\nPhó Chủ tịch',
      recipients: 'Như Điều 3;\nHội Khuyến học xã Bình Phú;\nLưu: VT.',
    });
    expect(made.basis).toContain('Xét đề nghị của Hội Khuyến học xã Bình Phú.');
    const row = await authorityOf('cong_dan', 'xa');
    // The row changes later; the decision stays as it was signed.
    await app.call('authorities.save', { ...row, issuer: 'Hội đồng {xã}' });
    expect((await app.call('decisions.list', {}))[0]!.authority).toBe('Ủy ban nhân dân xã Bình Phú');
  });

  it('refuses a commune body deciding for two communes, naming both subjects and communes, and writes nothing', async () => {
    const a = await proposed('Lê Thị Xuân Mai');
    const b = await proposed('Trần Thị Ba', place.hamletB);
    const before = auditCount();
    const error = await app.fail('decisions.create', await fromAuthority([a.id, b.id]));
    expect(error.code).toBe('VALIDATION');
    expect(error.message).toBe('Quyết định cấp xã chỉ công nhận đối tượng của một xã: Lê Thị Xuân Mai ở Xã Bình Phú, Trần Thị Ba ở Xã Thông Bình.');
    expect(error.details?.issues?.[0]?.path).toEqual(['authorityId']);
    expect(auditCount()).toBe(before);
  });

  it('refuses a row set for another title', async () => {
    const a = await proposed('Lê Thị Xuân Mai');
    const error = await app.fail('decisions.create', await fromAuthority([a.id], { authorityId: (await authorityOf('gia_dinh', 'xa')).id }));
    expect(error.message).toBe('Cơ quan “Ủy ban nhân dân {xã}” được đặt để công nhận Gia đình học tập, không phải Công dân học tập.');
  });

  it.each([
    ['no number', { number: '' }, ['number'], 'Thiếu số quyết định'],
    ['no date', { signedOn: '' }, ['signedOn'], 'Ngày'],
    ['no body, typed or from the table', { authorityId: null, authority: '' }, ['authority'], 'Thiếu cơ quan ban hành'],
  ])('refuses a decision with %s, naming the field, and writes nothing', async (_name, change, path, message) => {
    const a = await proposed('Lê Thị Xuân Mai');
    const before = auditCount();
    const error = await app.fail('decisions.create', { ...(await fromAuthority([a.id])), ...change } as InputOf<'decisions.create'>);
    expect(error.code).toBe('VALIDATION');
    expect(error.details?.issues?.find((i) => JSON.stringify(i.path) === JSON.stringify(path))?.message).toContain(message);
    expect(auditCount()).toBe(before);
  });

  it('refuses a subject already in another decision for the title and year, naming the subject and that decision', async () => {
    const a = await proposed('Lê Thị Xuân Mai');
    await app.call('decisions.create', await fromAuthority([a.id]));
    const b = await proposed('Huỳnh Văn Tới');
    const error = await app.fail('decisions.create', await fromAuthority([b.id, a.id], { number: '28/QĐ-UBND' }));
    expect(error.code).toBe('CONFLICT');
    expect(error.message).toBe('Lê Thị Xuân Mai đã có trong quyết định số 27/QĐ-UBND ngày 20/12/2025 (Công dân học tập năm 2025)');
    expect(await app.call('decisions.list', {})).toHaveLength(1);
  });
});

describe('the printed decision', () => {
  it('reads back from the .docx: number, date line, issuer on two lines, recipients, signer, and the annex names', async () => {
    await app.call('authorities.installSamples', {});
    const a = await proposed('Lê Thị Xuân Mai');
    const b = await proposed('Thạch Thị Sa Rinh');
    const made = await app.call('decisions.create', await fromAuthority([a.id, b.id]));
    const { fileName, docxBase64 } = await app.call('decisions.exportDocx', { id: made.id });
    expect(fileName).toBe('quyet-dinh-27-qd-ubnd.docx');
    const file = join(dir, fileName);
    writeFileSync(file, Buffer.from(docxBase64, 'base64'));
    const xml = execFileSync('unzip', ['-p', file, 'word/document.xml'], { encoding: 'utf8' });
    // Word splits text into runs; the paragraphs' text is what a reader sees.
    const paragraphs = [...xml.matchAll(/<w:p[ >][\s\S]*?<\/w:p>/g)].map((p) => [...p[0].matchAll(/<w:t[^>]*>([^<]*)<\/w:t>/g)].map((t) => t[1]).join(''));
    for (const text of [
      'ỦY BAN NHÂN DÂN',
      'XÃ BÌNH PHÚ',
      'Số: 27/QĐ-UBND',
      'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
      'Bình Phú, ngày 20 tháng 12 năm 2025',
      'Về việc công nhận danh hiệu “Công dân học tập” năm 2025',
      'CHỦ TỊCH ỦY BAN NHÂN DÂN XÃ BÌNH PHÚ',
      'QUYẾT ĐỊNH:',
      'Điều 1. Công nhận 2 đối tượng đạt danh hiệu “Công dân học tập” năm 2025 (có danh sách kèm theo).',
      'Nơi nhận:',
      '- Như Điều 3;',
      '- Hội Khuyến học xã Bình Phú;',
      'KT. CHỦ TỊCH',
      'PHÓ CHỦ TỊCH',
      'Nguyễn Văn Bình',
      'DANH SÁCH',
      '(Kèm theo Quyết định số 27/QĐ-UBND ngày 20/12/2025 của Chủ tịch Ủy ban nhân dân xã Bình Phú)',
      'Lê Thị Xuân Mai',
      'Thạch Thị Sa Rinh',
    ]) {
      expect(paragraphs).toContain(text);
    }
    expect(execFileSync('unzip', ['-p', file, 'word/styles.xml'], { encoding: 'utf8' })).toContain('Times New Roman');
  });

  it('prints page 1 as PDF in the official layout: issuer on two lines, recipients beside the signer', async () => {
    await app.call('authorities.installSamples', {});
    const a = await proposed('Lê Thị Xuân Mai');
    const made = await app.call('decisions.create', await fromAuthority([a.id]));
    const { pdfBase64 } = await app.call('decisions.export', { id: made.id });
    const pdf = join(dir, 'a.pdf');
    writeFileSync(pdf, Buffer.from(pdfBase64, 'base64'));
    const page1 = execFileSync('pdftotext', ['-layout', '-f', '1', '-l', '1', pdf, '-'], { encoding: 'utf8' }).split('\n').map((l) => l.trim());
    expect(page1.find((l) => l.startsWith('ỦY BAN NHÂN DÂN'))).toMatch(/^ỦY BAN NHÂN DÂN\s+CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM$/);
    expect(page1.find((l) => l.startsWith('XÃ BÌNH PHÚ'))).toMatch(/^XÃ BÌNH PHÚ\s+Độc lập - Tự do - Hạnh phúc$/);
    expect(page1.find((l) => l.startsWith('Nơi nhận:'))).toMatch(/^Nơi nhận:\s+KT\. CHỦ TỊCH$/);
    expect(page1.some((l) => l.startsWith('- Hội Khuyến học xã Bình Phú;'))).toBe(true);
    expect(page1).toContain('Nguyễn Văn Bình');
    // Page 1 as an image for a person to look at, when asked for (XHHT_KEEP_PRINTS=folder).
    const keep = process.env.XHHT_KEEP_PRINTS;
    const out = keep ?? dir;
    mkdirSync(out, { recursive: true });
    execFileSync('pdftoppm', ['-r', '110', '-png', '-f', '1', '-l', '1', '-singlefile', pdf, join(out, 'quyet-dinh-trang-1')]);
    expect(existsSync(join(out, 'quyet-dinh-trang-1.png'))).toBe(true);
  });

  it.each([
    ['Ủy ban nhân dân xã Bình Phú', ['Ủy ban nhân dân', 'xã Bình Phú']],
    ['Ủy ban nhân dân tỉnh Đồng Tháp', ['Ủy ban nhân dân', 'tỉnh Đồng Tháp']],
    ['Hội Khuyến học xã Tân Hộ Cơ', ['Hội Khuyến học', 'xã Tân Hộ Cơ']],
    ['Trường Tiểu học Bình Phú', ['Trường Tiểu học Bình Phú']],
    ['Sở Giáo dục và Đào tạo\ntỉnh Đồng Tháp', ['Sở Giáo dục và Đào tạo', 'tỉnh Đồng Tháp']],
  ])('sets the issuer %j on its lines', (issuer, lines) => {
    expect(issuerLines(issuer)).toEqual(lines);
  });
});
