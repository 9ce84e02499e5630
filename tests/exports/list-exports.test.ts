import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { XlsxFile } from '../../shared/list-export.js';
import { TASK_STATUS_LABELS } from '../../shared/plan-model.js';
import { filterAgencies } from '../../shared/agencies.js';
import { buildUnitTree, filterUnitTree, type UnitTreeNode } from '../../shared/unit-tree.js';
import { loadDemo } from '../../main/demo/demo.service.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

/**
 * Every list's export against the list itself: exported with a filter, read
 * back with exceljs, the rows are the rows the page's own query returns (count
 * and values), numbers are numbers and dates are dates.
 */

let demo: TestApp;
const TODAY = '2026-11-25';

beforeAll(async () => {
  demo = await createTestApp({ today: TODAY, setUp: false });
  await loadDemo(demo.ctx);
}, 120_000);
afterAll(() => demo.close());

interface Sheet {
  heading: string[];
  header: unknown[];
  rows: unknown[][];
}

/** A sheet written with a heading: four lines, a blank row, the header in row 6, then the rows. */
async function readBack(file: XlsxFile, sheetName?: string): Promise<Sheet> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(Buffer.from(file.contentBase64, 'base64') as unknown as ArrayBuffer);
  const sheet = sheetName ? book.getWorksheet(sheetName)! : book.worksheets[0]!;
  const values = (n: number) => ((sheet.getRow(n).values as unknown[]) ?? []).slice(1);
  const rows: unknown[][] = [];
  for (let n = 7; n <= sheet.rowCount; n++) rows.push(Array.from({ length: sheet.getRow(6).cellCount }, (_, i) => sheet.getRow(n).getCell(i + 1).value));
  expect(sheet.autoFilter).toBe(`A6:${String.fromCharCode(64 + sheet.getRow(6).cellCount)}${6 + rows.length}`);
  return { heading: [1, 2, 3, 4].map((n) => String(sheet.getCell(`A${n}`).value)), header: values(6), rows };
}

const column = (sheet: Sheet, header: string) => {
  const index = sheet.header.indexOf(header);
  expect(index, `cột “${header}”`).toBeGreaterThanOrEqual(0);
  return sheet.rows.map((r) => r[index]);
};
const utcDay = (iso: string) => new Date(`${iso.slice(0, 10)}T00:00:00Z`);

describe('list exports read back as the page lists them', () => {
  it('tasks: the filter bar’s agency, role and status applied; due days are dates, percents numbers', async () => {
    const agencies = await demo.call('agencies.list', {});
    const status = ['not_started' as const, 'in_progress' as const];
    // An agency leading undone work with deadlines, so the due-day column has dates to check.
    let agency = agencies[0]!;
    for (const candidate of agencies) {
      const rows = await demo.call('tasks.list', { agencyId: candidate.id, agencyRole: 'lead', status, assignedOnly: true });
      if (rows.length > 2 && rows.some((t) => t.dueDate)) {
        agency = candidate;
        break;
      }
    }
    const filter = { agencyId: agency.id, agencyRole: 'lead' as const, status, assignedOnly: true };
    const listed = await demo.call('tasks.list', filter);
    const all = await demo.call('tasks.list', { assignedOnly: true });
    expect(listed.length).toBeGreaterThan(2);
    expect(listed.length).toBeLessThan(all.length);

    const file = await demo.call('tasks.export', filter);
    expect(file.rows).toBe(listed.length);
    const sheet = await readBack(file);
    expect(sheet.heading[0]).toBe('Danh sách nhiệm vụ');
    expect(sheet.heading[1]).toBe('Phòng Giáo dục và Đào tạo huyện Tân Hồng');
    expect(sheet.heading[2]).toContain(`Cơ quan: ${agency.name} (chủ trì)`);
    expect(sheet.heading[2]).toContain('Trạng thái: Chưa thực hiện, Đang thực hiện');
    expect(sheet.heading[3]).toBe('Ngày xuất: 25/11/2026');
    expect(sheet.rows).toHaveLength(listed.length);
    expect(column(sheet, 'Nội dung')).toEqual(listed.map((t) => t.text));
    expect(column(sheet, 'STT')).toEqual(listed.map((t) => t.outlineNumber));
    expect(column(sheet, 'Chủ trì').every((name) => name === agency.name)).toBe(true);
    expect(column(sheet, 'Trạng thái')).toEqual(listed.map((t) => TASK_STATUS_LABELS[t.status]));
    expect(column(sheet, 'Hạn (ngày)')).toEqual(listed.map((t) => (t.dueDate ? utcDay(t.dueDate) : null)));
    expect(column(sheet, 'Hạn (ngày)').some((d) => d instanceof Date)).toBe(true);
    expect(column(sheet, 'Hoàn thành (%)').every((p) => p === null || typeof p === 'number')).toBe(true);
  });

  it('occurrences: one row per member of each period of a group task, with its state', async () => {
    const tasks = await demo.call('tasks.list', { assignedOnly: true });
    const group = tasks.find((t) => t.recurring && t.memberKind !== 'none')!;
    expect(group).toBeDefined();
    const occurrences = await demo.call('tasks.occurrences', { taskId: group.id });
    const sheet = await readBack(await demo.call('tasks.exportOccurrences', { taskId: group.id }));
    const expected = occurrences.flatMap((o) => o.members.map((m) => [o.label, m.name]));
    expect(sheet.rows.map((r) => [r[0], r[7]])).toEqual(expected);
    expect(column(sheet, 'Năm').every((y) => typeof y === 'number')).toBe(true);
    expect(column(sheet, 'Hạn')[0]).toEqual(utcDay(occurrences[0]!.dueDate));
  });

  it('units: the tree filter of the page applied, each unit with its depth and the path above it', async () => {
    const units = await demo.call('units.tree', {});
    const count = (nodes: UnitTreeNode[]): number => nodes.reduce((n, node) => n + 1 + count(node.children), 0);
    const shown = count(filterUnitTree(buildUnitTree(units), 'tan ho co'));
    expect(shown).toBeGreaterThan(2);
    expect(shown).toBeLessThan(units.length);
    const sheet = await readBack(await demo.call('units.export', { search: 'tan ho co' }));
    expect(sheet.heading[2]).toBe('Lọc: Lọc đơn vị: “tan ho co”');
    expect(sheet.rows).toHaveLength(shown);
    const commune = sheet.rows.find((r) => r[5] === 'Tân Hộ Cơ')!;
    expect(commune[0]).toBe(1);
    expect(commune[6]).toBe('Huyện Tân Hồng');
    const hamlet = sheet.rows.find((r) => r[0] === 2)!;
    expect(hamlet[6]).toBe('Huyện Tân Hồng › Xã Tân Hộ Cơ');
    expect(sheet.rows.map((r) => r[2])).toEqual(expect.arrayContaining(units.filter((u) => u.name === 'Tân Hộ Cơ').map((u) => u.code)));
  });

  it('agencies: the filter box and the kind column’s choice applied, in name order', async () => {
    const agencies = await demo.call('agencies.list', {});
    const filter = { search: 'hoi', kinds: ['doan_the' as const] };
    const shown = filterAgencies(agencies, filter);
    expect(shown.length).toBeGreaterThan(2);
    const sheet = await readBack(await demo.call('agencies.export', filter));
    expect(sheet.rows).toHaveLength(shown.length);
    expect(column(sheet, 'Tên cơ quan')).toEqual(shown.map((a) => a.name));
    expect(column(sheet, 'STT')).toEqual(shown.map((_, i) => i + 1));
    expect(sheet.heading[2]).toBe('Lọc: Lọc cơ quan: “hoi”; Loại: Đoàn thể/hội');
  });

  it('targets: the plan’s targets with their standing; milestone values and actuals are numbers', async () => {
    const plan = (await demo.call('plans.list', {})).find((p) => p.title.includes('Tân Hồng')) ?? (await demo.call('plans.list', {}))[0]!;
    const targets = await demo.call('targets.list', { planId: plan.id });
    expect(targets.length).toBeGreaterThan(0);
    const file = await demo.call('targets.export', { planId: plan.id });
    const sheet = await readBack(file, 'Mục tiêu');
    expect(sheet.rows).toHaveLength(targets.length);
    expect(column(sheet, 'Mục tiêu')).toEqual(targets.map((t) => t.text));
    expect(column(sheet, 'Giá trị mốc')).toEqual(targets.map((t) => t.progress.milestone?.value ?? null));
    expect(column(sheet, 'Thực hiện')).toEqual(targets.map((t) => t.progress.actual?.value ?? null));
    const perCommune = await readBack(file, 'Theo xã');
    expect(perCommune.rows).toHaveLength(targets.reduce((n, t) => n + t.communes.length, 0));
  });

  it('certificate register: the year and title chosen, in number order, with decision and issue days as dates', async () => {
    const all = await demo.call('certificates.list', {});
    expect(all.certificates.length).toBeGreaterThan(0);
    const { year, title } = all.registers[0]!;
    const listed = (await demo.call('certificates.list', { year, title })).certificates;
    const sheet = await readBack(await demo.call('certificates.export', { year, title }));
    expect(sheet.rows).toHaveLength(listed.length);
    expect(column(sheet, 'Số vào sổ')).toEqual(listed.map((c) => c.registerNumber));
    expect(column(sheet, 'Được công nhận')).toEqual(listed.map((c) => c.holderName));
    expect(column(sheet, 'Năm').every((y) => y === year)).toBe(true);
    expect(column(sheet, 'Ngày quyết định')).toEqual(listed.map((c) => utcDay(c.decisionDate)));
    expect(column(sheet, 'Cấp ngày').every((d) => d instanceof Date)).toBe(true);
  });

  it('evidence index: the store’s search applied, every match, sizes as numbers', async () => {
    const everything = await demo.call('evidence.search', {});
    expect(everything.count).toBeGreaterThan(1);
    const type = 'pdf' as const;
    const found = await demo.call('evidence.search', { type, limit: 1000 });
    expect(found.count).toBeGreaterThan(0);
    expect(found.count).toBeLessThan(everything.count);
    const sheet = await readBack(await demo.call('evidence.export', { type }));
    expect(sheet.rows).toHaveLength(found.count);
    expect(column(sheet, 'Tên tệp')).toEqual(found.rows.map((f) => f.name));
    expect(column(sheet, 'Dung lượng (byte)')).toEqual(found.rows.map((f) => f.size));
    expect(column(sheet, 'Ngày gắn')).toEqual(found.rows.map((f) => utcDay(f.createdAt)));
    expect(sheet.heading[2]).toBe('Lọc: Loại tệp: PDF');
  });

  it('change journal: the kind of record chosen, newest first, every change of the filter and the filter named', async () => {
    const page = await demo.call('audit.journal', { entity: 'agencies', offset: 0, limit: 200 });
    expect(page.total).toBeGreaterThan(1);
    expect(page.rows).toHaveLength(page.total);
    const sheet = await readBack(await demo.call('audit.exportJournal', { entity: 'agencies' }));
    expect(sheet.rows).toHaveLength(page.total);
    expect(column(sheet, 'Mã bản ghi')).toEqual(page.rows.map((r) => r.recordId));
    expect(column(sheet, 'Bản ghi')).toEqual(page.rows.map((r) => r.recordLabel));
    expect(new Set(column(sheet, 'Loại bản ghi'))).toEqual(new Set([page.rows[0]!.entityLabel]));
    expect(sheet.heading[0]).toBe('Nhật ký thay đổi');
    expect(sheet.heading[2]).toBe(`Lọc: Loại bản ghi: ${page.rows[0]!.entityLabel}`);
  });
});
