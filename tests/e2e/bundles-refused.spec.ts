import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { composeApp } from '../../main/app/compose.js';
import { exportBundle } from '../../main/bundles/export/export-bundle.js';
import { setUpOffice } from '../../main/office/index.js';
import { rawZip } from '../bundles/raw-zip.js';
import { expect, expectAccessible, screenshot, test } from './fixtures';

/**
 * Issue 15, "every bundle received is logged": a file the officer receives
 * that is refused (here a zip that is no BagIt bag, named with HTML) is said
 * to be refused on the Receive page, then listed among the bundles received
 * with its date, "không đọc được" for the sender it never named, and why —
 * the HTML of its name shown as text.
 */

/** HTML in the name: the list must show it as text. */
const FILE_NAME = '<img src=x onerror=alert(1)> Xã Tân Hộ Cơ tháng 3.xhht';

test('a refused file is shown refused, then listed among the bundles received with its reason', async ({ office, page }) => {
  await page.setViewportSize({ width: 1366, height: 768 });
  await page.goto(office.url);
  await page.getByRole('menuitem', { name: 'Gửi, nhận dữ liệu' }).click();
  await expect(page.getByText('Chưa nhận gói dữ liệu nào')).toBeVisible();
  await page.getByRole('button', { name: 'Nhận dữ liệu' }).click();
  await expect(page.getByRole('heading', { name: 'Nhận dữ liệu' })).toBeVisible();
  // A well-formed zip (the upload takes it) holding no bag: refused at the BagIt check, before anything names a sender.
  const buffer = rawZip([{ name: 'data/bundle.json', data: Buffer.from('{"bundleId":"x"}') }]);
  await page.locator('input[type=file]').setInputFiles({ name: FILE_NAME, mimeType: 'application/zip', buffer });

  const refusal = page.getByRole('alert').filter({ hasText: 'Không nhận gói này' });
  await expect(refusal).toBeVisible({ timeout: 60_000 });
  await expect(refusal).toContainText('Gói dữ liệu bị từ chối: thiếu tệp bagit.txt');
  await expect(refusal).toContainText('Việc từ chối đã được ghi vào danh sách các gói đã nhận.');
  await screenshot(page, '99a-bundles-refused');
  await expectAccessible(page);

  await refusal.getByRole('link', { name: 'Xem danh sách' }).click();
  const received = page.getByRole('table', { name: 'Các gói đã nhận' });
  await expect(received.getByRole('row')).toHaveCount(2);
  const row = received.getByRole('row').nth(1);
  const cells = row.getByRole('cell');
  await expect(cells.nth(0)).toHaveText(/^\d{2}\/\d{2}\/\d{4} \d{2}:\d{2}$/);
  await expect(cells.nth(1)).toHaveText('không đọc được');
  await expect(cells.nth(4)).toHaveText('Bị từ chối');
  // A long reason shows two lines at this width; "xem thêm" (antd names it "Mở rộng") opens the rest.
  await cells.nth(5).getByRole('button', { name: 'Mở rộng' }).click();
  await expect(cells.nth(5)).toContainText(`Tệp "${FILE_NAME}": Gói dữ liệu bị từ chối: thiếu tệp bagit.txt`);
  // The name's markup is text, not an element.
  await expect(row.locator('img')).toHaveCount(0);
  await screenshot(page, '99b-bundles-received-refused');
  await expectAccessible(page);
});

/** A sync bundle of another district's XHHT, whose key this office has never seen. */
async function strangerBundle(dir: string): Promise<string> {
  const ctx = await composeApp(join(dir, 'data'), { actor: 'kiểm thử' });
  try {
    await setUpOffice({ ...ctx, operation: 'init' }, { name: 'Phòng GD&ĐT huyện Tam Nông', code: '871', level: 'huyen', territoryName: 'Tam Nông', territoryType: 'Huyện', territoryCode: '871', provinceName: 'Đồng Tháp' });
    const file = join(dir, 'tam-nong.xhht');
    await exportBundle({ sqlite: ctx.sqlite, dataDir: ctx.dataDir, options: { kind: 'sync', period: null, includeFiles: false, includePersonalData: false }, outPath: file, now: new Date() });
    return file;
  } finally {
    await ctx.close();
  }
}

test('a new sender the officer does not trust: "Không nhận" lists the bundle as refused, with the fingerprint shown', async ({ office, page }) => {
  const dir = mkdtempSync(join(tmpdir(), 'xhht-e2e-stranger-'));
  try {
    const file = await strangerBundle(dir);
    await page.setViewportSize({ width: 1366, height: 768 });
    await page.goto(office.url);
    await page.getByRole('menuitem', { name: 'Gửi, nhận dữ liệu' }).click();
    await page.getByRole('button', { name: 'Nhận dữ liệu' }).click();
    await page.locator('input[type=file]').setInputFiles(file);
    const trust = page.getByText('Lần đầu nhận dữ liệu từ Phòng GD&ĐT huyện Tam Nông');
    await expect(trust).toBeVisible({ timeout: 60_000 });
    const fingerprint = (await page.getByLabel('Dấu vân tay của người gửi').innerText()).trim();
    await page.getByRole('button', { name: 'Không nhận', exact: true }).click();
    await expect(page.getByText('Đã không nhận gói; việc từ chối đã được ghi vào danh sách các gói đã nhận.')).toBeVisible();
    await expect(trust).toHaveCount(0);

    await page.getByRole('menuitem', { name: 'Gửi, nhận dữ liệu' }).click();
    const row = page.getByRole('table', { name: 'Các gói đã nhận' }).getByRole('row').filter({ hasText: 'Tam Nông' });
    await expect(row).toHaveCount(1);
    await expect(row.getByRole('cell').nth(4)).toHaveText('Bị từ chối');
    await row.getByRole('cell').nth(5).getByRole('button', { name: 'Mở rộng' }).click();
    await expect(row.getByRole('cell').nth(5)).toContainText(`Cán bộ không nhận: chưa tin cậy khóa của người gửi (dấu vân tay ${fingerprint}).`);
    await screenshot(page, '99c-bundles-received-declined');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
