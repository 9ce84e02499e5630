import AxeBuilder from '@axe-core/playwright';
import { test as base, expect, type Locator, type Page } from '@playwright/test';
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { cpSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import type { OfficeSetupInput } from '../../shared/office.js';
import { CONTEXT_OPTIONS } from './browser-options.js';

export const SCREENSHOT_DIR = join(process.cwd(), 'test-results', 'screenshots');

interface Served {
  url: string;
  dataDir: string;
}

const CLI = ['--import', 'tsx', 'main/cli/xhht.ts'];

/**
 * Budgets for starting servers, kept apart from the tests' own budgets. A
 * server started in 5 s (8 s loaded, 21 s with the load average near 20);
 * seeding the demo took 6 s (35 s near 20).
 */
const START_BUDGET = 60_000;
const DEMO_START_BUDGET = 120_000;

const OFFICE: OfficeSetupInput = {
  name: 'Phòng GD&ĐT huyện Tân Hồng',
  code: '870',
  level: 'huyen',
  territoryName: 'Tân Hồng',
  territoryType: 'Huyện',
  territoryCode: '870',
  provinceName: 'Đồng Tháp',
};

/**
 * Sets the office up through the API the setup page calls: starting a second
 * process for `xhht init` cost as much as the server's own start.
 */
async function setUpOffice(url: string, session: string): Promise<void> {
  await apiCall(url, 'office.setup', OFFICE, session);
}

/** The demo's administrator (`xhht demo` makes it; main/accounts/accounts-cli.ts), also made first on an empty folder. */
export const ADMIN = { name: 'Quản trị (dữ liệu mẫu)', login: 'admin', password: 'xhht-demo' } as const;

/** Calls one op as a page would, with the server's token and, when given, a session; throws with the op's message on failure. */
export async function apiCall<T = unknown>(url: string, op: string, input: unknown, session?: string): Promise<T> {
  const envelope = await rawApiCall(url, op, input, session);
  if (!envelope.ok) throw new Error(`${op} failed: ${JSON.stringify(envelope.error)}`);
  return envelope.data as T;
}

export async function rawApiCall(url: string, op: string, input: unknown, session?: string): Promise<{ ok: boolean; data?: unknown; error?: { code: string; message: string } }> {
  const token = /#token=([\w-]+)/.exec(url)?.[1];
  const response = await fetch(new URL(`/api/${op}`, url), {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}`, ...(session ? { 'x-xhht-session': session } : {}) },
    body: JSON.stringify(input),
  });
  return (await response.json()) as { ok: boolean; data?: unknown; error?: { code: string; message: string } };
}

/**
 * Logs the administrator in through the API (creating it first on a folder
 * without accounts), so every page the test opens at the URL starts logged in:
 * the renderer takes the session from the fragment, as it takes the token.
 */
async function logInAdmin(url: string): Promise<string> {
  const { needsFirstAdmin } = await apiCall<{ needsFirstAdmin: boolean }>(url, 'session.current', {});
  const op = needsFirstAdmin ? 'accounts.createFirstAdmin' : 'session.login';
  const input = needsFirstAdmin ? ADMIN : { login: ADMIN.login, password: ADMIN.password };
  return (await apiCall<{ sessionToken: string }>(url, op, input)).sessionToken;
}

/**
 * How long a server may take to stop on SIGTERM before it is killed. It stops
 * in well under a second (the host cuts the browser's idle and preconnected
 * sockets, which once held it past 60 s, and serve gives up by itself after
 * 5 s); this is only a safety net, and the line it writes names a bug.
 */
const STOP_GRACE = 10_000;

const newDataDir = () => join(mkdtempSync(join(tmpdir(), 'xhht-e2e-')), 'data');

/** A data directory holding the demo territory, made once per worker by `xhht demo` and copied for each server that needs it. */
async function seedDemo(): Promise<string> {
  const dataDir = newDataDir();
  const child = spawn(process.execPath, [...CLI, 'demo', '--data-dir', dataDir], { stdio: ['ignore', 'ignore', 'inherit'] });
  const kill = () => child.kill('SIGTERM');
  process.once('exit', kill);
  const [code] = (await once(child, 'exit')) as [number | null];
  process.off('exit', kill);
  if (code !== 0) throw new Error(`xhht demo exited with ${code} (its stderr is above)`);
  return dataDir;
}

/**
 * Starts `xhht serve` on a fresh data directory — empty, with an office set
 * up, or a copy of the demo territory. Whatever ends the worker also ends the
 * server, so a failed or timed-out start leaves no process behind.
 */
async function startServe(mode: 'empty' | 'office' | { copyOf: string }): Promise<{ served: Served; stop(): Promise<void> }> {
  const dataDir = newDataDir();
  if (typeof mode === 'object') cpSync(mode.copyOf, dataDir, { recursive: true });
  const args = [...CLI, 'serve', '--data-dir', dataDir, '--port', '0'];
  const child: ChildProcess = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'inherit'] });
  const killNow = () => child.kill('SIGKILL');
  process.once('exit', killNow);
  const url = await new Promise<string>((resolve, reject) => {
    createInterface({ input: child.stdout! }).on('line', (line) => {
      const match = /^XHHT listening at (\S+)$/.exec(line);
      if (match) resolve(match[1]!);
    });
    child.once('error', reject);
    child.once('exit', (code) => reject(new Error(`xhht serve exited with ${code} before printing its URL (its stderr is above)`)));
  });
  const session = await logInAdmin(url);
  if (mode === 'office') await setUpOffice(url, session);
  return {
    served: { url: `${url}&session=${session}`, dataDir },
    stop: async () => {
      process.off('exit', killNow);
      if (child.exitCode === null && child.signalCode === null) {
        const exited = once(child, 'exit');
        child.kill('SIGTERM');
        // A server that does not stop must not hold the suite; say so, since that is a bug of its own.
        const overdue = setTimeout(() => {
          process.stderr.write(`xhht serve (pid ${child.pid}) was still running ${STOP_GRACE / 1000} s after SIGTERM; killed\n`);
          killNow();
        }, STOP_GRACE);
        await exited;
        clearTimeout(overdue);
      }
      rmSync(join(dataDir, '..'), { recursive: true, force: true });
    },
  };
}

async function serving(mode: Parameters<typeof startServe>[0], use: (served: Served) => Promise<void>): Promise<void> {
  const { served, stop } = await startServe(mode);
  await use(served);
  await stop();
}

/**
 * Servers, each on its own data directory:
 * - `fresh` (no office yet), `office` (set up, nothing else) and `demo` (the
 *   demo territory) are new for each test, which may write to them;
 * - `sharedDemo` is one demo server for the whole worker, for tests that only
 *   read (or check an import without applying it) and so leave it as they found it;
 * - `demoTab` is one tab on `sharedDemo` kept open for the worker, for tests that
 *   only move through the menu and look, so they share one page load.
 * Seeding the demo is the slowest start, so each worker seeds it once and copies it.
 */
export const test = base.extend<{ fresh: Served; office: Served; demo: Served }, { demoSeed: string; sharedDemo: Served; demoTab: Page }>({
  fresh: [({}, use) => serving('empty', use), { timeout: START_BUDGET }],
  office: [({}, use) => serving('office', use), { timeout: START_BUDGET }],
  demo: [({ demoSeed }, use) => serving({ copyOf: demoSeed }, use), { timeout: START_BUDGET }],
  demoSeed: [
    async ({}, use) => {
      const dataDir = await seedDemo();
      await use(dataDir);
      rmSync(join(dataDir, '..'), { recursive: true, force: true });
    },
    { scope: 'worker', timeout: DEMO_START_BUDGET },
  ],
  sharedDemo: [({ demoSeed }, use) => serving({ copyOf: demoSeed }, use), { scope: 'worker', timeout: START_BUDGET }],
  demoTab: [
    async ({ browser, sharedDemo }, use) => {
      const context = await browser.newContext(CONTEXT_OPTIONS);
      const tab = await context.newPage();
      await tab.goto(sharedDemo.url);
      await use(tab);
      await context.close();
    },
    { scope: 'worker', timeout: START_BUDGET },
  ],
});

/**
 * Saves a full-page screenshot under test-results/screenshots/ for a person to
 * look at. The caller waits for the state worth showing first; animations are
 * settled so the picture does not depend on timing.
 */
export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  await page.screenshot({ path: join(SCREENSHOT_DIR, `${name}.png`), fullPage: true, animations: 'disabled' });
}

export { expect };

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** A form label, also when antd marks the field "(Tùy chọn)". */
export const label = (text: string) => new RegExp(`^${escapeRegExp(text)}(\\s*\\(Tùy chọn\\))?$`);

/** Choices made before chooseOption gives up; a lost choice is seen at once or within one attempt's budget. */
const CHOICE_ATTEMPTS = 3;
const CHOICE_ATTEMPT_BUDGET = 10_000;

/**
 * Picks an option of an antd Select by its visible text (antd keeps a hidden
 * a11y list with the same role); `exact` demands the whole text, else it must start with it.
 *
 * Returns once the select shows the choice. Under load a click on an option
 * sometimes did not take — the list stayed open and the select kept its old
 * value — so the state decides: the option is clicked once its list has stopped
 * animating, and a choice the select does not show (its list closed without it,
 * or still open without it after a budget) is made again, said on stderr. The
 * option is taken from this select's own list, never from another select's
 * list that is still on its way out.
 */
export async function chooseOption(page: Page, field: Locator, option: string, exact = true): Promise<void> {
  const text = new RegExp(`^${escapeRegExp(option)}${exact ? '$' : ''}`);
  const select = field.locator('xpath=ancestor::*[contains(concat(" ", normalize-space(@class), " "), " ant-select ")][1]');
  // What the select shows: a single select's value (the content's title), a multiple select's tags.
  const shown = select.locator('.ant-select-content[title], .ant-select-content-value[title], .ant-select-selection-item-content').filter({ hasText: text });
  // The list once its opening animation is over: a click while antd still lays the list out was lost under load (the list stayed open, unchosen).
  const openList = '.ant-select-dropdown:not(.ant-select-dropdown-hidden):not([class*="-appear"]):not([class*="-enter"]):not([class*="-leave"])';
  // This select's own list, named by the input's aria-controls once open (a select outside a form has no id of its own).
  const choiceIn = (listId: string | null) =>
    (listId ? page.locator(openList).filter({ has: page.locator(`[id="${listId}"]`) }) : page.locator(openList))
      .locator('.ant-select-item-option')
      .filter({ hasText: text })
      .first();
  const isShown = async () => (await shown.count()) > 0;
  const isOpen = async () => (await field.getAttribute('aria-expanded')) === 'true';
  for (let attempt = 1; attempt <= CHOICE_ATTEMPTS; attempt++) {
    if (await isShown()) return;
    let step = 'opening the list';
    try {
      if (!(await isOpen())) await field.click({ timeout: CHOICE_ATTEMPT_BUDGET });
      step = 'typing the option';
      if (!exact && (await field.isEditable())) await field.fill(option, { timeout: CHOICE_ATTEMPT_BUDGET });
      step = 'clicking the option';
      await choiceIn(await field.getAttribute('aria-controls')).click({ timeout: CHOICE_ATTEMPT_BUDGET });
      step = 'waiting for the select to show it';
      // A single select closes its list in the same render that shows the value, so closed without it means the choice was lost.
      await expect.poll(async () => (await isShown()) || !(await isOpen()), { timeout: CHOICE_ATTEMPT_BUDGET }).toBe(true);
    } catch {
      // The next attempt starts from the state the select is in.
    }
    if (!(await isShown())) {
      // Said out loud, like a server that had to be killed: a choice that needs a second try is worth knowing about.
      process.stderr.write(`chooseOption: "${option}" not shown after choice ${attempt} (${step}; list ${(await isOpen()) ? 'open' : 'closed'})\n`);
    }
  }
  await expect(shown.first(), `the select shows "${option}" after ${CHOICE_ATTEMPTS} choices`).toBeVisible({ timeout: 1 });
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

/** The WCAG 2 A and AA violations on what the page shows now, one line each. */
export async function accessibilityViolations(page: Page): Promise<string[]> {
  // Legacy mode runs axe inside the page instead of merging results in a second,
  // blank page; the app has no frames, and that extra page made a check 8–10 s instead of 4 s under load.
  const result = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa']).setLegacyMode(true).analyze();
  return result.violations.map((v) => `${v.id} (${v.nodes.length}) ${v.help} — ${v.nodes[0]?.target.join(' ')}`);
}

/** No violation on what the page shows now, with the pointer moved off the button it just clicked (a hovered button has the theme's lighter hover colour). */
export async function expectAccessible(page: Page): Promise<void> {
  await page.mouse.move(0, 0);
  expect(await accessibilityViolations(page)).toEqual([]);
}
