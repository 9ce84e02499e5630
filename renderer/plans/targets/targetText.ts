import type { MeasureKind } from '../../../shared/plan-model';
import { actualMeasure, capitalize } from '../../../shared/target-text';
import type { ActualDto, TargetDto } from '../../../shared/targets';

export { actualMeasure, capitalize, measureText, milestoneText } from '../../../shared/target-text';

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
