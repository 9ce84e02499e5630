import { execFile } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import ExcelJS from 'exceljs';
import mammoth from 'mammoth';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TITLE_LABELS, TitleKind } from '../../shared/titles-criteria.js';
import { createTestApp, type TestApp } from '../support/test-app.js';
import { DATABASE_FILE } from '../../main/app/compose.js';
import { loadDemo } from '../../main/demo/demo.service.js';
import { HEADINGS } from '../../main/annual-report/report-docx.js';

const run = promisify(execFile);
const TODAY = '2026-02-15';
let app: TestApp;
let out: string;

beforeAll(async () => {
  app = await createTestApp({ today: TODAY, setUp: false });
  await loadDemo(app.ctx);
  out = mkdtempSync(join(tmpdir(), 'xhht-bao-cao-'));
}, 180_000);
afterAll(async () => {
  await app.close();
  rmSync(out, { recursive: true, force: true });
});

const decode = (html: string) =>
  html
    .replace(/<[^>]+>/g, ' ')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ')
    .trim();

/** The document read back with a docx reader: its text and its tables as rows of cell texts. */
async function readBack(docx: Buffer): Promise<{ text: string; tables: string[][][] }> {
  const { value: html } = await mammoth.convertToHtml({ buffer: docx });
  const tables = [...html.matchAll(/<table>([\s\S]*?)<\/table>/g)].map((t) => [...t[1]!.matchAll(/<tr>([\s\S]*?)<\/tr>/g)].map((r) => [...r[1]!.matchAll(/<t[dh][^>]*>([\s\S]*?)<\/t[dh]>/g)].map((c) => decode(c[1]!))));
  return { text: decode(html), tables };
}

const tableHeaded = (tables: string[][][], firstHeaders: string[]) => {
  const found = tables.find((t) => firstHeaders.every((h, i) => t[0]?.[i] === h));
  if (!found) throw new Error(`no table headed ${firstHeaders.join(' | ')}`);
  return found;
};

async function docxOf(year: number): Promise<Buffer> {
  return Buffer.from((await app.call('report.exportDocx', { year })).docxBase64, 'base64');
}

describe('the yearly report as .docx', () => {
  it('has the ND30 blocks, the headings, and the titles of the year as the database counts them', async () => {
    const { text, tables } = await readBack(await docxOf(2025));
    for (const expected of [
      'ỦY BAN NHÂN DÂN HUYỆN TÂN HỒNG',
      'PHÒNG GIÁO DỤC VÀ ĐÀO TẠO HUYỆN TÂN HỒNG',
      'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
      'Độc lập - Tự do - Hạnh phúc',
      'Số: /BC-PGDĐT',
      'Tân Hồng, ngày 15 tháng 02 năm 2026',
      'BÁO CÁO Kết quả thực hiện kế hoạch xây dựng xã hội học tập năm 2025',
      HEADINGS.results(2025),
      HEADINGS.targets,
      HEADINGS.communes,
      HEADINGS.tasks,
      HEADINGS.duties,
      HEADINGS.titles,
      HEADINGS.assessment,
      HEADINGS.nextYear(2025),
      'Nơi nhận:',
      '- UBND tỉnh Đồng Tháp (để báo cáo);',
      'TRƯỞNG PHÒNG',
    ]) {
      expect(text).toContain(expected);
    }
    expect(text).not.toMatch(/\{[^}]*\}/);
    const recognised = await app.ctx.db
      .selectFrom('titleDecisionEntries as x')
      .innerJoin('titleDecisions as d', 'd.id', 'x.decisionId')
      .select(['d.title', (eb) => eb.fn.countAll<number>().as('n')])
      .where('d.year', '=', 2025)
      .where('x.deletedAt', 'is', null)
      .where('d.deletedAt', 'is', null)
      .groupBy('d.title')
      .execute();
    expect(recognised.length).toBeGreaterThan(0);
    const titles = tableHeaded(tables, ['TT', 'Danh hiệu', 'Số được công nhận']);
    for (const r of recognised) {
      const row = titles.find((cells) => cells[1] === TITLE_LABELS[TitleKind.parse(r.title)]);
      expect(row?.[2]).toBe(String(r.n));
    }
    const sum = recognised.reduce((s, r) => s + Number(r.n), 0);
    expect(titles.at(-1)!.slice(1, 3)).toEqual(['Tổng cộng', String(sum)]);
    const decision = await app.ctx.db.selectFrom('titleDecisions').select('number').where('year', '=', 2025).where('deletedAt', 'is', null).executeTakeFirstOrThrow();
    expect(titles.some((cells) => cells[3]?.includes(decision.number))).toBe(true);
  });

  it('lists every target of the followed plans and, per commune, the counts the targets feature gives', async () => {
    const { tables } = await readBack(await docxOf(2026));
    const targets = await app.ctx.db
      .selectFrom('targets as t')
      .innerJoin('plans as p', 'p.id', 't.planId')
      .select(['t.text'])
      .where('t.deletedAt', 'is', null)
      .where('p.deletedAt', 'is', null)
      .execute();
    const targetTable = tableHeaded(tables, ['TT', 'Chỉ tiêu', 'Mốc', 'Kết quả năm 2026', 'Đánh giá']);
    expect(targetTable.length - 1).toBe(targets.length);
    for (const t of targets) expect(targetTable.some((cells) => cells[1]!.endsWith(t.text))).toBe(true);
    const communes = await app.call('targets.communeProgress', {});
    const communeTable = tableHeaded(tables, ['TT', 'Xã, thị trấn', 'Đạt']);
    expect(communeTable.slice(1).map((cells) => cells.slice(1))).toEqual(communes.map((c) => [c.name, c.achieved, c.onTrack, c.behind, c.noData, c.total].map(String)));
  });

  it('counts the tasks done, in progress and overdue per lead as the task list has them', async () => {
    const { text, tables } = await readBack(await docxOf(2026));
    const rows = (await app.call('tasks.list', { assignedOnly: true })).filter((t) => !t.isHeading);
    const done = rows.filter((t) => t.status === 'done').length;
    const overdue = rows.filter((t) => t.status !== 'done' && t.overdue).length;
    const inProgress = rows.filter((t) => t.status === 'in_progress' && !t.overdue).length;
    const leads = tableHeaded(tables, ['TT', 'Cơ quan chủ trì', 'Số nhiệm vụ']);
    expect(leads.at(-1)!.slice(1, 6)).toEqual(['Tổng cộng', String(rows.length), String(done), String(inProgress), String(overdue)]);
    expect(text).toContain(`Tổng số ${rows.length} nhiệm vụ đã giao: hoàn thành ${done}; đang thực hiện ${inProgress}; quá hạn ${overdue}`);
    const lead = rows.find((t) => t.status === 'done' && t.leadAgencyName);
    if (lead) expect(tableHeaded(tables, ['TT', 'Nhiệm vụ', 'Cơ quan chủ trì']).some((cells) => cells[2] === lead.leadAgencyName)).toBe(true);
  });

  it('reports the duties of the year, delivered or not', async () => {
    const { tables } = await readBack(await docxOf(2025));
    const expected = await app.call('reporting.expected', { year: 2025 });
    const duties = tableHeaded(tables, ['TT', 'Báo cáo', 'Nơi gửi → nơi nhận']);
    expect(duties.length - 1).toBe(expected.length);
    expect(duties.slice(1).filter((cells) => cells[4] !== '—').length).toBe(expected.filter((r) => r.deliveredOn !== null).length);
  });

  it('refuses a year that has not come', async () => {
    expect((await app.fail('report.exportDocx', { year: 2027 })).message).toBe('Năm 2027 chưa đến: chọn năm 2026 hoặc một năm trước đó');
  });

  const soffice = ['/usr/bin/soffice', '/usr/local/bin/soffice'].find((p) => existsSync(p));
  it.skipIf(!soffice)(`converts to PDF with LibreOffice headless${soffice ? '' : ' — BỎ QUA: máy này không có soffice'}`, async () => {
    const file = join(out, 'bao-cao-2025.docx');
    writeFileSync(file, await docxOf(2025));
    // A private profile: LibreOffice refuses to start beside another instance using the default one.
    await run(soffice!, [`-env:UserInstallation=file://${join(out, 'lo-profile')}`, '--headless', '--convert-to', 'pdf', '--outdir', out, file], { timeout: 170_000 });
    const pdf = join(out, 'bao-cao-2025.pdf');
    expect(readFileSync(pdf).subarray(0, 5).toString()).toBe('%PDF-');
    const { stdout } = await run('pdftotext', ['-f', '1', '-l', '1', pdf, '-']);
    expect(stdout).toContain('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM');
    expect(stdout).toContain('BÁO CÁO');
  }, 180_000);
});

describe('the template', () => {
  it('keeps the office wording between years and refuses an unknown placeholder naming it', async () => {
    const { template, saved } = await app.call('report.get', { year: 2025 });
    expect(saved).toBe(false);
    const refused = await app.fail('report.saveTemplate', { ...template, proposals: 'Đề nghị {cấp trên} hỗ trợ kinh phí' });
    expect(refused.code).toBe('VALIDATION');
    expect(refused.details?.issues?.[0]?.path).toEqual(['proposals']);
    expect(refused.details?.issues?.[0]?.message).toContain('Mục “Kiến nghị, đề xuất”: không có chỗ điền “{cấp trên}”');
    await app.call('report.saveTemplate', { ...template, proposals: 'Đề nghị UBND tỉnh {tỉnh} hỗ trợ kinh phí năm {năm tới}.', signerName: 'Nguyễn Văn A' });
    const again = await app.call('report.get', { year: 2024 });
    expect(again.saved).toBe(true);
    expect(again.template.signerName).toBe('Nguyễn Văn A');
    const { text } = await readBack(await docxOf(2024));
    expect(text).toContain(HEADINGS.proposals);
    expect(text).toContain('Đề nghị UBND tỉnh Đồng Tháp hỗ trợ kinh phí năm 2025.');
    expect(text).toContain('Nguyễn Văn A');
    const audit = await app.ctx.db.selectFrom('auditLog').select('operation').where('entity', '=', 'annualReportTemplates').execute();
    expect(audit.map((a) => a.operation)).toEqual(['report.saveTemplate']);
  });
});

describe('xhht report', () => {
  const cli = (dataDir: string, args: string[]) =>
    run(process.execPath, ['--import', 'tsx', 'main/cli/xhht.ts', 'report', '--data-dir', dataDir, ...args], { timeout: 170_000 }).then(
      (r) => ({ code: 0, ...r }),
      (e: { code: number; stdout: string; stderr: string }) => ({ code: e.code, stdout: e.stdout, stderr: e.stderr }),
    );

  it('writes the report as .docx, the statistical tables as .xlsx, and refuses another extension in Vietnamese', async () => {
    // The command takes the folder's lock as the app does, so it runs on a copy made with SQLite's online backup.
    const dataDir = join(out, 'du-lieu');
    mkdirSync(dataDir);
    await app.ctx.sqlite.backup(join(dataDir, DATABASE_FILE));
    const docx = await cli(dataDir, ['--year', '2025', '--out', join(out, 'bc.docx')]);
    const xlsx = await cli(dataDir, ['--year', '2025', '--out', join(out, 'bieu.xlsx')]);
    const pdf = await cli(dataDir, ['--year', '2025', '--out', join(out, 'bc.pdf')]);
    expect(docx.stderr).toBe('');
    expect(docx.stdout).toContain('Đã ghi báo cáo năm 2025');
    expect((await readBack(readFileSync(join(out, 'bc.docx')))).text).toContain(HEADINGS.results(2025));
    expect(xlsx.stdout).toContain('Đã ghi biểu thống kê năm 2025');
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(join(out, 'bieu.xlsx'));
    expect(book.worksheets.length).toBeGreaterThan(0);
    expect(pdf.code).toBe(2);
    expect(pdf.stderr.trim()).toBe('xhht: --out: phải là tệp .docx (báo cáo năm) hoặc .xlsx (biểu thống kê)');
    expect(existsSync(join(out, 'bc.pdf'))).toBe(false);
  }, 400_000);
});
