import ExcelJS from 'exceljs';
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SCREENSHOT_DIR, chooseOption, expect, label, openedDialog, screenshot, test } from './fixtures.js';

const PEOPLE = [
  ['Lê Thị Xuân Mai', 'Nữ', 1984, 'Kinh', 'Bình Phú', 'Bình Hòa', 'Nông dân'],
  ['Huỳnh Văn Tới', 'Nam', 1979, 'Kinh', 'Bình Phú', 'Bình Thạnh', 'Nông dân'],
  ['Thạch Thị Sa Rinh', 'Nữ', 1991, 'Khmer', 'Bình Phú', 'Bình Tân', 'Nông dân'],
] as const;

/**
 * A list check or import starts a worker thread that loads exceljs; with the
 * machine's load near 22 on 2 cores that start alone passed 10 s.
 */
const JOB = 60_000;

/** A commune's list as the national CDHT software's form heads it, written to a temp file the file chooser is given. */
async function communeList(dir: string): Promise<string> {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet('Danh sách');
  sheet.addRow(['Họ tên', 'Giới tính', 'Năm sinh', 'Dân tộc', 'Xã', 'Ấp', 'Nhóm đối tượng']);
  for (const person of PEOPLE) sheet.addRow([...person]);
  const path = join(dir, 'danh-sach-binh-phu.xlsx');
  await book.xlsx.writeFile(path);
  return path;
}

// Measured 55 s, 78 s and 126 s (server start and demo seed apart) on the 2-core machine at load 22; the budget is about 3× the slowest.
test('an officer imports a commune list, scores a citizen, proposes and recognises them, and prints the decision', async ({ page, demo }) => {
  test.setTimeout(360_000);
  const dir = mkdtempSync(join(tmpdir(), 'xhht-titles-'));
  try {
    const list = await communeList(dir);
    await page.setViewportSize({ width: 1366, height: 768 });
    await page.goto(demo.url);
    await page.getByRole('menuitem', { name: 'Danh hiệu học tập' }).click();
    const subjects = page.getByRole('table', { name: 'Danh sách đối tượng' });
    await expect(subjects).toContainText('Tân Hộ Cơ');
    await screenshot(page, '60-danh-hieu-doi-tuong');

    await page.getByRole('button', { name: 'Nhập từ Excel' }).click();
    const importDialog = page.getByRole('dialog', { name: 'Nhập danh sách cá nhân từ Excel' });
    const chooser = page.waitForEvent('filechooser');
    await importDialog.getByRole('button', { name: 'Chọn tệp .xlsx' }).click();
    await (await chooser).setFiles(list);
    await expect(importDialog).toContainText('danh-sach-binh-phu.xlsx');
    await importDialog.getByRole('button', { name: 'Kiểm tra' }).click();
    await expect(importDialog).toContainText('Kiểm tra xong: 3 dòng hợp lệ', { timeout: JOB });
    const preview = importDialog.getByRole('table', { name: 'Xem trước danh sách' });
    await expect(preview).toContainText('Thạch Thị Sa Rinh');
    await expect(preview).toContainText('Ấp Bình Tân');
    // The mapping says which header each field was read from, and which fields the sheet lacks.
    await expect(importDialog.getByText('Họ và tên ← Họ tên')).toBeVisible();
    await expect(importDialog.getByText('Số CCCD: không có cột')).toBeVisible();
    await screenshot(page, '61-nhap-danh-sach-kiem-tra');
    await importDialog.getByRole('button', { name: 'Nhập 3 người' }).click();
    await expect(importDialog).toContainText('Đã nhập 3 người.', { timeout: JOB });
    await page.keyboard.press('Escape');
    await expect(importDialog).toBeHidden();

    // Diacritic-free search from the start of the name, as officers type it.
    await page.getByLabel('Tìm theo tên').fill('le thi xuan');
    const person = subjects.getByRole('row', { name: /Lê Thị Xuân Mai/ });
    await expect(person).toContainText('1984');
    await expect(subjects.getByRole('row')).toHaveCount(2);
    await screenshot(page, '62-tim-nguoi-vua-nhap');

    await person.getByRole('button', { name: 'Đánh giá: Lê Thị Xuân Mai' }).click();
    const register = await openedDialog(page, 'Đăng ký xét danh hiệu: Lê Thị Xuân Mai');
    await expect(register.getByLabel(label('Bộ tiêu chí'))).toBeVisible();
    await expect(register).toContainText(/Công dân học tập.*Nông dân/);
    await register.getByRole('button', { name: 'Đăng ký' }).click();
    await expect(register).toBeHidden();

    await page.getByRole('tab', { name: 'Đánh giá, đề nghị' }).click();
    const evaluations = page.getByRole('table', { name: 'Hồ sơ đánh giá' });
    const row = evaluations.getByRole('row', { name: /Lê Thị Xuân Mai/ });
    await expect(row).toContainText('Đăng ký');
    await chooseOption(page, page.getByLabel('Xã', { exact: true }), 'Xã Bình Phú');
    await expect(evaluations.getByRole('row')).toHaveCount(2);
    await row.getByRole('button', { name: 'Chấm điểm: Lê Thị Xuân Mai' }).click();
    const scoreDialog = await openedDialog(page);
    await expect(scoreDialog).toContainText('Chấm điểm: Lê Thị Xuân Mai');
    const fields = scoreDialog.getByLabel(/^Điểm chỉ số /);
    await expect(fields).toHaveCount(10);
    // 8.5 everywhere but one indicator at 4: 80.5 in all, yet under the floor of 5, so not recognised.
    for (let i = 0; i < 10; i++) await fields.nth(i).fill(i === 0 ? '4' : '8,5');
    await expect(scoreDialog.getByRole('alert')).toContainText('80,5/100');
    await expect(scoreDialog.getByRole('alert')).toContainText(/Không đạt.*dưới điểm sàn: 1\.1/);
    await fields.nth(0).fill('7');
    await expect(scoreDialog.getByRole('alert')).toHaveText('Đạt: 83,5/100 điểm');
    await scoreDialog.getByLabel(label('Người chấm / đánh giá')).fill('Ban khuyến học ấp Bình Hòa');
    await screenshot(page, '63-cham-diem');
    await scoreDialog.getByRole('button', { name: 'Lưu' }).click();
    await expect(scoreDialog).toBeHidden();
    await expect(row).toContainText('83,5');

    for (const step of ['Tự đánh giá', 'Xã thẩm định', 'Đề nghị công nhận']) {
      await row.getByRole('button', { name: `${step}: Lê Thị Xuân Mai` }).click();
      await expect(row.getByRole('cell').filter({ hasText: new RegExp(`^${step}$`) })).toBeVisible();
    }
    // A step back is worded as one, not as another arrow forward.
    await expect(row.getByRole('button', { name: 'Xã thẩm định: Lê Thị Xuân Mai' })).toHaveText('← Trả về Xã thẩm định');
    await screenshot(page, '64-de-nghi-cong-nhan');

    await row.getByRole('checkbox', { name: 'Chọn Lê Thị Xuân Mai' }).check();
    await page.getByRole('button', { name: 'Lập quyết định công nhận (1)' }).click();
    const decisionDialog = await openedDialog(page);
    await expect(decisionDialog).toContainText('Công nhận 1 đối tượng: Lê Thị Xuân Mai.');
    await decisionDialog.getByLabel(label('Số quyết định')).fill('27/QĐ-UBND');
    await decisionDialog.getByLabel(label('Ngày ký')).fill('04/12/2026');
    await decisionDialog.getByLabel(label('Cơ quan ban hành')).fill('Ủy ban nhân dân xã Bình Phú');
    await decisionDialog.getByLabel(label('Địa danh ghi ở dòng ngày tháng')).fill('Bình Phú');
    await decisionDialog.getByLabel(label('Họ tên người ký')).fill('Nguyễn Văn Bình');
    await screenshot(page, '65-lap-quyet-dinh');
    await decisionDialog.getByRole('button', { name: 'Lưu quyết định' }).click();
    await expect(decisionDialog).toBeHidden();
    await expect(row.getByRole('cell').filter({ hasText: /^Công nhận$/ })).toBeVisible();
    await screenshot(page, '66-da-cong-nhan');

    await page.getByRole('tab', { name: 'Quyết định công nhận' }).click();
    const decisions = page.getByRole('table', { name: 'Quyết định công nhận' });
    const decision = decisions.getByRole('row', { name: /27\/QĐ-UBND/ });
    await expect(decision).toContainText('04/12/2026');
    await expect(decision).toContainText('Ủy ban nhân dân xã Bình Phú');
    await screenshot(page, '67-quyet-dinh');

    const download = page.waitForEvent('download');
    await decision.getByRole('button', { name: 'In quyết định 27/QĐ-UBND' }).click();
    const file = await download;
    expect(file.suggestedFilename()).toMatch(/\.pdf$/);
    const pdf = join(dir, 'quyet-dinh.pdf');
    await file.saveAs(pdf);
    expect(readFileSync(pdf).subarray(0, 5).toString()).toBe('%PDF-');
    // Page 1 as an image beside the screenshots, for a person to look at the printed layout.
    mkdirSync(SCREENSHOT_DIR, { recursive: true });
    execFileSync('pdftoppm', ['-r', '60', '-png', '-f', '1', '-l', '1', '-singlefile', pdf, join(SCREENSHOT_DIR, '68-quyet-dinh-pdf')]);
    const text = execFileSync('pdftotext', ['-layout', pdf, '-']).toString();
    expect(text).toContain('27/QĐ-UBND');
    expect(text).toContain('Lê Thị Xuân Mai');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
