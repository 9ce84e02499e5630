import type { Locator } from '@playwright/test';
import { accessibilityViolations as violations, expect, test } from './fixtures.js';

/**
 * One test per page and per plan tab, each with its own budget, all on the
 * worker's demo tab: they only move through the menu and look.
 */

interface MenuPage {
  menu: string;
  heading: string;
  /** What shows once the page's data has arrived: the check must see the page as a person does. */
  loaded(main: Locator): Promise<void>;
}

const PAGES: MenuPage[] = [
  {
    menu: 'Tổng quan',
    heading: 'Tổng quan',
    loaded: async (main) => {
      await expect(main.getByRole('region', { name: 'Quá hạn' })).toBeVisible();
      await expect(main.getByRole('region', { name: 'Tiến độ mục tiêu theo xã' }).locator('canvas')).toBeVisible();
    },
  },
  { menu: 'Kế hoạch', heading: 'Kế hoạch', loaded: (main) => expect(main.getByRole('table', { name: 'Danh sách kế hoạch' })).toContainText('Tân Hồng') },
  { menu: 'Nhiệm vụ', heading: 'Nhiệm vụ', loaded: (main) => expect(main.getByRole('table', { name: 'Danh sách nhiệm vụ' })).toContainText('Quá hạn') },
  { menu: 'Việc của cơ quan', heading: 'Việc của từng cơ quan', loaded: (main) => expect(main.getByText('Chưa chọn cơ quan.')).toBeVisible() },
  { menu: 'Báo cáo định kỳ', heading: 'Báo cáo định kỳ', loaded: (main) => expect(main.getByRole('table', { name: 'Báo cáo phải nộp' })).toContainText('15/11') },
  { menu: 'Báo cáo năm', heading: 'Báo cáo năm', loaded: (main) => expect(main.getByText('Chỉ tiêu đạt', { exact: true })).toBeVisible() },
  {
    menu: 'Danh hiệu học tập',
    heading: 'Danh hiệu học tập',
    // The table stays on screen while it fetches; the count under it comes with the rows.
    loaded: (main) => expect(main.getByText(/^[\d.]+ đối tượng$/)).toBeVisible(),
  },
  { menu: 'Giấy công nhận', heading: 'Sổ cấp giấy công nhận', loaded: (main) => expect(main.getByText(/Sổ chưa có giấy nào|\d+ giấy/)).toBeVisible() },
  {
    menu: 'Đơn vị hành chính',
    heading: 'Đơn vị hành chính',
    loaded: async (main) => {
      await expect(main.getByLabel('Cây đơn vị hành chính')).toContainText('Sa Rài');
      await expect(main.getByRole('tabpanel')).toBeVisible();
    },
  },
  { menu: 'Cơ quan, đơn vị', heading: 'Cơ quan, đơn vị', loaded: (main) => expect(main.getByRole('table', { name: 'Danh sách cơ quan' })).toContainText('Hội Khuyến học') },
  { menu: 'Kho minh chứng', heading: 'Kho minh chứng', loaded: (main) => expect(main.getByRole('tabpanel').getByRole('table')).toContainText('.pdf') },
  { menu: 'Cài đặt', heading: 'Cài đặt', loaded: (main) => expect(main.getByLabel('Tên cơ quan')).toHaveValue('Phòng Giáo dục và Đào tạo huyện Tân Hồng') },
  { menu: 'Sao lưu', heading: 'Sao lưu và khôi phục', loaded: (main) => expect(main.getByText('Chưa có bản sao lưu nào trong thư mục')).toBeVisible() },
  { menu: 'Gửi, nhận dữ liệu', heading: 'Gửi, nhận dữ liệu', loaded: (main) => expect(main.getByText('Chưa nhận gói dữ liệu nào')).toBeVisible() },
  { menu: 'Nhật ký thay đổi', heading: 'Nhật ký thay đổi', loaded: (main) => expect(main.getByRole('table', { name: 'Nhật ký thay đổi' })).toContainText('Tạo mới') },
  { menu: 'Tài khoản', heading: 'Tài khoản', loaded: (main) => expect(main.getByRole('table', { name: 'Danh sách tài khoản' })).toContainText('admin') },
];

test('every page of the menu has its accessibility test here', async ({ demoTab: page }) => {
  const menu = page.getByRole('navigation', { name: 'Chức năng chính' }).getByRole('menuitem');
  await expect(menu.first()).toBeVisible();
  expect((await menu.allInnerTexts()).sort()).toEqual(PAGES.map((p) => p.menu).sort());
});

for (const { menu, heading, loaded } of PAGES) {
  test(`${menu}: no WCAG 2 A or AA violation`, async ({ demoTab: page }) => {
    await page.getByRole('menuitem', { name: menu }).click();
    const main = page.getByRole('main');
    await expect(main.getByRole('heading', { name: heading, exact: true })).toBeVisible();
    await loaded(main);
    expect(await violations(page)).toEqual([]);
  });
}

interface PlanTab {
  tab: RegExp;
  loaded(panel: Locator): Promise<void>;
}

const PLAN_TABS: PlanTab[] = [
  { tab: /^Mục tiêu/, loaded: (panel) => expect(panel).toContainText('Xã, thị trấn đạt chuẩn xóa mù chữ mức độ 2') },
  { tab: /^Nhiệm vụ/, loaded: (panel) => expect(panel.getByRole('list', { name: 'Nhiệm vụ của kế hoạch' })).toContainText('Chủ trì') },
  { tab: /^Kế hoạch thành phần/, loaded: (panel) => expect(panel).toContainText('Quý IV năm 2021') },
  { tab: /^Nghĩa vụ báo cáo/, loaded: (panel) => expect(panel.getByRole('table')).toContainText('15/11') },
];

for (const { tab, loaded } of PLAN_TABS) {
  test(`the demo plan's tab ${tab.source.slice(1)}: no WCAG 2 A or AA violation`, async ({ demoTab: page }) => {
    await page.getByRole('menuitem', { name: 'Kế hoạch' }).click();
    await page.getByRole('table', { name: 'Danh sách kế hoạch' }).getByRole('link', { name: /Xây dựng xã hội học tập/ }).first().click();
    await page.getByRole('tab', { name: tab }).click();
    await expect(page.getByRole('tab', { name: tab })).toHaveAttribute('aria-selected', 'true');
    await loaded(page.getByRole('tabpanel'));
    expect(await violations(page)).toEqual([]);
  });
}
