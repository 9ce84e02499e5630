import { PassThrough } from 'node:stream';
import ExcelJS from 'exceljs';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { STANDARD_COLUMNS } from '../../shared/statistics.js';
import { meetsSource } from '../../shared/target-progress.js';
import { TitleKind } from '../../shared/titles-criteria.js';
import { aPlan, someCommunes } from '../../tests/support/plan-fixtures.js';
import { createTestApp, type TestApp } from '../../tests/support/test-app.js';
import { loadDemo } from '../demo/demo.service.js';
import { countRecognitions } from '../titles/index.js';
import { writeStatisticsWorkbook } from './index.js';

let app: TestApp;
const TODAY = '2025-11-20';

beforeAll(async () => {
  app = await createTestApp({ today: TODAY, setUp: false });
  await loadDemo(app.ctx);
}, 180_000);
afterAll(() => app.close());

async function open(content: Buffer): Promise<ExcelJS.Workbook> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(content as unknown as ArrayBuffer);
  return book;
}

/** The rows of a sheet from its first numbered row (STT 1) up to and including its total row. */
function table(sheet: ExcelJS.Worksheet, totalLabel: string): { body: ExcelJS.Row[]; total: ExcelJS.Row } {
  const body: ExcelJS.Row[] = [];
  let total: ExcelJS.Row | undefined;
  sheet.eachRow((row) => {
    if (total) return;
    if (row.getCell(1).value === totalLabel) total = row;
    else if (typeof row.getCell(1).value === 'number') body.push(row);
  });
  if (!total) throw new Error(`${sheet.name}: no row "${totalLabel}"`);
  return { body, total };
}

const headerColumn = (sheet: ExcelJS.Worksheet, header: string): number => {
  for (let r = 1; r <= 8; r++) {
    const row = sheet.getRow(r);
    for (let c = 1; c <= sheet.columnCount; c++) if (row.getCell(c).value === header && !(row.getCell(c).isMerged && row.getCell(c).master !== row.getCell(c))) return c;
  }
  throw new Error(`${sheet.name}: no header "${header}"`);
};

describe('the statistical tables of the demo, 2025', () => {
  let book: ExcelJS.Workbook;
  let communes: { id: string; code: string }[];

  beforeAll(async () => {
    const file = await app.call('statistics.export', { year: 2025 });
    expect(file).toMatchObject({ fileName: 'bieu-thong-ke-xhht-nam-2025.xlsx', year: 2025, rows: 9, hasData: true });
    book = await open(Buffer.from(file.contentBase64, 'base64'));
    communes = (await app.call('units.tree', {})).filter((u) => u.depth === 1);
  });

  it('has a contents sheet and five tables, each headed by the office and its title', () => {
    expect(book.worksheets.map((s) => s.name)).toEqual(['Mục lục', 'Biểu 1 - Số liệu', 'Biểu 2 - Giáo dục', 'Biểu 3 - Danh hiệu', 'Biểu 4 - Chỉ tiêu', 'Biểu 5 - Chỉ tiêu theo xã']);
    for (const sheet of book.worksheets) {
      expect(sheet.getCell('A1').value).toBe('Phòng Giáo dục và Đào tạo huyện Tân Hồng');
      expect(String(sheet.getCell('A2').value)).toMatch(/NĂM 2025$/);
      expect(sheet.getCell('A3').value).toBe('Huyện Tân Hồng — lập ngày 20/11/2025');
    }
  });

  it('Biểu 1: each figure is a number, and the total is a SUM formula over the communes whose value is the database sum', async () => {
    const sheet = book.getWorksheet('Biểu 1 - Số liệu')!;
    const { body, total } = table(sheet, 'Tổng cộng');
    expect(body.map((r) => r.getCell(2).value)).toEqual(communes.map((c) => c.code));
    const figures = await app.ctx.db.selectFrom('unitFigures').selectAll().where('year', '=', 2025).where('deletedAt', 'is', null).execute();
    expect(figures).toHaveLength(9);
    for (const [key, header] of [['households', 'Hộ gia đình'], ['adults', 'Người lớn'], ['officials', 'Cán bộ, công chức, viên chức']] as const) {
      const col = headerColumn(sheet, header);
      const letter = sheet.getColumn(col).letter;
      for (const row of body) expect(row.getCell(col).type).toBe(ExcelJS.ValueType.Number);
      const cell = total.getCell(col);
      expect(cell.type).toBe(ExcelJS.ValueType.Formula);
      expect(cell.formula).toBe(`SUM(${letter}${body[0]!.number}:${letter}${body.at(-1)!.number})`);
      expect(cell.result).toBe(figures.reduce((n, f) => n + f[key], 0));
      expect(body.reduce((n, r) => n + (r.getCell(col).value as number), 0)).toBe(cell.result);
    }
  });

  it('Biểu 2: 1/0 per standard and the "Số xã đạt" row counts the communes meeting it, as the database says', async () => {
    const sheet = book.getWorksheet('Biểu 2 - Giáo dục')!;
    const { body, total } = table(sheet, 'Số xã đạt');
    const statuses = await app.ctx.db.selectFrom('unitEducation').selectAll().where('year', '=', 2025).where('deletedAt', 'is', null).execute();
    STANDARD_COLUMNS.forEach((standard, i) => {
      const col = 4 + i;
      expect(body.every((r) => r.getCell(col).value === 0 || r.getCell(col).value === 1)).toBe(true);
      expect(total.getCell(col).formula).toMatch(/^SUM\(/);
      expect(total.getCell(col).result).toBe(statuses.filter((s) => meetsSource(standard.source, s)).length);
    });
    // The demo: 6 communes at literacy level 2 in 2025.
    expect(total.getCell(5).result).toBe(6);
  });

  it('Biểu 3: recognitions per title kind and commune; totals equal the decisions', async () => {
    const sheet = book.getWorksheet('Biểu 3 - Danh hiệu')!;
    const { body, total } = table(sheet, 'Tổng cộng');
    const counts = await countRecognitions(app.ctx.db, { year: 2025 });
    expect(counts.length).toBeGreaterThan(0);
    TitleKind.options.forEach((title, i) => {
      const col = 4 + i;
      expect(total.getCell(col).formula).toMatch(/^SUM\(/);
      expect(total.getCell(col).result).toBe(counts.filter((c) => c.title === title).reduce((n, c) => n + c.count, 0));
      for (const [n, row] of body.entries()) expect(row.getCell(col).value).toBe(counts.find((c) => c.title === title && c.communeId === communes[n]!.id)?.count ?? 0);
    });
    // Shares of the yearly figures, as formulas on Biểu 1's cells: Tân Hộ Cơ's citizens over its adults.
    const tanHoCo = body.findIndex((r) => r.getCell(3).value === 'Xã Tân Hộ Cơ');
    const share = body[tanHoCo]!.getCell(headerColumn(sheet, 'Công dân học tập / người lớn'));
    const adults = (await app.ctx.db.selectFrom('unitFigures').select('adults').where('unitId', '=', communes[tanHoCo]!.id).where('year', '=', 2025).executeTakeFirstOrThrow()).adults;
    const recognised = body[tanHoCo]!.getCell(4).value as number;
    const row = body[tanHoCo]!.number;
    expect(share.formula).toBe(`IF(N('Biểu 1 - Số liệu'!F${row})>0,ROUND(D${row}/'Biểu 1 - Số liệu'!F${row}*100,2),"")`);
    expect(share.result).toBe(Math.round((recognised / adults) * 10_000) / 100);
    expect(book.getWorksheet('Biểu 1 - Số liệu')!.getCell(`F${row}`).value).toBe(adults);
  });

  it('Biểu 4 and 5: the targets of the demo plan, the year\'s actuals; per commune each row against its own value, and the total row the territory\'s', async () => {
    const four = book.getWorksheet('Biểu 4 - Chỉ tiêu')!;
    const plans = await app.call('plans.list', {});
    const targets = (await Promise.all(plans.map((p) => app.call('targets.list', { planId: p.id })))).flat();
    const literacy = targets.find((t) => t.source === 'literacyLevel2')!;
    let found: ExcelJS.Row | undefined;
    four.eachRow((row) => {
      if (String(row.getCell(3).value).endsWith(literacy.text)) found = row;
    });
    expect(found).toBeDefined();
    // "7/9 xã" by 2025; 6 reached in 2025.
    expect([found!.getCell(5).value, found!.getCell(6).value, found!.getCell(7).value]).toEqual([2025, literacy.milestones.find((m) => m.year === 2025)!.value, 6]);
    // A percentage counted from the communes' standards is shown as a percentage: 7 of 9 centres is 77.78, not 7.
    const centres = targets.find((t) => t.source === 'learningCentreIT' && t.milestones.some((m) => m.kind === 'percent'))!;
    let centresRow: ExcelJS.Row | undefined;
    four.eachRow((row) => {
      if (String(row.getCell(3).value).endsWith(centres.text)) centresRow = row;
    });
    expect([centresRow!.getCell(4).value, centresRow!.getCell(7).value]).toEqual(['%', 77.78]);

    const five = book.getWorksheet('Biểu 5 - Chỉ tiêu theo xã')!;
    const perCommune = targets.filter((t) => t.perCommune);
    if (perCommune.length === 0) {
      expect(String(five.getCell('A7').value)).toMatch(/Chưa có mục tiêu nào được theo dõi theo từng xã/);
      return;
    }
    const { body, total } = table(five, 'Toàn địa bàn');
    expect(body).toHaveLength(9);
    for (let col = 4; col <= five.columnCount; col++) {
      if (total.getCell(col).type === ExcelJS.ValueType.Formula) {
        expect(total.getCell(col).result).toBe(body.reduce((n, r) => n + ((r.getCell(col).value as number | null) ?? 0), 0));
      }
    }
  });

  it('writes every figure of the per-commune tables as a number (or leaves it empty), never as text', () => {
    for (const name of ['Biểu 1 - Số liệu', 'Biểu 2 - Giáo dục', 'Biểu 3 - Danh hiệu', 'Biểu 5 - Chỉ tiêu theo xã']) {
      const sheet = book.getWorksheet(name)!;
      const { body } = table(sheet, name === 'Biểu 2 - Giáo dục' ? 'Số xã đạt' : name === 'Biểu 5 - Chỉ tiêu theo xã' ? 'Toàn địa bàn' : 'Tổng cộng');
      const kinds = new Set<ExcelJS.ValueType>();
      for (const row of body) for (let col = 4; col <= sheet.columnCount; col++) kinds.add(row.getCell(col).type);
      for (const row of body) for (let col = 4; col <= sheet.columnCount; col++) {
        const cell = row.getCell(col);
        if (cell.type === ExcelJS.ValueType.Formula) expect(typeof cell.result === 'number' || cell.result === '').toBe(true);
      }
      expect([name, [...kinds].every((k) => k === ExcelJS.ValueType.Number || k === ExcelJS.ValueType.Null || k === ExcelJS.ValueType.Formula)]).toEqual([name, true]);
    }
  });

  it('freezes the header rows and the naming columns, repeats the headers on every printed page, A4 fitted to width', () => {
    for (const sheet of book.worksheets) {
      const view = sheet.views[0] as ExcelJS.WorksheetViewFrozen;
      expect(view.state).toBe('frozen');
      // Tables with grouped columns have two header rows.
      const headerBottom = sheet.name === 'Mục lục' || sheet.name === 'Biểu 4 - Chỉ tiêu' ? 5 : 6;
      expect(view.ySplit).toBe(headerBottom);
      expect(view.xSplit).toBe(sheet.name === 'Mục lục' ? 1 : 3);
      expect(sheet.pageSetup.printTitlesRow).toBe(`5:${headerBottom}`);
      expect(sheet.pageSetup.paperSize).toBe(9);
      expect(sheet.pageSetup.fitToPage).toBe(true);
      expect(sheet.pageSetup.fitToWidth).toBe(1);
      expect(sheet.pageSetup.fitToHeight).toBe(0);
    }
    // Wide tables turn landscape; the figures (9 narrow columns) stay portrait.
    expect(book.getWorksheet('Biểu 4 - Chỉ tiêu')!.pageSetup.orientation).toBe('landscape');
    expect(book.getWorksheet('Biểu 5 - Chỉ tiêu theo xã')!.pageSetup.orientation).toBe('landscape');
    expect(book.getWorksheet('Biểu 1 - Số liệu')!.pageSetup.orientation).toBe('portrait');
  });
});

describe('a year without data', () => {
  it('still makes every table, empty, and says the year has nothing rather than failing', async () => {
    const sink = new PassThrough();
    const chunks: Buffer[] = [];
    sink.on('data', (c: Buffer) => chunks.push(c));
    const summary = await writeStatisticsWorkbook(app.ctx.db, { year: 2030, today: TODAY }, sink);
    expect(summary).toMatchObject({ year: 2030, communes: 9, hasData: false });
    const book = await open(Buffer.concat(chunks));
    const cover = book.getWorksheet('Mục lục')!;
    const texts: string[] = [];
    cover.eachRow((row) => row.eachCell((cell) => texts.push(String(cell.value))));
    expect(texts).toContain('Năm 2030 chưa có số liệu nào: chưa xã nào nhập số liệu, tình trạng giáo dục, chưa có quyết định công nhận hay kết quả chỉ tiêu của năm này. Các biểu để trống.');
    expect(texts).toContain('Chưa có xã nào có số liệu năm 2030');
    const { body, total } = table(book.getWorksheet('Biểu 1 - Số liệu')!, 'Tổng cộng');
    expect(body).toHaveLength(9);
    expect(body.every((r) => r.getCell(4).value === null)).toBe(true);
    expect(total.getCell(4).result).toBe(0);
  });

  it('writes to a path through a temporary name and leaves nothing else behind', async () => {
    const out = join(app.dir, 'bieu-2025.xlsx');
    await writeStatisticsWorkbook(app.ctx.db, { year: 2025, today: TODAY }, out);
    expect(existsSync(out)).toBe(true);
    expect(readdirSync(app.dir).filter((f) => f.includes('bieu-2025'))).toEqual(['bieu-2025.xlsx']);
    expect((await open(readFileSync(out))).worksheets).toHaveLength(6);
  });
});

describe('targets followed per commune, with own values and hand-entered actuals', () => {
  it('sets each commune against its own value, sums counts by formula, and gives a percentage the territory\'s own figure', async () => {
    const own = await createTestApp({ today: '2026-02-10' });
    try {
      const [a, b, c] = await someCommunes(own, ['An Bình', 'Bình Thạnh', 'Cù Lao']);
      const plan = await aPlan(own);
      const classes = await own.call('targets.create', {
        planId: plan.id,
        section: 'Mục tiêu cụ thể',
        code: 'b',
        text: 'Mở lớp xóa mù chữ mỗi năm',
        perCommune: true,
        milestones: [{ year: 2025, kind: 'count', value: 30, span: 'yearly', unitValues: [{ unitId: a!, value: 15 }] }],
      });
      const share = await own.call('targets.create', {
        planId: plan.id,
        section: 'Mục tiêu cụ thể',
        code: 'c',
        text: 'Người lớn biết chữ',
        perCommune: true,
        milestones: [{ year: 2025, kind: 'percent', value: 90 }],
      });
      for (const [unitId, value] of [[a!, 12], [b!, 7], [c!, 4], [null, 23]] as const) await own.call('targets.recordActual', { targetId: classes.id, year: 2025, unitId, value, note: 'Báo cáo của xã' });
      for (const [unitId, value] of [[a!, 95], [b!, 80], [null, 88.5]] as const) await own.call('targets.recordActual', { targetId: share.id, year: 2025, unitId, value, note: 'Báo cáo của xã' });

      const file = await own.call('statistics.export', { year: 2025 });
      expect(file).toMatchObject({ rows: 3, hasData: true });
      const sheet = (await open(Buffer.from(file.contentBase64, 'base64'))).getWorksheet('Biểu 5 - Chỉ tiêu theo xã')!;
      expect([sheet.getCell('D5').value, sheet.getCell('F5').value]).toEqual(['b Mở lớp xóa mù chữ mỗi năm', 'c Người lớn biết chữ']);
      expect([sheet.getCell('D6').value, sheet.getCell('E6').value, sheet.getCell('F6').value]).toEqual(['Chỉ tiêu 2025 (số lượng)', 'Thực hiện 2025', 'Chỉ tiêu 2025 (%)']);
      const { body, total } = table(sheet, 'Toàn địa bàn');
      expect(body.map((r) => [r.getCell(3).value, r.getCell(4).value, r.getCell(5).value, r.getCell(6).value, r.getCell(7).value])).toEqual([
        ['Xã An Bình', 15, 12, 90, 95],
        ['Xã Bình Thạnh', 30, 7, 90, 80],
        ['Xã Cù Lao', 30, 4, 90, null],
      ]);
      expect(total.getCell(4).value).toBe(30);
      expect(total.getCell(5).value).toEqual({ formula: `SUM(E${body[0]!.number}:E${body[2]!.number})`, result: 23 });
      // A percentage is not a sum: the territory's own 88.5, written as a value.
      expect([total.getCell(6).value, total.getCell(7).value]).toEqual([90, 88.5]);
      expect(total.getCell(7).numFmt).toBe('0.00');
    } finally {
      await own.close();
    }
  });
});

describe('a territory without communes', () => {
  it('gives the workbook with empty tables that say the territory has no communes', async () => {
    const bare = await createTestApp({ today: '2025-11-20' });
    try {
      const file = await bare.call('statistics.export', { year: 2025 });
      expect(file).toMatchObject({ rows: 0, hasData: false });
      const book = await open(Buffer.from(file.contentBase64, 'base64'));
      expect(book.worksheets).toHaveLength(6);
      const figures = book.getWorksheet('Biểu 1 - Số liệu')!;
      expect(figures.getCell('A8').value).toBe('Địa bàn chưa có xã, phường, thị trấn nào');
      const formulas: string[] = [];
      figures.eachRow((row) => row.eachCell((cell) => cell.type === ExcelJS.ValueType.Formula && formulas.push(cell.formula)));
      expect(formulas).toEqual([]);
    } finally {
      await bare.close();
    }
  });
});
