import { ADMIN, apiCall, expect, label, openedDialog, rawApiCall, screenshot, test, chooseOption } from './fixtures';
import type { Page } from '@playwright/test';

/**
 * Issue 17: the administrator creates a cán bộ and a xem account; the xem
 * account sees no edit button and a crafted call is refused; a record's
 * history names who changed what.
 */

const tokenUrl = (url: string) => url.replace(/&session=[\w-]+$/, '');

async function logInAs(page: Page, url: string, login: string, password: string): Promise<void> {
  await page.goto(tokenUrl(url));
  await expect(page.getByRole('heading', { name: 'Đăng nhập XHHT' })).toBeVisible();
  await page.getByLabel('Tên đăng nhập').fill(login);
  await page.getByLabel('Mật khẩu').fill(password);
  await page.getByRole('button', { name: 'Đăng nhập' }).click();
  await expect(page.getByRole('navigation', { name: 'Chức năng chính' })).toBeVisible();
}

async function createAccountThroughPage(page: Page, name: string, login: string, role: string): Promise<void> {
  await page.getByRole('button', { name: 'Thêm tài khoản' }).click();
  const dialog = await openedDialog(page, 'Thêm tài khoản');
  await dialog.getByLabel(label('Họ tên')).fill(name);
  await dialog.getByLabel(label('Tên đăng nhập')).fill(login);
  await chooseOption(page, dialog.getByLabel(label('Vai trò')), role, false);
  await dialog.getByLabel(label('Mật khẩu ban đầu (ít nhất 8 ký tự)')).fill('mat-khau-2026');
  await dialog.getByRole('button', { name: 'Tạo tài khoản' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByRole('table', { name: 'Danh sách tài khoản' })).toContainText(login);
}

test('administrator makes a cán bộ and a xem account; xem only reads; the history names who changed what', async ({ demo, browser }) => {
  test.setTimeout(180_000);
  const adminPage = await browser.newPage({ viewport: { width: 1366, height: 768 } });
  await adminPage.goto(demo.url);
  await adminPage.getByRole('menuitem', { name: 'Tài khoản' }).click();
  await expect(adminPage.getByRole('heading', { name: 'Tài khoản' })).toBeVisible();
  await createAccountThroughPage(adminPage, 'Trần Thị Bình', 'binh', 'Cán bộ');
  await createAccountThroughPage(adminPage, 'Lê Văn Xem', 'xemdl', 'Xem');
  await screenshot(adminPage, 'accounts-list');
  await adminPage.close();

  // The cán bộ changes an agency's name.
  const officer = await browser.newPage({ viewport: { width: 1366, height: 768 } });
  await logInAs(officer, demo.url, 'binh', 'mat-khau-2026');
  await officer.getByRole('menuitem', { name: 'Cơ quan, đơn vị' }).click();
  const agencies = officer.getByRole('table', { name: 'Danh sách cơ quan' });
  await expect(agencies).toContainText('Hội Khuyến học');
  const adminSession = /&session=([\w-]+)/.exec(demo.url)![1];
  const oldName = (await apiCall<{ name: string }[]>(demo.url, 'agencies.list', {}, adminSession)).find((a) => a.name.startsWith('Hội Khuyến học'))!.name;
  const row = agencies.getByRole('row').filter({ hasText: oldName }).first();
  await row.getByRole('button', { name: /^Sửa:/ }).click();
  const dialog = await openedDialog(officer);
  await dialog.getByLabel(label('Tên cơ quan')).fill('Hội Khuyến học huyện Tân Hồng (đã đổi tên)');
  await dialog.getByRole('button', { name: /Lưu/ }).click();
  await expect(dialog).toBeHidden();
  await expect(agencies).toContainText('(đã đổi tên)');
  await officer.close();

  // The xem account: no edit buttons, and a crafted call is refused and changes nothing.
  const viewer = await browser.newPage({ viewport: { width: 1366, height: 768 } });
  await logInAs(viewer, demo.url, 'xemdl', 'mat-khau-2026');
  await viewer.getByRole('menuitem', { name: 'Cơ quan, đơn vị' }).click();
  const list = viewer.getByRole('table', { name: 'Danh sách cơ quan' });
  await expect(list).toContainText('(đã đổi tên)');
  await expect(viewer.getByRole('button', { name: 'Thêm cơ quan' })).toHaveCount(0);
  await expect(list.getByRole('button', { name: /^(Sửa|Xóa):/ })).toHaveCount(0);
  await expect(viewer.getByRole('menuitem', { name: 'Tài khoản' })).toHaveCount(0);
  await expect(viewer.getByRole('menuitem', { name: 'Sao lưu' })).toHaveCount(0);
  await viewer.getByRole('menuitem', { name: 'Kế hoạch' }).click();
  await expect(viewer.getByRole('table', { name: 'Danh sách kế hoạch' })).toContainText('Tân Hồng');
  await expect(viewer.getByRole('button', { name: /^(Tạo kế hoạch|Nhập từ mẫu)$/ })).toHaveCount(0);
  // A plan's files: the xem account opens and downloads them, but sees no place to drop, rename or detach one.
  await viewer.getByRole('table', { name: 'Danh sách kế hoạch' }).getByRole('link', { name: /Tân Hồng/ }).first().click();
  await viewer.getByRole('tab', { name: 'Văn bản, minh chứng' }).click();
  const planFiles = viewer.getByRole('region', { name: 'Minh chứng' });
  await expect(planFiles.getByRole('table')).toBeVisible();
  await expect(planFiles.getByRole('button', { name: 'Chọn tệp…' })).toHaveCount(0);
  await expect(planFiles.getByText('Kéo thả tệp vào đây')).toHaveCount(0);
  await expect(planFiles.getByRole('button', { name: /^(Đổi tên|Gỡ) / })).toHaveCount(0);
  await viewer.getByRole('menuitem', { name: 'Đơn vị hành chính' }).click();
  await expect(viewer.getByRole('heading', { name: 'Đơn vị hành chính' })).toBeVisible();
  await expect(viewer.getByRole('button', { name: /^(Nhập từ Excel|Thêm đơn vị trực thuộc)$/ })).toHaveCount(0);
  await viewer.getByRole('menuitem', { name: 'Cơ quan, đơn vị' }).click();
  const session = await viewer.evaluate(() => sessionStorage.getItem('xhht.session'));
  const agency = (await apiCall<{ id: string; rev: number; name: string; shortName: string; kind: string; contact: string }[]>(demo.url, 'agencies.list', {}, session!)).find((a) => a.name.includes('(đã đổi tên)'))!;
  const crafted = await rawApiCall(demo.url, 'agencies.update', { ...agency, name: 'Sửa lén' }, session!);
  expect(crafted.ok).toBe(false);
  expect(crafted.error?.code).toBe('FORBIDDEN');
  expect(crafted.error?.message).toMatch(/không được làm việc này/);

  // The history of the record, seen by the xem account: who, when, before → after.
  await list.getByRole('row').filter({ hasText: '(đã đổi tên)' }).getByRole('button', { name: /^Lịch sử:/ }).click();
  const drawer = viewer.getByRole('dialog', { name: /Lịch sử thay đổi/ });
  await expect(drawer).toContainText('Trần Thị Bình (binh)');
  await expect(drawer).toContainText(`Tên: ${oldName} → Hội Khuyến học huyện Tân Hồng (đã đổi tên)`);
  await screenshot(viewer, 'accounts-record-history');
  await viewer.keyboard.press('Escape');
  await expect(drawer).toBeHidden();

  // The journal, filtered to the cán bộ.
  await viewer.getByRole('menuitem', { name: 'Nhật ký thay đổi' }).click();
  const journal = viewer.getByRole('table', { name: 'Nhật ký thay đổi' });
  await expect(journal).toContainText('Trần Thị Bình (binh)');
  await chooseOption(viewer, viewer.getByLabel('Người thực hiện'), 'Trần Thị Bình (binh)');
  await expect(journal.getByRole('row')).toHaveCount(2);
  await screenshot(viewer, 'accounts-journal');

  // The xem account changes its own password: a wrong current one is refused beside its field.
  await viewer.getByRole('button', { name: 'Đổi mật khẩu' }).click();
  const change = await openedDialog(viewer, 'Đổi mật khẩu của xemdl');
  await change.getByLabel(label('Mật khẩu hiện tại')).fill('khong-phai-mat-khau');
  await change.getByLabel(label('Mật khẩu mới (ít nhất 8 ký tự)')).fill('mat-khau-rieng-2027');
  await change.getByLabel(label('Nhập lại mật khẩu mới')).fill('mat-khau-rieng-2027');
  await change.getByRole('button', { name: 'Đổi mật khẩu' }).click();
  await expect(change).toContainText('Mật khẩu hiện tại không đúng');
  await change.getByLabel(label('Mật khẩu hiện tại')).fill('mat-khau-2026');
  await screenshot(viewer, 'accounts-own-password');
  await change.getByRole('button', { name: 'Đổi mật khẩu' }).click();
  await expect(change).toBeHidden();
  await viewer.getByRole('button', { name: 'Đăng xuất' }).click();
  await expect(viewer.getByRole('heading', { name: 'Đăng nhập XHHT' })).toBeVisible();
  await logInAs(viewer, demo.url, 'xemdl', 'mat-khau-rieng-2027');
  expect(ADMIN.login).toBe('admin');
});
