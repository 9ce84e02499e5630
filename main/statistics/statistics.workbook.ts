import { rename, rm } from 'node:fs/promises';
import type { Writable } from 'node:stream';
import ExcelJS from 'exceljs';
import { formatDateVi } from '../../shared/dates.js';
import { AppError } from '../../shared/errors.js';
import { POPULATION_FIGURE_LABELS, type MeasureKind } from '../../shared/plan-model.js';
import { FIGURE_LABELS, type FigureValues } from '../../shared/units.js';
import {
  STANDARD_COLUMNS,
  STANDARD_FULL_LABELS,
  actualInMeasure,
  communeTotalRule,
  coverageLine,
  measureUnit,
  milestoneForYear,
  shareCell,
  standardCells,
  statisticsFileName,
  TITLE_SHARES,
} from '../../shared/statistics.js';
import { cumulativeActual, milestonesForUnit, progressLabel } from '../../shared/target-progress.js';
import type { ActualDto, MilestoneDto, TargetDto } from '../../shared/targets.js';
import { TITLE_LABELS, TitleKind } from '../../shared/titles-criteria.js';
import type { ReadDb } from '../db/records.js';
import { loadOffice } from '../office/index.js';
import { listFollowedPlanRows, type PlansTable } from '../plan-documents/index.js';
import { listTargetsOfPlans } from '../targets/index.js';
import { countRecognitions } from '../titles/index.js';
import { loadEducationForYear, loadFiguresForYear, loadUnitTree } from '../units/index.js';
import { addTableSheet, columnLetters, firstDataRowOf, type TableCell, type TableColumn, type TableSheetSpec } from '../xlsx/index.js';

export interface StatisticsOptions {
  year: number;
  /**
   * The day the tables are made (ISO): targets are judged as of this day, or
   * as of 31/12 of the year when the year is over. Defaults to the system date;
   * the app passes its own clock.
   */
  today?: string;
}

export interface StatisticsSummary {
  fileName: string;
  year: number;
  communes: number;
  hasData: boolean;
  /** Sheet names, in order. */
  sheets: string[];
}

const FIGURE_KEYS = Object.keys(FIGURE_LABELS) as (keyof FigureValues)[];
const TITLE_KINDS = TitleKind.options;
const PERCENT_FMT = '0.00';

interface Commune {
  id: string;
  code: string;
  label: string;
  name: string;
}

/** Everything the tables show, read once. */
async function loadStatistics(db: ReadDb, year: number, asOf: string) {
  const office = await loadOffice(db);
  if (!office) throw new AppError('VALIDATION', 'Chưa thiết lập cơ quan: chưa có địa bàn để lập biểu thống kê.');
  const tree = await loadUnitTree(db);
  const communes: Commune[] = tree.filter((u) => u.depth === 1).map((u) => ({ id: u.id, code: u.code, name: u.name, label: `${u.type} ${u.name}` }));
  const ids = new Set(communes.map((c) => c.id));
  const figures = new Map((await loadFiguresForYear(db, year)).filter((r) => ids.has(r.unitId)).map((r) => [r.unitId, r]));
  const education = new Map((await loadEducationForYear(db, year)).filter((r) => ids.has(r.unitId)).map((r) => [r.unitId, r]));
  const recognitions = await countRecognitions(db, { year });
  const plans = await listFollowedPlanRows(db);
  const targets = await listTargetsOfPlans(db, plans, asOf);
  return { office, root: tree.find((u) => u.depth === 0), communes, figures, education, recognitions, plans, targets };
}
type Statistics = Awaited<ReturnType<typeof loadStatistics>>;
/** What every table of the workbook shares: the office and the subtitle. */
type SheetBase = Pick<TableSheetSpec, 'office' | 'subtitle'>;

/** The actual set against a milestone in the year: the year's own, or for a cumulative total the sum of the period so far. */
function actualFor(actuals: ActualDto[], milestone: MilestoneDto, year: number, periodStart: number): ActualDto | null {
  if (milestone.span === 'cumulative') return cumulativeActual(actuals, periodStart, year);
  const ofYear = actuals.filter((a) => a.year === year);
  return ofYear.find((a) => a.origin === 'computed') ?? ofYear[0] ?? null;
}

const unitWords = (m: Pick<MilestoneDto, 'kind' | 'total'>) => (m.kind === 'unitCount' && m.total ? `${measureUnit(m.kind)} /${m.total}` : measureUnit(m.kind));
const numFmtOf = (kind: MeasureKind) => (kind === 'percent' ? PERCENT_FMT : '#,##0');
const targetName = (t: TargetDto, n: number) => t.code || `MT ${n}`;
const short = (text: string, max: number) => (text.length <= max ? text : `${text.slice(0, max - 1).trimEnd()}…`);

function figuresSheet(s: Statistics, base: SheetBase, year: number): TableSheetSpec {
  const rows = s.communes.map((c, n): TableCell[] => {
    const f = s.figures.get(c.id);
    return [n + 1, c.code, c.label, ...FIGURE_KEYS.map((k) => (f ? f[k] : null))];
  });
  const missing = s.communes.filter((c) => !s.figures.has(c.id));
  return {
    ...base,
    name: 'Biểu 1 - Số liệu',
    title: `BIỂU 1. SỐ LIỆU CƠ BẢN CỦA CÁC XÃ NĂM ${year}`,
    columns: [{ header: 'STT' }, { header: 'Mã' }, { header: 'Đơn vị' }, ...FIGURE_KEYS.map((k): TableColumn => ({ header: POPULATION_FIGURE_LABELS[k], group: 'Số liệu trong năm', total: 'sum' }))],
    rows,
    totalLabel: 'Tổng cộng',
    labelColumns: 3,
    notes: [coverageLine(s.figures.size, s.communes.map((c) => ({ name: c.name, reported: s.figures.has(c.id) })), year), ...(missing.length > 0 ? ['Ô trống: xã chưa nhập số liệu năm này; dòng Tổng cộng chỉ cộng các xã đã có.'] : [])],
  };
}

function educationSheet(s: Statistics, base: SheetBase, year: number): TableSheetSpec {
  return {
    ...base,
    name: 'Biểu 2 - Giáo dục',
    title: `BIỂU 2. XÓA MÙ CHỮ, PHỔ CẬP GIÁO DỤC VÀ TRUNG TÂM HỌC TẬP CỘNG ĐỒNG NĂM ${year}`,
    columns: [{ header: 'STT' }, { header: 'Mã' }, { header: 'Đơn vị' }, ...STANDARD_COLUMNS.map((c): TableColumn => ({ header: c.header, group: c.group, total: 'sum' }))],
    rows: s.communes.map((c, n) => [n + 1, c.code, c.label, ...standardCells(s.education.get(c.id))]),
    totalLabel: 'Số xã đạt',
    labelColumns: 3,
    notes: [
      coverageLine(s.education.size, s.communes.map((c) => ({ name: c.name, reported: s.education.has(c.id) })), year),
      '1 = đạt, 0 = chưa đạt; ô trống: xã chưa nhập tình trạng năm này. Dòng "Số xã đạt" cộng các ô của cột.',
      `Các cột, theo thứ tự: ${STANDARD_FULL_LABELS.join('; ')}.`,
    ],
  };
}

/**
 * Recognitions per commune and title, and beside them each share of the
 * yearly figure it is counted over, as formulas on Biểu 1's cells: correcting
 * a commune's households there corrects its share of learning families here.
 */
function titlesSheet(s: Statistics, base: SheetBase, year: number, figures: TableSheetSpec): TableSheetSpec {
  const counts = new Map<string | null, Map<TitleKind, number>>();
  for (const r of s.recognitions) {
    const byTitle = counts.get(r.communeId) ?? new Map<TitleKind, number>();
    byTitle.set(r.title, (byTitle.get(r.title) ?? 0) + r.count);
    counts.set(r.communeId, byTitle);
  }
  const known = new Set(s.communes.map((c) => c.id));
  // Recognitions whose commune is gone from the territory (or was never set) still count in the total.
  const elsewhere = new Map<TitleKind, number>();
  for (const [communeId, byTitle] of counts) if (communeId === null || !known.has(communeId)) for (const [t, n] of byTitle) elsewhere.set(t, (elsewhere.get(t) ?? 0) + n);
  const columns: TableColumn[] = [
    { header: 'STT' },
    { header: 'Mã' },
    { header: 'Đơn vị' },
    ...TITLE_KINDS.map((t): TableColumn => ({ header: TITLE_LABELS[t], group: 'Số được công nhận', total: 'sum' })),
    ...TITLE_SHARES.map((share): TableColumn => ({ header: share.header, group: 'Tỷ lệ so với số liệu năm (%)', numFmt: PERCENT_FMT })),
  ];
  const first = firstDataRowOf(columns);
  const figuresFirst = firstDataRowOf(figures.columns);
  const countColumn = (title: TitleKind) => columnLetters(4 + TITLE_KINDS.indexOf(title));
  const figureRef = (figure: keyof FigureValues, row: number) => `'${figures.name}'!${columnLetters(4 + FIGURE_KEYS.indexOf(figure))}${row}`;
  const rows: TableCell[][] = s.communes.map((c, n) => {
    const own = TITLE_KINDS.map((t) => counts.get(c.id)?.get(t) ?? 0);
    const shares = TITLE_SHARES.map((share) =>
      shareCell(`${countColumn(share.title)}${first + n}`, figureRef(share.figure, figuresFirst + n), own[TITLE_KINDS.indexOf(share.title)]!, s.figures.get(c.id)?.[share.figure] ?? null),
    );
    return [n + 1, c.code, c.label, ...own, ...shares];
  });
  if (elsewhere.size > 0) rows.push([rows.length + 1, '', 'Chưa xác định xã', ...TITLE_KINDS.map((t) => elsewhere.get(t) ?? 0), ...TITLE_SHARES.map(() => null)]);
  // The whole territory's shares divide its total recognitions by Biểu 1's totals (the communes that reported).
  const totalRow = first + rows.length;
  const figuresTotalRow = figuresFirst + s.communes.length;
  const sums = new Map(TITLE_KINDS.map((t) => [t, s.recognitions.filter((r) => r.title === t).reduce((n, r) => n + r.count, 0)]));
  TITLE_SHARES.forEach((share, i) => {
    const reported = [...s.figures.values()].reduce((n, f) => n + f[share.figure], 0);
    columns[3 + TITLE_KINDS.length + i]!.total = {
      value: s.communes.length === 0 ? null : shareCell(`${countColumn(share.title)}${totalRow}`, figureRef(share.figure, figuresTotalRow), sums.get(share.title)!, s.figures.size === 0 ? null : reported),
      numFmt: PERCENT_FMT,
    };
  });
  const total = s.recognitions.reduce((n, r) => n + r.count, 0);
  return {
    ...base,
    name: 'Biểu 3 - Danh hiệu',
    title: `BIỂU 3. DANH HIỆU HỌC TẬP ĐƯỢC CÔNG NHẬN NĂM ${year}`,
    columns,
    rows,
    totalLabel: 'Tổng cộng',
    labelColumns: 3,
    notes: [
      total === 0
        ? `Chưa có quyết định công nhận danh hiệu nào năm ${year}.`
        : `Đếm theo các quyết định công nhận năm ${year} còn hiệu lực: ${total.toLocaleString('vi-VN')} lượt công nhận.`,
      `Tỷ lệ: số được công nhận trên số liệu năm ${year} của xã ở Biểu 1 (công thức, ô trống khi xã chưa có số liệu).`,
    ],
  };
}

function targetsSheet(s: Statistics, base: SheetBase, year: number, asOf: string): TableSheetSpec {
  const planById = new Map(s.plans.map((p) => [p.id, p]));
  const rows: TableCell[][] = [];
  s.targets.forEach((t, n) => {
    const plan = planById.get(t.planId)!;
    const at = milestoneForYear(t.milestones, year, plan.periodStart, plan.periodEnd);
    const m = at ? t.milestones[at.index]! : null;
    const actual = m ? actualFor(t.actuals.filter((a) => a.unitId === null), m, year, plan.periodStart) : null;
    rows.push([
      n + 1,
      planLabel(plan),
      `${t.parentId ? 'Trong đó: ' : ''}${t.code ? `${t.code} ` : ''}${t.text}`,
      m ? unitWords(m) : '',
      at?.year ?? null,
      m?.value ?? null,
      m && actual ? actualInMeasure(m.kind, actual) : null,
      progressLabel(t.progress, Number(asOf.slice(0, 4))),
    ]);
  });
  return {
    ...base,
    name: 'Biểu 4 - Chỉ tiêu',
    title: `BIỂU 4. KẾT QUẢ THỰC HIỆN CÁC CHỈ TIÊU NĂM ${year}`,
    columns: [
      { header: 'STT' },
      { header: 'Kế hoạch' },
      { header: 'Mục tiêu' },
      { header: 'Đơn vị tính' },
      { header: 'Mốc (năm)', numFmt: '0' },
      { header: 'Chỉ tiêu', numFmt: '#,##0.##' },
      { header: `Thực hiện năm ${year}`, numFmt: '#,##0.##' },
      { header: `Tình trạng đến ${formatDateVi(asOf)}` },
    ],
    rows,
    labelColumns: 3,
    notes: [
      rows.length === 0
        ? 'Chưa có mục tiêu nào trong các kế hoạch đang theo dõi.'
        : `Mục tiêu của các kế hoạch đang theo dõi. Chỉ tiêu: mốc của năm ${year}, hoặc mốc kế tiếp; ô "Thực hiện" trống: chưa có số liệu năm ${year}. Tổng cộng dồn: cộng các năm của kỳ kế hoạch đến năm ${year}.`,
    ],
  };
}

const planLabel = (p: PlansTable) => (p.number ? `Số ${p.number}` : short(p.title, 40));

/**
 * Targets followed per commune: per target a goal column (the commune's own
 * value of the milestone) and an actual column; the total row carries the
 * territory's goal and, where commune values add up, a SUM of the actuals.
 */
function communeTargetsSheet(s: Statistics, base: SheetBase, year: number): TableSheetSpec {
  const planById = new Map(s.plans.map((p) => [p.id, p]));
  const columns: TableColumn[] = [{ header: 'STT' }, { header: 'Mã' }, { header: 'Đơn vị' }];
  const cellsPerCommune: ((c: Commune) => TableCell)[] = [];
  const legend: string[] = [];
  s.targets.forEach((t, n) => {
    if (!t.perCommune) return;
    const plan = planById.get(t.planId)!;
    const at = milestoneForYear(t.milestones, year, plan.periodStart, plan.periodEnd);
    if (!at) return;
    const territory = t.milestones[at.index]!;
    const name = targetName(t, n + 1);
    legend.push(`${name}: ${t.text} (${planLabel(plan)})`);
    const perUnit = (c: Commune) => milestonesForUnit(t.milestones, c.id, t.source !== null)[at.index]!;
    // For one commune a standard or a count of units is a yes/no, whichever commune it is.
    const kind = milestonesForUnit([territory], '', t.source !== null)[0]!.kind;
    const group = `${name} ${short(t.text, 60)}`;
    const territoryActual = actualFor(t.actuals.filter((a) => a.unitId === null), territory, year, plan.periodStart);
    columns.push({ header: `Chỉ tiêu ${at.year} (${measureUnit(kind)})`, group, numFmt: numFmtOf(kind), total: { value: territory.value, numFmt: numFmtOf(territory.kind) } });
    columns.push({
      header: `Thực hiện ${year}`,
      group,
      numFmt: numFmtOf(kind),
      total: communeTotalRule(territory.kind) === 'sum' ? 'sum' : { value: territoryActual ? actualInMeasure(territory.kind, territoryActual) : null, numFmt: numFmtOf(territory.kind) },
    });
    cellsPerCommune.push((c) => perUnit(c).value);
    cellsPerCommune.push((c) => {
      const own = perUnit(c);
      const actual = actualFor(t.actuals.filter((a) => a.unitId === c.id), own, year, plan.periodStart);
      return actual ? actualInMeasure(own.kind, actual) : null;
    });
  });
  return {
    ...base,
    name: 'Biểu 5 - Chỉ tiêu theo xã',
    title: `BIỂU 5. CHỈ TIÊU VÀ KẾT QUẢ THEO TỪNG XÃ NĂM ${year}`,
    columns,
    rows: cellsPerCommune.length === 0 ? [] : s.communes.map((c, n) => [n + 1, c.code, c.label, ...cellsPerCommune.map((cell) => cell(c))]),
    totalLabel: 'Toàn địa bàn',
    labelColumns: 3,
    notes:
      cellsPerCommune.length === 0
        ? ['Chưa có mục tiêu nào được theo dõi theo từng xã trong các kế hoạch đang theo dõi.']
        : [
            'Mỗi xã so với giá trị riêng của xã (nếu kế hoạch đặt), còn lại theo giá trị chung. Chuẩn và số xã đạt: 1 = đạt, 0 = chưa đạt.',
            'Dòng "Toàn địa bàn": chỉ tiêu của cả địa bàn; thực hiện là tổng các xã khi cộng được (số lượng, số xã đạt), còn tỷ lệ là tỷ lệ của cả địa bàn.',
            ...legend,
          ],
  };
}

/** Builds the workbook of a year's tables in memory (a few hundred rows at most: one per commune). */
export async function buildStatisticsWorkbook(db: ReadDb, options: StatisticsOptions): Promise<{ book: ExcelJS.Workbook; summary: StatisticsSummary }> {
  const { year } = options;
  const today = options.today ?? new Date().toISOString().slice(0, 10);
  const yearEnd = `${year}-12-31`;
  const asOf = today < yearEnd ? today : yearEnd;
  const s = await loadStatistics(db, year, asOf);
  const hasData =
    s.figures.size > 0 || s.education.size > 0 || s.recognitions.length > 0 || s.targets.some((t) => t.actuals.some((a) => a.year === year));
  const territory = s.root ? `${s.root.type} ${s.root.name}` : '';
  const base = { office: s.office.name, subtitle: `${territory}${territory ? ' — ' : ''}lập ngày ${formatDateVi(today)}` };
  const figures = figuresSheet(s, base, year);
  const tables = [figures, educationSheet(s, base, year), titlesSheet(s, base, year, figures), targetsSheet(s, base, year, asOf), communeTargetsSheet(s, base, year)];

  const book = new ExcelJS.Workbook();
  book.creator = s.office.name;
  book.title = `Biểu thống kê năm ${year}`;
  const cover: TableSheetSpec = {
    ...base,
    name: 'Mục lục',
    title: `BIỂU THỐNG KÊ XÂY DỰNG XÃ HỘI HỌC TẬP NĂM ${year}`,
    columns: [{ header: 'Biểu' }, { header: 'Nội dung' }, { header: `Số liệu năm ${year}` }],
    rows: tables.map((t) => [t.name, t.title.replace(/^BIỂU \d+\. /, ''), t.notes?.[0] ?? '']),
    labelColumns: 1,
    notes: hasData
      ? [`Địa bàn có ${s.communes.length} xã, phường, thị trấn. Các ô tổng là công thức: sửa số liệu một xã thì tổng tự cập nhật.`]
      : [`Năm ${year} chưa có số liệu nào: chưa xã nào nhập số liệu, tình trạng giáo dục, chưa có quyết định công nhận hay kết quả chỉ tiêu của năm này. Các biểu để trống.`],
  };
  addTableSheet(book, cover);
  for (const table of tables) addTableSheet(book, table);
  const summary: StatisticsSummary = { fileName: statisticsFileName(year), year, communes: s.communes.length, hasData, sheets: [cover.name, ...tables.map((t) => t.name)] };
  return { book, summary };
}

/**
 * Writes a year's statistical tables as .xlsx to a file (written beside it
 * under a temporary name, then renamed, so a crash never leaves a file that
 * looks complete but is not) or to a stream.
 */
export async function writeStatisticsWorkbook(db: ReadDb, options: StatisticsOptions, out: string | Writable): Promise<StatisticsSummary> {
  const { book, summary } = await buildStatisticsWorkbook(db, options);
  if (typeof out !== 'string') {
    await book.xlsx.write(out);
    return summary;
  }
  const partial = `${out}.${process.pid}.tmp`;
  try {
    await book.xlsx.writeFile(partial);
    await rename(partial, out);
  } catch (error) {
    await rm(partial, { force: true });
    throw error;
  }
  return summary;
}

/** The tables as bytes, for the op the renderer downloads from. */
export async function statisticsWorkbookBuffer(db: ReadDb, options: StatisticsOptions): Promise<{ content: Buffer; summary: StatisticsSummary }> {
  const { book, summary } = await buildStatisticsWorkbook(db, options);
  return { content: Buffer.from(await book.xlsx.writeBuffer()), summary };
}
