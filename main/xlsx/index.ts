export { cellNumber, cellText, openBoundedSheet, type BoundedSheet, type CellValue, type SheetLimits, type SheetRow } from './bounded-sheet.js';
export { columnLetters } from './workbook-parts.js';
export { XLSX_ZIP_LIMITS, type ZipLimits } from './zip-check.js';
