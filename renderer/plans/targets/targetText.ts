import { QUALIFIER_LABELS, type MeasureKind } from '../../../shared/plan-model';
import type { ActualDto, MilestoneDto, TargetDto } from '../../../shared/targets';

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

/** The measure an actual is read in: the milestone measured against, else the first one. */
export const measureKindOf = (target: TargetDto): MeasureKind => target.progress.milestone?.kind ?? target.milestones[0]?.kind ?? 'count';

/**
 * "Thực tế 2024: 6/9 (tự tính)" or "Thực tế 2024: 35% (nhập tay: báo cáo của Hội Khuyến học)". An actual
 * with a total counts units over the communes of its year, shown with both numbers even against a percentage.
 */
export function actualText(actual: ActualDto, kind: MeasureKind): string {
  const origin = actual.origin === 'computed' ? 'tự tính' : `nhập tay${actual.note ? `: ${actual.note}` : ''}`;
  return `Thực tế ${actual.year}: ${capitalize(actualMeasure(actual, kind))} (${origin})`;
}

/** An actual in its milestone's measure; a count of units keeps its denominator ("6/8 = 75%"). */
export function actualMeasure(actual: Pick<ActualDto, 'value' | 'total'>, kind: MeasureKind): string {
  if (actual.total !== null && (kind === 'percent' || kind === 'unitCount')) {
    const share = kind === 'percent' ? ` = ${number(Math.round((actual.value / actual.total) * 10_000) / 100)}%` : '';
    return `${number(actual.value)}/${number(actual.total)}${share}`;
  }
  return measureText(kind, actual.value, null);
}

/** Sections in the order the plan gives them, each with its targets, a "trong đó" target right after its parent. */
export function groupBySection(targets: TargetDto[]): { section: string; items: { target: TargetDto; depth: number }[] }[] {
  const sorted = [...targets].sort((a, b) => a.position - b.position);
  const ids = new Set(sorted.map((t) => t.id));
  const children = new Map<string, TargetDto[]>();
  for (const t of sorted) if (t.parentId && ids.has(t.parentId)) children.set(t.parentId, [...(children.get(t.parentId) ?? []), t]);
  const groups = new Map<string, { target: TargetDto; depth: number }[]>();
  const visit = (t: TargetDto, depth: number, section: string) => {
    groups.get(section)!.push({ target: t, depth });
    for (const c of children.get(t.id) ?? []) visit(c, depth + 1, section);
  };
  for (const t of sorted) {
    if (t.parentId && ids.has(t.parentId)) continue;
    if (!groups.has(t.section)) groups.set(t.section, []);
    visit(t, 0, t.section);
  }
  return [...groups].map(([section, items]) => ({ section, items }));
}
