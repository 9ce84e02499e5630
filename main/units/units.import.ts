import ExcelJS from 'exceljs';
import { AppError, type FieldIssue } from '../../shared/errors.js';
import { unitTypesOfLevel } from '../../shared/office.js';
import { foldText } from '../../shared/text.js';
import { FigureValues, MAX_IMPORT_BYTES, UnitCode, type UnitImportResult } from '../../shared/units.js';
import type { AppContext } from '../app/context.js';
import { inTransaction, type Tx } from '../db/records.js';
import { upsertYearlyInTx } from './unit-yearly.service.js';
import { findLiveUnitByCode, loadUnitTree } from './units.repo.js';
import { createUnitInTx, updateUnitInTx } from './units.service.js';

/** Columns of the sheet, by their folded header; the first four are required. */
const COLUMNS = {
  code: { header: 'mã', aliases: ['ma', 'ma don vi'] },
  name: { header: 'tên', aliases: ['ten', 'ten don vi'] },
  level: { header: 'cấp', aliases: ['cap', 'loai', 'loai don vi'] },
  parentCode: { header: 'mã đơn vị cha', aliases: ['ma don vi cha', 'ma cha', 'don vi cha'] },
  year: { header: 'năm', aliases: ['nam'] },
  households: { header: 'hộ gia đình', aliases: ['ho gia dinh', 'so ho'] },
  clans: { header: 'dòng họ', aliases: ['dong ho'] },
  adults: { header: 'người lớn', aliases: ['nguoi lon'] },
  workingAge: { header: 'độ tuổi lao động', aliases: ['do tuoi lao dong', 'trong do tuoi lao dong'] },
  officials: { header: 'cán bộ', aliases: ['can bo', 'can bo cc vc', 'can bo cong chuc vien chuc'] },
  organisations: { header: 'cơ quan, tổ chức', aliases: ['co quan to chuc', 'to chuc', 'co quan'] },
} as const;
type Column = keyof typeof COLUMNS;
const REQUIRED: Column[] = ['code', 'name', 'level', 'parentCode'];
const FIGURE_COLUMNS = ['households', 'clans', 'adults', 'workingAge', 'officials', 'organisations'] as const;

interface SheetRow {
  row: number;
  code: string;
  name: string;
  level: string;
  parentCode: string;
  year: number | null;
  figures: FigureValues | null;
}

/** Reads units from an .xlsx; a bad sheet is reported row by row (sheet, row, column, reason) and nothing is written. */
export async function importUnitsFromXlsx(ctx: AppContext, content: Buffer, dryRun: boolean): Promise<UnitImportResult> {
  if (content.length > MAX_IMPORT_BYTES) throw new AppError('IMPORT_INVALID', 'Tệp quá lớn (tối đa 10 MB).');
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(content as unknown as ArrayBuffer);
  } catch {
    throw new AppError('IMPORT_INVALID', 'Không đọc được tệp: tệp phải là bảng tính Excel .xlsx.');
  }
  const sheet = workbook.worksheets[0];
  if (!sheet) throw new AppError('IMPORT_INVALID', 'Tệp không có trang tính nào.');
  const issues: FieldIssue[] = [];
  const rows = readRows(sheet, issues);
  const plan = issues.length === 0 ? await planImport(ctx, sheet.name, rows, issues) : [];
  if (issues.length > 0) {
    throw new AppError('IMPORT_INVALID', `Bảng tính có ${issues.length} lỗi; chưa có gì được ghi.`, { issues });
  }
  const counts = { created: plan.filter((p) => p.existingId === null).length, updated: plan.filter((p) => p.existingId !== null).length };
  const figureRows = rows.filter((r) => r.figures !== null).length;
  if (dryRun) return { ...counts, figureRows, applied: false };
  await inTransaction(ctx, (tx) => applyImport(tx, ctx, plan, rows));
  return { ...counts, figureRows, applied: true };
}

function readRows(sheet: ExcelJS.Worksheet, issues: FieldIssue[]): SheetRow[] {
  const at = (row: number, column: string, message: string) => issues.push({ path: [sheet.name, row, column], message });
  const positions = new Map<Column, number>();
  sheet.getRow(1).eachCell((cell, col) => {
    const folded = foldText(cellText(cell.value));
    for (const [key, spec] of Object.entries(COLUMNS) as [Column, (typeof COLUMNS)[Column]][]) {
      if (folded === foldText(spec.header) || (spec.aliases as readonly string[]).includes(folded)) positions.set(key, col);
    }
  });
  for (const key of REQUIRED) if (!positions.has(key)) at(1, COLUMNS[key].header, `Thiếu cột "${COLUMNS[key].header}" ở dòng tiêu đề`);
  if (issues.length > 0) return [];
  const rows: SheetRow[] = [];
  for (let r = 2; r <= sheet.rowCount; r++) {
    const raw = sheet.getRow(r);
    const text = (key: Column) => {
      const col = positions.get(key);
      return col === undefined ? '' : cellText(raw.getCell(col).value).trim();
    };
    if (Object.keys(COLUMNS).every((k) => text(k as Column) === '')) continue;
    rows.push(readRow(r, text, (column, message) => at(r, COLUMNS[column].header, message)));
  }
  if (rows.length === 0) at(2, COLUMNS.code.header, 'Bảng tính không có dòng dữ liệu nào');
  return rows;
}

function readRow(row: number, text: (key: Column) => string, fail: (column: Column, message: string) => void): SheetRow {
  const code = text('code');
  const codeCheck = UnitCode.safeParse(code);
  if (!codeCheck.success) fail('code', codeCheck.error.issues[0]?.message ?? 'Mã không hợp lệ');
  if (text('name') === '') fail('name', 'Thiếu tên đơn vị');
  if (text('level') === '') fail('level', 'Thiếu cấp của đơn vị');
  const hasFigures = FIGURE_COLUMNS.some((k) => text(k) !== '');
  let year: number | null = null;
  if (text('year') !== '' || hasFigures) {
    year = Number(text('year'));
    if (!Number.isInteger(year) || year < 2000 || year > 2100) {
      fail('year', text('year') === '' ? 'Có số liệu thì phải ghi năm' : `Năm "${text('year')}" không hợp lệ (2000–2100)`);
      year = null;
    }
  }
  let figures: FigureValues | null = null;
  if (hasFigures) {
    const values = Object.fromEntries(FIGURE_COLUMNS.map((k) => [k, text(k) === '' ? 0 : Number(text(k).replace(/[.\s]/g, ''))]));
    const parsed = FigureValues.safeParse(values);
    if (parsed.success) figures = parsed.data;
    else for (const issue of parsed.error.issues) fail(issue.path[0] as Column, issue.message);
  }
  return { row, code, name: text('name'), level: text('level'), parentCode: text('parentCode'), year, figures };
}

function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'object') {
    if ('richText' in value) return value.richText.map((t) => t.text).join('');
    if ('result' in value) return cellText(value.result as ExcelJS.CellValue);
    if ('text' in value) return String(value.text);
    if (value instanceof Date) return value.toISOString().slice(0, 10);
  }
  return String(value);
}

interface PlannedUnit {
  code: string;
  name: string;
  type: string;
  parentCode: string | null;
  existingId: string | null;
}

/** Resolves parents and levels against the database and the sheet itself; every problem becomes an issue. */
async function planImport(ctx: AppContext, sheetName: string, rows: SheetRow[], issues: FieldIssue[]): Promise<PlannedUnit[]> {
  const fail = (row: number, column: string, message: string) => issues.push({ path: [sheetName, row, column], message });
  const office = await ctx.db.selectFrom('office').select(['levelNames', 'rootUnitId']).executeTakeFirst();
  if (!office) throw new AppError('NOT_SET_UP', 'Cơ quan chưa được thiết lập.');
  const levelNames = JSON.parse(office.levelNames) as string[];
  const tree = await loadUnitTree(ctx.db);
  const existing = new Map(tree.map((u) => [u.code, u]));
  const root = tree.find((u) => u.id === office.rootUnitId);
  const firstRow = new Map<string, SheetRow>();
  for (const r of rows) {
    const seen = firstRow.get(r.code);
    if (!seen) firstRow.set(r.code, r);
    else if (seen.name !== r.name || seen.parentCode !== r.parentCode || seen.level !== r.level) {
      fail(r.row, COLUMNS.code.header, `Mã "${r.code}" đã có ở dòng ${seen.row} với tên, cấp hoặc đơn vị cha khác`);
    }
  }
  const depthOf = new Map<string, number>();
  const resolveDepth = (code: string, trail: Set<string>): number | null => {
    if (depthOf.has(code)) return depthOf.get(code)!;
    const r = firstRow.get(code);
    if (!r) return existing.get(code)?.depth ?? null;
    if (trail.has(code)) return null;
    trail.add(code);
    const parentCode = r.parentCode === '' ? (root?.code ?? '') : r.parentCode;
    const parentDepth = resolveDepth(parentCode, trail);
    const depth = parentDepth === null ? null : parentDepth + 1;
    if (depth !== null) depthOf.set(code, depth);
    return depth;
  };
  const planned: PlannedUnit[] = [];
  for (const r of firstRow.values()) {
    const parentCode = r.parentCode === '' ? (root?.code ?? null) : r.parentCode;
    if (r.code === root?.code) {
      fail(r.row, COLUMNS.code.header, `Mã "${r.code}" là địa bàn gốc của cơ quan, không nhập lại được`);
      continue;
    }
    if (parentCode !== null && !firstRow.has(parentCode) && !existing.has(parentCode)) {
      fail(r.row, COLUMNS.parentCode.header, `Không có đơn vị mã "${parentCode}" trong bảng tính hay trong dữ liệu`);
      continue;
    }
    const depth = resolveDepth(r.code, new Set());
    if (depth === null) {
      fail(r.row, COLUMNS.parentCode.header, 'Đơn vị cha tạo thành vòng lặp (đơn vị là cha của chính nó)');
      continue;
    }
    const type = matchType(r.level, levelNames[depth]);
    if (type === null) {
      const expected = levelNames[depth] ?? '(không có cấp này)';
      fail(r.row, COLUMNS.level.header, `Cấp "${r.level}" không khớp cấp ${depth} của cây đơn vị: ${expected}`);
      continue;
    }
    planned.push({ code: r.code, name: r.name, type, parentCode, existingId: existing.get(r.code)?.id ?? null });
  }
  return planned.sort((a, b) => (depthOf.get(a.code) ?? 0) - (depthOf.get(b.code) ?? 0));
}

/** The unit type a "cấp" cell names at this depth: one of the level's types, or the level's own name. */
function matchType(cell: string, levelName: string | undefined): string | null {
  if (levelName === undefined) return cell;
  const folded = foldText(cell);
  if (folded === foldText(levelName)) return unitTypesOfLevel(levelName)[0] ?? cell;
  return unitTypesOfLevel(levelName).find((t) => foldText(t) === folded) ?? null;
}

async function applyImport(tx: Tx, ctx: AppContext, planned: PlannedUnit[], rows: SheetRow[]): Promise<void> {
  const ids = new Map<string, string>();
  for (const p of planned) {
    const parent = p.parentCode === null ? null : (ids.get(p.parentCode) ?? (await findLiveUnitByCode(tx, p.parentCode))?.id ?? null);
    const current = await findLiveUnitByCode(tx, p.code);
    if (current) {
      await updateUnitInTx(tx, ctx, current, { name: p.name, type: p.type, parentId: parent });
      ids.set(p.code, current.id);
    } else {
      ids.set(p.code, (await createUnitInTx(tx, ctx, { code: p.code, name: p.name, type: p.type, parentId: parent })).id);
    }
  }
  for (const r of rows) {
    const unitId = ids.get(r.code);
    if (r.figures && r.year !== null && unitId) await upsertYearlyInTx(tx, ctx, 'unitFigures', unitId, r.year, r.figures);
  }
}
