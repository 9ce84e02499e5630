import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FieldIssue } from '../../shared/errors.js';
import { MAX_REPORTED_ISSUES } from '../../shared/jobs.js';
import { MAX_JSON_DEPTH } from '../../shared/json-positions.js';
import {
  declaredBomb,
  declaredTotal,
  lastRowWorkbook,
  longName,
  lyingBomb,
  lyingDimensionWorkbook,
  overlappingBomb,
  ratioBomb,
  sheetWithEscapes,
} from '../fixtures/hostile-xlsx.js';
import { GOOD_UNIT_ROWS, unitSheet } from '../fixtures/units-sheet.js';
import { dumpDatabase } from '../support/db-dump.js';
import { importUnitsOk, runUnitsImport } from '../support/import-jobs.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

/**
 * Every hostile input found so far, through every import door (a units sheet,
 * a plan template, a form): each is refused with a Vietnamese message that names
 * the place, and the database dump is the same before and after.
 */

let app: TestApp;
beforeAll(async () => {
  app = await createTestApp();
  // Stored communes and hamlets, so a sheet can try to hang a stored commune under its own hamlet.
  await importUnitsOk(app, await unitSheet(GOOD_UNIT_ROWS));
});
afterAll(() => app.close());

interface Refusal {
  message: string;
  issues: FieldIssue[];
  issueCount: number;
}

type Row = (string | number | null)[];
const unit = (code: string, name: string, level: string, parent: string, figures: (string | number | null)[] = []): Row => [
  code,
  name,
  level,
  parent,
  ...[...figures, ...Array<null>(7).fill(null)].slice(0, 7),
];

async function sheet(content: Buffer | Promise<Buffer>): Promise<Refusal> {
  const status = await runUnitsImport(app, await content);
  if (status.phase !== 'failed') throw new Error(`the import was expected to be refused but ended ${status.phase}`);
  return { message: status.message ?? '', issues: status.issues, issueCount: status.issueCount };
}
const rows = (...data: Row[]) => sheet(unitSheet(data));

async function template(content: string): Promise<Refusal> {
  const error = await app.fail('templates.importFile', { fileName: 'mau.json', content });
  const issues = error.details?.issues ?? [];
  return { message: error.message, issues, issueCount: Number(error.details?.issueCount ?? issues.length) };
}
const templateText = (plan: string) => `{
  "format": "xhht-plan-template",
  "version": 1,
  "plan": ${plan}
}`;
const PLAN = '{ "kind": "ke_hoach", "issuer": "UBND huyện Tân Hồng", "title": "Kế hoạch thử", "periodStart": 2021, "periodEnd": 2030 }';

interface HostileCase {
  name: string;
  attempt: () => Promise<Refusal>;
  /** What the officer reads: the summary, a new line, then the first issue. */
  message: RegExp;
  /** Where to look: the first issue's path, or (for a whole-file problem) the part named in the message. */
  place: (string | number)[] | RegExp;
}

const S = 'Đơn vị';
const CASES: HostileCase[] = [
  { name: 'a zip bomb: 1.4 MB declaring 3.6 GB', attempt: () => sheet(declaredBomb()), message: /nén \d+ lần, quá mức cho phép/, place: /phần "xl\/media\/image0\.bin"/ },
  { name: 'parts declaring 400 MB in all', attempt: () => sheet(declaredTotal()), message: /đã giải nén ra hơn 384 MB/, place: /phần "xl\/media\/big1\.bin"/ },
  { name: 'a real bomb: 64 MB of zeros in 64 kB', attempt: () => sheet(ratioBomb()), message: /nén \d+ lần/, place: /phần "xl\/media\/zeros\.bin"/ },
  { name: 'a part lying about its size', attempt: () => sheet(lyingBomb()), message: /giải nén ra nhiều hơn kích thước đã khai/, place: /phần "xl\/media\/small\.bin"/ },
  { name: 'a directory listing the same data 100 more times', attempt: () => sheet(overlappingBomb()), message: /chồng lấn/, place: /phần "/ },
  { name: 'one cell at row 1,048,576 (declared dimension)', attempt: () => sheet(lastRowWorkbook()), message: /khai báo vùng dữ liệu A1:K1048576, tức đến dòng 1\.048\.576; tối đa 200\.001 dòng.*\nVượt quá 200\.001 dòng$/, place: [S, 1048576] },
  { name: 'one cell at row 1,048,576 behind a false dimension', attempt: () => sheet(lyingDimensionWorkbook()), message: /có dữ liệu ở dòng 1\.048\.576; tối đa 200\.001 dòng\.\nVượt quá 200\.001 dòng$/, place: [S, 1048576] },
  { name: 'a 10 MB unit name', attempt: () => rows(unit('870-50', longName(10_000_000), 'Xã', '870')), message: /^Tên đơn vị tối đa 120 ký tự$/m, place: [S, 2, 'tên'] },
  {
    name: 'a NUL in a name (Excel writes _x0000_)',
    attempt: () => sheet(sheetWithEscapes([unit('870-50', 'Sa TÊN Rài', 'Xã', '870')], { 'TÊN': '_x0000_' })),
    message: /^Tên đơn vị chứa ký tự rỗng \(NUL\)$/m,
    place: [S, 2, 'tên'],
  },
  {
    name: 'a lone surrogate in a name',
    attempt: () => sheet(sheetWithEscapes([unit('870-50', 'Sa TÊN Rài', 'Xã', '870')], { 'TÊN': '_xD800_' })),
    message: /^Tên đơn vị chứa ký tự Unicode hỏng/m,
    place: [S, 2, 'tên'],
  },
  {
    name: 'a NUL in a name typed into the form',
    attempt: async () => {
      const root = (await app.call('office.status', {})).office!.rootUnitId;
      const error = await app.fail('units.create', { parentId: root, code: '870-51', name: 'Sa\u0000Rài', type: 'Xã' });
      return { message: error.message, issues: error.details?.issues ?? [], issueCount: 1 };
    },
    message: /Tên đơn vị chứa ký tự rỗng \(NUL\)/,
    place: ['name'],
  },
  {
    name: 'a cycle of length 2',
    attempt: () => rows(unit('870-60', 'Vòng A', 'Xã', '870-61'), unit('870-61', 'Vòng B', 'Xã', '870-60')),
    message: /^Đơn vị cha tạo thành vòng lặp: "870-60" → "870-61" → "870-60"$/m,
    place: [S, 2, 'mã đơn vị cha'],
  },
  {
    name: 'a cycle of length 3',
    attempt: () => rows(unit('870-60', 'A', 'Xã', '870-62'), unit('870-61', 'B', 'Xã', '870-60'), unit('870-62', 'C', 'Xã', '870-61')),
    message: /^Đơn vị cha tạo thành vòng lặp: "870-60" → "870-62" → "870-61" → "870-60"$/m,
    place: [S, 2, 'mã đơn vị cha'],
  },
  {
    name: 'a stored commune moved under its own hamlet',
    attempt: () => rows(unit('870-01', 'Sa Rài', 'Thị trấn', '870-01-01')),
    message: /^Đơn vị cha tạo thành vòng lặp: "870-01" → "870-01-01" → "870-01"$/m,
    place: [S, 2, 'mã đơn vị cha'],
  },
  {
    name: 'a chain 13 levels below the territory',
    attempt: () => rows(...Array.from({ length: 13 }, (_, i) => unit(`D${i + 1}`, `Cấp ${i + 1}`, i === 0 ? 'Xã' : i === 1 ? 'Ấp' : 'Tổ', i === 0 ? '870' : `D${i}`))),
    message: /^Đơn vị nằm ở cấp thứ 13 dưới địa bàn gốc; tối đa 12 cấp$/m,
    place: [S, 14, 'mã đơn vị cha'],
  },
  {
    name: 'a decimal 980.7 where a count is due (read exactly, never as 9.807)',
    attempt: () => rows(unit('870-70', 'Tân Phước', 'Xã', '870', [2024, 980.7, 1, 1, 1, 1, 1])),
    message: /^Số hộ gia đình phải là số nguyên \(ô ghi 980,7\)$/m,
    place: [S, 2, 'hộ gia đình'],
  },
  {
    name: 'an ambiguous "1,210"',
    attempt: () => rows(unit('870-70', 'Tân Phước', 'Xã', '870', [2024, '1,210', 1, 1, 1, 1, 1])),
    message: /^"1,210" có thể là 1,210 \(cách viết Việt Nam\) hoặc 1210 \(cách viết tiếng Anh\)/m,
    place: [S, 2, 'hộ gia đình'],
  },
  {
    name: 'a code given twice with different names',
    attempt: () => rows(unit('870-80', 'Bình Phú', 'Xã', '870'), unit('870-80', 'Bình Thành', 'Xã', '870')),
    message: /^Mã "870-80" đã có ở dòng 2 với tên, cấp hoặc đơn vị cha khác$/m,
    place: [S, 3, 'mã'],
  },
  {
    name: 'the figures of one unit and year given twice',
    attempt: () => rows(unit('870-80', 'Bình Phú', 'Xã', '870', [2024, 1, 1, 1, 1, 1, 1]), unit('870-80', 'Bình Phú', 'Xã', '870', [2024, 2, 1, 1, 1, 1, 1])),
    message: /^Số liệu năm 2024 của mã "870-80" đã có ở dòng 2$/m,
    place: [S, 3, 'năm'],
  },
  {
    name: 'a template nested 100,000 deep',
    attempt: () => template(templateText(`{ "title": ${'['.repeat(100_000)}`)),
    message: new RegExp(`^Mẫu kế hoạch "mau.json" không hợp lệ\\. Dòng 4, cột \\d+: dữ liệu lồng quá sâu \\(tối đa ${MAX_JSON_DEPTH} cấp\\)`, 'm'),
    place: /Dòng 4, cột \d+/,
  },
  {
    name: 'a template with a __proto__ key',
    attempt: () => template(templateText(`{\n    "__proto__": { "periodEnd": 2100 },\n    ${PLAN.slice(1)}`)),
    message: /Dòng 5, cột 5: tên trường "__proto__" không được phép/,
    place: /Dòng 5/,
  },
  {
    name: 'a template with an escaped NUL',
    attempt: () => template(templateText(PLAN.replace('Kế hoạch thử', 'Kế hoạch\\u0000thử'))),
    message: /Dòng 4, cột \d+: chuỗi chứa ký tự rỗng \(NUL\)/,
    place: /Dòng 4/,
  },
  {
    name: 'a template with an agency key given twice',
    attempt: () =>
      template(`{
  "format": "xhht-plan-template", "version": 1, "plan": ${PLAN},
  "agencies": [
    { "key": "gd", "name": "Phòng Giáo dục và Đào tạo", "kind": "chuyen_mon" },
    { "key": "gd", "name": "Hội Khuyến học", "kind": "doan_the" }
  ]
}`),
    message: /Dòng 5 \(agencies › 1 › key\): Khóa "gd" bị trùng/,
    place: ['agencies', 1, 'key'],
  },
];

const VIETNAMESE = /[ăâđêôơưàáảãạèéẻẽẹìíỉĩịòóỏõọùúủũụỳýỷỹỵ]/i;
const ENGLISH_LEAK = /\b(error|invalid|expected|undefined|maximum|stack|null|NaN)\b/i;

describe('hostile imports', () => {
  it.each(CASES.map((c) => [c.name, c] as const))('refuses %s, names the place, changes nothing', async (_name, c) => {
    const before = dumpDatabase(app.ctx.sqlite);
    const refusal = await c.attempt();
    // The summary and the first issue, as the dialog shows them.
    const shown = `${refusal.message}\n${refusal.issues[0]?.message ?? ''}`;
    expect(shown).toMatch(c.message);
    for (const text of [refusal.message, ...refusal.issues.map((i) => i.message)]) {
      expect(text).toMatch(VIETNAMESE);
      expect(text).not.toMatch(ENGLISH_LEAK);
    }
    if (c.place instanceof RegExp) expect(refusal.message).toMatch(c.place);
    else expect(refusal.issues[0]?.path).toEqual(c.place);
    expect(dumpDatabase(app.ctx.sqlite)).toBe(before);
    // Generous: the 10 MB and bomb workbooks take seconds to build on a busy 2-core machine.
  }, 120_000);

  it(`reports the first ${MAX_REPORTED_ISSUES} of 250 bad rows and counts all 250`, async () => {
    const before = dumpDatabase(app.ctx.sqlite);
    const refusal = await rows(...Array.from({ length: 250 }, (_, i) => unit(`B${i}`, '', 'Xã', '870')));
    expect(refusal.message).toBe(`Bảng tính có 250 lỗi; chưa có gì được ghi. Dưới đây là ${MAX_REPORTED_ISSUES} lỗi đầu tiên.`);
    expect(refusal.issues).toHaveLength(MAX_REPORTED_ISSUES);
    expect(refusal.issueCount).toBe(250);
    expect(refusal.issues[0]).toEqual({ path: [S, 2, 'tên'], message: 'Tên đơn vị không được để trống' });
    expect(refusal.issues.at(-1)?.path).toEqual([S, MAX_REPORTED_ISSUES + 1, 'tên']);
    expect(dumpDatabase(app.ctx.sqlite)).toBe(before);
  });

  it('reads "1.210" as 1210 and a numeric 980 as 980, exactly', async () => {
    await importUnitsOk(app, await unitSheet([unit('870-90', 'An Phước', 'Xã', '870', [2024, '1.210', 980, '1 500', 0, 0, 0])]));
    const id = (await app.call('units.tree', {})).find((u) => u.code === '870-90')!.id;
    const [figures] = (await app.call('units.get', { id })).figures;
    expect(figures).toMatchObject({ year: 2024, households: 1210, clans: 980, adults: 1500 });
  });
});
