import { AppError } from '../../shared/errors.js';
import { AUTHORITY_LEVEL_LABELS, fillAuthorityText, placeInSentence, type DecisionDto, type DecisionFields, type EvaluationDto, type RecognitionCount } from '../../shared/titles.js';
import { TITLE_LABELS, TitleKind } from '../../shared/titles-criteria.js';
import { STATUS_LABELS, EvaluationStatus } from '../../shared/titles-workflow.js';
import { formatDateVi } from '../../shared/dates.js';
import type { AppContext } from '../app/context.js';
import { assertRevision, inTransaction, insertRecord, loadLiveRow, tombstoneRecord, updateRecord, type ReadDb } from '../db/records.js';
import { loadOffice } from '../office/index.js';
import { loadLiveAuthority } from './authorities.service.js';
import { listEvaluations } from './evaluations.service.js';
import type { TitleDecisionsTable } from './titles.tables.js';

export function loadLiveDecision(db: ReadDb, id: string): Promise<TitleDecisionsTable> {
  return loadLiveRow(db, 'titleDecisions', id, 'Không tìm thấy quyết định (có thể đã bị xóa).');
}

async function entriesOf(db: ReadDb, decisionIds: string[]): Promise<Map<string, string[]>> {
  const rows = await db
    .selectFrom('titleDecisionEntries')
    .select(['decisionId', 'evaluationId'])
    .where('deletedAt', 'is', null)
    .where('decisionId', 'in', decisionIds.length > 0 ? decisionIds : [''])
    .orderBy('position')
    .execute();
  const byDecision = new Map<string, string[]>();
  for (const r of rows) byDecision.set(r.decisionId, [...(byDecision.get(r.decisionId) ?? []), r.evaluationId]);
  return byDecision;
}

/** "Đồng Tháp" → "tỉnh Đồng Tháp"; a name already saying what it is ("Thành phố Cần Thơ") as a sentence writes it. */
function provinceInSentence(name: string): string {
  if (name === '') return '';
  return /^(tỉnh|thành phố) /i.test(name) ? placeInSentence(name) : `tỉnh ${name}`;
}

type DecisionTexts = Pick<TitleDecisionsTable, 'authorityId' | 'authority' | 'decider' | 'signerTitle' | 'recipients' | 'basis'>;

/**
 * The texts a decision is printed with. Made from a row of the authority
 * table, the row must be for the decision's title, a commune's body decides
 * for one commune only, and `{xã}`/`{tỉnh}` become that commune and the
 * office's province; a text the form filled in wins over the row's.
 */
async function decisionTexts(tx: ReadDb, fields: DecisionFields, evaluations: EvaluationDto[]): Promise<DecisionTexts> {
  const own = { authority: fields.authority, decider: fields.decider, signerTitle: fields.signerTitle, recipients: fields.recipients, basis: fields.basis };
  if (fields.authorityId === null) return { authorityId: null, ...own };
  const row = await loadLiveAuthority(tx, fields.authorityId);
  const refuse = (message: string): never => {
    throw new AppError('VALIDATION', message, { issues: [{ path: ['authorityId'], message }] });
  };
  if (row.title !== fields.title) refuse(`Cơ quan “${row.issuer}” được đặt để công nhận ${TITLE_LABELS[TitleKind.parse(row.title)]}, không phải ${TITLE_LABELS[fields.title]}.`);
  let commune = '';
  if (row.level === 'xa') {
    // In the order the decision lists them, so the message names the first subject chosen.
    const listed = fields.evaluationIds.flatMap((id) => evaluations.filter((e) => e.id === id));
    const first = listed[0]!;
    const other = listed.find((e) => e.communeId !== first.communeId);
    if (other) refuse(`Quyết định ${AUTHORITY_LEVEL_LABELS.xa.toLocaleLowerCase('vi')} chỉ công nhận đối tượng của một xã: ${first.subjectName} ở ${first.communeName}, ${other.subjectName} ở ${other.communeName}.`);
    commune = placeInSentence(first.communeName);
  }
  const place = { commune, province: provinceInSentence((await loadOffice(tx))?.provinceName ?? '') };
  const fill = (formText: string, rowText: string) => fillAuthorityText(formText || rowText, place);
  return {
    authorityId: row.id,
    authority: fill(own.authority, row.issuer),
    decider: fill(own.decider, row.decider),
    signerTitle: fill(own.signerTitle, row.signerTitle),
    recipients: fill(own.recipients, row.recipients),
    basis: fill(own.basis, row.basis),
  };
}

function toDto(row: TitleDecisionsTable, evaluationIds: string[]): DecisionDto {
  const { deletedAt: _deleted, title, ...rest } = row;
  return { ...rest, title: TitleKind.parse(title), evaluationIds };
}

export async function listDecisions(db: ReadDb, year?: number): Promise<DecisionDto[]> {
  let query = db.selectFrom('titleDecisions').selectAll().where('deletedAt', 'is', null);
  if (year !== undefined) query = query.where('year', '=', year);
  const rows = await query.orderBy('signedOn', 'desc').orderBy('number').execute();
  const entries = await entriesOf(db, rows.map((r) => r.id));
  return rows.map((r) => toDto(r, entries.get(r.id) ?? []));
}

export async function getDecision(db: ReadDb, id: string): Promise<DecisionDto> {
  const row = await loadLiveDecision(db, id);
  return toDto(row, (await entriesOf(db, [id])).get(id) ?? []);
}

/**
 * Records a recognition decision: every subject listed must have been
 * proposed for this title and year, and none may already be in another
 * decision. The subjects become "Công nhận", each change audited.
 */
export function createDecision(ctx: AppContext, fields: DecisionFields): Promise<DecisionDto> {
  return inTransaction(ctx, async (tx) => {
    if (new Set(fields.evaluationIds).size !== fields.evaluationIds.length) throw new AppError('VALIDATION', 'Một đối tượng được chọn hai lần trong quyết định.');
    const evaluations = await listEvaluations(tx, { ids: fields.evaluationIds });
    const found = new Set(evaluations.map((e) => e.id));
    const lost = fields.evaluationIds.filter((id) => !found.has(id));
    if (lost.length > 0) throw new AppError('NOT_FOUND', `${lost.length} hồ sơ đánh giá được chọn không còn tồn tại.`);
    const others = new Map((await listDecisions(tx)).flatMap((d) => d.evaluationIds.map((id) => [id, d] as const)));
    const issues = evaluations.flatMap((e, i) => {
      const path = ['evaluationIds', i];
      const other = others.get(e.id);
      if (other) return [{ path, message: `${e.subjectName} đã có trong quyết định số ${other.number} ngày ${formatDateVi(other.signedOn)} (${TITLE_LABELS[e.title]} năm ${e.year})` }];
      if (e.title !== fields.title || e.year !== fields.year) return [{ path, message: `${e.subjectName}: hồ sơ xét ${TITLE_LABELS[e.title]} năm ${e.year}, không phải ${TITLE_LABELS[fields.title]} năm ${fields.year}` }];
      if (e.status !== 'de_nghi') return [{ path, message: `${e.subjectName} chưa được đề nghị công nhận (đang ở bước "${STATUS_LABELS[e.status]}")` }];
      return [];
    });
    if (issues.length > 0) throw new AppError('CONFLICT', issues[0]!.message, { issues });
    const texts = await decisionTexts(tx, fields, evaluations);
    const decision = await insertRecord(tx, ctx, 'titleDecisions', {
      number: fields.number,
      signedOn: fields.signedOn,
      ...texts,
      signerName: fields.signerName,
      place: fields.place,
      title: fields.title,
      year: fields.year,
    });
    for (const [position, evaluationId] of fields.evaluationIds.entries()) {
      await insertRecord(tx, ctx, 'titleDecisionEntries', { decisionId: decision.id, evaluationId, position });
      const before = await loadLiveRow(tx, 'titleEvaluations', evaluationId, 'Không tìm thấy hồ sơ đánh giá.');
      await updateRecord(tx, ctx, 'titleEvaluations', before, { status: 'cong_nhan' satisfies EvaluationStatus });
    }
    return toDto(decision, fields.evaluationIds);
  });
}

/** Withdraws a decision: its subjects go back to "Đề nghị công nhận" so a corrected decision can list them. */
export function deleteDecision(ctx: AppContext, input: { id: string; rev: number }): Promise<{ id: string }> {
  return inTransaction(ctx, async (tx) => {
    const before = await loadLiveDecision(tx, input.id);
    assertRevision(before, input.rev, 'Quyết định');
    const evaluationIds = (await entriesOf(tx, [input.id])).get(input.id) ?? [];
    await tombstoneRecord(tx, ctx, 'titleDecisions', before);
    for (const id of evaluationIds) {
      const evaluation = await tx.selectFrom('titleEvaluations').selectAll().where('id', '=', id).where('deletedAt', 'is', null).executeTakeFirst();
      if (evaluation?.status === 'cong_nhan') await updateRecord(tx, ctx, 'titleEvaluations', evaluation, { status: 'de_nghi' });
    }
    return { id: input.id };
  });
}

/**
 * Recognitions per commune, title and year: the subjects listed in a live
 * decision. Targets such as "40% người lớn đạt Công dân học tập" divide these
 * by the commune's yearly figure (adults, households, clans …).
 */
export async function countRecognitions(db: ReadDb, filter: { year?: number; title?: TitleKind } = {}): Promise<RecognitionCount[]> {
  let query = db
    .selectFrom('titleDecisionEntries as x')
    .innerJoin('titleDecisions as d', 'd.id', 'x.decisionId')
    .innerJoin('titleEvaluations as e', 'e.id', 'x.evaluationId')
    .select(['e.communeId', 'd.title', 'd.year', (eb) => eb.fn.countAll<number>().as('count')])
    .where('x.deletedAt', 'is', null)
    .where('d.deletedAt', 'is', null)
    .where('e.deletedAt', 'is', null);
  if (filter.year !== undefined) query = query.where('d.year', '=', filter.year);
  if (filter.title) query = query.where('d.title', '=', filter.title);
  const rows = await query.groupBy(['e.communeId', 'd.title', 'd.year']).orderBy('d.year').orderBy('d.title').execute();
  return rows.map((r) => ({ communeId: r.communeId, title: TitleKind.parse(r.title), year: r.year, count: Number(r.count) }));
}
