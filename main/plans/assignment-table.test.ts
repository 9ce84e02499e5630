import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../tests/support/test-app.js';
import { assignmentTableHtml } from './assignment-table.html.js';
import { milestoneText } from './targets-table.js';
import { assignmentRows, attachedToLine, issuerBlock, type PrintedTask } from './assignment-table.service.js';

let app: TestApp | null = null;
afterEach(async () => {
  if (!app) return;
  await (app.ctx.printer as { close?: () => Promise<void> }).close?.();
  await app.close();
  app = null;
});

/** Runs a poppler tool over the PDF in a temp folder. */
function poppler(pdf: Buffer, tool: string, args: string[]): string {
  const dir = mkdtempSync(join(tmpdir(), 'xhht-pdf-'));
  try {
    writeFileSync(join(dir, 'a.pdf'), pdf);
    return execFileSync(tool, [...args, join(dir, 'a.pdf'), ...(tool === 'pdftotext' ? ['-'] : [])], { encoding: 'utf8' });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The text of each page, in order. */
const pages = (pdf: Buffer) => poppler(pdf, 'pdftotext', ['-layout']).split('\f').slice(0, -1);
/** The label in the STT column of each table row that has one, in order. */
const sttLabels = (text: string) => [...text.matchAll(/^ {0,3}(II|IV|\d+(?:\.\d+)?|[a-zđ]\)|-|\+) {2,}\S/gm)].map((m) => m[1]);

async function printedTanHong(today: string) {
  app = await createTestApp({ today });
  const plan = await app.call('templates.importBundled', { name: 'tan-hong-2021-2030' });
  return { plan, print: async () => app!.call('plans.printAssignments', { id: plan.id }) };
}

describe('plans.printAssignments', () => {
  it('prints the Tân Hồng annex in the Nghị định 30 layout: name block, motto, "Phụ lục", the plan numbering, page numbers, Tinos embedded', async () => {
    const { print } = await printedTanHong('2022-01-01');
    const { fileName, pdfBase64 } = await print();
    const pdf = Buffer.from(pdfBase64, 'base64');
    expect(fileName).toMatch(/^phu-luc-[a-z0-9-]+\.pdf$/);
    expect(pdf.subarray(0, 4).toString()).toBe('%PDF');
    const all = pages(pdf);
    const first = all[0]!;
    expect(first).toContain('ỦY BAN NHÂN DÂN');
    expect(first).toContain('HUYỆN TÂN HỒNG');
    expect(first).toContain('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM');
    expect(first).toContain('Độc lập - Tự do - Hạnh phúc');
    expect(first).toMatch(/Phụ lục I\n/);
    expect(first).toContain('BẢNG PHÂN CÔNG NHIỆM VỤ');
    expect(first).toContain('(Kèm theo Kế hoạch số …/KH-UBND ngày 06 tháng 10 năm 2021 của Ủy ban nhân dân huyện Tân Hồng)');
    // Nghị định 30: no number on the first page, then 2, 3 … centred at the top.
    expect(first.trimStart().startsWith('ỦY BAN')).toBe(true);
    all.slice(1).forEach((page, i) => expect(page.trimStart().split('\n')[0]!.trim()).toBe(String(i + 2)));
    // The table header repeats on every page of the assignment table.
    const annexOne = all.slice(0, all.findIndex((p) => p.includes('Phụ lục II')));
    expect(annexOne.length).toBeGreaterThan(1);
    for (const page of annexOne) expect(page).toContain('Cơ quan chủ trì');
    // The plan's own numbers, headings kept: §II then its 1–6 with 3.1–3.3 under 3, then §IV with its 1–10.
    const labels = sttLabels(annexOne.join('\n')).filter((l) => l !== '-' && l !== '+');
    expect(labels.slice(0, 10)).toEqual(['II', '1', '2', '3', '3.1', '3.2', '3.3', '4', '5', '6']);
    expect(labels.slice(10, 21)).toEqual(['IV', '1', '2', '3', '4', '5', '6', '7', '8', '9', '10']);
    const text = all.join('\n');
    expect(text).toContain('Hội Cựu chiến binh');
    expect(text).toContain('Quý IV năm 2021');
    // Internal notes stay in the app: the plan's note (who signed, the budget paragraph) is not printed.
    expect(text).not.toContain('Ký: KT. Chủ tịch');
    const fonts = poppler(pdf, 'pdffonts', []);
    expect(fonts).toMatch(/Tinos/);
    expect(fonts).toMatch(/Tinos-Bold|Tinos.*Bold/);
    expect(fonts).not.toMatch(/Type 3/);
  });

  it('prints the targets with their milestones and the figures recorded, as Phụ lục II', async () => {
    const { plan, print } = await printedTanHong('2026-12-04');
    const target = (await app!.call('targets.list', { planId: plan.id })).find((t) => t.text.includes('công dân học tập'))!;
    await app!.call('targets.recordActual', { targetId: target.id, year: 2026, value: 47.5, note: 'Báo cáo của Hội Khuyến học' });
    const text = pages(Buffer.from((await print()).pdfBase64, 'base64')).join('\n');
    const annexTwo = text.slice(text.indexOf('Phụ lục II'));
    expect(annexTwo).toContain('MỤC TIÊU, MỐC VÀ KẾT QUẢ THỰC HIỆN');
    expect(annexTwo).toContain('Số liệu tính đến ngày 04/12/2026');
    expect(annexTwo).toContain('Năm 2026: 47,5%');
    expect(annexTwo).toContain('Năm 2030');
    // The source note of a figure is for the office, not the annex.
    expect(annexTwo).not.toContain('Báo cáo của Hội Khuyến học');
  });
});

function task(over: Partial<PrintedTask> & Pick<PrintedTask, 'id' | 'number'>): PrintedTask {
  return { parentId: null, text: `Nhiệm vụ ${over.number}`, leadAgencyName: null, coordinatorAgencyNames: [], ownerNote: '', deadline: null, ...over };
}

describe('assignmentRows', () => {
  it('keeps the plan numbers and headings, and puts a group owner and vague partners in their columns', () => {
    const rows = assignmentRows([
      task({ id: 'a', number: '3' }),
      task({ id: 'b', number: '3.1', parentId: 'a', ownerNote: 'UBND các xã, thị trấn' }),
      task({ id: 'c', number: '-', parentId: 'b', leadAgencyName: 'Phòng GD&ĐT', ownerNote: 'Phối hợp: các cơ quan liên quan' }),
      task({ id: 'd', number: '+', parentId: 'c', leadAgencyName: 'Phòng GD&ĐT', coordinatorAgencyNames: ['Đoàn Thanh niên'], ownerNote: 'Phối hợp: Đoàn Thanh niên và các đơn vị' }),
    ]);
    expect(rows.map((r) => [r.number, r.depth, r.heading, r.lead, r.coordinators])).toEqual([
      ['3', 0, true, '', ''],
      ['3.1', 1, true, 'UBND các xã, thị trấn', ''],
      ['-', 2, true, 'Phòng GD&ĐT', 'các cơ quan liên quan'],
      ['+', 3, false, 'Phòng GD&ĐT', 'Đoàn Thanh niên'],
    ]);
  });
});

describe('assignmentTableHtml', () => {
  it('prints the label as the plan does, numbers component plans 1, 2, … and escapes text', () => {
    const row = { content: 'A <b>', lead: 'Phòng GD&ĐT', coordinators: '', completion: 'Năm 2022' };
    const html = assignmentTableHtml([{ ...row, number: '3.1', depth: 1, heading: false }], [row]);
    expect(html).toContain('<td class="stt">3.1</td>');
    expect(html).toContain('<td class="stt">1</td><td>A &lt;b&gt;</td><td>Phòng GD&amp;ĐT</td>');
  });
});

describe('the annex header', () => {
  it.each([
    ['Ủy ban nhân dân huyện Tân Hồng', null, ['ỦY BAN NHÂN DÂN', 'HUYỆN TÂN HỒNG']],
    ['Ủy ban nhân dân Thành phố Hồ Chí Minh', null, ['ỦY BAN NHÂN DÂN', 'THÀNH PHỐ HỒ CHÍ MINH']],
    ['Sở Y tế tỉnh Tây Ninh', 'UBND TỈNH TÂY NINH', ['SỞ Y TẾ']],
    ['Ban Thường vụ Tỉnh đoàn Khánh Hòa', null, ['BAN THƯỜNG VỤ TỈNH ĐOÀN KHÁNH HÒA']],
  ])('prints issuer %s under %s as %j', (issuer, parentBody, issuerLines) => {
    expect(issuerBlock(issuer)).toEqual({ parentBody, issuerLines });
  });

  it.each([
    [{ kind: 'ke_hoach', number: '4344/KH-UBND', issuedOn: '2021-12-22', issuer: 'Ủy ban nhân dân Thành phố Hồ Chí Minh' }, 'Kèm theo Kế hoạch số 4344/KH-UBND ngày 22 tháng 12 năm 2021 của Ủy ban nhân dân Thành phố Hồ Chí Minh'],
    [{ kind: 'ke_hoach', number: null, issuedOn: null, issuer: 'Sở Y tế tỉnh Tây Ninh' }, 'Kèm theo Kế hoạch số …/KH-… ngày … tháng … năm … của Sở Y tế tỉnh Tây Ninh'],
    [{ kind: 'de_an', number: null, issuedOn: '2022-03-01', issuer: 'Ban Thường vụ Tỉnh đoàn Khánh Hòa' }, 'Kèm theo Đề án số …/ĐA-… ngày 01 tháng 3 năm 2022 của Ban Thường vụ Tỉnh đoàn Khánh Hòa'],
    [{ kind: 'quyet_dinh', number: '677/QĐ-TTg', issuedOn: '2022-06-03', issuer: 'Thủ tướng Chính phủ' }, 'Kèm theo Quyết định số 677/QĐ-TTg ngày 03 tháng 6 năm 2022 của Thủ tướng Chính phủ'],
    [{ kind: 'ke_hoach', number: null, issuedOn: '2026-02-09', issuer: 'Ủy ban nhân dân tỉnh Tây Ninh' }, 'Kèm theo Kế hoạch số …/KH-UBND ngày 09 tháng 02 năm 2026 của Ủy ban nhân dân tỉnh Tây Ninh'],
  ])('words the attachment line of %j', (plan, expected) => {
    expect(attachedToLine(plan)).toBe(expected);
  });
});

describe('milestoneText', () => {
  const base = { year: 2025, span: 'once', kind: 'percent', value: 40, total: null, scope: '', qualifier: null, wording: '', unitValues: [] } as const;
  const period = { periodStart: 2021, periodEnd: 2030 };
  it.each([
    [{ ...base }, 'Năm 2025: 40%'],
    [{ ...base, year: null, kind: 'unitCount', value: 7, total: 9, scope: 'xã, thị trấn', qualifier: 'phan_dau' }, 'Năm 2030: Phấn đấu 7/9 xã, thị trấn'],
    [{ ...base, year: 2026, span: 'yearly', kind: 'count', value: 120, scope: 'lớp', qualifier: 'it_nhat' }, 'Hằng năm từ 2026: Ít nhất 120 lớp'],
    [{ ...base, year: null, span: 'cumulative', kind: 'count', value: 600, scope: 'lớp' }, 'Tổng đến năm 2030: 600 lớp'],
    [{ ...base, kind: 'boolean', value: 1, scope: 'huyện', wording: 'Huyện đạt chuẩn xóa mù chữ mức độ 2' }, 'Năm 2025: Huyện đạt chuẩn xóa mù chữ mức độ 2'],
    [{ ...base, value: 40, unitValues: [{ unitId: 'u1', value: 70 }] }, 'Năm 2025: 40% (1 đơn vị có giá trị riêng)'],
  ] as const)('prints %j as %s', (m, expected) => {
    expect(milestoneText({ ...m, unitValues: [...m.unitValues] }, period)).toBe(expected);
  });
});
