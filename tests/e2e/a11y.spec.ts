import AxeBuilder from '@axe-core/playwright';
import { expect, test } from './fixtures.js';

const PAGES: [string, string][] = [
  ['Tổng quan', 'Tổng quan'],
  ['Kế hoạch', 'Kế hoạch'],
  ['Nhiệm vụ', 'Nhiệm vụ'],
  ['Việc của cơ quan', 'Việc của từng cơ quan'],
  ['Báo cáo định kỳ', 'Báo cáo định kỳ'],
  ['Đơn vị hành chính', 'Đơn vị hành chính'],
  ['Cơ quan, đơn vị', 'Cơ quan, đơn vị'],
  ['Cài đặt', 'Cài đặt'],
];

test('every page of the demo, and each tab of a plan, passes the axe checks for WCAG 2 A and AA', async ({ page, demo }) => {
  await page.goto(demo.url);
  const found: string[] = [];
  for (const [menu, heading] of PAGES) {
    await page.getByRole('menuitem', { name: menu }).click();
    await expect(page.getByRole('heading', { name: heading }).first()).toBeVisible();
    await page.waitForLoadState('networkidle');
    const result = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa']).analyze();
    for (const v of result.violations) found.push(`${menu}: ${v.id} (${v.nodes.length}) ${v.help} — ${v.nodes[0]?.target.join(' ')}`);
  }
  await page.getByRole('menuitem', { name: 'Kế hoạch' }).click();
  await page.getByRole('link', { name: /Xây dựng xã hội học tập/ }).first().click();
  for (const tab of [/Mục tiêu/, /Nhiệm vụ/, /Kế hoạch thành phần/, /Nghĩa vụ báo cáo/]) {
    await page.getByRole('tab', { name: tab }).click();
    await page.waitForLoadState('networkidle');
    const result = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa']).analyze();
    for (const v of result.violations) found.push(`${tab.source}: ${v.id} (${v.nodes.length}) ${v.help} — ${v.nodes[0]?.target.join(' ')}`);
  }
  expect(found).toEqual([]);
});
