export { cellNumber, cellText, openBoundedSheet, type BoundedSheet, type CellValue, type SheetLimits, type SheetRow } from './bounded-sheet.js';
export { columnLetters } from './workbook-parts.js';
export { readStagedSheet } from './staged-sheet.js';
export { addTableSheet, firstDataRowOf, fitColumnWidth, orientationFor, type TableCell, type TableColumn, type TableFormula, type TableLayout, type TableSheetSpec } from './table-sheet.js';
export { XLSX_ZIP_LIMITS, type ZipLimits } from './zip-check.js';
export { officeNameOf, writeXlsx, xlsxFile, xlsxFileName, type ListCell, type ListColumn, type ListHeading, type ListSheet } from './list-sheet.js';
