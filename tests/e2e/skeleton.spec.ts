import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { GOOD_UNIT_ROWS, unitSheet } from '../fixtures/units-sheet.js';
import { chooseOption, expect, openedDialog, screenshot, test } from './fixtures.js';

test('first-run setup creates the office and opens its territory', async ({ page, fresh }) => {
  await page.goto(fresh.url);
  await expect(page.getByLabel('Tên cơ quan')).toBeVisible();
  await screenshot(page, '01-thiet-lap-ban-dau');
  await page.getByLabel('Tên cơ quan').fill('Phòng Giáo dục và Đào tạo huyện Tân Hồng');
  await page.getByLabel('Mã cơ quan').fill('870');
  await page.getByLabel('Tên địa bàn').fill('Tân Hồng');
  await page.getByLabel('Mã địa bàn').fill('870');
  await page.getByLabel('Tỉnh/thành phố').fill('Đồng Tháp');
  await page.getByRole('button', { name: 'Khởi tạo' }).click();
  await expect(page.getByRole('heading', { name: 'Đơn vị hành chính' })).toBeVisible();
  await expect(page.getByLabel('Cây đơn vị hành chính')).toContainText('Tân Hồng');
  await screenshot(page, '02-don-vi-sau-thiet-lap');
});

test('setup refuses a bad code inline, in Vietnamese', async ({ page, fresh }) => {
  await page.goto(fresh.url);
  await page.getByLabel('Tên cơ quan').fill('Phòng GD&ĐT huyện Tân Hồng');
  await page.getByLabel('Mã cơ quan').fill('mã có dấu');
  await page.getByLabel('Tên địa bàn').fill('Tân Hồng');
  await page.getByLabel('Mã địa bàn').fill('870');
  await page.getByRole('button', { name: 'Khởi tạo' }).click();
  await expect(page.getByText('Mã chỉ gồm chữ không dấu, số, dấu chấm, gạch').first()).toBeVisible();
});

test('an officer adds a commune and a hamlet, edits figures, searches without diacritics and imports a sheet', async ({ page, fresh }) => {
  // Measured 18 s; 27 s loaded, 85 s with the load average near 20.
  test.setTimeout(120_000);
  await page.goto(fresh.url);
  await page.getByLabel('Tên cơ quan').fill('Phòng Giáo dục và Đào tạo huyện Tân Hồng');
  await page.getByLabel('Mã cơ quan').fill('870');
  await page.getByLabel('Tên địa bàn').fill('Tân Hồng');
  await page.getByLabel('Mã địa bàn').fill('870');
  await page.getByRole('button', { name: 'Khởi tạo' }).click();
  const tree = page.getByLabel('Cây đơn vị hành chính');
  await expect(tree).toContainText('Tân Hồng');

  await page.getByRole('button', { name: 'Thêm đơn vị trực thuộc' }).click();
  let dialog = await openedDialog(page);
  await dialog.getByLabel('Tên đơn vị').fill('Tân Hộ Cơ');
  await dialog.getByLabel('Mã đơn vị').fill('870-02');
  await chooseOption(page, dialog.getByLabel('Loại đơn vị'), 'Xã');
  await dialog.getByRole('button', { name: 'Thêm' }).click();
  await expect(dialog).toBeHidden();
  await tree.getByText('Tân Hộ Cơ').click();
  await expect(page.getByRole('button', { name: 'Thêm đơn vị trực thuộc' })).toBeEnabled();

  await page.getByRole('button', { name: 'Thêm đơn vị trực thuộc' }).click();
  dialog = await openedDialog(page);
  await dialog.getByLabel('Tên đơn vị').fill('Gò Chòi');
  await dialog.getByLabel('Mã đơn vị').fill('870-02-01');
  await chooseOption(page, dialog.getByLabel('Loại đơn vị'), 'Ấp');
  await dialog.getByRole('button', { name: 'Thêm' }).click();
  await expect(dialog).toBeHidden();
  await expect(tree).toContainText('Gò Chòi');

  await tree.getByText('Tân Hộ Cơ').click();
  await page.getByRole('tab', { name: /Số liệu/ }).click();
  await page.getByRole('button', { name: 'Nhập số liệu năm' }).click();
  dialog = await openedDialog(page);
  await dialog.getByLabel('Năm').fill('2025');
  await dialog.getByLabel('Hộ gia đình').fill('3600');
  await dialog.getByLabel('Dòng họ').fill('40');
  await dialog.getByLabel('Người lớn').fill('10400');
  await dialog.getByLabel('Độ tuổi lao động').fill('8300');
  await dialog.getByLabel('Cán bộ, CC, VC').fill('90');
  await dialog.getByLabel('Cơ quan, tổ chức').fill('14');
  await dialog.getByRole('button', { name: 'Lưu' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByRole('tabpanel')).toContainText('3.600');
  await screenshot(page, '03-don-vi-so-lieu');

  await page.getByLabel('Tìm kiếm').fill('go choi');
  const hit = page.locator('.ant-select-item-option').filter({ hasText: 'Ấp Gò Chòi' });
  await expect(hit).toBeVisible();
  await screenshot(page, '04-tim-kiem-khong-dau');
  await hit.click();
  await expect(page.getByRole('treeitem', { name: /Ấp Gò Chòi/ })).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByRole('navigation').filter({ hasText: 'Huyện Tân Hồng' })).toContainText('Ấp Gò Chòi');

  const file = join(fresh.dataDir, '..', 'don-vi.xlsx');
  writeFileSync(file, await unitSheet(GOOD_UNIT_ROWS.filter((r) => r[0] !== '870-02' && r[0] !== '870-02-01')));
  await page.getByRole('button', { name: 'Nhập từ Excel' }).first().click();
  dialog = await openedDialog(page);
  await dialog.locator('input[type=file]').setInputFiles(file);
  await expect(dialog.getByText('Bảng tính hợp lệ. Chưa có gì được ghi.')).toBeVisible();
  await screenshot(page, '05-nhap-excel-kiem-tra');
  await dialog.getByRole('button', { name: 'Nhập', exact: true }).click();
  await expect(tree).toContainText('Sa Rài');
});

test('a bad sheet is reported row by row and nothing is written', async ({ page, sharedDemo: demo }) => {
  await page.goto(demo.url);
  const file = join(demo.dataDir, '..', 'sai.xlsx');
  writeFileSync(file, await unitSheet([['', 'Không mã', 'Xã', '870', null, null, null, null, null, null, null], ['870-77', 'Xã mới', 'Xã', '870', 2024, -1, 0, 0, 0, 0, 0]]));
  await page.getByRole('menuitem', { name: 'Đơn vị hành chính' }).click();
  await page.getByRole('button', { name: 'Nhập từ Excel' }).first().click();
  const dialog = await openedDialog(page);
  await dialog.locator('input[type=file]').setInputFiles(file);
  const issues = dialog.getByLabel('Lỗi trong bảng tính').last();
  await expect(issues).toContainText('Mã đơn vị không được để trống');
  await expect(issues).toContainText('Số hộ gia đình không được âm');
  await expect(dialog.getByRole('button', { name: 'Nhập', exact: true })).toBeDisabled();
  await screenshot(page, '06-nhap-excel-loi');
});

test('the demo territory in Vietnamese: units, agencies, settings', async ({ page, sharedDemo: demo }) => {
  await page.goto(demo.url);
  await page.getByRole('menuitem', { name: 'Đơn vị hành chính' }).click();
  const tree = page.getByLabel('Cây đơn vị hành chính');
  for (const name of ['Sa Rài', 'Tân Hộ Cơ', 'Thông Bình', 'An Phước']) await expect(tree).toContainText(name);
  await tree.getByText('Thông Bình').click();
  await expect(page.getByRole('main').getByRole('navigation')).toContainText('Thông Bình');
  await screenshot(page, '07-demo-don-vi');
  await page.getByRole('tab', { name: /Giáo dục/ }).click();
  await expect(page.getByRole('tab', { name: /Giáo dục/ })).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByRole('tabpanel').getByRole('table')).toBeVisible();
  await screenshot(page, '08-demo-giao-duc');
  await page.getByRole('menuitem', { name: 'Cơ quan, đơn vị' }).click();
  await expect(page.getByRole('table', { name: 'Danh sách cơ quan' })).toContainText('Hội Khuyến học');
  await screenshot(page, '09-demo-co-quan');
  await page.getByRole('menuitem', { name: 'Cài đặt' }).click();
  // The header shows the office's name on every page; its form field is the settings page's own.
  await expect(page.getByRole('main').getByLabel('Tên cơ quan')).toHaveValue('Phòng Giáo dục và Đào tạo huyện Tân Hồng');
  await screenshot(page, '10-demo-cai-dat');
});
