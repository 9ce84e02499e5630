import { test as base, expect, type Page } from '@playwright/test';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';

export const SCREENSHOT_DIR = join(process.cwd(), 'test-results', 'screenshots');

interface Served {
  url: string;
  dataDir: string;
}

/** Starts `xhht serve` on a fresh data directory (with the demo territory when asked) and stops it after the test. */
async function startServe(demo: boolean): Promise<{ served: Served; stop(): void }> {
  const dataDir = join(mkdtempSync(join(tmpdir(), 'xhht-e2e-')), 'data');
  const args = ['--import', 'tsx', 'main/cli/xhht.ts', 'serve', '--data-dir', dataDir, '--port', '0', ...(demo ? ['--demo'] : [])];
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

export const test = base.extend<{ fresh: Served; demo: Served }>({
  fresh: async ({}, use) => {
    const { served, stop } = await startServe(false);
    await use(served);
    stop();
  },
  demo: async ({}, use) => {
    const { served, stop } = await startServe(true);
    await use(served);
    stop();
  },
});

/** Saves a full-page screenshot under test-results/screenshots/ for a person to look at. */
export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  await page.waitForLoadState('networkidle');
  await page.screenshot({ path: join(SCREENSHOT_DIR, `${name}.png`), fullPage: true });
}

export { expect };

/** Picks an option of an antd Select by its visible text (antd keeps a hidden a11y list with the same role). */
export async function chooseOption(page: Page, field: import('@playwright/test').Locator, option: string): Promise<void> {
  await field.click();
  await page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option').filter({ hasText: new RegExp(`^${option.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`) }).first().click();
}
