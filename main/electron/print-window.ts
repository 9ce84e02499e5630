import { BrowserWindow } from 'electron';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * A hidden, script-free window holding one generated HTML document, for
 * printing it. The document is written to a private temp file and loaded from
 * there: a data: URL stops at Chromium's 2 MB URL limit, which a few hundred
 * certificates pass. The window has its own in-memory session, since the app's
 * session lets only app:// through.
 */
export async function withPrintWindow<T>(html: string, work: (window: BrowserWindow) => Promise<T>): Promise<T> {
  const dir = await mkdtemp(join(tmpdir(), 'xhht-in-'));
  const window = new BrowserWindow({
    show: false,
    webPreferences: { javascript: false, sandbox: true, contextIsolation: true, nodeIntegration: false, partition: 'xhht-print' },
  });
  // The document is ours and script-free; still, nothing it names may be fetched beyond its own file and inline data (the fonts).
  window.webContents.session.webRequest.onBeforeRequest((details, callback) => callback({ cancel: !/^(file|data):/.test(details.url) }));
  try {
    const file = join(dir, 'in.html');
    await writeFile(file, html, { mode: 0o600 });
    await window.loadFile(file);
    return await work(window);
  } finally {
    window.destroy();
    await rm(dir, { recursive: true, force: true });
  }
}

/**
 * Sends the document to a printer through the system print dialog (A4
 * landscape, backgrounds on, as the PDF). Resolves with false when the officer
 * closes the dialog without printing.
 */
export function printHtmlWithDialog(html: string): Promise<boolean> {
  return withPrintWindow(
    html,
    (window) =>
      new Promise<boolean>((resolve, reject) => {
        window.webContents.print({ silent: false, printBackground: true, landscape: true, pageSize: 'A4' }, (printed, reason) => {
          if (printed || reason === 'cancelled') resolve(printed);
          else reject(new Error(reason));
        });
      }),
  );
}
