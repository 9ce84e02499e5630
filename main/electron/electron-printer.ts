import { BrowserWindow } from 'electron';
import type { PdfPrinter } from '../app/printer.js';

/** Prints with Electron's own Chromium in a hidden, script-free window. */
export function electronPrinter(): PdfPrinter {
  return {
    async printToPdf(html, { landscape }) {
      const window = new BrowserWindow({ show: false, webPreferences: { javascript: false, sandbox: true, contextIsolation: true, nodeIntegration: false } });
      try {
        await window.loadURL(`data:text/html;charset=utf-8;base64,${Buffer.from(html).toString('base64')}`);
        return await window.webContents.printToPDF({ pageSize: 'A4', landscape, printBackground: true, preferCSSPageSize: true });
      } finally {
        window.destroy();
      }
    },
  };
}
