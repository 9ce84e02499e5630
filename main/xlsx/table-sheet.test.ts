import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { addTableSheet, fitColumnWidth, orientationFor, type TableCell } from './table-sheet.js';

describe('fitColumnWidth', () => {
  it.each([
    ['a short header, short numbers: the floor', 'STT', [1, 2, 9], '#,##0', 6],
    ['the longest header word sets the width, the rest wraps', 'Người trong độ tuổi lao động', [12_222], '#,##0', 12],
    ['a grouped thousands number', 'Hộ', [1_234_567], '#,##0', 11],
    ['two decimals', 'Tỷ lệ', [77.78], '0.00', 7],
    ['a long commune name', 'Đơn vị', ['Thị trấn Sa Rài', 'Xã Tân Công Chí'], '#,##0', 17],
    ['text past the cap wraps at the cap', 'Mục tiêu', ['x'.repeat(200)], '#,##0', 48],
    ['empty cells take no room', 'Mã', [null, null], '#,##0', 6],
  ] as const)('%s', (_case, header, values, numFmt, width) => {
    expect(fitColumnWidth(header, values as readonly TableCell[], numFmt)).toBe(width);
  });
});

describe('orientationFor', () => {
  it.each([
    [60, 'portrait'],
    [110, 'portrait'],
    [111, 'landscape'],
  ] as const)('%i characters wide: %s', (width, orientation) => {
    expect(orientationFor(width)).toBe(orientation);
  });
});

describe('addTableSheet', () => {
  it('without rows: header and notes, no total row (a SUM over nothing would be a lie about a range)', async () => {
    const book = new ExcelJS.Workbook();
    const layout = addTableSheet(book, {
      name: 'Trống',
      office: 'Phòng GD&ĐT',
      title: 'BIỂU TRỐNG',
      columns: [{ header: 'STT' }, { header: 'Đơn vị' }, { header: 'Số', total: 'sum' }],
      rows: [],
      totalLabel: 'Tổng cộng',
      labelColumns: 2,
      notes: ['Chưa có số liệu.'],
    });
    expect(layout).toEqual({ headerRows: [5, 5], firstDataRow: 6, lastDataRow: 5, totalRow: null });
    const back = new ExcelJS.Workbook();
    await back.xlsx.load((await book.xlsx.writeBuffer()) as ArrayBuffer);
    const sheet = back.getWorksheet('Trống')!;
    expect(sheet.getCell('A5').value).toBe('STT');
    expect(sheet.getCell('A7').value).toBe('Chưa có số liệu.');
    const formulas: string[] = [];
    sheet.eachRow((row) => row.eachCell((cell) => cell.type === ExcelJS.ValueType.Formula && formulas.push(cell.formula)));
    expect(formulas).toEqual([]);
  });

  it('grouped columns: the group over its columns, ungrouped headers over both rows, SUM of decimals without float noise', async () => {
    const book = new ExcelJS.Workbook();
    const layout = addTableSheet(book, {
      name: 'Nhóm',
      office: 'Phòng GD&ĐT',
      title: 'BIỂU NHÓM',
      columns: [{ header: 'STT' }, { header: 'Đơn vị' }, { header: 'A', group: 'Nhóm', numFmt: '0.00', total: 'sum' }, { header: 'B', group: 'Nhóm', total: { value: 'x' } }],
      rows: [
        [1, 'Xã 1', 0.1, 5],
        [2, 'Xã 2', 0.2, 6],
      ],
      totalLabel: 'Tổng cộng',
      labelColumns: 2,
    });
    expect(layout).toEqual({ headerRows: [5, 6], firstDataRow: 7, lastDataRow: 8, totalRow: 9 });
    const back = new ExcelJS.Workbook();
    await back.xlsx.load((await book.xlsx.writeBuffer()) as ArrayBuffer);
    const sheet = back.getWorksheet('Nhóm')!;
    expect(sheet.getCell('C5').value).toBe('Nhóm');
    expect(sheet.getCell('D5').master.address).toBe('C5');
    expect(sheet.getCell('A6').master.address).toBe('A5');
    expect([sheet.getCell('C6').value, sheet.getCell('D6').value]).toEqual(['A', 'B']);
    expect(sheet.getCell('C9').value).toEqual({ formula: 'SUM(C7:C8)', result: 0.3 });
    expect(sheet.getCell('D9').value).toBe('x');
    expect(sheet.getCell('A9').value).toBe('Tổng cộng');
  });

  it('keeps every column width, even one of exactly 9 characters (exceljs drops its own default)', async () => {
    const book = new ExcelJS.Workbook();
    const header = 'Gia đình học tập / hộ';
    expect(fitColumnWidth(header, [])).toBe(9);
    addTableSheet(book, { name: 'Rộng', office: 'P', title: 'T', columns: [{ header: 'STT' }, { header }, { header: 'Đơn vị' }], rows: [[1, 2, 'Xã Tân Hộ Cơ']], labelColumns: 1 });
    const back = new ExcelJS.Workbook();
    await back.xlsx.load((await book.xlsx.writeBuffer()) as ArrayBuffer);
    expect(back.getWorksheet('Rộng')!.columns.map((c) => c.width)).toEqual([6, 9.14, 14]);
  });
});
