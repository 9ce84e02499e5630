import { defineConfig } from '@playwright/test';
import { CHROMIUM_ARGS } from '../../main/printing/chromium-printer.js';
import { CONTEXT_OPTIONS } from './browser-options.js';

/**
 * Drives the real UI in Debian's Chromium through `xhht serve`; Playwright downloads no browser.
 *
 * Budgets come from measurement on the 2-core machine, loaded by two spinning
 * processes (`node -e "for(;;){}"`) on top of other work, and are about 3× the
 * slowest loaded run: a test's body took at most 13 s there (the one-page
 * accessibility checks 3–11 s), a single wait at most 7 s (19 s once, with the
 * load average near 20). Longer flows set their own budget beside their
 * measurement; starting servers has its own (fixtures.ts). A failure is a
 * failure: nothing is retried.
 */
export default defineConfig({
  testDir: '.',
  testMatch: '**/*.spec.ts',
  outputDir: '../../test-results/e2e-artifacts',
  globalSetup: './global-setup.ts',
  // One worker: the suite shares two cores with the server and Chromium, and a
  // second worker would seed a second demo territory.
  fullyParallel: false,
  workers: 1,
  retries: 0,
  forbidOnly: !!process.env.CI,
  timeout: 60_000,
  expect: { timeout: 30_000 },
  reporter: [['list']],
  use: {
    ...CONTEXT_OPTIONS,
    launchOptions: { executablePath: process.env.XHHT_CHROMIUM ?? '/usr/bin/chromium', args: CHROMIUM_ARGS },
    // Traces keep DOM snapshots but no screencast: encoding frames costs CPU the busy machine lacks.
    trace: { mode: 'retain-on-failure', screenshots: false },
    screenshot: 'only-on-failure',
  },
});
