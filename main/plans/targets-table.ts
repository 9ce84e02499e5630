import { QUALIFIER_LABELS, type MeasureKind } from '../../shared/plan-model.js';
import { PROGRESS_STATUS_LABELS, type ActualDto, type MilestoneDto, type TargetDto } from '../../shared/targets.js';
import { escapeHtml } from './assignment-table.html.js';

/** 12.5 → "12,5": Vietnamese writes the decimal comma. */
const number = (value: number) => String(Math.round(value * 100) / 100).replace('.', ',');

function measure(kind: MeasureKind, value: number, total: number | null): string {
  switch (kind) {
    case 'percent':
      return `${number(value)}%`;
    case 'unitCount':
      return total === null ? number(value) : `${number(value)}/${number(total)}`;
    case 'count':
      return number(value);
    case 'boolean':
      return value >= 1 ? 'Đạt' : 'Chưa đạt';
  }
}

export interface PlanPeriod {
  periodStart: number;
  periodEnd: number;
}

/** When a milestone falls due, as the plans say it: "Năm 2025", "Hằng năm từ 2026", "Tổng đến năm 2030". */
function milestoneWhen(m: Pick<MilestoneDto, 'year' | 'span'>, period: PlanPeriod): string {
  switch (m.span) {
    case 'yearly':
      return `Hằng năm từ ${m.year ?? period.periodStart}`;
    case 'cumulative':
      return `Tổng đến năm ${m.year ?? period.periodEnd}`;
    case 'once':
      return `Năm ${m.year ?? period.periodEnd}`;
  }
}

/** "Năm 2025: Phấn đấu 7/9 xã, thị trấn"; the plan's own wording when it has one. */
export function milestoneText(m: MilestoneDto, period: PlanPeriod): string {
  const when = milestoneWhen(m, period);
  if (m.wording.trim() !== '') return `${when}: ${m.wording.trim()}`;
  const qualifier = m.qualifier ? `${QUALIFIER_LABELS[m.qualifier]} ` : '';
  const scope = m.scope.trim() !== '' && m.kind !== 'boolean' ? ` ${m.scope.trim()}` : '';
  // Communes with values of their own are named on screen; the annex says that they exist.
  const own = m.unitValues.length > 0 ? ` (${m.unitValues.length} đơn vị có giá trị riêng)` : '';
  return `${when}: ${qualifier}${measure(m.kind, m.value, m.total)}${scope}${own}`;
}

/**
 * The territory's figure for each year with one, in the measure of the
 * milestone chased; per-commune figures stay on screen, the printout gives the whole.
 */
export function actualsText(target: Pick<TargetDto, 'actuals' | 'milestones' | 'progress'>): string[] {
  const kind = target.progress.milestone?.kind ?? target.milestones[0]?.kind ?? 'count';
  const byYear = new Map<number, ActualDto>();
  for (const a of target.actuals) if (a.unitId === null) byYear.set(a.year, a);
  return [...byYear.values()].sort((a, b) => a.year - b.year).map((a) => `Năm ${a.year}: ${measure(kind, a.value, a.total)}`);
}

function statusText(target: Pick<TargetDto, 'progress'>): string {
  const { status, milestoneYear } = target.progress;
  const label = PROGRESS_STATUS_LABELS[status];
  return milestoneYear !== null && status !== 'no_data' ? `${label} (mốc ${milestoneYear})` : label;
}

const lines = (items: string[]) => items.map(escapeHtml).join('<br>');

/**
 * The targets of a plan as a table: grouped under their sections, a "trong
 * đó" target indented under the one it is part of, each with its milestones,
 * the figures reached and its standing as of the print day.
 */
export function targetsTableHtml(targets: TargetDto[], period: PlanPeriod): string {
  const parentOf = new Map(targets.map((t) => [t.id, t.parentId]));
  // Bounded: the tree rules keep targets at most 12 deep, a corrupt loop must not hang the print.
  const depth = (t: TargetDto): number => {
    let d = 0;
    for (let p = t.parentId; p !== null && parentOf.has(p) && d < 12; p = parentOf.get(p) ?? null) d++;
    return d;
  };
  const rows: string[] = [];
  let section: string | null = null;
  let ordinal = 0;
  for (const t of targets) {
    if (t.section !== section) {
      section = t.section;
      rows.push(`<tr class="heading"><td class="stt"></td><td colspan="4">${escapeHtml(section)}</td></tr>`);
    }
    const d = depth(t);
    if (d === 0) ordinal++;
    const label = t.code.trim() !== '' ? t.code.trim() : d === 0 ? String(ordinal) : '-';
    const indent = d > 0 ? ` style="padding-left:${4 + Math.min(d, 4) * 8}pt"` : '';
    const actuals = actualsText(t);
    rows.push(
      `<tr><td class="stt">${escapeHtml(label)}</td><td${indent}>${escapeHtml(t.text)}</td><td>${lines(t.milestones.map((m) => milestoneText(m, period)))}</td><td>${actuals.length > 0 ? lines(actuals) : 'Chưa có số liệu'}</td><td>${escapeHtml(statusText(t))}</td></tr>`,
    );
  }
  if (rows.length === 0) rows.push('<tr><td class="empty" colspan="5">Kế hoạch chưa có mục tiêu</td></tr>');
  return `<table class="grid">
<colgroup><col style="width:6%"><col style="width:38%"><col style="width:24%"><col style="width:16%"><col style="width:16%"></colgroup>
<thead><tr><th>STT</th><th>Mục tiêu</th><th>Mốc</th><th>Kết quả thực hiện</th><th>Đánh giá</th></tr></thead>
<tbody>
${rows.join('\n')}
</tbody></table>`;
}
