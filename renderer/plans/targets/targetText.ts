import { QUALIFIER_LABELS, type MeasureKind } from '../../../shared/plan-model';
import type { ActualDto, MilestoneDto, TargetDto } from '../../../shared/targets';

export const capitalize = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

const number = (n: number) => n.toLocaleString('vi-VN', { maximumFractionDigits: 2 });

/** A value in its measure: "40%", "7/9 xã, thị trấn", "1.200 hộ", "Đạt". */
export function measureText(kind: MeasureKind, value: number, total: number | null, scope = ''): string {
  const tail = scope ? ` ${scope}` : '';
  switch (kind) {
    case 'percent':
      return `${number(value)}%${tail}`;
    case 'unitCount':
      return `${number(value)}/${total === null ? '?' : number(total)}${tail}`;
    case 'count':
      return `${number(value)}${tail}`;
    case 'boolean':
      return `${value >= 1 ? 'đạt' : 'chưa đạt'}${scope ? ` (${scope})` : ''}`;
  }
}

/** "2025: Phấn đấu 7/9 xã, thị trấn"; a milestone with no year is due at the end of the period. */
export function milestoneText(m: MilestoneDto, periodEnd: number): string {
  const year = m.year ?? periodEnd;
  const qualifier = m.qualifier ? `${QUALIFIER_LABELS[m.qualifier]} ` : '';
  const measure = measureText(m.kind, m.value, m.total, m.scope);
  return `${year}: ${qualifier}${qualifier ? measure : capitalize(measure)}`;
}

/** The measure an actual is read in: the milestone measured against, else the first one. */
export const measureKindOf = (target: TargetDto): MeasureKind => target.progress.milestone?.kind ?? target.milestones[0]?.kind ?? 'count';

/** "Thực tế 2024: 6/9 (tự tính)" or "Thực tế 2024: 35% (nhập tay: báo cáo của Hội Khuyến học)". */
export function actualText(actual: ActualDto, kind: MeasureKind): string {
  const origin = actual.origin === 'computed' ? 'tự tính' : `nhập tay${actual.note ? `: ${actual.note}` : ''}`;
  return `Thực tế ${actual.year}: ${capitalize(measureText(kind, actual.value, actual.total))} (${origin})`;
}

/** How far the actual has come towards the milestone, 0–100. */
export function progressPercent(actual: ActualDto | null, milestone: MilestoneDto | null): number | null {
  if (!actual || !milestone) return null;
  if (milestone.kind === 'boolean') return actual.value >= 1 ? 100 : 0;
  if (milestone.value <= 0) return 100;
  return Math.max(0, Math.min(100, Math.round((actual.value / milestone.value) * 100)));
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
