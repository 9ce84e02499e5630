import type { EducationLevels } from '../../shared/target-progress.js';
import type { ReadDb } from '../db/records.js';
import { loadEducationForYear, loadUnitTree } from '../units/index.js';

/** The communes of the territory and their education status per year that has any. */
export interface EducationData {
  communes: { id: string; name: string }[];
  byYear: Map<number, Map<string, EducationLevels>>;
}

/** The office's communes: the units one level under its territory. */
export async function loadCommunes(db: ReadDb): Promise<{ id: string; name: string }[]> {
  return (await loadUnitTree(db)).filter((u) => u.depth === 1).map((u) => ({ id: u.id, name: u.name }));
}

/** Loads the communes' education status for each year of a range; years with no commune data are left out. */
export async function loadEducationData(db: ReadDb, fromYear: number, toYear: number): Promise<EducationData> {
  const communes = await loadCommunes(db);
  const ids = new Set(communes.map((c) => c.id));
  const byYear = new Map<number, Map<string, EducationLevels>>();
  for (let year = fromYear; year <= toYear; year++) {
    const rows = (await loadEducationForYear(db, year)).filter((r) => ids.has(r.unitId));
    if (rows.length > 0) byYear.set(year, new Map(rows.map((r) => [r.unitId, r])));
  }
  return { communes, byYear };
}

/** The latest year with data not after the limit. */
export function latestDataYear(data: EducationData, limit: number): number | null {
  const years = [...data.byYear.keys()].filter((y) => y <= limit);
  return years.length === 0 ? null : Math.max(...years);
}
