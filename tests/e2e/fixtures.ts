import { test as base, expect, type Locator, type Page } from '@playwright/test';
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';

export const SCREENSHOT_DIR = join(process.cwd(), 'test-results', 'screenshots');

interface Served {
  url: string;
  dataDir: string;
}

const CLI = ['--import', 'tsx', 'main/cli/xhht.ts'];

/**
 * Starts `xhht serve` on a fresh data directory — empty, with an office set
 * up by `init`, or with the demo territory — and stops it after the test.
 */
async function startServe(mode: 'empty' | 'office' | 'demo'): Promise<{ served: Served; stop(): void }> {
  const dataDir = join(mkdtempSync(join(tmpdir(), 'xhht-e2e-')), 'data');
  if (mode === 'office') {
    const init = spawnSync(process.execPath, [...CLI, 'init', '--data-dir', dataDir, '--office-name', 'Phòng GD&ĐT huyện Tân Hồng', '--office-code', '870', '--level', 'huyen', '--province', 'Đồng Tháp'], { encoding: 'utf8' });
    if (init.status !== 0) throw new Error(`xhht init failed: ${init.stderr}`);
  }
  const args = [...CLI, 'serve', '--data-dir', dataDir, '--port', '0', ...(mode === 'demo' ? ['--demo'] : [])];
  const child: ChildProcess = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'inherit'] });
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('xhht serve did not print its URL within 60 s')), 60_000);
    createInterface({ input: child.stdout! }).on('line', (line) => {
      const match = /^XHHT listening at (\S+)$/.exec(line);
      if (match) {
        clearTimeout(timer);
        resolve(match[1]!);
      }
    });
    child.once('exit', (code) => reject(new Error(`xhht serve exited with ${code}`)));
  });
  return {
    served: { url, dataDir },
    stop: () => {
      child.kill('SIGTERM');
      rmSync(join(dataDir, '..'), { recursive: true, force: true });
    },
  };
}

function serveFixture(mode: 'empty' | 'office' | 'demo') {
  return async ({}, use: (served: Served) => Promise<void>) => {
    const { served, stop } = await startServe(mode);
    await use(served);
    stop();
  };
}

export const test = base.extend<{ fresh: Served; office: Served; demo: Served }>({
  fresh: serveFixture('empty'),
  office: serveFixture('office'),
  demo: serveFixture('demo'),
});

/** Saves a full-page screenshot under test-results/screenshots/ for a person to look at. */
export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  await page.waitForLoadState('networkidle');
  await page.screenshot({ path: join(SCREENSHOT_DIR, `${name}.png`), fullPage: true });
}

export { expect };

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** A form label, also when antd marks the field "(Tùy chọn)". */
export const label = (text: string) => new RegExp(`^${escapeRegExp(text)}(\\s*\\(Tùy chọn\\))?$`);

/**
 * Picks an option of an antd Select by its visible text (antd keeps a hidden
 * a11y list with the same role); `exact` demands the whole text, else it must start with it.
 */
export async function chooseOption(page: Page, field: Locator, option: string, exact = true): Promise<void> {
  await field.click();
  if (!exact && (await field.isEditable())) await field.fill(option);
  const text = new RegExp(`^${escapeRegExp(option)}${exact ? '$' : ''}`);
  await page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option').filter({ hasText: text }).first().click();
}

/**
 * The open dialog (by name, or the only one), once it has put the caret in its
 * first field: typing earlier races that focus move and lands in the wrong place.
 */
export async function openedDialog(page: Page, name?: string): Promise<Locator> {
  const dialog = name ? page.getByRole('dialog', { name }) : page.getByRole('dialog');
  await expect(dialog.locator('input:focus, textarea:focus')).toHaveCount(1);
  return dialog;
}
