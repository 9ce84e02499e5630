import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { writeXlsx, xlsxFileName, type ListCell } from './list-sheet.js';

async function open(content: Buffer): Promise<ExcelJS.Workbook> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(content as unknown as ArrayBuffer);
  return book;
}

describe('writeXlsx', () => {
  it('writes the heading, a bold frozen header with an autofilter, real dates and numbers, A4 with the header repeated', async () => {
    const content = await writeXlsx([
      {
        name: 'Nhiệm vụ',
        heading: { title: 'Danh sách nhiệm vụ', office: 'Phòng GD&ĐT huyện Tân Hồng', filters: ['Trạng thái: Quá hạn'], date: '2026-12-04' },
        columns: [
          { header: 'Tên', width: 40 },
          { header: 'Hạn', width: 12, type: 'date' },
          { header: 'Số', width: 10, type: 'integer' },
          { header: 'Tỷ lệ', width: 10, type: 'number' },
        ],
        rows: [
          ['Tổ chức hội nghị', '2026-03-31', 1200, 12.5],
          ['Không hạn', null, 0, null],
        ],
      },
    ]);
    const book = await open(content);
    const sheet = book.getWorksheet('Nhiệm vụ')!;
    expect(sheet.getCell('A1').value).toBe('Danh sách nhiệm vụ');
    expect(sheet.getCell('A1').font?.bold).toBe(true);
    expect(sheet.getCell('A2').value).toBe('Phòng GD&ĐT huyện Tân Hồng');
    expect(sheet.getCell('A3').value).toBe('Lọc: Trạng thái: Quá hạn');
    expect(sheet.getCell('A4').value).toBe('Ngày xuất: 04/12/2026');
    expect(sheet.getRow(6).values).toEqual([undefined, 'Tên', 'Hạn', 'Số', 'Tỷ lệ']);
    expect(sheet.getCell('A6').font?.bold).toBe(true);
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 6 });
    expect(sheet.autoFilter).toBe('A6:D8');
    const due = sheet.getCell('B7');
    expect(due.value).toEqual(new Date(Date.UTC(2026, 2, 31)));
    expect(due.numFmt).toBe('dd/mm/yyyy');
    expect(sheet.getCell('C7').value).toBe(1200);
    expect(sheet.getCell('D7').value).toBe(12.5);
    expect(sheet.getCell('B8').value).toBeNull();
    expect(sheet.getColumn(1).width).toBe(40);
    expect(sheet.pageSetup).toMatchObject({ paperSize: 9, orientation: 'portrait', fitToWidth: 1, fitToHeight: 0 });
    // The repeated rows are a workbook-level defined name; exceljs reads it back onto the sheet.
    expect(sheet.pageSetup.printTitlesRow).toBe('6:6');
  });

  it('without a heading puts the header in row 1 (lists an import reads back), and says "toàn bộ" when nothing is filtered', async () => {
    const plain = await open(await writeXlsx([{ name: 'A', columns: [{ header: 'Tên', width: 10 }], rows: [['x']] }]));
    expect(plain.getWorksheet('A')!.getRow(1).values).toEqual([undefined, 'Tên']);
    expect(plain.getWorksheet('A')!.autoFilter).toBe('A1:A2');
    const whole = await open(
      await writeXlsx([{ name: 'B', heading: { title: 'T', office: 'O', filters: [], date: '2026-01-02' }, columns: [{ header: 'Tên', width: 100 }], rows: [] }]),
    );
    expect(whole.getWorksheet('B')!.getCell('A3').value).toBe('Lọc: không (toàn bộ danh sách)');
    expect(whole.getWorksheet('B')!.pageSetup.orientation).toBe('landscape');
  });

  it('streams rows from an async source, every one of them in order', async () => {
    async function* rows(): AsyncGenerator<ListCell[]> {
      for (let i = 0; i < 5_000; i++) yield [`Ấp ${i}`, i];
    }
    const book = await open(await writeXlsx([{ name: 'Lớn', columns: [{ header: 'Tên', width: 20 }, { header: 'Số', width: 8, type: 'integer' }], rows: rows() }]));
    const sheet = book.getWorksheet('Lớn')!;
    expect(sheet.rowCount).toBe(5_001);
    expect(sheet.getCell('B5001').value).toBe(4_999);
  });

  it.each([
    ['Danh sách nhiệm vụ — Quá hạn', 'danh-sach-nhiem-vu-qua-han.xlsx'],
    ['Sổ cấp giấy 2026', 'so-cap-giay-2026.xlsx'],
    ['***', 'danh-sach.xlsx'],
  ])('names the file from %s', (name, file) => expect(xlsxFileName(name)).toBe(file));
});
