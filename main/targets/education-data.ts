import type { PopulationFigure } from '../../shared/plan-model.js';
import type { EducationLevels } from '../../shared/target-progress.js';
import type { ReadDb } from '../db/records.js';
import { loadEducationForYear, loadFiguresForYear, loadUnitTree } from '../units/index.js';

/** The communes of the territory, their education status per year that has any, and their yearly figures. */
export interface EducationData {
  communes: { id: string; name: string }[];
  byYear: Map<number, Map<string, EducationLevels>>;
  /** Yearly figures per year, then per unit. */
  figures: Map<number, Map<string, Record<PopulationFigure, number>>>;
}

export const NO_DATA: EducationData = { communes: [], byYear: new Map(), figures: new Map() };

/** The office's communes: the units one level under its territory. */
export async function loadCommunes(db: ReadDb): Promise<{ id: string; name: string }[]> {
  return (await loadUnitTree(db)).filter((u) => u.depth === 1).map((u) => ({ id: u.id, name: u.name }));
}

/** Loads the communes' education status and figures for each year of a range; years with no commune data are left out. */
export async function loadEducationData(db: ReadDb, fromYear: number, toYear: number): Promise<EducationData> {
  const communes = await loadCommunes(db);
  const ids = new Set(communes.map((c) => c.id));
  const byYear = new Map<number, Map<string, EducationLevels>>();
  const figures = new Map<number, Map<string, Record<PopulationFigure, number>>>();
  for (let year = fromYear; year <= toYear; year++) {
    const rows = (await loadEducationForYear(db, year)).filter((r) => ids.has(r.unitId));
    if (rows.length > 0) byYear.set(year, new Map(rows.map((r) => [r.unitId, r])));
    const figureRows = (await loadFiguresForYear(db, year)).filter((r) => ids.has(r.unitId));
    if (figureRows.length > 0) figures.set(year, new Map(figureRows.map((r) => [r.unitId, r])));
  }
  return { communes, byYear, figures };
}

/** The latest year with data not after the limit. */
export function latestDataYear(data: EducationData, limit: number): number | null {
  const years = [...data.byYear.keys()].filter((y) => y <= limit);
  return years.length === 0 ? null : Math.max(...years);
}

/**
 * A unit's population figure of a year: a commune's own, or for the whole
 * territory (unitId null) the sum over its communes when every commune has
 * one. Null, with the communes missing, when it cannot be told.
 */
export function populationOf(data: EducationData, figure: PopulationFigure, unitId: string | null, year: number): { value: number | null; missing: string[] } {
  const ofYear = data.figures.get(year);
  if (unitId !== null) {
    const own = ofYear?.get(unitId)?.[figure];
    return own === undefined ? { value: null, missing: [data.communes.find((c) => c.id === unitId)?.name ?? ''] } : { value: own, missing: [] };
  }
  const missing = data.communes.filter((c) => !ofYear?.has(c.id)).map((c) => c.name);
  if (missing.length > 0 || data.communes.length === 0) return { value: null, missing };
  return { value: data.communes.reduce((n, c) => n + ofYear!.get(c.id)![figure], 0), missing: [] };
}
