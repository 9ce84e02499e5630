import type { PdfPrinter } from '../app/printer.js';
import { withPrintWindow } from './print-window.js';

/** Prints with Electron's own Chromium in a hidden, script-free window. */
export function electronPrinter(): PdfPrinter {
  return {
    printToPdf: (html, { landscape }) =>
      withPrintWindow(html, (window) => window.webContents.printToPDF({ pageSize: 'A4', landscape, printBackground: true, preferCSSPageSize: true })),
  };
}
