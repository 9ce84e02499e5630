import { existsSync, readdirSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { expect, openedDialog, screenshot, test } from './fixtures';

/**
 * Issue 16, backups: the home page warns that nothing was ever backed up; the
 * administrator picks a folder, backs up with a passphrase, sees the file
 * listed, and restores it (a wrong passphrase refused first).
 */
test('the administrator backs up with a passphrase and restores it; the home page stops warning', async ({ office, page }) => {
  test.setTimeout(180_000);
  await page.setViewportSize({ width: 1366, height: 768 });
  await page.goto(office.url);
  const warning = page.getByRole('alert').filter({ hasText: 'Dữ liệu chưa được sao lưu lần nào' });
  await expect(warning).toBeVisible();
  await warning.getByRole('button', { name: 'Sao lưu' }).click();
  await expect(page.getByRole('heading', { name: 'Sao lưu và khôi phục' })).toBeVisible();
  await expect(page.getByText('Chưa có bản sao lưu nào trong thư mục')).toBeVisible();

  const usb = join(dirname(office.dataDir), 'usb');
  await page.getByLabel('Thư mục sao lưu (đường dẫn đầy đủ)').fill(usb);
  await page.getByRole('button', { name: 'Lưu cài đặt' }).click();
  await expect(page.getByText(`Thư mục: ${usb}`)).toBeVisible();

  await page.getByLabel('Mật khẩu (không bắt buộc)').fill('mật khẩu kho');
  await page.getByLabel('Nhập lại').fill('mật khẩu kho');
  await page.getByRole('button', { name: 'Sao lưu ngay' }).click();
  await expect(page.getByText(/^Đã sao lưu \d+ mục/)).toBeVisible({ timeout: 60_000 });
  const backups = page.getByRole('table', { name: 'Các bản sao lưu' });
  await expect(backups.getByRole('row')).toHaveCount(2);
  await expect(backups).toContainText('Có mật khẩu');
  expect(readdirSync(usb).filter((n) => n.endsWith('.xhhtbak'))).toHaveLength(1);
  await screenshot(page, '90-backup-page');

  const restoreWith = async (passphrase: string) => {
    await backups.getByRole('button', { name: 'Khôi phục…' }).click();
    const dialog = await openedDialog(page);
    await dialog.getByLabel('Mật khẩu của bản sao lưu').fill(passphrase);
    await dialog.getByRole('button', { name: 'Khôi phục' }).click();
    await page.getByRole('dialog', { name: 'Khôi phục bản sao lưu này?' }).getByRole('button', { name: 'Khôi phục' }).click();
  };
  await restoreWith('sai mật khẩu');
  await expect(page.getByRole('alert').filter({ hasText: 'Mật khẩu sao lưu không đúng.' })).toBeVisible({ timeout: 60_000 });
  await restoreWith('mật khẩu kho');
  await expect(page.getByText(/^Đã khôi phục bản sao lưu của .* Đóng và mở lại XHHT/)).toBeVisible({ timeout: 60_000 });
  const restored = readdirSync(dirname(office.dataDir)).filter((n) => n.startsWith(`${basename(office.dataDir)}.khoi-phuc-`));
  expect(restored).toHaveLength(1);
  expect(existsSync(join(dirname(office.dataDir), restored[0]!, 'xhht.sqlite'))).toBe(true);
  await screenshot(page, '91-backup-restored');

  await page.getByRole('menuitem', { name: 'Tổng quan' }).click();
  await expect(page.getByRole('heading', { name: 'Tổng quan' })).toBeVisible();
  await expect(page.getByText('Dữ liệu chưa được sao lưu lần nào')).toHaveCount(0);
});
