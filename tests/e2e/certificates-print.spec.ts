import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SCREENSHOT_DIR, chooseOption, expect, screenshot, test } from './fixtures.js';

/**
 * The demo decision's certificates, numbered by the demo: one previewed in the
 * frame that shows the printed HTML (its number and QR, marked as the next
 * print's "Bản cấp lại"), then the decision's batch reprinted with a reason to
 * one PDF, whose page count, numbers and QR codes are read back from the file.
 * Writes the register, so it runs on its own demo server.
 */
// Budget from the titles print test on the 2-core machine at load ~20 (a demo server start plus a Chromium print).
test('an officer previews a certificate and reprints a decision’s batch to one PDF', async ({ page, demo }) => {
  test.setTimeout(360_000);
  const dir = mkdtempSync(join(tmpdir(), 'xhht-cert-print-'));
  try {
    await page.setViewportSize({ width: 1366, height: 768 });
    await page.goto(demo.url);
    await page.getByRole('navigation', { name: 'Chức năng chính' }).getByRole('menuitem', { name: 'Giấy công nhận' }).click();
    await page.getByRole('link', { name: 'In giấy công nhận' }).click();
    await expect(page.getByRole('heading', { name: 'In giấy công nhận' })).toBeVisible();
    await chooseOption(page, page.getByLabel('Quyết định công nhận'), '245/QĐ-UBND', false);
    const people = page.getByRole('table', { name: 'Người được công nhận' });
    await expect(people.getByRole('row').nth(1)).toContainText('245/QĐ-UBND');
    // The demo issued them: every one has its number, none waits.
    await expect(people.getByRole('row').nth(1)).toContainText('1/2025/CDHT');
    await expect(people).not.toContainText('Chưa in');
    await expect(page.getByRole('button', { name: 'In 0 giấy ra PDF' })).toBeDisabled();

    const first = people.getByRole('row').nth(1);
    const holder = (await first.getByRole('cell').first().textContent())!.trim();
    await first.getByRole('button', { name: `Xem trước giấy của ${holder}` }).click();
    const dialog = page.getByRole('dialog', { name: `Xem trước giấy công nhận — ${holder}` });
    const sheet = dialog.frameLocator(`iframe[title="Giấy công nhận của ${holder}"]`);
    await expect(sheet.getByText('GIẤY CÔNG NHẬN')).toBeVisible();
    await expect(sheet.getByText(holder, { exact: true })).toBeVisible();
    await expect(sheet.getByText('Số vào sổ: 1/2025/CDHT')).toBeVisible();
    await expect(sheet.getByRole('img', { name: 'Mã QR xác minh' })).toBeVisible();
    await screenshot(page, '72-giay-cong-nhan-xem-truoc');
    await dialog.getByRole('button', { name: 'Close' }).or(dialog.getByRole('button', { name: 'Đóng' })).first().click();
    await expect(dialog).toHaveCount(0);

    await page.getByRole('checkbox', { name: 'In lại cả giấy đã in (bản cấp lại)' }).check();
    await page.getByLabel('Lý do in lại').fill('Giấy in thử bị lem mực');
    const printButton = page.getByRole('button', { name: /^In \d+ giấy ra PDF$/ });
    await expect(printButton).toBeEnabled();
    const count = Number(/In (\d+) giấy/.exec((await printButton.textContent())!)![1]);
    expect(count).toBeGreaterThan(0);
    // Only the desktop app prints straight to a printer; the browser has no such button.
    await expect(page.getByRole('button', { name: 'In trực tiếp' })).toHaveCount(0);
    const download = page.waitForEvent('download', { timeout: 180_000 });
    await printButton.click();
    const file = await download;
    expect(file.suggestedFilename()).toMatch(/^giay-cong-nhan.*\.pdf$/);
    const pdf = join(dir, 'giay.pdf');
    await file.saveAs(pdf);
    await expect(page.getByText(`Đã in ${count} trang vào`)).toBeVisible();
    await expect(page.getByText(`${count} giấy là bản cấp lại`)).toBeVisible();
    await expect(people).toContainText(`${count}/2025/`);
    await screenshot(page, '73-in-giay-cong-nhan-xong');

    expect(Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [pdf], { encoding: 'utf8' }))![1])).toBe(count);
    // Page 1 as an image beside the screenshots, for a person to look at the printed certificate.
    mkdirSync(SCREENSHOT_DIR, { recursive: true });
    execFileSync('pdftoppm', ['-r', '60', '-png', '-f', '1', '-l', '1', '-singlefile', pdf, join(SCREENSHOT_DIR, '74-giay-cong-nhan-pdf')]);
    const text = execFileSync('pdftotext', ['-f', '1', '-l', '1', '-layout', pdf, '-'], { encoding: 'utf8' });
    expect(text).toContain('GIẤY CÔNG NHẬN');
    expect(text).toContain(holder);
    expect(text).toContain('Số vào sổ: 1/2025/');
    expect(text).toContain('Bản cấp lại');
    execFileSync('pdftoppm', ['-r', '150', '-gray', '-png', '-singlefile', '-f', String(count), '-l', String(count), pdf, join(dir, 'last')]);
    const payload = execFileSync('zbarimg', ['-q', '--raw', join(dir, 'last.png')], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
    expect(payload).toMatch(/^XH1:/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
