import type { BrowserContextOptions } from '@playwright/test';

/**
 * What every browser context of the suite looks like: the config's `use` and
 * the worker-scoped tab in fixtures.ts both take it, so they cannot drift apart.
 */
export const CONTEXT_OPTIONS = {
  locale: 'vi-VN',
  timezoneId: 'Asia/Ho_Chi_Minh',
  viewport: { width: 1440, height: 900 },
} satisfies BrowserContextOptions;
