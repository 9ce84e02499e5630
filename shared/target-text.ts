import { QUALIFIER_LABELS, type MeasureKind } from './plan-model.js';
import type { ActualDto, MilestoneDto } from './targets.js';

/** How targets read in Vietnamese, shared by the plan pages and the yearly report so both say the same. */

export const capitalize = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

const number = (n: number) => n.toLocaleString('vi-VN', { maximumFractionDigits: 2 });

/** A value in its measure: "40%", "7/9 xã, thị trấn", "1.200 hộ", "Đạt"; a unit count without its total is a plain number, never "7/?". */
export function measureText(kind: MeasureKind, value: number, total: number | null, scope = ''): string {
  const tail = scope ? ` ${scope}` : '';
  switch (kind) {
    case 'percent':
      return `${number(value)}%${tail}`;
    case 'unitCount':
      return total === null ? `${number(value)}${tail}` : `${number(value)}/${number(total)}${tail}`;
    case 'count':
      return `${number(value)}${tail}`;
    case 'boolean':
      return `${value >= 1 ? 'đạt' : 'chưa đạt'}${scope ? ` (${scope})` : ''}`;
  }
}

/**
 * "2025: Phấn đấu 7/9 xã, thị trấn", "Mỗi năm: Ít nhất 120 lớp", "Tổng đến 2030: 600 lớp"; a milestone
 * with no year is due at the end of the period (a yearly one starts with it).
 */
export function milestoneText(m: MilestoneDto, periodEnd: number): string {
  const when = m.span === 'yearly' ? (m.year === null ? 'Mỗi năm' : `Mỗi năm từ ${m.year}`) : m.span === 'cumulative' ? `Tổng đến ${m.year ?? periodEnd}` : String(m.year ?? periodEnd);
  const qualifier = m.qualifier ? `${QUALIFIER_LABELS[m.qualifier]} ` : '';
  const measure = measureText(m.kind, m.value, m.total, m.scope);
  const own = m.unitValues.length > 0 ? ` (${m.unitValues.length} xã có giá trị riêng)` : '';
  return `${when}: ${qualifier}${qualifier ? measure : capitalize(measure)}${own}`;
}

/** An actual in its milestone's measure; a count of units keeps its denominator ("6/8 = 75%"). */
export function actualMeasure(actual: Pick<ActualDto, 'value' | 'total'>, kind: MeasureKind): string {
  if (actual.total !== null && (kind === 'percent' || kind === 'unitCount')) {
    const share = kind === 'percent' ? ` = ${number(Math.round((actual.value / actual.total) * 10_000) / 100)}%` : '';
    return `${number(actual.value)}/${number(actual.total)}${share}`;
  }
  return measureText(kind, actual.value, null);
}
