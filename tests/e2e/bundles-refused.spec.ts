import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { rawZip } from '../bundles/raw-zip.js';
import { expect, screenshot, test } from './fixtures';

/**
 * Issue 15, "every bundle received is logged": a file the officer receives
 * that is refused (here a zip that is no BagIt bag, named with HTML) is said
 * to be refused on the Receive page, then listed among the bundles received
 * with its date, "không đọc được" for the sender it never named, and why —
 * the HTML of its name shown as text.
 */

/** No slash: the upload keeps a path's last part only. */
/** WCAG 2 A and AA on what the page shows now (as tests/e2e/bundles.spec.ts checks its pages). */
async function expectAccessible(page: Page): Promise<void> {
  await page.mouse.move(0, 0);
  const result = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa']).setLegacyMode(true).analyze();
  expect(result.violations.map((v) => `${v.id} (${v.nodes.length}) ${v.help} — ${v.nodes[0]?.target.join(' ')}`)).toEqual([]);
}

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
