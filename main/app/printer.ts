/**
 * Turns a complete HTML page (fonts embedded) into an A4 PDF. Electron uses
 * webContents.printToPDF; the CLI, the HTTP host and the tests use Chromium.
 */
export interface PdfPrinter {
  printToPdf(html: string, options: { landscape: boolean }): Promise<Buffer>;
}
