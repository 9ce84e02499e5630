import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { makePdf, makePng } from '../../main/evidence/demo-files.js';
import { expect, SCREENSHOT_DIR, screenshot, test } from './fixtures.js';

/** What the officer sees at 1366×768 (a dialog over the plan's long outline): the viewport, not the whole page. */
const viewShot = (page: Page, name: string) => page.screenshot({ path: join(SCREENSHOT_DIR, `${name}.png`), animations: 'disabled' });

const PDF_NAME = 'Biên bản nghiệm thu lớp học cộng đồng.pdf';
const IMAGE_NAME = 'Ảnh buổi học ấp Thống Nhất.png';

test('an officer attaches a PDF and a photo to a task, previews both, and finds them on "Kho minh chứng" without diacritics', async ({ page, demo }) => {
  // Measured: about 35 s on a quiet 2-core machine, most of it the demo plan's 83-task outline.
  test.setTimeout(120_000);
  await page.setViewportSize({ width: 1366, height: 768 });
  await page.goto(demo.url);
  await page.getByRole('menuitem', { name: 'Kế hoạch' }).click();
  await page.getByRole('link', { name: /Tân Hồng/ }).first().click();
  await page.getByRole('tab', { name: /Nhiệm vụ/ }).click();

  const evidenceButtons = page.getByRole('button', { name: /^Minh chứng: / });
  await expect(evidenceButtons.nth(4)).toBeVisible();
  const taskName = ((await evidenceButtons.nth(4).getAttribute('aria-label')) ?? '').replace(/^Minh chứng: /, '');
  await evidenceButtons.nth(4).click();
  const dialog = page.getByRole('dialog', { name: `Minh chứng: ${taskName}` });
  await expect(dialog.getByRole('button', { name: 'Chọn tệp…' })).toBeVisible();
  await expect(dialog.getByRole('table')).not.toContainText(PDF_NAME);

  const chooser = page.waitForEvent('filechooser');
  await dialog.getByRole('button', { name: 'Chọn tệp…' }).click();
  await (await chooser).setFiles([
    { name: PDF_NAME, mimeType: 'application/pdf', buffer: makePdf(['BIEN BAN NGHIEM THU LOP HOC CONG DONG', 'Ap Thong Nhat, xa Tan Thanh A', 'So hoc vien: 34']) },
    { name: IMAGE_NAME, mimeType: 'image/png', buffer: makePng(960, 600, 3) },
  ]);
  await expect(dialog.getByRole('button', { name: `Xem ${PDF_NAME}` })).toBeVisible();
  await expect(dialog.getByRole('button', { name: `Xem ${IMAGE_NAME}` })).toBeVisible();
  await expect(dialog.getByText('PDF', { exact: true })).toBeVisible();
  await viewShot(page, '60-minh-chung-nhiem-vu');

  await dialog.getByRole('button', { name: `Xem ${PDF_NAME}` }).click();
  const pdfFrame = page.getByTitle(`Xem trước: ${PDF_NAME}`);
  await expect(pdfFrame).toBeVisible();
  await expect(pdfFrame).toHaveAttribute('src', /^blob:/);
  await viewShot(page, '61-xem-truoc-pdf');
  await page.getByRole('dialog', { name: PDF_NAME }).getByRole('button', { name: /Close|Đóng/ }).click();

  await dialog.getByRole('button', { name: `Xem ${IMAGE_NAME}` }).click();
  const image = page.getByRole('img', { name: `Xem trước: ${IMAGE_NAME}` });
  await expect(image).toBeVisible();
  await expect.poll(() => image.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBe(960);
  await viewShot(page, '62-xem-truoc-anh');
  await page.getByRole('dialog', { name: IMAGE_NAME }).getByRole('button', { name: /Close|Đóng/ }).click();
  await dialog.getByRole('button', { name: /Close|Đóng/ }).click();

  await page.getByRole('menuitem', { name: 'Kho minh chứng' }).click();
  await page.getByRole('searchbox', { name: 'Tìm theo tên tệp' }).fill('bien ban nghiem thu');
  const row = page.getByRole('row', { name: new RegExp(PDF_NAME.replace(/[.()]/g, '\\$&')) });
  await expect(row).toBeVisible();
  await expect(row).toContainText(`Nhiệm vụ: ${taskName.slice(0, 20)}`);
  await expect(page.getByRole('row')).toHaveCount(2);
  await screenshot(page, '63-kho-minh-chung-tim-khong-dau');
  await page.getByRole('searchbox', { name: 'Tìm theo tên tệp' }).fill('anh buoi hoc');
  await expect(page.getByRole('row', { name: new RegExp(IMAGE_NAME.replace(/[.()]/g, '\\$&')) })).toBeVisible();
});
