import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { unzip, zip } from '../../tests/fixtures/hostile-xlsx.js';
import { openBoundedSheet, type CellValue } from './bounded-sheet.js';
import { attribute, cellColumn, cellValue, decodeXmlText, parseRow, richText } from './sheet-xml.js';

const SHARED = ['Mã', 'Sa Rài', 'a & b'];

describe('sheet XML pieces', () => {
  it.each([
    ['plain', 'Sa Rài', 'Sa Rài'],
    ['named entities', 'a &amp; b &lt;c&gt; &quot;d&quot; &apos;e&apos;', `a & b <c> "d" 'e'`],
    ['decimal and hex references', '&#272;&#x1EA5;', 'Đấ'],
    ['an astral character', '&#x1F600;', '\u{1F600}'],
    ['a NUL stays for the field checks', 'a&#0;b', 'a\u0000b'],
    ['a lone surrogate stays for the field checks', '&#xD800;', '\uD800'],
    ['an unknown entity stays as written', '&nbsp;', '&nbsp;'],
  ])('decodes XML text: %s', (_, xml, text) => expect(decodeXmlText(xml)).toBe(text));

  it.each([
    ['one <t>', '<t>Sa Rài</t>', 'Sa Rài'],
    ['preserved spaces', '<t xml:space="preserve"> 870 </t>', ' 870 '],
    ['rich runs joined', '<r><rPr><b/></rPr><t>Tân </t></r><r><t>Hồng</t></r>', 'Tân Hồng'],
    ['phonetic runs left out', '<t>Tân</t><rPh sb="0" eb="1"><t>ignored</t></rPh>', 'Tân'],
    ['an empty <t/>', '<t/>', ''],
    ['CDATA taken as it is', '<t><![CDATA[a <b> & c]]></t>', 'a <b> & c'],
    ['entities inside', '<t>GD&amp;ĐT</t>', 'GD&ĐT'],
  ])('reads rich text: %s', (_, xml, text) => expect(richText(xml, '')).toBe(text));

  it('reads rich text with a namespace prefix', () => expect(richText('<x:r><x:t>a</x:t></x:r><x:r><x:t>b</x:t></x:r>', 'x:')).toBe('ab'));

  it.each([
    ['<c r="B2" t="s">', 'r', 'B2'],
    ['<c r="B2" t="s">', 't', 's'],
    ["<c t='n' r='C3'>", 'r', 'C3'],
    ['<c xr:r="Z9" r="B2">', 'r', 'B2'],
    ['<row spans="1:11" r="7">', 'r', '7'],
    ['<c s="1">', 't', undefined],
  ])('reads attributes: %s %s', (tag, name, value) => expect(attribute(tag, name)).toBe(value));

  it.each([
    ['A1', 1],
    ['K12', 11],
    ['AA3', 27],
    ['XFD1048576', 16384],
    ['$B$2', 2],
  ])('column of %s', (ref, column) => expect(cellColumn(ref)).toBe(column));

  it.each(['1A', 'ABCD1', '', 'B-2'])('refuses the cell reference %j', (ref) => expect(() => cellColumn(ref)).toThrow());

  it.each<[string, string | undefined, string, CellValue]>([
    ['a shared string', 's', '<v>1</v>', 'Sa Rài'],
    ['an inline string', 'inlineStr', '<is><t>Gò Chòi</t></is>', 'Gò Chòi'],
    ['an inline rich string', 'inlineStr', '<is><r><t>Gò </t></r><r><t>Chòi</t></r></is>', 'Gò Chòi'],
    ['a formula string result', 'str', '<f>A1&amp;"x"</f><v>Mãx</v>', 'Mãx'],
    ['a formula number result', undefined, '<f>SUM(A1:A2)</f><v>1210</v>', 1210],
    ['a decimal, exactly', undefined, '<v>980.7</v>', 980.7],
    ['an explicit number', 'n', '<v>5200</v>', 5200],
    ['a number in exponent form', 'n', '<v>1.5E3</v>', 1500],
    ['a negative number', 'n', '<v>-3</v>', -3],
    ['an empty number, not zero', 'n', '<v></v>', Number.NaN],
    ['a broken number, not a number', 'n', '<v>12abc</v>', Number.NaN],
    ['true', 'b', '<v>1</v>', true],
    ['false', 'b', '<v>0</v>', false],
    ['an error', 'e', '<v>#N/A</v>', '#N/A'],
    ['an ISO date as its text', 'd', '<v>2025-03-31</v>', '2025-03-31'],
    ['no value at all', undefined, '<f>A1</f>', null],
    ['an inline string without <is>', 'inlineStr', '', null],
  ])('reads %s', (_, type, inner, value) => expect(cellValue(type, inner, '', SHARED)).toEqual(value));

  it('refuses a shared string index past the table', () => expect(() => cellValue('s', '<v>3</v>', '', SHARED)).toThrow());

  it('places cells by their column, gaps as null, and a cell without r after the one before', () => {
    const row = parseRow('<row r="4">', '<c r="A4" t="s"><v>0</v></c><c r="C4"><v>7</v></c><c><v>8</v></c><c r="F4" s="2"/>', '', SHARED, 64);
    expect(row).toEqual({ number: 4, cells: ['Mã', null, 7, 8, null, null], lastColumn: 6 });
  });

  it('stops at the first cell past the column limit and reports its column', () => {
    const row = parseRow('<row r="2">', '<c r="A2"><v>1</v></c><c r="XFD2"><v>2</v></c><c r="XFC2"><v>3</v></c>', '', SHARED, 64);
    expect(row.lastColumn).toBe(16384);
    expect(row.cells).toEqual([1]);
  });

  it.each([
    ['cells out of order', '<row r="2">', '<c r="B2"><v>1</v></c><c r="A2"><v>2</v></c>'],
    ['a row number that is not a number', '<row r="x">', ''],
    ['another element among the cells', '<row r="2">', '<foo/>'],
    ['an unterminated cell', '<row r="2">', '<c r="A2"><v>1</v>'],
  ])('refuses %s', (_, tag, inner) => expect(() => parseRow(tag, inner, '', SHARED, 64)).toThrow());

  it('reads a row without r as having none (it follows the row before)', () => expect(parseRow('<row>', '<c><v>1</v></c>', '', SHARED, 64).number).toBeNull());
});

/** A workbook made by exceljs whose first sheet's XML (and shared strings) are replaced. */
async function workbookWith(sheetXml: string, sharedStrings?: string): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.addWorksheet('Đơn vị').addRow(['Mã']);
  const parts = unzip(Buffer.from(await workbook.xlsx.writeBuffer()))
    .filter((p) => sharedStrings !== undefined || p.name !== 'xl/sharedStrings.xml')
    .map((p) => {
      if (p.name === 'xl/worksheets/sheet1.xml') return { ...p, data: Buffer.from(sheetXml) };
      if (p.name === 'xl/sharedStrings.xml') return { ...p, data: Buffer.from(sharedStrings!) };
      return p;
    });
  return zip(parts);
}

const worksheet = (rows: string, prefix = '') =>
  `<?xml version="1.0" encoding="UTF-8"?><${prefix}worksheet xmlns${prefix ? `:${prefix.slice(0, -1)}` : ''}="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><${prefix}dimension ref="A1"/><${prefix}sheetData>${rows}</${prefix}sheetData></${prefix}worksheet>`;

async function readAll(content: Buffer): Promise<{ row: number; cells: CellValue[] }[]> {
  const sheet = await openBoundedSheet(content, { maxRows: 250_000, maxColumns: 64 });
  const rows = [];
  for await (const row of sheet.rows()) rows.push(row);
  return rows;
}

describe('the lean reader through openBoundedSheet', () => {
  it('reads shared strings (rich, phonetic runs left out), inline strings, numbers, booleans and Excel escapes', async () => {
    const content = await workbookWith(
      worksheet(
        '<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="C1" t="inlineStr"><is><t>Sa_x0000_Rài</t></is></c></row>' +
          '<row r="3"><c r="A3"><v>980.7</v></c><c r="B3" t="b"><v>1</v></c><c r="D3" t="str"><f>B1</f><v>x &amp; y</v></c></row>',
      ),
      '<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="2" uniqueCount="2"><si><t>Mã</t></si><si><r><t>Tân </t></r><r><t>Hồng</t></r><rPh><t>x</t></rPh></si></sst>',
    );
    expect(await readAll(content)).toEqual([
      { row: 1, cells: ['Mã', 'Tân Hồng', 'Sa\u0000Rài'] },
      { row: 3, cells: [980.7, true, null, 'x & y'] },
    ]);
  });

  it('reads a sheet written with a namespace prefix and without shared strings', async () => {
    const content = await workbookWith(worksheet('<x:row r="1"><x:c r="A1" t="inlineStr"><x:is><x:t>Mã</x:t></x:is></x:c></x:row>', 'x:'));
    expect(await readAll(content)).toEqual([{ row: 1, cells: ['Mã'] }]);
  });

  it('passes over an extension list among the shared strings', async () => {
    const content = await workbookWith(
      worksheet('<row r="1"><c r="A1" t="s"><v>0</v></c></row>'),
      '<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><si><t>Mã</t></si><extLst><ext uri="x"><si><t>no</t></si></ext></extLst></sst>',
    );
    expect(await readAll(content)).toEqual([{ row: 1, cells: ['Mã'] }]);
  });

  it('reads an empty sheet (<sheetData/>) as no rows', async () => {
    const content = await workbookWith('<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData/></worksheet>');
    expect(await readAll(content)).toEqual([]);
  });

  it('reads 30,000 rows across many inflated chunks, each whole and in order', async () => {
    const rows = Array.from({ length: 30_000 }, (_, i) => `<row r="${i + 1}"><c r="A${i + 1}" t="inlineStr"><is><t>Ấp số ${i} – Gò Chòi</t></is></c><c r="B${i + 1}"><v>${i}.5</v></c></row>`);
    const read = await readAll(await workbookWith(worksheet(rows.join('\n'))));
    expect(read).toHaveLength(30_000);
    expect(read.every((r, i) => r.row === i + 1 && r.cells[0] === `Ấp số ${i} – Gò Chòi` && r.cells[1] === i + 0.5)).toBe(true);
  });

  it.each([
    ['declares less than it holds', (size: number) => size - 10, 'nhiều hơn kích thước đã khai'],
    ['declares more than it holds', (size: number) => size + 10, 'ít hơn kích thước đã khai'],
  ])('refuses a sheet that %s (it is inflated once, by the reader, which holds it to its size)', async (_, declare, message) => {
    const rows = Array.from({ length: 2000 }, (_, i) => `<row r="${i + 1}"><c r="A${i + 1}"><v>${i}</v></c></row>`).join('');
    const parts = unzip(await workbookWith(worksheet(rows))).map((p) => (p.name === 'xl/worksheets/sheet1.xml' ? { ...p, declaredSize: declare(p.data.length) } : p));
    await expect(readAll(zip(parts))).rejects.toMatchObject({ code: 'IMPORT_INVALID', message: expect.stringContaining(message) });
  });

  it.each([
    ['a row past the limit', '<row r="250001"><c r="A250001"><v>1</v></c></row>', 'dòng 250.001'],
    ['rows out of order', '<row r="5"><c r="A5"><v>1</v></c></row><row r="3"><c r="A3"><v>1</v></c></row>', 'sai thứ tự sau dòng 5'],
    ['a cell past column 64', '<row r="2"><c r="BM2"><v>1</v></c></row>', 'cột BM'],
    ['a broken cell', '<row r="2"><c r="A2"><v>1</v></row>', 'bị hỏng'],
    ['a missing shared string', '<row r="2"><c r="A2" t="s"><v>9</v></c></row>', 'bị hỏng'],
    ['an unterminated sheet', '<row r="2"><c r="A2"><v>1</v></c>', 'bị hỏng'],
  ])('refuses %s with the place', async (_, rows, message) => {
    const content = await workbookWith(worksheet(rows).replace(/<\/sheetData>.*$/, rows.includes('</row>') ? '</sheetData></worksheet>' : ''));
    await expect(readAll(content)).rejects.toMatchObject({ code: 'IMPORT_INVALID', message: expect.stringContaining(message) });
  });
});
