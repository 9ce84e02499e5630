import type { Page } from '@playwright/test';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { apiCall, expect, expectAccessible, screenshot, test } from './fixtures';

/**
 * Issue 15, bundles: the district (the demo) sends its data up as a sync
 * bundle; the province, which already had the district as a unit, receives it
 * — the file verified, the new sender trusted after its fingerprint is shown,
 * the dry run counted per entity, then applied. Both sides then rename the
 * same commune; the district's second bundle brings a conflict, shown with
 * both names side by side and settled by taking theirs.
 */

const sessionOf = (url: string) => /[#&]session=([\w-]+)/.exec(url)![1]!;

interface Unit {
  id: string;
  parentId: string | null;
  code: string;
  name: string;
  rev: number;
  type: string;
}

async function sendSync(page: Page, url: string, dir: string, name: string): Promise<string> {
  await page.goto(url);
  await page.getByRole('menuitem', { name: 'Gửi, nhận dữ liệu' }).click();
  await page.getByRole('button', { name: 'Gửi dữ liệu' }).click();
  await expect(page.getByRole('heading', { name: 'Gửi dữ liệu' })).toBeVisible();
  await expect(page.getByRole('radio', { name: /^Đồng bộ/ })).toBeChecked();
  // Sizes come before anything is written.
  await expect(page.getByRole('table', { name: 'Số bản ghi theo loại' })).toContainText('Đơn vị hành chính');
  await expect(page.getByText('Tổng cộng (trước khi nén)')).toBeVisible();
  await page.getByRole('button', { name: 'Tạo gói dữ liệu' }).click();
  const save = page.getByRole('button', { name: /^Lưu tệp .*\.xhht$/ });
  await expect(save).toBeVisible({ timeout: 90_000 });
  const download = page.waitForEvent('download');
  await save.click();
  const file = join(dir, name);
  await (await download).saveAs(file);
  await expect(page.getByText(/^Đã lưu vào thư mục Tải về/)).toBeVisible();
  return file;
}

async function chooseBundle(page: Page, file: string): Promise<void> {
  await page.getByRole('menuitem', { name: 'Gửi, nhận dữ liệu' }).click();
  await page.getByRole('button', { name: 'Nhận dữ liệu' }).click();
  await expect(page.getByRole('heading', { name: 'Nhận dữ liệu' })).toBeVisible();
  await page.locator('input[type=file]').setInputFiles(file);
}

/** The dry-run row of one entity: [created, updated, unchanged, conflicts, rejected]. */
async function outcomeOf(page: Page, tableName: string, entity: string): Promise<number[]> {
  const row = page.getByRole('table', { name: tableName }).getByRole('row').filter({ has: page.getByRole('cell', { name: entity, exact: true }) });
  const cells = await row.getByRole('cell').allInnerTexts();
  return cells.slice(1).map((c) => Number(c.replace(/\./g, '')));
}

test('a district sends a sync bundle up; the province verifies, trusts, previews, applies, then settles a conflict', async ({ demo, fresh, page }) => {
  // Two exports and two imports of the demo: the run reached the conflict after about 290 s with the load average near 20.
  test.setTimeout(600_000);
  await page.setViewportSize({ width: 1366, height: 768 });
  const dir = mkdtempSync(join(tmpdir(), 'xhht-e2e-bundles-'));
  try {
    const district = { url: demo.url, session: sessionOf(demo.url) };
    const province = { url: fresh.url, session: sessionOf(fresh.url) };
    // The province knew the district as a unit (official code 870) before any bundle: the sender's root matches it.
    const office = await apiCall<{ rootUnitId: string }>(province.url, 'office.setup', {
      name: 'Sở Giáo dục và Đào tạo tỉnh Đồng Tháp',
      code: '87',
      level: 'tinh',
      territoryName: 'Đồng Tháp',
      territoryType: 'Tỉnh',
      territoryCode: '87',
      provinceName: 'Đồng Tháp',
      levelNames: ['Tỉnh/Thành phố', 'Huyện/Thị xã/Thành phố', 'Xã/Thị trấn/Phường', 'Ấp/Khóm/Thôn'],
    }, province.session);
    await apiCall(province.url, 'units.create', { parentId: office.rootUnitId, code: '870', name: 'Tân Hồng', type: 'Huyện' }, province.session);
    const districtKey = await apiCall<{ own: { fingerprint: string } }>(district.url, 'certificates.trustList', {}, district.session);
    const districtUnits = await apiCall<Unit[]>(district.url, 'units.tree', {}, district.session);

    // The district sends everything up.
    const first = await sendSync(page, district.url, dir, 'dong-bo-1.xhht');
    expect(statSync(first).size).toBeGreaterThan(0);
    await screenshot(page, '95-bundles-send');
    await expectAccessible(page);

    // The province: nothing received yet, and the page says what to do.
    await page.goto(province.url);
    await page.getByRole('menuitem', { name: 'Gửi, nhận dữ liệu' }).click();
    await expect(page.getByText('Chưa nhận gói dữ liệu nào')).toBeVisible();
    await chooseBundle(page, first);
    await expect(page.getByText('Kết quả kiểm tra: tệp nguyên vẹn, người gửi chưa được tin cậy')).toBeVisible({ timeout: 60_000 });
    const checks = page.getByRole('list', { name: 'Các mục kiểm tra' });
    for (const check of ['Cấu trúc BagIt', 'Chữ ký Ed25519', 'Payload-Oxum', 'Mã băm từng tệp']) await expect(checks.getByRole('listitem').filter({ hasText: check })).toContainText('Đạt');
    await expect(checks.getByRole('listitem').filter({ hasText: 'Người gửi tin cậy' })).toContainText('Chưa');
    // The first bundle from this sender: its fingerprint is shown to be compared before trusting.
    await expect(page.getByText('Lần đầu nhận dữ liệu từ Phòng Giáo dục và Đào tạo huyện Tân Hồng')).toBeVisible();
    await expect(page.getByLabel('Dấu vân tay của người gửi')).toHaveText(districtKey.own.fingerprint);
    await screenshot(page, '96-bundles-trust');
    await expectAccessible(page);
    await page.getByRole('button', { name: 'Dấu vân tay trùng khớp, tin cậy đơn vị này' }).click();

    // Dry run: every unit of the district but its root (matched by code) is new here; nothing is written yet.
    const preview = 'Kết quả xem trước theo loại bản ghi';
    await expect(page.getByRole('table', { name: preview })).toBeVisible({ timeout: 90_000 });
    expect(await outcomeOf(page, preview, 'Đơn vị hành chính')).toEqual([districtUnits.length - 1, 0, 1, 0, 0]);
    expect((await apiCall<Unit[]>(province.url, 'units.tree', {}, province.session)).length).toBe(2);
    await screenshot(page, '97-bundles-dry-run');
    await page.getByRole('button', { name: 'Nhập dữ liệu' }).click();
    await expect(page.getByText(/^Đã nhập gói của Phòng Giáo dục và Đào tạo huyện Tân Hồng/)).toBeVisible({ timeout: 90_000 });
    const provinceUnits = await apiCall<Unit[]>(province.url, 'units.tree', {}, province.session);
    expect(provinceUnits.length).toBe(districtUnits.length + 1);

    // Both offices rename the same commune before the next exchange.
    const saRai = districtUnits.find((u) => u.code === '870-01')!;
    await apiCall(district.url, 'units.update', { id: saRai.id, rev: saRai.rev, code: saRai.code, name: 'Sa Rài (thị trấn huyện lỵ)', type: saRai.type }, district.session);
    const theirCopy = provinceUnits.find((u) => u.code === '870-01')!;
    await apiCall(province.url, 'units.update', { id: theirCopy.id, rev: theirCopy.rev, code: theirCopy.code, name: 'Sa Rài (tỉnh sửa)', type: theirCopy.type }, province.session);

    const second = await sendSync(page, district.url, dir, 'dong-bo-2.xhht');
    await page.goto(province.url);
    await chooseBundle(page, second);
    // A trusted sender's bundle goes straight from the checks to the dry run.
    await expect(page.getByRole('table', { name: preview })).toBeVisible({ timeout: 90_000 });
    await expect(page.getByText('Kết quả kiểm tra: tệp hợp lệ')).toBeVisible();
    expect(await outcomeOf(page, preview, 'Đơn vị hành chính')).toEqual([0, 0, districtUnits.length - 1, 1, 0]);
    const conflicts = page.getByRole('table', { name: 'Các bản ghi xung đột' });
    const row = conflicts.getByRole('row').filter({ hasText: 'Sa Rài (tỉnh sửa)' });
    await expect(row).toContainText('Sa Rài (thị trấn huyện lỵ)');
    const apply = page.getByRole('button', { name: 'Nhập dữ liệu' });
    await expect(apply).toBeDisabled();
    await expect(page.getByText('Còn 1 xung đột chưa chọn.')).toBeVisible();
    // antd draws the radio as a button over a hidden input: the officer clicks (or Space on) the label.
    await row.locator('label').filter({ hasText: 'Lấy bản nhận được' }).click();
    await expect(row.getByRole('radio', { name: 'Lấy bản nhận được' })).toBeChecked();
    await expect(apply).toBeEnabled();
    await screenshot(page, '98-bundles-conflict');
    await expectAccessible(page);
    await apply.click();
    await expect(page.getByText(/^Đã nhập gói của/)).toBeVisible({ timeout: 90_000 });
    const renamed = (await apiCall<Unit[]>(province.url, 'units.tree', {}, province.session)).find((u) => u.id === theirCopy.id)!;
    expect(renamed.name).toBe('Sa Rài (thị trấn huyện lỵ)');

    // The received list: both bundles, who sent them, applied.
    await page.getByRole('button', { name: 'Xem các gói đã nhận' }).click();
    const received = page.getByRole('table', { name: 'Các gói đã nhận' });
    await expect(received.getByRole('row')).toHaveCount(3);
    await expect(received.getByRole('row').nth(1)).toContainText('Phòng Giáo dục và Đào tạo huyện Tân Hồng');
    await expect(received.getByRole('row').nth(1)).toContainText('Đã nhập');
    await screenshot(page, '99-bundles-received');
    await expectAccessible(page);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
