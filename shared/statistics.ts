import { z } from 'zod';
import { XlsxFile } from './list-export.js';
import { query } from './op.js';
import { COMPUTED_SOURCE_LABELS, type ComputedSource, type MeasureKind, type PopulationFigure } from './plan-model.js';
import { checkpointYears, meetsSource, shareOfPopulation, type EducationLevels } from './target-progress.js';
import type { TitleKind } from './titles-criteria.js';
import type { MilestoneDto } from './targets.js';

/**
 * The statistical tables (biểu thống kê) of a year as one .xlsx: per commune
 * the yearly figures, the education standards reached, the titles recognised,
 * and the targets against their actuals. The rules that decide what a cell
 * holds live here; main/statistics only reads the data and lays it out.
 */

export const StatisticsInput = z.object({
  year: z.number({ message: 'Chọn năm thống kê' }).int('Năm phải là số nguyên').min(2000, 'Năm phải từ 2000').max(2100, 'Năm phải đến 2100'),
});
export type StatisticsInput = z.infer<typeof StatisticsInput>;

/** A download like every other .xlsx of the app (`rows`: the communes listed), and whether the year had anything to show. */
export const StatisticsFile = XlsxFile.extend({
  year: z.number().int(),
  /** False when no commune has any figure, education status or recognition for the year: the workbook then says so. */
  hasData: z.boolean(),
});
export type StatisticsFile = z.infer<typeof StatisticsFile>;

export const statisticsOps = {
  /** The year's statistical tables as an .xlsx; aggregates only (no personal data), so any account may take it. */
  'statistics.export': query(StatisticsInput, StatisticsFile),
} as const;

export const statisticsFileName = (year: number) => `bieu-thong-ke-xhht-nam-${year}.xlsx`;

/** The education standards as columns, grouped as the office's tables head them; each cell is 1 (đạt) or 0 (chưa đạt). */
export const STANDARD_COLUMNS: readonly { source: ComputedSource; group: string; header: string }[] = [
  { source: 'literacyLevel1', group: 'Xóa mù chữ', header: 'Mức độ 1 trở lên' },
  { source: 'literacyLevel2', group: 'Xóa mù chữ', header: 'Mức độ 2' },
  { source: 'preschoolUniversal', group: 'Phổ cập GD mầm non', header: 'Trẻ em 5 tuổi' },
  { source: 'primaryLevel2', group: 'Phổ cập GD tiểu học', header: 'Mức độ 2 trở lên' },
  { source: 'primaryLevel3', group: 'Phổ cập GD tiểu học', header: 'Mức độ 3' },
  { source: 'lowerSecondaryLevel1', group: 'Phổ cập GD THCS', header: 'Mức độ 1 trở lên' },
  { source: 'lowerSecondaryLevel2', group: 'Phổ cập GD THCS', header: 'Mức độ 2 trở lên' },
  { source: 'lowerSecondaryLevel3', group: 'Phổ cập GD THCS', header: 'Mức độ 3' },
  { source: 'learningCentreIT', group: 'Trung tâm HTCĐ', header: 'Ứng dụng CNTT' },
];

/** Every standard is named in full somewhere in the workbook (the columns abbreviate). */
export const STANDARD_FULL_LABELS = STANDARD_COLUMNS.map((c) => COMPUTED_SOURCE_LABELS[c.source]);

/**
 * A commune's row of standards: 1 where met, 0 where not, and all empty when
 * the commune has no status for the year (unknown is not "chưa đạt"), so a
 * SUM of the column counts the communes that meet it.
 */
export function standardCells(status: EducationLevels | undefined): (0 | 1 | null)[] {
  return STANDARD_COLUMNS.map((c) => (status === undefined ? null : meetsSource(c.source, status) ? 1 : 0));
}

/**
 * The milestone a year's table sets against the year's actual: one judged in
 * that very year, else the next one due, else the last one already past.
 * A cumulative total and a yearly level falling in the same year: the level
 * (the figure of the year) goes first.
 */
export function milestoneForYear(
  milestones: readonly Pick<MilestoneDto, 'year' | 'span'>[],
  year: number,
  periodStart: number,
  periodEnd: number,
): { index: number; year: number } | null {
  type Found = { index: number; year: number };
  let inYear: (Found & { cumulative: boolean }) | null = null;
  let next: Found | null = null;
  let last: Found | null = null;
  for (const [index, m] of milestones.entries()) {
    const years = checkpointYears({ year: m.year, span: m.span }, periodStart, periodEnd);
    const cumulative = m.span === 'cumulative';
    if (years.includes(year) && (inYear === null || (inYear.cumulative && !cumulative))) inYear = { index, year, cumulative };
    const after = years.find((y) => y > year);
    if (after !== undefined && (next === null || after < next.year)) next = { index, year: after };
    const before = years.filter((y) => y < year).at(-1);
    if (before !== undefined && (last === null || before > last.year)) last = { index, year: before };
  }
  const found = inYear ?? next ?? last;
  return found === null ? null : { index: found.index, year: found.year };
}

/**
 * How a per-commune target's column totals: commune values that add up to the
 * territory's (counts; unit counts, where each commune is 1 or 0 and the sum is
 * the communes reaching it) are summed by a formula; a percentage or a yes/no
 * for the whole territory is not a sum, so the total row carries the
 * territory's own figure.
 */
export function communeTotalRule(territoryKind: MeasureKind): 'sum' | 'territory' {
  return territoryKind === 'count' || territoryKind === 'unitCount' ? 'sum' : 'territory';
}

/**
 * An actual in its milestone's measure. Counted from the communes' standards,
 * an actual is a count of communes over the communes of its year ("7" of
 * "9"); against a percentage that is 77.78, not 7.
 */
export function actualInMeasure(kind: MeasureKind, actual: { value: number; total: number | null }): number {
  if (kind === 'percent' && actual.total) return Math.round((actual.value / actual.total) * 10_000) / 100;
  return actual.value;
}

/** The titles a yearly figure counts the candidates of, as the plans' percentage targets divide them. */
export const TITLE_SHARES: readonly { title: TitleKind; figure: PopulationFigure; header: string }[] = [
  { title: 'cong_dan', figure: 'adults', header: 'Công dân học tập / người lớn' },
  { title: 'gia_dinh', figure: 'households', header: 'Gia đình học tập / hộ' },
  { title: 'dong_ho', figure: 'clans', header: 'Dòng họ học tập / dòng họ' },
  { title: 'don_vi', figure: 'organisations', header: 'Đơn vị học tập / cơ quan, đơn vị' },
];

/**
 * A share in percent as the sheet computes it, with the value it gives now:
 * empty where the figure is missing or zero (a share of nothing is no figure),
 * rounded to two decimals as the targets' actuals are.
 */
export function shareCell(countRef: string, figureRef: string, count: number | null, figure: number | null): { formula: string; result: number | null } {
  return {
    formula: `IF(N(${figureRef})>0,ROUND(${countRef}/${figureRef}*100,2),"")`,
    result: figure === null || figure <= 0 || count === null ? null : shareOfPopulation(count, figure),
  };
}

/** What a measure's numbers are, said beside a column's header. */
export function measureUnit(kind: MeasureKind): string {
  switch (kind) {
    case 'percent':
      return '%';
    case 'unitCount':
      return 'số xã';
    case 'count':
      return 'số lượng';
    case 'boolean':
      return '1 = đạt';
  }
}

/**
 * A line of the cover sheet saying how complete one table is: "9/9 xã có số
 * liệu năm 2025", "7/9 xã có số liệu năm 2025; chưa có: An Phước, Bình Phú",
 * "Chưa có xã nào có số liệu năm 2030".
 */
export function coverageLine(reported: number, communes: { name: string; reported: boolean }[], year: number): string {
  if (communes.length === 0) return 'Địa bàn chưa có xã, phường, thị trấn nào';
  if (reported === 0) return `Chưa có xã nào có số liệu năm ${year}`;
  const missing = communes.filter((c) => !c.reported).map((c) => c.name);
  const head = `${reported}/${communes.length} xã có số liệu năm ${year}`;
  if (missing.length === 0) return head;
  const shown = missing.slice(0, 10).join(', ');
  return `${head}; chưa có: ${shown}${missing.length > 10 ? ` và ${missing.length - 10} xã khác` : ''}`;
}
