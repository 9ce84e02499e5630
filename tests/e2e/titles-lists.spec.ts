import ExcelJS from 'exceljs';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Download, Page } from '@playwright/test';
import { chooseOption, expect, screenshot, test } from './fixtures.js';

/** A check or import starts the import worker (exceljs loads in it); under the 2-core machine's load that alone passed 10 s. */
const JOB = 60_000;

/** A commune's household list headed its own way: "Tên chủ hộ" is no header XHHT knows, so the officer maps it. */
async function householdList(dir: string): Promise<string> {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet('Hộ gia đình');
  sheet.addRow(['STT', 'Tên chủ hộ', 'Địa chỉ', 'Xã', 'Thôn']);
  sheet.addRow([1, 'Hộ Lê Văn Bảy', 'Tổ 2', 'Bình Phú', 'Bình Hòa']);
  sheet.addRow([2, 'Hộ Trần Thị Tư', 'Tổ 5', 'Bình Phú', 'Bình Tân']);
  const path = join(dir, 'ho-gia-dinh-binh-phu.xlsx');
  await book.xlsx.writeFile(path);
  return path;
}

/** The first sheet of a downloaded .xlsx as rows of cell values. */
async function sheetOf(download: Download, dir: string): Promise<unknown[][]> {
  const path = join(dir, download.suggestedFilename());
  await download.saveAs(path);
  const book = new ExcelJS.Workbook();
  await book.xlsx.readFile(path);
  const rows: unknown[][] = [];
  book.worksheets[0]!.eachRow((row) => rows.push((row.values as unknown[]).slice(1)));
  return rows;
}

async function downloadOf(page: Page, click: () => Promise<void>): Promise<Download> {
  const download = page.waitForEvent('download', { timeout: JOB });
  await click();
  return download;
}

// Budget as titles.spec.ts: two worker jobs and three downloads on a loaded 2-core machine.
test('an officer maps a household list’s columns, saves the mapping, checks, confirms, and exports the lists on screen', async ({ page, demo }) => {
  test.setTimeout(300_000);
  const dir = mkdtempSync(join(tmpdir(), 'xhht-titles-lists-'));
  try {
    const list = await householdList(dir);
    await page.setViewportSize({ width: 1366, height: 768 });
    await page.goto(demo.url);
    await page.getByRole('menuitem', { name: 'Danh hiệu học tập' }).click();
    const subjects = page.getByRole('table', { name: 'Danh sách đối tượng' });
    await expect(subjects).toContainText('Tân Hộ Cơ');
    await page.getByLabel('Loại đối tượng').getByText('Hộ gia đình', { exact: true }).click();

    await page.getByRole('button', { name: 'Nhập từ Excel' }).click();
    const dialog = page.getByRole('dialog', { name: 'Nhập danh sách hộ gia đình từ Excel' });
    const chooser = page.waitForEvent('filechooser');
    await dialog.getByRole('button', { name: 'Chọn tệp .xlsx' }).click();
    await (await chooser).setFiles(list);

    // The mapping step: what was guessed from the headers, and the required field the sheet does not name.
    const mapping = dialog.getByRole('region', { name: 'Ghép cột' });
    await expect(mapping).toContainText('trang “Hộ gia đình”, 5 cột', { timeout: JOB });
    await expect(mapping.getByText('Xã ← Xã')).toBeVisible();
    await expect(mapping.getByText('Ấp ← Thôn')).toBeVisible();
    await expect(mapping).toContainText('Chưa chọn cột cho trường bắt buộc: Tên hộ (chủ hộ).');
    await chooseOption(page, mapping.getByLabel('Cột cho Tên hộ (chủ hộ)'), 'Tên hộ (chủ hộ) ← Tên chủ hộ');
    await expect(mapping).not.toContainText('Chưa chọn cột cho trường bắt buộc');
    await mapping.getByLabel('Tên mẫu ghép cột mới').fill('Mẫu xã Bình Phú');
    await mapping.getByRole('button', { name: 'Lưu mẫu' }).click();
    await expect(mapping.getByText('Mẫu xã Bình Phú (đã lưu)')).toBeVisible();
    await screenshot(page, '70-nhap-ho-ghep-cot');

    // Checked first: a preview, and nothing written until the officer confirms.
    await dialog.getByRole('button', { name: 'Kiểm tra' }).click();
    await expect(dialog).toContainText('Kiểm tra xong: 2 dòng hợp lệ, không trùng. Chưa ghi gì', { timeout: JOB });
    const preview = dialog.getByRole('table', { name: 'Xem trước danh sách' });
    await expect(preview).toContainText('Hộ Lê Văn Bảy');
    await expect(preview).toContainText('Ấp Bình Tân, xã Bình Phú');
    await expect(subjects).not.toContainText('Hộ Lê Văn Bảy');
    await screenshot(page, '71-nhap-ho-xem-truoc');
    await dialog.getByRole('button', { name: 'Nhập 2 hộ' }).click();
    await expect(dialog).toContainText('Đã nhập 2 hộ.', { timeout: JOB });
    await page.keyboard.press('Escape');
    await expect(dialog).toBeHidden();

    // The export is what the page shows: here the list narrowed by name.
    await page.getByLabel('Tìm theo tên').fill('ho le van');
    await expect(subjects.getByRole('row')).toHaveCount(2);
    await expect(subjects).toContainText('Ấp Bình Hòa, xã Bình Phú');
    await screenshot(page, '72-ho-vua-nhap');
    const exported = await downloadOf(page, () => page.getByRole('button', { name: 'Xuất Excel' }).click());
    expect(exported.suggestedFilename()).toMatch(/^danh-sach-ho-gia-dinh.*\.xlsx$/);
    expect(await sheetOf(exported, dir)).toEqual([
      ['Tên hộ (chủ hộ)', 'Địa chỉ', 'Xã', 'Ấp', 'Ghi chú'],
      ['Hộ Lê Văn Bảy', 'Tổ 2', 'Xã Bình Phú', 'Ấp Bình Hòa'],
    ]);

    // The blank template of the kind, from the import dialog.
    await page.getByRole('button', { name: 'Nhập từ Excel' }).click();
    const again = page.getByRole('dialog', { name: 'Nhập danh sách hộ gia đình từ Excel' });
    const template = await downloadOf(page, () => again.getByRole('button', { name: 'Tải mẫu Excel trống' }).click());
    expect(await sheetOf(template, dir)).toEqual([['Tên hộ (chủ hộ)', 'Địa chỉ', 'Xã', 'Ấp', 'Ghi chú']]);
    await page.keyboard.press('Escape');
    await expect(again).toBeHidden();

    // A decision's recognised list, ID numbers masked.
    await page.getByRole('tab', { name: 'Quyết định công nhận' }).click();
    const decisions = page.getByRole('table', { name: 'Quyết định công nhận' });
    const exportDecision = decisions.getByRole('button', { name: /^Xuất danh sách được công nhận theo quyết định / }).first();
    await expect(exportDecision).toBeVisible();
    await screenshot(page, '73-quyet-dinh-xuat-danh-sach');
    const recognised = await sheetOf(await downloadOf(page, () => exportDecision.click()), dir);
    expect(recognised[0]!.slice(0, 3)).toEqual(['STT', 'Tên đối tượng', 'Số CCCD']);
    expect(recognised.length).toBeGreaterThan(1);
    expect(recognised.slice(1).every((r) => r[2] === undefined || /^\*+\d{3}$/.test(String(r[2])))).toBe(true);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
