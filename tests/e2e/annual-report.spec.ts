import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SCREENSHOT_DIR, chooseOption, expect, label, screenshot, test } from './fixtures.js';

/**
 * The demo's yearly report for 2025 made from the page: the office's wording
 * edited (an unknown placeholder refused by name), the .docx downloaded and
 * its first page turned into PDF and PNG for a person to look at, and the
 * statistical tables downloaded beside it.
 */
test('an officer edits the wording of the yearly report and downloads it as Word and the tables as Excel', async ({ page, demo }) => {
  test.setTimeout(300_000);
  const dir = mkdtempSync(join(tmpdir(), 'xhht-annual-report-e2e-'));
  try {
    await page.setViewportSize({ width: 1366, height: 768 });
    await page.goto(demo.url);
    await page.getByRole('menuitem', { name: 'Báo cáo năm' }).click();
    await expect(page.getByRole('heading', { name: 'Báo cáo năm' })).toBeVisible();
    await chooseOption(page, page.getByLabel('Năm báo cáo'), 'Năm 2025');
    await expect(page.getByText('Số liệu năm 2025 (tính đến ngày 31/12/2025)')).toBeVisible();
    await expect(page.getByText('Chỉ tiêu đạt', { exact: true })).toBeVisible();
    await screenshot(page, '98-bao-cao-nam');

    const proposals = page.getByLabel(label('Kiến nghị, đề xuất'));
    await proposals.fill('Đề nghị {cấp trên} hỗ trợ kinh phí.');
    await page.getByRole('button', { name: 'Lưu lời văn' }).click();
    await expect(page.getByText('Mục “Kiến nghị, đề xuất”: không có chỗ điền “{cấp trên}”', { exact: false }).first()).toBeVisible();
    await proposals.fill('Đề nghị UBND tỉnh {tỉnh} hỗ trợ kinh phí tổ chức năm {năm tới}.');
    await page.getByLabel(label('Người ký')).fill('Nguyễn Văn Bình');
    await page.getByRole('button', { name: 'Lưu lời văn' }).click();
    await expect(page.getByText('Đã lưu lời văn; các năm sau dùng lại lời văn này')).toBeVisible();
    await expect(page.getByText('Lời văn riêng của cơ quan')).toBeVisible();

    const docxDownload = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Tải báo cáo (.docx)' }).click();
    const docxFile = await docxDownload;
    expect(docxFile.suggestedFilename()).toBe('Bao-cao-ket-qua-nam-2025.docx');
    const docx = join(dir, 'bao-cao.docx');
    await docxFile.saveAs(docx);
    const xml = execFileSync('unzip', ['-p', docx, 'word/document.xml'], { encoding: 'utf8' });
    for (const words of ['CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', 'I. KẾT QUẢ THỰC HIỆN NĂM 2025', 'Đề nghị UBND tỉnh Đồng Tháp hỗ trợ kinh phí tổ chức năm 2026.', 'Nguyễn Văn Bình']) expect(xml).toContain(words);

    const soffice = ['/usr/bin/soffice', '/usr/local/bin/soffice'].find((p) => existsSync(p));
    test.info().annotations.push({ type: 'soffice', description: soffice ? soffice : 'BỎ QUA chuyển sang PDF: máy này không có soffice' });
    if (soffice) {
      // A private profile: LibreOffice refuses to start beside another instance using the default one.
      execFileSync(soffice, [`-env:UserInstallation=file://${join(dir, 'lo-profile')}`, '--headless', '--convert-to', 'pdf', '--outdir', dir, docx], { timeout: 180_000 });
      const pdf = join(dir, 'bao-cao.pdf');
      const first = execFileSync('pdftotext', ['-layout', '-f', '1', '-l', '1', pdf, '-'], { encoding: 'utf8' });
      for (const line of ['CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', 'BÁO CÁO', 'Kết quả thực hiện kế hoạch xây dựng xã hội học tập năm 2025']) expect(first).toContain(line);
      mkdirSync(SCREENSHOT_DIR, { recursive: true });
      execFileSync('pdftoppm', ['-r', '80', '-png', '-f', '1', '-l', '1', '-singlefile', pdf, join(SCREENSHOT_DIR, '99-bao-cao-nam-trang-1')]);
    }

    const xlsxDownload = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Tải biểu thống kê (.xlsx)' }).click();
    const xlsxFile = await xlsxDownload;
    expect(xlsxFile.suggestedFilename()).toMatch(/2025\.xlsx$/);
    const xlsx = join(dir, 'bieu.xlsx');
    await xlsxFile.saveAs(xlsx);
    expect(readFileSync(xlsx).subarray(0, 2).toString()).toBe('PK');
    await screenshot(page, '98-bao-cao-nam-da-luu');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
