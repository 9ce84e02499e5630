import type { Kysely } from 'kysely';
import type { EducationStatusDto, EducationValues, FigureSumsDto, FigureValues, UnitFiguresDto } from '../../shared/units.js';
import type { AppContext } from '../app/context.js';
import { inTransaction, insertRecord, updateRecord, type FieldsOf, type ReadDb, type Tx } from '../db/records.js';
import type { UnitEducationTable, UnitFiguresTable } from './units.tables.js';
import { loadLiveUnit } from './units.repo.js';

/** The two per-unit, per-year tables; both are upserted the same way. */
type YearlyTable = 'unitFigures' | 'unitEducation';
type YearlyRow<T extends YearlyTable> = T extends 'unitFigures' ? UnitFiguresTable : UnitEducationTable;

const FIGURE_KEYS = ['households', 'clans', 'adults', 'workingAge', 'officials', 'organisations'] as const;

/** Inserts or replaces the row of one unit and year, keeping its id and bumping its revision. */
export async function upsertYearlyInTx<T extends YearlyTable>(
  tx: Tx,
  ctx: AppContext,
  table: T,
  unitId: string,
  year: number,
  values: Omit<YearlyRow<T>, keyof YearlyRow<'unitFigures'> & keyof YearlyRow<'unitEducation'>>,
): Promise<YearlyRow<T>> {
  // The two tables share these columns; Kysely cannot type a query over a union of tables.
  const loose = tx as unknown as Kysely<any>;
  const before = (await loose
    .selectFrom(table as string)
    .selectAll()
    .where('unitId', '=', unitId)
    .where('year', '=', year)
    .where('deletedAt', 'is', null)
    .executeTakeFirst()) as YearlyRow<T> | undefined;
  if (before) return (await updateRecord(tx, ctx, table, before as never, values as never)) as YearlyRow<T>;
  return (await insertRecord(tx, ctx, table, { unitId, year, ...values } as FieldsOf<T>)) as YearlyRow<T>;
}

export async function saveFiguresInTx(tx: Tx, ctx: AppContext, input: FigureValues & { unitId: string; year: number }): Promise<UnitFiguresDto> {
  await loadLiveUnit(tx, input.unitId);
  const values = Object.fromEntries(FIGURE_KEYS.map((k) => [k, input[k]])) as FigureValues;
  return toFiguresDto(await upsertYearlyInTx(tx, ctx, 'unitFigures', input.unitId, input.year, values));
}

export function saveFigures(ctx: AppContext, input: FigureValues & { unitId: string; year: number }): Promise<UnitFiguresDto> {
  return inTransaction(ctx, (tx) => saveFiguresInTx(tx, ctx, input));
}

export function saveEducation(ctx: AppContext, input: EducationValues & { unitId: string; year: number }): Promise<EducationStatusDto> {
  return inTransaction(ctx, async (tx) => {
    await loadLiveUnit(tx, input.unitId);
    const values = {
      literacyLevel: input.literacyLevel,
      preschoolUniversal: input.preschoolUniversal ? 1 : 0,
      primaryLevel: input.primaryLevel,
      lowerSecondaryLevel: input.lowerSecondaryLevel,
      learningCentreIT: input.learningCentreIT ? 1 : 0,
    };
    return toEducationDto(await upsertYearlyInTx(tx, ctx, 'unitEducation', input.unitId, input.year, values));
  });
}

export async function loadUnitYearly(db: ReadDb, unitId: string): Promise<{ figures: UnitFiguresDto[]; education: EducationStatusDto[] }> {
  const [figures, education] = await Promise.all([
    db.selectFrom('unitFigures').selectAll().where('unitId', '=', unitId).where('deletedAt', 'is', null).orderBy('year', 'desc').execute(),
    db.selectFrom('unitEducation').selectAll().where('unitId', '=', unitId).where('deletedAt', 'is', null).orderBy('year', 'desc').execute(),
  ]);
  return { figures: figures.map(toFiguresDto), education: education.map(toEducationDto) };
}

/** Education status of every unit for a year, for computed target actuals. */
export function loadEducationForYear(db: ReadDb, year: number): Promise<UnitEducationTable[]> {
  return db.selectFrom('unitEducation').selectAll().where('year', '=', year).where('deletedAt', 'is', null).execute();
}

/**
 * The yearly figures of a unit's direct children summed per year, with how
 * many children reported: a territory's figures are its communes' sums.
 */
export async function sumChildFigures(db: ReadDb, unitId: string): Promise<FigureSumsDto[]> {
  const children = await db.selectFrom('units').select(['id', 'name']).where('parentId', '=', unitId).where('deletedAt', 'is', null).execute();
  if (children.length === 0) return [];
  const rows = await db
    .selectFrom('unitFigures')
    .selectAll()
    .where('unitId', 'in', children.map((c) => c.id))
    .where('deletedAt', 'is', null)
    .execute();
  const byYear = new Map<number, UnitFiguresTable[]>();
  for (const row of rows) byYear.set(row.year, [...(byYear.get(row.year) ?? []), row]);
  return [...byYear]
    .sort(([a], [b]) => b - a)
    .map(([year, list]) => {
      const reported = new Set(list.map((r) => r.unitId));
      const sums = Object.fromEntries(FIGURE_KEYS.map((k) => [k, list.reduce((n, r) => n + r[k], 0)])) as FigureValues;
      const missing = children.filter((c) => !reported.has(c.id)).map((c) => c.name).sort((a, b) => a.localeCompare(b, 'vi'));
      return { year, ...sums, reported: reported.size, of: children.length, missing };
    });
}

/** Figures of every unit for a year, for percentage targets. */
export function loadFiguresForYear(db: ReadDb, year: number): Promise<UnitFiguresTable[]> {
  return db.selectFrom('unitFigures').selectAll().where('year', '=', year).where('deletedAt', 'is', null).execute();
}

function toFiguresDto(row: UnitFiguresTable): UnitFiguresDto {
  const { id, unitId, year, rev } = row;
  return { id, unitId, year, rev, ...(Object.fromEntries(FIGURE_KEYS.map((k) => [k, row[k]])) as FigureValues) };
}

function toEducationDto(row: UnitEducationTable): EducationStatusDto {
  return {
    id: row.id,
    unitId: row.unitId,
    year: row.year,
    rev: row.rev,
    literacyLevel: row.literacyLevel as EducationValues['literacyLevel'],
    preschoolUniversal: row.preschoolUniversal === 1,
    primaryLevel: row.primaryLevel as EducationValues['primaryLevel'],
    lowerSecondaryLevel: row.lowerSecondaryLevel as EducationValues['lowerSecondaryLevel'],
    learningCentreIT: row.learningCentreIT === 1,
  };
}
