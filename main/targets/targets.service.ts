import type { z } from 'zod';
import { AppError, type FieldIssue } from '../../shared/errors.js';
import { planLabel, POPULATION_FIGURE_LABELS } from '../../shared/plan-model.js';
import { milestoneYearOf, overlappingMilestone, shareOfPopulation } from '../../shared/target-progress.js';
import type { RecordActualInput, TargetDto, TargetFields } from '../../shared/targets.js';
import { TITLE_LABELS, type TitleKind } from '../../shared/titles-criteria.js';
import type { AppContext } from '../app/context.js';
import { assertTreePlacement } from '../db/trees.js';
import { assertRevision, inTransaction, insertRecord, nextPosition, syncLinks, tombstoneRecord, updateRecord, type ReadDb, type Tx } from '../db/records.js';
import type { PlansTable } from '../plan-documents/plan-documents.tables.js';
import { loadLivePlan } from '../plan-documents/index.js';
import { indexForSearch } from '../search/index.js';
import { loadLiveUnit } from '../units/index.js';
import { loadCommunes, loadEducationData, populationOf } from './education-data.js';
import { loadTargetDto } from './target-list.js';
import type { TargetsTable } from './targets.tables.js';
import { loadLiveTarget } from './targets.repo.js';

/** Templates carry no title source yet, so it may be left out. */
export type TargetWrite = Omit<z.output<typeof TargetFields>, 'titleSource'> & { titleSource?: TitleKind | null };

/**
 * Refuses milestone years outside the plan period, two milestones judged in
 * the same year, per-unit values a target cannot judge, and a parent that is
 * not a target of the plan.
 */
async function validate(db: ReadDb, plan: PlansTable, fields: TargetWrite, selfId: string | null): Promise<void> {
  const issues: FieldIssue[] = [];
  const period = `${plan.periodStart}–${plan.periodEnd}`;
  fields.milestones.forEach((m, i) => {
    if (m.year !== null && (m.year < plan.periodStart || m.year > plan.periodEnd)) {
      issues.push({ path: ['milestones', i, 'year'], message: `Mốc năm ${m.year} nằm ngoài giai đoạn ${period} của kế hoạch` });
    }
  });
  const overlap = overlappingMilestone(fields.milestones.map((m) => ({ year: m.year, span: m.span ?? 'once' })), plan.periodStart, plan.periodEnd);
  if (overlap) issues.push({ path: ['milestones', overlap.index, 'year'], message: `Mốc ${overlap.index + 1}: năm ${overlap.year} đã có mốc khác (mỗi năm một mốc, ngoài tổng cộng dồn)` });
  const withValues = fields.milestones.map((m, i) => ({ m, i })).filter(({ m }) => (m.unitValues ?? []).length > 0);
  if (withValues.length > 0) {
    const communes = new Map((await loadCommunes(db)).map((c) => [c.id, c.name]));
    for (const { m, i } of withValues) {
      const path = ['milestones', i, 'unitValues'];
      if (!fields.perCommune) issues.push({ path, message: `Mốc ${i + 1}: giá trị riêng từng xã chỉ dùng khi mục tiêu được theo dõi từng xã` });
      else if (fields.source !== null) issues.push({ path, message: `Mốc ${i + 1}: mục tiêu tự tính theo chuẩn của xã (đạt hoặc chưa) không có giá trị riêng từng xã` });
      else if (m.span === 'cumulative') issues.push({ path, message: `Mốc ${i + 1}: tổng cộng dồn không có giá trị riêng từng xã` });
      else if (m.kind === 'unitCount' || m.kind === 'boolean') issues.push({ path, message: `Mốc ${i + 1}: giá trị riêng từng xã cần cách đo “Tỷ lệ” hoặc “Số lượng”` });
      (m.unitValues ?? []).forEach((u, j) => {
        if (!communes.has(u.unitId)) issues.push({ path: [...path, j, 'unitId'], message: `Mốc ${i + 1}: đơn vị thứ ${j + 1} không phải xã, thị trấn của địa bàn` });
      });
    }
  }
  if (fields.titleSource) issues.push(...titleSourceIssues(fields, fields.titleSource));
  if (issues.length > 0) throw new AppError('VALIDATION', issues[0]!.message, { issues });
  await assertTreePlacement(db, { table: 'targets', scope: { planId: plan.id }, id: selfId, parentId: fields.parentId, noun: 'mục tiêu' });
}

/**
 * A target counting a title's recognitions measures a share of a yearly
 * figure or a plain count, one measure for all its milestones (a year's
 * recognitions are one number), and not a commune standard at the same time.
 */
function titleSourceIssues(fields: TargetWrite, title: TitleKind): FieldIssue[] {
  const label = TITLE_LABELS[title];
  const issues: FieldIssue[] = [];
  if (fields.source !== null) issues.push({ path: ['titleSource'], message: `Mục tiêu chỉ tự tính từ một nguồn: chuẩn của xã hoặc danh hiệu “${label}”` });
  fields.milestones.forEach((m, i) => {
    if (m.kind !== 'percent' && m.kind !== 'count') issues.push({ path: ['milestones', i, 'kind'], message: `Mốc ${i + 1}: mục tiêu đếm danh hiệu “${label}” dùng cách đo “Tỷ lệ” hoặc “Số lượng”` });
    else if (m.kind !== fields.milestones[0]!.kind) issues.push({ path: ['milestones', i, 'kind'], message: `Mốc ${i + 1}: các mốc của mục tiêu đếm danh hiệu dùng cùng một cách đo` });
  });
  if (fields.population === null && fields.milestones.some((m) => m.kind === 'percent')) {
    issues.push({ path: ['population'], message: `Tỷ lệ đạt danh hiệu “${label}” cần chọn “Tính tỷ lệ trên” (người lớn, hộ gia đình …)` });
  }
  return issues;
}

function columnsOf(f: TargetWrite) {
  return {
    section: f.section,
    code: f.code,
    text: f.text,
    parentId: f.parentId,
    population: f.population,
    populationLabel: f.populationLabel,
    source: f.source,
    titleSource: f.titleSource ?? null,
    perCommune: f.perCommune ? 1 : 0,
    // Per-unit values live in their own rows so each travels and is audited on its own.
    milestones: JSON.stringify(f.milestones.map(({ unitValues: _values, span, ...m }) => ({ ...m, span: span ?? 'once' }))),
  };
}

/** Writes the per-unit values as link rows, keyed by the milestone's year: an unchanged value keeps its row. */
async function syncUnitValues(tx: Tx, ctx: AppContext, targetId: string, plan: PlansTable, f: TargetWrite): Promise<void> {
  const desired = f.milestones.flatMap((m) => {
    const year = milestoneYearOf({ year: m.year, span: m.span ?? 'once' }, plan.periodStart, plan.periodEnd);
    return (m.unitValues ?? []).map((u) => ({ targetId, year, unitId: u.unitId, value: u.value }));
  });
  await syncLinks(tx, ctx, 'targetUnitValues', { targetId }, desired);
}

async function indexTarget(tx: Tx, row: TargetsTable, plan: PlansTable): Promise<void> {
  await indexForSearch(tx, { entity: 'target', recordId: row.id, label: row.text, detail: `${row.section} — ${planLabel(plan)}`, text: row.populationLabel });
}

export async function createTargetInTx(tx: Tx, ctx: AppContext, planId: string, fields: TargetWrite): Promise<TargetsTable> {
  const plan = await loadLivePlan(tx, planId);
  await validate(tx, plan, fields, null);
  const row = await insertRecord(tx, ctx, 'targets', { planId, position: await nextPosition(tx, 'targets', { planId }), ...columnsOf(fields) });
  await syncUnitValues(tx, ctx, row.id, plan, fields);
  await indexTarget(tx, row, plan);
  return row;
}

export function createTarget(ctx: AppContext, input: TargetWrite & { planId: string }): Promise<TargetDto> {
  return inTransaction(ctx, async (tx) => loadTargetDto(tx, (await createTargetInTx(tx, ctx, input.planId, input)).id, ctx.clock.today()));
}

export function updateTarget(ctx: AppContext, input: TargetWrite & { id: string; rev: number }): Promise<TargetDto> {
  return inTransaction(ctx, async (tx) => {
    const before = await loadLiveTarget(tx, input.id);
    assertRevision(before, input.rev, 'Mục tiêu');
    const plan = await loadLivePlan(tx, before.planId);
    await validate(tx, plan, input, before.id);
    const after = await updateRecord(tx, ctx, 'targets', before, columnsOf(input));
    await syncUnitValues(tx, ctx, after.id, plan, input);
    await indexTarget(tx, after, plan);
    return loadTargetDto(tx, after.id, ctx.clock.today());
  });
}

/** Deletes a target with its "trong đó" targets, actuals and per-unit values, as the tables registered. */
export function deleteTarget(ctx: AppContext, input: { id: string; rev: number }): Promise<{ id: string }> {
  return inTransaction(ctx, async (tx) => {
    const before = await loadLiveTarget(tx, input.id);
    assertRevision(before, input.rev, 'Mục tiêu');
    await tombstoneRecord(tx, ctx, 'targets', before);
    return { id: before.id };
  });
}

/**
 * The share a count of a population makes of the unit's yearly figure (the
 * communes' sum for the territory); refused, naming what is missing, when the
 * figure has not been entered.
 */
async function shareOfCount(tx: Tx, target: TargetsTable, unitId: string | null, year: number, count: number): Promise<number> {
  const figure = target.population as keyof typeof POPULATION_FIGURE_LABELS | null;
  if (figure === null) throw new AppError('VALIDATION', 'Mục tiêu chưa chọn “Tính tỷ lệ trên” nên không nhập số lượng được; nhập tỷ lệ.', { issues: [{ path: ['count'], message: 'Mục tiêu không tính tỷ lệ trên số liệu hằng năm' }] });
  const population = populationOf(await loadEducationData(tx, year, year), figure, unitId, year);
  if (population.value === null || population.value === 0) {
    const where = population.missing.length > 0 ? ` của ${population.missing.join(', ')}` : '';
    const message = `Chưa có số ${POPULATION_FIGURE_LABELS[figure].toLowerCase()} năm ${year}${where}: nhập ở trang Đơn vị hành chính, mục Số liệu hằng năm.`;
    throw new AppError('VALIDATION', message, { issues: [{ path: ['count'], message }] });
  }
  return shareOfPopulation(count, population.value);
}

/** Enters (or corrects) the hand-entered actual of a year, for the territory or one unit. */
export function recordActual(ctx: AppContext, input: Omit<z.output<typeof RecordActualInput>, 'count'> & { count?: number | null }): Promise<TargetDto> {
  return inTransaction(ctx, async (tx) => {
    const target = await loadLiveTarget(tx, input.targetId);
    if (input.unitId !== null) await loadLiveUnit(tx, input.unitId);
    let existing = tx.selectFrom('targetActuals').selectAll().where('targetId', '=', target.id).where('year', '=', input.year).where('deletedAt', 'is', null);
    existing = input.unitId === null ? existing.where('unitId', 'is', null) : existing.where('unitId', '=', input.unitId);
    const before = await existing.executeTakeFirst();
    const count = input.count ?? null;
    const value = count === null ? input.value : await shareOfCount(tx, target, input.unitId, input.year, count);
    const values = { value, total: input.total, count, note: input.note, recordedOn: input.recordedOn ?? ctx.clock.today() };
    if (before) await updateRecord(tx, ctx, 'targetActuals', before, values);
    else await insertRecord(tx, ctx, 'targetActuals', { targetId: target.id, year: input.year, unitId: input.unitId, ...values });
    return loadTargetDto(tx, target.id, ctx.clock.today());
  });
}
