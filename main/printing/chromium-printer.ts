import { existsSync } from 'node:fs';
import { chromium, type Browser } from 'playwright-core';
import { AppError } from '../../shared/errors.js';
import type { PdfPrinter } from '../app/printer.js';

const CANDIDATES = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'];

/** Flags that keep a headless Chromium quiet on an offline office PC (no update checks, no sync). */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

export function findChromium(): string | null {
  const fromEnv = process.env.XHHT_CHROMIUM;
  if (fromEnv && existsSync(fromEnv)) return fromEnv;
  return CANDIDATES.find((p) => existsSync(p)) ?? null;
}

/** Prints with a Chromium on this machine, launched on first use and kept for later prints. */
export function chromiumPrinter(): PdfPrinter & { close(): Promise<void> } {
  let browser: Promise<Browser> | null = null;
  const launch = () => {
    const executablePath = findChromium();
    if (!executablePath) {
      throw new AppError('INTERNAL', 'Không tìm thấy trình duyệt Chromium để in PDF. Hãy cài Chromium (Debian: apt-get install chromium).');
    }
    browser ??= chromium.launch({ executablePath, args: CHROMIUM_ARGS });
    return browser;
  };
  return {
    async printToPdf(html, { landscape }) {
      const page = await (await launch()).newPage();
      try {
        await page.setContent(html, { waitUntil: 'load' });
        return await page.pdf({ format: 'A4', landscape, printBackground: true, preferCSSPageSize: true });
      } finally {
        await page.close();
      }
    },
    async close() {
      if (browser) await (await browser).close();
      browser = null;
    },
  };
}
