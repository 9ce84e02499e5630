import { sql } from 'kysely';
import { AppError } from '../../shared/errors.js';
import { foldText } from '../../shared/text.js';
import { SUBJECT_COUNT_CAP, SUBJECT_KIND_LABELS, maskIdNumber, type SubjectDto, type SubjectFields, type SubjectPage } from '../../shared/titles.js';
import { Gender, OrgKind, SubjectKind } from '../../shared/titles.js';
import type { AppContext } from '../app/context.js';
import { assertRevision, inTransaction, insertRecord, loadLiveRow, tombstoneRecord, updateRecord, type ReadDb, type Tx } from '../db/records.js';
import { assertUnreferenced } from '../db/references.js';
import { loadPlaces, loadPlacesFor, placeOf, type Place } from './places.js';
import type { TitleSubjectsTable } from './titles.tables.js';

/** The highest code point: `folded || MAX` bounds a prefix range on the folded-name index. */
const MAX_CHAR = '\u{10FFFF}';

export function toSubjectDto(row: TitleSubjectsTable, places: Map<string, Place>, showIdNumber: boolean): SubjectDto {
  return {
    id: row.id,
    originOfficeId: row.originOfficeId,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
    rev: row.rev,
    kind: SubjectKind.parse(row.kind),
    name: row.name,
    unitId: row.unitId,
    unitName: places.get(row.unitId)?.label ?? '',
    communeId: row.communeId,
    gender: row.gender === null ? null : Gender.parse(row.gender),
    birthYear: row.birthYear,
    ethnicity: row.ethnicity,
    religion: row.religion,
    labourGroup: row.labourGroup,
    idNumber: showIdNumber ? row.idNumber : maskIdNumber(row.idNumber),
    householdId: row.householdId,
    address: row.address,
    representative: row.representative,
    hamletIds: JSON.parse(row.hamletIds) as string[],
    orgKind: row.orgKind === null ? null : OrgKind.parse(row.orgKind),
    orgLevel: row.orgLevel,
    note: row.note,
  };
}

export interface SubjectQuery {
  kind: SubjectFields['kind'];
  unitId?: string;
  search: string;
  offset: number;
  limit: number;
  showIdNumbers: boolean;
}

/** One page of subjects of a kind in name order, under a commune or hamlet, whose folded name starts with the search. */
export async function listSubjects(db: ReadDb, q: SubjectQuery): Promise<SubjectPage> {
  let query = db.selectFrom('titleSubjects').where('deletedAt', 'is', null).where('kind', '=', q.kind);
  if (q.unitId) {
    const place = placeOf(await loadPlacesFor(db, [q.unitId]), q.unitId);
    query = place.depth === 1 ? query.where('communeId', '=', place.id) : query.where('unitId', '=', place.id);
  }
  const folded = foldText(q.search);
  if (folded !== '') query = query.where('nameFolded', '>=', folded).where('nameFolded', '<', folded + MAX_CHAR);
  const rows = await query.selectAll().orderBy('nameFolded').orderBy('id').limit(q.limit).offset(q.offset).execute();
  const counted = await db
    .selectFrom(query.select(sql.lit(1).as('one')).limit(SUBJECT_COUNT_CAP + 1).as('page'))
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  const places = await loadPlacesFor(db, rows.map((r) => r.unitId));
  return { rows: rows.map((r) => toSubjectDto(r, places, q.showIdNumbers)), total: Number(counted.n) };
}

export async function getSubject(db: ReadDb, id: string, showIdNumber: boolean): Promise<SubjectDto> {
  const row = await loadLiveSubject(db, id);
  return toSubjectDto(row, await loadPlacesFor(db, [row.unitId]), showIdNumber);
}

export function loadLiveSubject(db: ReadDb, id: string): Promise<TitleSubjectsTable> {
  return loadLiveRow(db, 'titleSubjects', id, 'Không tìm thấy đối tượng (có thể đã bị xóa).');
}

/** The stored columns of a subject: folded name and commune derived here, so every writer (form, import) agrees. */
export function subjectColumns(fields: SubjectFields, place: Place): Omit<TitleSubjectsTable, 'id' | 'originOfficeId' | 'createdAt' | 'updatedAt' | 'rev' | 'deletedAt'> {
  return {
    kind: fields.kind,
    name: fields.name,
    nameFolded: foldText(fields.name),
    unitId: place.id,
    communeId: place.communeId,
    gender: fields.gender,
    birthYear: fields.birthYear,
    ethnicity: fields.ethnicity,
    religion: fields.religion,
    labourGroup: fields.labourGroup,
    idNumber: fields.idNumber,
    householdId: fields.householdId,
    address: fields.address,
    representative: fields.representative,
    hamletIds: JSON.stringify(fields.hamletIds),
    orgKind: fields.orgKind,
    orgLevel: fields.orgLevel,
    note: fields.note,
  };
}

/**
 * The same person twice is the commonest list error: same ID number, or the
 * same folded name, birth year and hamlet. Names the one already there.
 */
export async function findDuplicate(db: ReadDb, columns: Pick<TitleSubjectsTable, 'kind' | 'nameFolded' | 'birthYear' | 'unitId' | 'idNumber'>, exceptId: string | null): Promise<TitleSubjectsTable | undefined> {
  let query = db.selectFrom('titleSubjects').selectAll().where('deletedAt', 'is', null).where('kind', '=', columns.kind);
  if (exceptId) query = query.where('id', '!=', exceptId);
  return query
    .where((eb) => {
      const name = eb.and([eb('nameFolded', '=', columns.nameFolded), eb('unitId', '=', columns.unitId), columns.birthYear === null ? eb('birthYear', 'is', null) : eb('birthYear', '=', columns.birthYear)]);
      return columns.idNumber === null ? name : eb.or([name, eb('idNumber', '=', columns.idNumber)]);
    })
    .executeTakeFirst();
}

export function describeSubject(row: Pick<TitleSubjectsTable, 'name' | 'birthYear' | 'unitId'>, places: Map<string, Place>): string {
  const born = row.birthYear === null ? '' : `, sinh năm ${row.birthYear}`;
  return `${row.name}${born} (${places.get(row.unitId)?.label ?? 'đơn vị đã xóa'})`;
}

async function checkLinks(db: ReadDb, fields: SubjectFields, places: Map<string, Place>): Promise<void> {
  for (const [i, hamletId] of fields.hamletIds.entries()) placeOf(places, hamletId, `hamletIds.${i}`);
  if (fields.householdId !== null) {
    const household = await db.selectFrom('titleSubjects').select(['kind']).where('id', '=', fields.householdId).where('deletedAt', 'is', null).executeTakeFirst();
    if (household?.kind !== 'household') {
      throw new AppError('VALIDATION', 'Hộ gia đình được chọn không tồn tại', { issues: [{ path: ['householdId'], message: 'Hộ gia đình không tồn tại' }] });
    }
  }
}

async function assertNoDuplicate(db: ReadDb, columns: ReturnType<typeof subjectColumns>, exceptId: string | null, places: Map<string, Place>): Promise<void> {
  const twin = await findDuplicate(db, columns, exceptId);
  if (twin) {
    const same = columns.idNumber !== null && twin.idNumber === columns.idNumber ? 'cùng số CCCD' : 'cùng họ tên, năm sinh và nơi ở';
    throw new AppError('CONFLICT', `Đã có ${SUBJECT_KIND_LABELS[SubjectKind.parse(twin.kind)].toLocaleLowerCase('vi')} ${describeSubject(twin, places)} ${same}.`, {
      duplicateOf: twin.id,
    });
  }
}

export async function createSubjectInTx(tx: Tx, ctx: AppContext, fields: SubjectFields, places: Map<string, Place>): Promise<TitleSubjectsTable> {
  const columns = subjectColumns(fields, placeOf(places, fields.unitId));
  await checkLinks(tx, fields, places);
  await assertNoDuplicate(tx, columns, null, places);
  return insertRecord(tx, ctx, 'titleSubjects', columns);
}

export function createSubject(ctx: AppContext, fields: SubjectFields): Promise<SubjectDto> {
  return inTransaction(ctx, async (tx) => {
    const places = await loadPlaces(tx);
    return toSubjectDto(await createSubjectInTx(tx, ctx, fields, places), places, true);
  });
}

export function updateSubject(ctx: AppContext, input: SubjectFields & { id: string; rev: number }): Promise<SubjectDto> {
  return inTransaction(ctx, async (tx) => {
    const before = await loadLiveSubject(tx, input.id);
    assertRevision(before, input.rev, 'Đối tượng');
    if (before.kind !== input.kind) throw new AppError('VALIDATION', 'Không đổi được loại đối tượng; hãy xóa và thêm lại.');
    const places = await loadPlaces(tx);
    const columns = subjectColumns(input, placeOf(places, input.unitId));
    if (input.householdId === input.id) throw new AppError('VALIDATION', 'Một hộ không thể là thành viên của chính nó.');
    await checkLinks(tx, input, places);
    await assertNoDuplicate(tx, columns, input.id, places);
    return toSubjectDto(await updateRecord(tx, ctx, 'titleSubjects', before, columns), places, true);
  });
}

export function deleteSubject(ctx: AppContext, input: { id: string; rev: number }): Promise<{ id: string }> {
  return inTransaction(ctx, async (tx) => {
    const before = await loadLiveSubject(tx, input.id);
    assertRevision(before, input.rev, 'Đối tượng');
    await assertUnreferenced(tx, 'titleSubjects', input.id, `"${before.name}"`);
    await tombstoneRecord(tx, ctx, 'titleSubjects', before);
    return { id: input.id };
  });
}
