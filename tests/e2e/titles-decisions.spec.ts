import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SCREENSHOT_DIR, chooseOption, expect, label, openedDialog, screenshot, test } from './fixtures.js';

/**
 * The demo's Thông Bình proposals (Công dân học tập 2025) recognised by a
 * decision made from the authority table, after the office edits the table's
 * recipients; the decision downloaded as PDF and as Word, both read back.
 */
test('an officer edits who recognises citizens, makes a decision from that row and downloads it as PDF and Word', async ({ page, demo }) => {
  test.setTimeout(300_000);
  const dir = mkdtempSync(join(tmpdir(), 'xhht-decision-e2e-'));
  try {
    await page.setViewportSize({ width: 1366, height: 768 });
    await page.goto(demo.url);
    await page.getByRole('menuitem', { name: 'Danh hiệu học tập' }).click();

    await page.getByRole('tab', { name: 'Thẩm quyền công nhận' }).click();
    const authorities = page.getByRole('table', { name: 'Thẩm quyền công nhận' });
    const citizens = authorities.getByRole('row', { name: /Công dân học tập.*Cấp xã/ });
    await expect(citizens).toContainText('Chủ tịch Ủy ban nhân dân {xã}');
    await expect(citizens).toContainText('mẫu — điều chỉnh theo văn bản hiện hành');
    await expect(authorities.getByRole('row', { name: /Cộng đồng học tập cấp xã.*Cấp tỉnh/ })).toContainText('Chủ tịch Ủy ban nhân dân {tỉnh}');
    await screenshot(page, '75-tham-quyen-cong-nhan');

    await citizens.getByRole('button', { name: 'Sửa thẩm quyền: Công dân học tập Cấp xã' }).click();
    const edit = await openedDialog(page, 'Sửa dòng thẩm quyền công nhận');
    await edit.getByLabel(label('Nơi nhận (mỗi dòng một nơi)')).fill('Như Điều 3;\nĐảng ủy {xã};\nHội Khuyến học {xã};\nLưu: VT.');
    await edit.getByRole('button', { name: 'Lưu' }).click();
    await expect(edit).toBeHidden();

    await page.getByRole('tab', { name: 'Đánh giá, đề nghị' }).click();
    await chooseOption(page, page.getByLabel('Năm', { exact: true }), 'Năm 2025');
    await chooseOption(page, page.getByLabel('Xã', { exact: true }), 'Xã Thông Bình');
    await chooseOption(page, page.getByLabel('Bước', { exact: true }), 'Đề nghị công nhận');
    const evaluations = page.getByRole('table', { name: 'Hồ sơ đánh giá' });
    const boxes = evaluations.getByRole('checkbox', { name: /^Chọn / });
    await expect(boxes.first()).toBeVisible();
    const proposals = await boxes.count();
    expect(proposals).toBeGreaterThan(0);
    for (let i = 0; i < proposals; i++) await boxes.nth(i).check();
    await page.getByRole('button', { name: `Lập quyết định công nhận (${proposals})` }).click();

    const decision = await openedDialog(page, 'Quyết định công nhận Công dân học tập năm 2025');
    await chooseOption(page, decision.getByLabel(label('Cơ quan công nhận (theo bảng thẩm quyền)')), 'Cấp xã: Chủ tịch Ủy ban nhân dân xã Thông Bình');
    // The row fills the decision's texts, the commune put in for {xã}.
    await expect(decision.getByLabel(label('Cơ quan ban hành'))).toHaveValue('Ủy ban nhân dân xã Thông Bình');
    await expect(decision.getByLabel(label('Thẩm quyền ban hành (dòng trên phần căn cứ)'))).toHaveValue('Chủ tịch Ủy ban nhân dân xã Thông Bình');
    await expect(decision.getByLabel(label('Nơi nhận (mỗi dòng một nơi)'))).toHaveValue('Như Điều 3;\nĐảng ủy xã Thông Bình;\nHội Khuyến học xã Thông Bình;\nLưu: VT.');
    await decision.getByLabel(label('Số quyết định')).fill('31/QĐ-UBND');
    await decision.getByLabel(label('Ngày ký')).fill('26/12/2025');
    await decision.getByLabel(label('Họ tên người ký')).fill('Lê Văn Thông');
    await screenshot(page, '76-quyet-dinh-chon-tham-quyen');
    await decision.getByRole('button', { name: 'Lưu quyết định' }).click();
    await expect(decision).toBeHidden();

    await page.getByRole('tab', { name: 'Quyết định công nhận' }).click();
    const decisions = page.getByRole('table', { name: 'Quyết định công nhận' });
    const row = decisions.getByRole('row', { name: /31\/QĐ-UBND/ });
    await expect(row).toContainText('26/12/2025');
    await expect(row).toContainText('Chủ tịch Ủy ban nhân dân xã Thông Bình');
    await expect(row).toContainText(String(proposals));
    await screenshot(page, '77-quyet-dinh-thong-binh');

    const pdfDownload = page.waitForEvent('download');
    await row.getByRole('button', { name: 'In quyết định 31/QĐ-UBND' }).click();
    const pdfFile = await pdfDownload;
    expect(pdfFile.suggestedFilename()).toBe('quyet-dinh-31-qd-ubnd.pdf');
    const pdf = join(dir, 'quyet-dinh.pdf');
    await pdfFile.saveAs(pdf);
    const text = execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' });
    for (const line of ['XÃ THÔNG BÌNH', 'Số: 31/QĐ-UBND', 'Nơi nhận:', '- Đảng ủy xã Thông Bình;', 'Lê Văn Thông', 'DANH SÁCH']) expect(text).toContain(line);
    mkdirSync(SCREENSHOT_DIR, { recursive: true });
    execFileSync('pdftoppm', ['-r', '80', '-png', '-f', '1', '-l', '1', '-singlefile', pdf, join(SCREENSHOT_DIR, '78-quyet-dinh-thong-binh-pdf')]);

    const docxDownload = page.waitForEvent('download');
    await row.getByRole('button', { name: 'Tải Word quyết định 31/QĐ-UBND' }).click();
    const docxFile = await docxDownload;
    expect(docxFile.suggestedFilename()).toBe('quyet-dinh-31-qd-ubnd.docx');
    const docx = join(dir, 'quyet-dinh.docx');
    await docxFile.saveAs(docx);
    const xml = execFileSync('unzip', ['-p', docx, 'word/document.xml'], { encoding: 'utf8' });
    for (const words of ['Số: 31/QĐ-UBND', 'XÃ THÔNG BÌNH', '- Đảng ủy xã Thông Bình;', 'Lê Văn Thông', 'Thông Bình, ngày 26 tháng 12 năm 2025']) expect(xml).toContain(words);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
