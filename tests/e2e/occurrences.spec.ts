import type { Page } from '@playwright/test';
import { chooseOption, expect, label, openedDialog, screenshot, test } from './fixtures.js';

const TASK = 'Báo cáo kết quả xây dựng xã hội học tập 6 tháng';
const DUTY = 'Báo cáo 6 tháng của UBND các xã, thị trấn';
const JUNE = '6 tháng đầu năm 2026';
const FAMILIES = 'Hộ gia đình đạt danh hiệu Gia đình học tập';
const CLASSES = 'Mở lớp xóa mù chữ và giáo dục tiếp tục sau biết chữ';

/** Fills a deadline as "trước ngày 15/6 và 15/12 hằng năm", twice a year. */
async function semiannual(page: Page, dialog: ReturnType<Page['getByRole']>): Promise<void> {
  await chooseOption(page, dialog.getByLabel(label('Thực hiện theo')), 'UBND các xã, thị trấn');
  await chooseOption(page, dialog.getByLabel(label('Loại thời hạn')), 'Định kỳ (nhiều kỳ)');
  await chooseOption(page, dialog.getByLabel(label('Chu kỳ')), '6 tháng');
  await dialog.getByLabel(label('Trước các ngày (để trống: cuối kỳ)')).fill('15/6, 15/12');
}

test('a plan entered with a semiannual report owed by every commune, per-commune 2027 values and a yearly target: two communes’ June reports in, seen per commune on the reports, home, task list and plan pages', async ({ page, demo }) => {
  // A plan, two targets, a task and a duty typed in, two reports marked, four pages: measured 2.0 min with the load average near 20.
  test.setTimeout(300_000);
  await page.setViewportSize({ width: 1366, height: 768 });
  await page.goto(demo.url);
  await page.getByRole('menuitem', { name: 'Kế hoạch' }).click();
  await page.getByRole('button', { name: 'Tạo kế hoạch' }).first().click();
  const planDialog = await openedDialog(page, 'Tạo kế hoạch');
  await planDialog.getByLabel(label('Số văn bản')).fill('45/KH-UBND');
  await planDialog.getByLabel(label('Ngày ban hành')).fill('10/01/2026');
  await planDialog.getByLabel(label('Cơ quan ban hành')).fill('Ủy ban nhân dân huyện Tân Hồng');
  await planDialog.getByLabel(label('Trích yếu')).fill('Kế hoạch xây dựng xã hội học tập giai đoạn 2026 - 2030');
  await planDialog.getByLabel(label('Từ năm')).fill('2026');
  await planDialog.getByLabel(label('Đến năm')).fill('2030');
  await planDialog.getByRole('button', { name: 'Tạo kế hoạch' }).click();
  await page.waitForURL(/#\/plans\/[0-9a-f-]{36}/);
  const planUrl = page.url();

  // Its targets: "thị trấn Sa Rài và xã Tân Hộ Cơ 70% năm 2027; các xã còn lại 40%", and "mỗi năm ít nhất 120 lớp".
  await page.getByRole('button', { name: 'Thêm mục tiêu' }).first().click();
  let targetDialog = await openedDialog(page, 'Thêm mục tiêu');
  await targetDialog.getByLabel(label('Nhóm mục tiêu')).fill('Mô hình học tập');
  await targetDialog.getByLabel(label('Nội dung mục tiêu')).fill(FAMILIES);
  await targetDialog.getByRole('checkbox', { name: /Theo dõi từng xã/ }).check();
  // A plan for 2026–2030 offers one milestone, at the end of its period.
  await expect(targetDialog.getByRole('group', { name: /^Mốc/ })).toHaveCount(1);
  const m2027 = targetDialog.getByRole('group', { name: 'Mốc 1' });
  await m2027.getByLabel(label('Năm')).fill('2027');
  await m2027.getByLabel(label('Giá trị (các xã còn lại)')).fill('40');
  await m2027.getByRole('button', { name: 'Thêm giá trị riêng cho một số xã' }).click();
  const towns = m2027.getByLabel('Mốc 1: xã có giá trị riêng, nhóm 1');
  await chooseOption(page, towns, 'Thị trấn Sa Rài');
  await chooseOption(page, towns, 'Xã Tân Hộ Cơ');
  await page.keyboard.press('Escape');
  await m2027.getByLabel('Mốc 1: giá trị riêng, nhóm 1').fill('70');
  await targetDialog.getByRole('button', { name: 'Thêm mục tiêu' }).click();
  await expect(targetDialog).toBeHidden();

  await page.getByRole('button', { name: 'Thêm mục tiêu' }).first().click();
  targetDialog = await openedDialog(page, 'Thêm mục tiêu');
  await targetDialog.getByLabel(label('Nhóm mục tiêu')).fill('Xóa mù chữ');
  await targetDialog.getByLabel(label('Nội dung mục tiêu')).fill(CLASSES);
  const yearly = targetDialog.getByRole('group', { name: 'Mốc 1' });
  await chooseOption(page, yearly.getByLabel(label('Áp dụng')), 'Mỗi năm');
  await yearly.getByLabel(label('Từ năm')).fill('');
  await chooseOption(page, yearly.getByLabel(label('Mức độ')), 'Ít nhất');
  await chooseOption(page, yearly.getByLabel(label('Cách đo')), 'Số lượng');
  await yearly.getByLabel(label('Giá trị')).fill('120');
  await yearly.getByLabel(label('Phạm vi')).fill('lớp');
  await targetDialog.getByRole('button', { name: 'Thêm mục tiêu' }).click();
  await expect(targetDialog).toBeHidden();

  await page.getByRole('tab', { name: /^Nhiệm vụ/ }).click();
  await page.getByRole('button', { name: 'Thêm nhiệm vụ' }).first().click();
  const taskDialog = await openedDialog(page, 'Thêm nhiệm vụ');
  await taskDialog.getByLabel(label('Số thứ tự')).fill('1');
  await taskDialog.getByLabel(label('Nội dung nhiệm vụ')).fill(TASK);
  await semiannual(page, taskDialog);
  await taskDialog.getByRole('button', { name: 'Thêm nhiệm vụ' }).click();
  await expect(taskDialog).toBeHidden();

  await page.getByRole('tab', { name: /^Nghĩa vụ báo cáo/ }).click();
  await page.getByRole('button', { name: 'Thêm nghĩa vụ báo cáo' }).first().click();
  const dutyDialog = await openedDialog(page, 'Thêm nghĩa vụ báo cáo');
  await dutyDialog.getByLabel(label('Tên nghĩa vụ báo cáo')).fill(DUTY);
  await dutyDialog.getByLabel(label('Nơi nhận báo cáo')).fill('Phòng Giáo dục và Đào tạo');
  await semiannual(page, dutyDialog);
  await chooseOption(page, dutyDialog.getByLabel(label('Nhiệm vụ tương ứng')), `1 ${TASK}`);
  await dutyDialog.getByRole('button', { name: 'Thêm', exact: true }).click();
  await expect(dutyDialog).toBeHidden();

  await page.getByRole('menuitem', { name: 'Báo cáo định kỳ' }).click();
  const reports = page.getByRole('table', { name: 'Báo cáo phải nộp' });
  const juneRow = reports.getByRole('row').filter({ hasText: DUTY }).filter({ hasText: JUNE });
  await expect(juneRow).toContainText(/Quá hạn · Đã nhận 0\/9/);
  await juneRow.getByRole('button', { name: /Mở rộng|Expand/ }).click();
  const members = page.getByRole('table', { name: `Từng đơn vị: ${DUTY} ${JUNE}` });
  await expect(members.getByRole('row')).toHaveCount(10);
  for (let sent = 1; sent <= 2; sent++) {
    await members.getByRole('button', { name: new RegExp(`^Đánh dấu đã nhận: ${DUTY} ${JUNE} — `) }).first().click();
    const dialog = await openedDialog(page, 'Đánh dấu đã nhận báo cáo');
    await dialog.getByLabel(label('Ngày nhận')).fill(`1${sent}/06/2026`);
    await dialog.getByLabel(label('Ngày nhận')).press('Tab');
    await dialog.getByRole('button', { name: 'Đánh dấu đã nhận' }).click();
    await expect(dialog).toBeHidden();
    await expect(juneRow).toContainText(`Đã nhận ${sent}/9`);
  }
  await expect(members.getByRole('row').filter({ hasText: /Đã nhận 1[12]\/06\/2026/ })).toHaveCount(2);
  await expect(members).not.toContainText('Nộp muộn');
  await screenshot(page, '70-bao-cao-dinh-ky-tung-xa');

  await page.getByRole('menuitem', { name: 'Tổng quan' }).click();
  const overdue = page.getByRole('region', { name: 'Quá hạn' });
  await expect(overdue).toContainText(`${DUTY} — ${JUNE}`);
  await expect(overdue).toContainText('Đã nhận 2/9');
  // The task is the report: it shows once, as the report.
  await expect(overdue.getByText(TASK)).toHaveCount(0);
  const listed = Number(/\((\d+)\)/.exec((await overdue.locator('.ant-card-head-title').innerText()) ?? '')?.[1]);
  // The list holds overdue tasks and reports; each card counts one kind and opens its own list.
  const cardCount = async (name: string) => Number(/: (\d+)$/.exec((await page.getByRole('link', { name: new RegExp(`^${name}: \\d+$`) }).getAttribute('aria-label')) ?? '')?.[1]);
  const overdueReports = await cardCount('Báo cáo quá hạn');
  expect((await cardCount('Nhiệm vụ quá hạn')) + overdueReports).toBe(listed);
  await screenshot(page, '71-tong-quan-bao-cao-tung-xa');
  await page.getByRole('link', { name: /^Báo cáo quá hạn: / }).click();
  await expect(page.getByRole('heading', { name: 'Báo cáo định kỳ' })).toBeVisible();
  await expect(page.locator('[aria-label="Lọc theo trạng thái"] .ant-segmented-item-selected')).toHaveText('Quá hạn');

  await page.getByRole('menuitem', { name: 'Nhiệm vụ' }).click();
  // The demo's own plan fills the first pages; show this plan's tasks, as its filter does.
  const planId = /#\/plans\/([0-9a-f-]{36})/.exec(planUrl)![1]!;
  await page.evaluate((id) => (window.location.hash = `#/tasks?plan=${id}`), planId);
  const taskRow = page.getByRole('table', { name: 'Danh sách nhiệm vụ' }).getByRole('row').filter({ hasText: TASK });
  await expect(taskRow).toContainText(`Kỳ: ${JUNE} · 2/9 đơn vị đã thực hiện`);
  await screenshot(page, '72-nhiem-vu-theo-ky');

  await page.goto(planUrl);
  const panel = page.getByRole('tabpanel');
  await expect(panel.getByRole('listitem', { name: FAMILIES })).toContainText('2027: 40% (2 xã có giá trị riêng)');
  await expect(panel.getByRole('listitem', { name: CLASSES })).toContainText('Mỗi năm: Ít nhất 120 lớp');
  await screenshot(page, '73-ke-hoach-muc-tieu');
  await page.getByRole('tab', { name: /^Nhiệm vụ/ }).click();
  await expect(page.getByRole('list', { name: 'Nhiệm vụ của kế hoạch' })).toContainText(`Kỳ: ${JUNE} · 2/9 đơn vị đã thực hiện`);
  await screenshot(page, '74-ke-hoach-nhiem-vu-theo-ky');
});
