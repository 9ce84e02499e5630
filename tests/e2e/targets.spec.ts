import { chooseOption, expect, label, openedDialog, screenshot, test } from './fixtures.js';

test.use({ viewport: { width: 1366, height: 768 } });

/** Closing a dialog after a save re-renders the plan page; on a 2-core machine under load (24) it took over 10 s. */
const BUSY = 30_000;

/**
 * The issue's own sentences entered as an officer would on the demo plan:
 * "thị trấn Sa Rài và xã Tân Hộ Cơ 70% năm 2027; các xã còn lại 40%", and
 * "Mỗi năm ít nhất 120 lớp; tổng 1.000 lớp". Each commune is then judged
 * against its own value, on the plan and on the home chart.
 */
test('per-commune 2027 values and a yearly target with its total, on the targets tab and the home chart', async ({ page, demo }) => {
  test.setTimeout(240_000);
  await page.goto(demo.url);
  const chart = page.getByRole('region', { name: 'Tiến độ mục tiêu theo xã' }).getByRole('img');
  await expect(chart).toHaveAttribute('aria-label', /Bình Phú: đạt \d+\/\d+ mục tiêu/);
  const before = (await chart.getAttribute('aria-label'))!;
  await page.getByRole('menuitem', { name: 'Kế hoạch' }).click();
  await page.getByRole('table', { name: 'Danh sách kế hoạch' }).getByRole('link', { name: /Xây dựng xã hội học tập/ }).first().click();
  const panel = page.getByRole('tabpanel');
  await expect(panel).toContainText('Xã, thị trấn đạt chuẩn xóa mù chữ mức độ 2');

  await page.getByRole('button', { name: 'Thêm mục tiêu' }).first().click();
  let dialog = await openedDialog(page, 'Thêm mục tiêu');
  await dialog.getByLabel(label('Nhóm mục tiêu')).fill('Mô hình học tập');
  await dialog.getByLabel(label('Nội dung mục tiêu')).fill('Hộ gia đình đạt danh hiệu Gia đình học tập');
  await dialog.getByRole('checkbox', { name: /Theo dõi từng xã/ }).check();
  await dialog.getByRole('button', { name: 'Bỏ mốc 2' }).click();
  const m2027 = dialog.getByRole('group', { name: 'Mốc 1' });
  await m2027.getByLabel(label('Năm')).fill('2027');
  await m2027.getByLabel(label('Giá trị (các xã còn lại)')).fill('40');
  await m2027.getByRole('button', { name: 'Thêm giá trị riêng cho một số xã' }).click();
  const towns = m2027.getByLabel('Mốc 1: xã có giá trị riêng, nhóm 1');
  await chooseOption(page, towns, 'Thị trấn Sa Rài');
  await chooseOption(page, towns, 'Xã Tân Hộ Cơ');
  await page.keyboard.press('Escape');
  await m2027.getByLabel('Mốc 1: giá trị riêng, nhóm 1').fill('70');
  await screenshot(page, '80-muc-tieu-gia-tri-rieng-tung-xa');
  await dialog.getByRole('button', { name: 'Thêm mục tiêu' }).click();
  await expect(dialog).toBeHidden({ timeout: BUSY });
  const families = panel.getByRole('listitem', { name: 'Hộ gia đình đạt danh hiệu Gia đình học tập' });
  await expect(families).toContainText('2027: 40% (2 xã có giá trị riêng)');

  // 2026 figures: Tân Hộ Cơ at 45% is short of its own 70%; Bình Phú at 45% has met its 40%.
  for (const [commune, value] of [['Xã Tân Hộ Cơ', '45'], ['Xã Bình Phú', '45']] as const) {
    await families.getByRole('button', { name: /^Nhập số liệu thực tế/ }).click();
    const actual = await openedDialog(page, 'Nhập số liệu thực tế');
    await actual.getByLabel(label('Giá trị')).fill(value);
    await chooseOption(page, actual.getByLabel(label('Xã, phường')), commune);
    await actual.getByLabel(label('Ghi chú (nguồn số liệu)')).fill('Báo cáo của Hội Khuyến học xã năm 2026');
    await actual.getByRole('button', { name: 'Ghi số liệu' }).click();
    await expect(actual).toBeHidden({ timeout: BUSY });
  }
  await families.getByText(/^Từng xã: 1\/9 xã đạt$/).click();
  const standings = families.getByRole('list', { name: 'Tiến độ từng xã' });
  await expect(standings.getByRole('listitem').filter({ hasText: 'Bình Phú' })).toContainText('45% / 40% — Đạt mốc 2027');
  await expect(standings.getByRole('listitem').filter({ hasText: 'Tân Hộ Cơ' })).toContainText('45% / 70% —');
  await expect(standings.getByRole('listitem').filter({ hasText: 'Tân Hộ Cơ' })).not.toContainText('Đạt mốc');
  await families.scrollIntoViewIfNeeded();
  await screenshot(page, '81-tien-do-tung-xa-theo-gia-tri-rieng');

  await page.getByRole('button', { name: 'Thêm mục tiêu' }).first().click();
  dialog = await openedDialog(page, 'Thêm mục tiêu');
  await dialog.getByLabel(label('Nhóm mục tiêu')).fill('Xóa mù chữ');
  await dialog.getByLabel(label('Nội dung mục tiêu')).fill('Mở lớp xóa mù chữ và giáo dục tiếp tục sau biết chữ');
  const yearly = dialog.getByRole('group', { name: 'Mốc 1' });
  await chooseOption(page, yearly.getByLabel(label('Áp dụng')), 'Mỗi năm');
  await yearly.getByLabel(label('Từ năm')).fill('');
  await chooseOption(page, yearly.getByLabel(label('Mức độ')), 'Ít nhất');
  await chooseOption(page, yearly.getByLabel(label('Cách đo')), 'Số lượng');
  await yearly.getByLabel(label('Giá trị')).fill('120');
  await yearly.getByLabel(label('Phạm vi')).fill('lớp');
  const total = dialog.getByRole('group', { name: 'Mốc 2' });
  await chooseOption(page, total.getByLabel(label('Áp dụng')), 'Tổng cộng dồn');
  await chooseOption(page, total.getByLabel(label('Cách đo')), 'Số lượng');
  await total.getByLabel(label('Giá trị')).fill('1000');
  await total.getByLabel(label('Phạm vi')).fill('lớp');
  await dialog.getByRole('button', { name: 'Thêm mục tiêu' }).click();
  await expect(dialog).toBeHidden({ timeout: BUSY });
  const classes = panel.getByRole('listitem', { name: 'Mở lớp xóa mù chữ và giáo dục tiếp tục sau biết chữ' });
  await expect(classes).toContainText('Mỗi năm: Ít nhất 120 lớp');
  await expect(classes).toContainText('Tổng đến 2030: 1.000 lớp');

  // 2025 had 100 classes: that year's milestone has passed unmet and the status says so.
  await classes.getByRole('button', { name: /^Nhập số liệu thực tế/ }).click();
  const actual = await openedDialog(page, 'Nhập số liệu thực tế');
  await actual.getByLabel(label('Năm')).fill('2025');
  await actual.getByLabel(label('Giá trị')).fill('100');
  await actual.getByLabel(label('Ghi chú (nguồn số liệu)')).fill('Báo cáo tổng kết năm 2025 của Phòng GD&ĐT');
  await actual.getByRole('button', { name: 'Ghi số liệu' }).click();
  await expect(actual).toBeHidden({ timeout: BUSY });
  await expect(classes.getByLabel('Tình trạng: Không đạt mốc 2025')).toBeVisible();
  await expect(classes).toContainText('Mốc 2025 (đã qua)');
  await expect(classes.getByRole('progressbar')).toHaveAttribute('aria-valuenow', '83');
  await classes.scrollIntoViewIfNeeded();
  await screenshot(page, '82-muc-tieu-hang-nam-khong-dat-moc');

  await page.getByRole('menuitem', { name: 'Tổng quan' }).click();
  await expect(chart).not.toHaveAttribute('aria-label', before);
  const after = (await chart.getAttribute('aria-label'))!;
  const standing = (text: string, name: string) => new RegExp(`${name}: đạt (\\d+)/(\\d+)`).exec(text)!.slice(1).map(Number);
  // One more per-commune target for every commune: Bình Phú meets it against its 40%, Tân Hộ Cơ does not against its 70%.
  const [binhPhuBefore, totalBefore] = standing(before, 'Bình Phú');
  expect(standing(after, 'Bình Phú')).toEqual([binhPhuBefore! + 1, totalBefore! + 1]);
  expect(standing(after, 'Tân Hộ Cơ')).toEqual([standing(before, 'Tân Hộ Cơ')[0], totalBefore! + 1]);
  await chart.scrollIntoViewIfNeeded();
  await screenshot(page, '83-tong-quan-bieu-do-theo-xa');

  await page.getByRole('menuitem', { name: 'Đơn vị hành chính' }).click();
  const sums = page.getByRole('region', { name: /^Tổng số liệu các đơn vị trực thuộc/ });
  await expect(sums).toContainText('9/9');
  await screenshot(page, '84-don-vi-tong-so-lieu-cac-xa');
});
