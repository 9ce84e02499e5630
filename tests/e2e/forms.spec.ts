import { expect, label, openedDialog, screenshot, test } from './fixtures.js';

test('dates are typed the way officers type them, an impossible one is refused, and a changed dialog asks before closing', async ({ page, office }) => {
  await page.setViewportSize({ width: 1366, height: 768 });
  await page.goto(office.url);
  await page.getByRole('menuitem', { name: 'Kế hoạch' }).click();
  await page.getByRole('button', { name: 'Tạo kế hoạch' }).first().click();
  const dialog = await openedDialog(page, 'Tạo kế hoạch');
  const issuedOn = dialog.getByLabel(label('Ngày ban hành'));

  await issuedOn.fill('31/02/2026');
  await issuedOn.press('Enter');
  // Enter in a date field does not submit: the dialog stays, the date stays as typed, and the form says why.
  await expect(dialog.getByText('Ngày 31/02/2026 không có trong lịch')).toBeVisible();
  await expect(issuedOn).toHaveValue('31/02/2026');
  await dialog.getByLabel(label('Cơ quan ban hành')).fill('Ủy ban nhân dân huyện Tân Hồng');
  await dialog.getByLabel(label('Trích yếu')).fill('Kế hoạch thử ngày tháng');
  await dialog.getByRole('button', { name: 'Tạo kế hoạch' }).click();
  await expect(dialog.getByText('Ngày 31/02/2026 không có trong lịch')).toBeVisible();
  await screenshot(page, '15-ngay-khong-co-that');

  await issuedOn.fill('6-10-2021');
  await issuedOn.press('Enter');
  await expect(issuedOn).toHaveValue('06/10/2021');
  await expect(dialog).toBeVisible();

  // Esc on a changed form asks first; going on keeps what was typed.
  await page.keyboard.press('Escape');
  const confirm = page.getByRole('dialog', { name: 'Bỏ các thay đổi chưa lưu?' });
  await expect(confirm).toBeVisible();
  await screenshot(page, '16-hoi-truoc-khi-dong');
  await confirm.getByRole('button', { name: 'Tiếp tục nhập' }).click();
  await expect(issuedOn).toHaveValue('06/10/2021');

  await dialog.getByRole('button', { name: 'Tạo kế hoạch' }).click();
  await page.waitForURL(/#\/plans\/[0-9a-f-]{36}/);
  await expect(page.getByText('06/10/2021').first()).toBeVisible();
});
