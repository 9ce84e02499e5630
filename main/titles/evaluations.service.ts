import { AppError } from '../../shared/errors.js';
import { SUBJECT_KIND_LABELS, SUBJECT_OF_TITLE, type EvaluationDto } from '../../shared/titles.js';
import { AreaKind, Scores, TITLE_LABELS, TitleKind, checkScores, scoreEvaluation, type CriteriaSetDefinition } from '../../shared/titles-criteria.js';
import { EvaluationStatus, STATUS_LABELS, refuseStep, scoresEditable } from '../../shared/titles-workflow.js';
import type { AppContext } from '../app/context.js';
import { assertRevision, inTransaction, insertRecord, loadLiveRow, tombstoneRecord, updateRecord, type ReadDb, type Tx } from '../db/records.js';
import { assertUnreferenced } from '../db/references.js';
import { areaOf, loadSet } from './criteria-sets.service.js';
import { loadPlaces, placeOf, type Place } from './places.js';
import { loadLiveSubject } from './subjects.service.js';
import type { TitleEvaluationsTable } from './titles.tables.js';

type EvaluationRow = TitleEvaluationsTable;

export interface EvaluationFilter {
  year?: number;
  title?: TitleKind;
  communeId?: string;
  status?: EvaluationStatus;
  subjectId?: string;
  ids?: readonly string[];
}

export async function listEvaluations(db: ReadDb, filter: EvaluationFilter): Promise<EvaluationDto[]> {
  let query = db
    .selectFrom('titleEvaluations as e')
    .leftJoin('titleSubjects as s', 's.id', 'e.subjectId')
    .innerJoin('criteriaSets as c', 'c.id', 'e.criteriaSetId')
    .selectAll('e')
    .select(['s.name as subjectName', 'c.version as criteriaSetVersion'])
    .where('e.deletedAt', 'is', null);
  if (filter.year !== undefined) query = query.where('e.year', '=', filter.year);
  if (filter.title) query = query.where('e.title', '=', filter.title);
  if (filter.communeId) query = query.where('e.communeId', '=', filter.communeId);
  if (filter.status) query = query.where('e.status', '=', filter.status);
  if (filter.subjectId) query = query.where('e.subjectId', '=', filter.subjectId);
  if (filter.ids) query = query.where('e.id', 'in', filter.ids.length > 0 ? [...filter.ids] : ['']);
  const rows = await query.orderBy('e.year', 'desc').orderBy('s.nameFolded').execute();
  const decisionOf = new Map(
    (
      await db
        .selectFrom('titleDecisionEntries')
        .select(['evaluationId', 'decisionId'])
        .where('deletedAt', 'is', null)
        .where('evaluationId', 'in', rows.length > 0 ? rows.map((r) => r.id) : [''])
        .execute()
    ).map((r) => [r.evaluationId, r.decisionId]),
  );
  const places = await loadPlaces(db);
  return rows.map((r) => toDto(r, r.subjectName ?? '', r.criteriaSetVersion, places, decisionOf.get(r.id) ?? null));
}

function toDto(row: EvaluationRow, subjectName: string, version: number, places: Map<string, Place>, decisionId: string | null): EvaluationDto {
  return {
    id: row.id,
    originOfficeId: row.originOfficeId,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
    rev: row.rev,
    subjectId: row.subjectId,
    subjectUnitId: row.subjectUnitId,
    subjectName: row.subjectUnitId ? (places.get(row.subjectUnitId)?.label ?? '') : subjectName,
    communeId: row.communeId,
    communeName: row.communeId ? (places.get(row.communeId)?.name ?? '') : '',
    year: row.year,
    title: TitleKind.parse(row.title),
    criteriaSetId: row.criteriaSetId,
    criteriaSetVersion: version,
    area: AreaKind.parse(row.area),
    scores: Scores.parse(JSON.parse(row.scores)),
    total: row.total,
    resultCode: row.resultCode,
    resultLabel: row.resultLabel,
    recognisedResult: row.recognisedResult === 1,
    status: EvaluationStatus.parse(row.status),
    evaluator: row.evaluator,
    evidence: row.evidence,
    decisionId,
  };
}

async function loadDto(db: ReadDb, id: string): Promise<EvaluationDto> {
  const [dto] = await listEvaluations(db, { ids: [id] });
  if (!dto) throw new AppError('NOT_FOUND', 'Không tìm thấy hồ sơ đánh giá (có thể đã bị xóa).');
  return dto;
}

export function loadLiveEvaluation(db: ReadDb, id: string): Promise<EvaluationRow> {
  return loadLiveRow(db, 'titleEvaluations', id, 'Không tìm thấy hồ sơ đánh giá (có thể đã bị xóa).');
}

export interface NewEvaluation {
  subjectId: string | null;
  subjectUnitId: string | null;
  year: number;
  title: TitleKind;
  criteriaSetId: string;
  area?: AreaKind;
}

/** Who is evaluated, checked against what the title is given to, and the commune the evaluation counts for. */
async function resolveSubject(db: ReadDb, input: NewEvaluation, places: Map<string, Place>): Promise<{ communeId: string | null; name: string }> {
  const expected = SUBJECT_OF_TITLE[input.title];
  if (input.subjectId !== null) {
    const subject = await loadLiveSubject(db, input.subjectId);
    if (expected !== subject.kind) {
      const wanted = expected === 'unit' ? 'một ấp hoặc xã' : SUBJECT_KIND_LABELS[expected].toLocaleLowerCase('vi');
      throw new AppError('VALIDATION', `Danh hiệu "${TITLE_LABELS[input.title]}" xét cho ${wanted}, không cho ${subject.name}.`);
    }
    return { communeId: subject.communeId, name: subject.name };
  }
  const place = placeOf(places, input.subjectUnitId!, 'subjectUnitId');
  const fits = input.title === 'cong_dong_xa' ? place.depth === 1 : input.title === 'cong_dong' ? place.depth >= 2 : false;
  if (!fits) throw new AppError('VALIDATION', `Danh hiệu "${TITLE_LABELS[input.title]}" không xét cho ${place.name}.`);
  return { communeId: place.communeId, name: place.name };
}

export async function createEvaluationInTx(tx: Tx, ctx: AppContext, input: NewEvaluation, places: Map<string, Place>): Promise<EvaluationRow> {
  const { row: set, definition } = await loadSet(tx, input.criteriaSetId);
  if (definition.title !== input.title) throw new AppError('VALIDATION', `Bộ tiêu chí "${set.name}" dùng cho danh hiệu ${TITLE_LABELS[definition.title]}, không phải ${TITLE_LABELS[input.title]}.`);
  if (set.current !== 1) throw new AppError('VALIDATION', `Bộ tiêu chí "${set.name}" đã có phiên bản mới hơn; hãy chọn phiên bản hiện hành.`);
  if (input.year < definition.fromYear || (definition.toYear !== null && input.year > definition.toYear)) {
    throw new AppError('VALIDATION', `Bộ tiêu chí "${set.name}" áp dụng từ năm ${definition.fromYear}${definition.toYear ? ` đến năm ${definition.toYear}` : ''}, không dùng cho năm ${input.year}.`);
  }
  const subject = await resolveSubject(tx, input, places);
  let twin = tx.selectFrom('titleEvaluations').select('id').where('deletedAt', 'is', null).where('title', '=', input.title).where('year', '=', input.year);
  twin = input.subjectId !== null ? twin.where('subjectId', '=', input.subjectId) : twin.where('subjectUnitId', '=', input.subjectUnitId);
  if (await twin.executeTakeFirst()) throw new AppError('CONFLICT', `${subject.name} đã có hồ sơ xét "${TITLE_LABELS[input.title]}" năm ${input.year}.`);
  return insertRecord(tx, ctx, 'titleEvaluations', {
    subjectId: input.subjectId,
    subjectUnitId: input.subjectUnitId,
    communeId: subject.communeId,
    year: input.year,
    title: input.title,
    criteriaSetId: set.id,
    area: input.area ?? (await areaOf(tx, subject.communeId)),
    scores: '{}',
    total: null,
    resultCode: null,
    resultLabel: '',
    recognisedResult: 0,
    status: 'dang_ky',
    evaluator: '',
    evidence: '',
  });
}

export function createEvaluation(ctx: AppContext, input: NewEvaluation): Promise<EvaluationDto> {
  return inTransaction(ctx, async (tx) => loadDto(tx, (await createEvaluationInTx(tx, ctx, input, await loadPlaces(tx))).id));
}

/** The stored result columns for scores on a set: total and result stay empty until every indicator is scored. */
export function resultColumns(definition: CriteriaSetDefinition, scores: Scores, area: AreaKind) {
  const score = scoreEvaluation(definition, scores, area);
  return {
    scores: JSON.stringify(scores),
    total: score.result === null ? null : score.total,
    resultCode: score.result?.code ?? null,
    resultLabel: score.result?.label ?? '',
    recognisedResult: score.result?.recognised ? 1 : 0,
  };
}

/** Refuses scores outside an indicator's range, naming the indicator; the set used is the version the evaluation was created on. */
export function assertScores(definition: CriteriaSetDefinition, scores: Scores, pathPrefix: (string | number)[] = ['scores']): void {
  const issues = checkScores(definition, scores);
  if (issues.length > 0) {
    throw new AppError('VALIDATION', `Điểm không hợp lệ: ${issues[0]!.message}`, { issues: issues.map((i) => ({ path: [...pathPrefix, i.indicator], message: i.message })) });
  }
}

export interface ScoresInput {
  id: string;
  rev: number;
  scores: Scores;
  evaluator: string;
  evidence: string;
  area?: AreaKind;
}

export function saveScores(ctx: AppContext, input: ScoresInput): Promise<EvaluationDto> {
  return inTransaction(ctx, async (tx) => {
    const before = await loadLiveEvaluation(tx, input.id);
    assertRevision(before, input.rev, 'Hồ sơ đánh giá');
    const status = EvaluationStatus.parse(before.status);
    if (!scoresEditable(status)) throw new AppError('VALIDATION', `Hồ sơ đang ở bước "${STATUS_LABELS[status]}": không sửa điểm được nữa.`);
    const { definition } = await loadSet(tx, before.criteriaSetId);
    assertScores(definition, input.scores);
    const area = input.area ?? AreaKind.parse(before.area);
    await updateRecord(tx, ctx, 'titleEvaluations', before, { ...resultColumns(definition, input.scores, area), area, evaluator: input.evaluator, evidence: input.evidence });
    return loadDto(tx, input.id);
  });
}

/** One step of the workflow; each step is one audited change of the evaluation's status. */
export function advanceEvaluation(ctx: AppContext, input: { id: string; rev: number; to: EvaluationStatus }): Promise<EvaluationDto> {
  return inTransaction(ctx, async (tx) => {
    const before = await loadLiveEvaluation(tx, input.id);
    assertRevision(before, input.rev, 'Hồ sơ đánh giá');
    const { definition } = await loadSet(tx, before.criteriaSetId);
    const score = scoreEvaluation(definition, Scores.parse(JSON.parse(before.scores)), AreaKind.parse(before.area));
    const refusal = refuseStep(EvaluationStatus.parse(before.status), input.to, { complete: score.missing.length === 0, recognisedResult: score.result?.recognised === true });
    if (refusal) throw new AppError('VALIDATION', refusal);
    await updateRecord(tx, ctx, 'titleEvaluations', before, { status: input.to });
    return loadDto(tx, input.id);
  });
}

export function deleteEvaluation(ctx: AppContext, input: { id: string; rev: number }): Promise<{ id: string }> {
  return inTransaction(ctx, async (tx) => {
    const before = await loadLiveEvaluation(tx, input.id);
    assertRevision(before, input.rev, 'Hồ sơ đánh giá');
    await assertUnreferenced(tx, 'titleEvaluations', input.id, 'hồ sơ đánh giá');
    await tombstoneRecord(tx, ctx, 'titleEvaluations', before);
    return { id: input.id };
  });
}
