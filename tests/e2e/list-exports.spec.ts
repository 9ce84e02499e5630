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

test('the units, register, evidence, targets and occurrences lists each offer Xuất Excel of what they show', async ({ page, demo }) => {
  test.setTimeout(180_000);
  const dir = mkdtempSync(join(tmpdir(), 'xhht-list-exports-'));
  const exportOn = (scope: Page | Locator) => scope.getByRole('button', { name: /^Xuất Excel/ });
  try {
    await page.setViewportSize({ width: 1366, height: 768 });
    await page.goto(demo.url);

    await page.getByRole('menuitem', { name: 'Đơn vị hành chính' }).click();
    await page.getByLabel('Lọc đơn vị', { exact: true }).fill('tan ho co');
    await expect(page.getByRole('tree', { name: 'Cây đơn vị hành chính' })).toContainText('Tân Hộ Cơ');
    await screenshot(page, '102-don-vi-loc-xuat-excel');
    const units = await download(page, exportOn(page), dir);
    expect(units.heading[2]).toBe('Lọc: Lọc đơn vị: “tan ho co”');
    expect(units.rows.some((r) => r[5] === 'Tân Hộ Cơ' && r[6] === 'Huyện Tân Hồng')).toBe(true);

    await page.getByRole('menuitem', { name: 'Giấy công nhận' }).click();
    const register = page.getByRole('table', { name: 'Sổ cấp giấy công nhận' });
    await expect(register.locator('tbody tr.ant-table-row').first()).toBeVisible();
    const numbers = await register.locator('tbody tr.ant-table-row td:nth-child(2)').allInnerTexts();
    await screenshot(page, '103-so-cap-giay-xuat-excel');
    const certificates = await download(page, exportOn(page), dir);
    expect(certificates.rows.slice(0, numbers.length).map((r) => r[0])).toEqual(numbers.map((n) => n.trim()));

    await page.getByRole('menuitem', { name: 'Kho minh chứng' }).click();
    await expect(page.getByRole('button', { name: /^Xuất Excel danh mục minh chứng/ })).toBeVisible();
    await screenshot(page, '104-kho-minh-chung-xuat-excel');
    const evidence = await download(page, exportOn(page), dir);
    expect(evidence.heading[0]).toBe('Danh mục minh chứng');
    expect(evidence.rows.length).toBeGreaterThan(0);

    await page.getByRole('menuitem', { name: 'Nhiệm vụ' }).click();
    const tasks = page.getByRole('table', { name: 'Danh sách nhiệm vụ' });
    await tasks.getByRole('button', { name: 'Từng kỳ' }).first().click();
    const dialog = page.getByRole('dialog', { name: 'Từng kỳ thực hiện' });
    await expect(dialog.getByRole('table', { name: 'Các kỳ thực hiện' })).toBeVisible();
    await screenshot(page, '105-tung-ky-xuat-excel');
    const periods = await download(page, exportOn(dialog), dir);
    expect(periods.heading[0]).toMatch(/^Theo dõi từng kỳ: /);
    expect(periods.rows.length).toBeGreaterThan(0);
    await dialog.getByRole('button', { name: 'Xong' }).click();

    await tasks.getByRole('heading').getByRole('link').first().click();
    await expect(page.getByRole('tab', { name: /^Mục tiêu/ })).toHaveAttribute('aria-selected', 'true');
    await screenshot(page, '106-muc-tieu-xuat-excel');
    const targets = await download(page, exportOn(page.getByRole('tabpanel')), dir);
    expect(targets.heading[0]).toBe('Danh sách mục tiêu');
    expect(targets.rows.length).toBeGreaterThan(0);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
