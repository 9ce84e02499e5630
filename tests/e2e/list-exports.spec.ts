import ExcelJS from 'exceljs';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Locator, Page } from '@playwright/test';
import { chooseOption, expect, screenshot, test } from './fixtures.js';

/** The list's sheet of a downloaded export: the heading's four lines, the header (row 6) and the rows under it. */
async function download(page: Page, button: Locator, dir: string): Promise<{ file: string; heading: string[]; header: unknown[]; rows: unknown[][] }> {
  const waiting = page.waitForEvent('download', { timeout: 60_000 });
  await button.click();
  const got = await waiting;
  const path = join(dir, got.suggestedFilename());
  await got.saveAs(path);
  const book = new ExcelJS.Workbook();
  await book.xlsx.readFile(path);
  const sheet = book.worksheets[0]!;
  const width = sheet.getRow(6).cellCount;
  const rows: unknown[][] = [];
  for (let n = 7; n <= sheet.rowCount; n++) rows.push(Array.from({ length: width }, (_, i) => sheet.getRow(n).getCell(i + 1).value));
  return { file: got.suggestedFilename(), heading: [1, 2, 3, 4].map((n) => String(sheet.getCell(`A${n}`).value)), header: (sheet.getRow(6).values as unknown[]).slice(1), rows };
}

const cellsOf = async (rows: Locator, index: number) => (await rows.locator(`td:nth-child(${index + 1})`).allInnerTexts()).map((t) => t.trim());

test('the tasks page and the agencies page export what they show, filters applied', async ({ page, demo }) => {
  test.setTimeout(180_000);
  const dir = mkdtempSync(join(tmpdir(), 'xhht-list-exports-'));
  try {
    await page.setViewportSize({ width: 1366, height: 768 });
    await page.goto(demo.url);
    await page.getByRole('menuitem', { name: 'Nhiệm vụ' }).click();
    const table = page.getByRole('table', { name: 'Danh sách nhiệm vụ' });
    await expect(table.locator('tr[data-row-id]').first()).toBeVisible();
    const before = await table.locator('tr[data-row-id]').count();
    await chooseOption(page, page.locator('#task-filter-status'), 'Đang thực hiện');
    await expect(page).toHaveURL(/status=in_progress/);
    const rows = table.locator('tr[data-row-id]');
    await expect.poll(() => rows.count()).toBeLessThan(before);
    const onScreen = { numbers: await cellsOf(rows, 0), texts: await cellsOf(rows, 1), statuses: await cellsOf(rows, 4) };
    expect(onScreen.numbers.length).toBeGreaterThan(0);
    const total = page.locator('.ant-pagination-total-text');
    const count = (await total.count()) ? Number(/(\d+)/.exec(await total.innerText())![1]) : onScreen.numbers.length;
    await screenshot(page, '100-nhiem-vu-loc-xuat-excel');

    const exportButton = page.getByRole('button', { name: /^Xuất Excel/ });
    await exportButton.focus();
    await expect(exportButton).toBeFocused();
    const tasks = await download(page, exportButton, dir);
    expect(tasks.heading[0]).toBe('Danh sách nhiệm vụ');
    expect(tasks.heading[2]).toContain('Trạng thái: Đang thực hiện');
    expect(tasks.rows).toHaveLength(count);
    const column = (header: string) => tasks.rows.map((r) => r[tasks.header.indexOf(header)]);
    expect(column('STT').slice(0, onScreen.numbers.length)).toEqual(onScreen.numbers);
    column('Nội dung')
      .slice(0, onScreen.texts.length)
      .forEach((text, i) => expect(onScreen.texts[i]).toContain(String(text).slice(0, 40)));
    expect(column('Trạng thái').every((s) => s === 'Đang thực hiện')).toBe(true);
    expect(onScreen.statuses.every((s) => s.includes('Đang thực hiện'))).toBe(true);
    await expect(page.getByText(`Đã tạo ${tasks.file}`)).toBeVisible();

    await page.getByRole('menuitem', { name: 'Cơ quan, đơn vị' }).click();
    const agencies = page.getByRole('table', { name: 'Danh sách cơ quan' });
    await page.getByLabel('Lọc cơ quan', { exact: true }).fill('hoi');
    const agencyRows = agencies.locator('tr[data-row-id]');
    await expect.poll(() => agencyRows.count()).toBeLessThan(16);
    const names = await cellsOf(agencyRows, 0);
    expect(names.length).toBeGreaterThan(2);
    await screenshot(page, '101-co-quan-loc-xuat-excel');
    const list = await download(page, page.getByRole('button', { name: /^Xuất Excel/ }), dir);
    expect(list.heading[2]).toBe('Lọc: Lọc cơ quan: “hoi”');
    expect(list.rows.map((r) => r[1])).toEqual(names);
    expect(list.rows.map((r) => r[0])).toEqual(names.map((_, i) => i + 1));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
