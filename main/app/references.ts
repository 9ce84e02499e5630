import type { ReadDb } from '../db/rows.js';
import { findAgencyReferences, findUnitReferences } from '../plans/index.js';

/**
 * What else refers to a unit or an agency, as Vietnamese phrases
 * ("2 nhiệm vụ của kế hoạch 4344/KH-UBND"). A feature whose rows point at
 * units or agencies adds its finder here, so deletion is refused while they exist.
 */
export type ReferenceFinder = (db: ReadDb, id: string) => Promise<string[]>;

export const UNIT_REFERENCE_FINDERS: readonly ReferenceFinder[] = [findUnitReferences];
export const AGENCY_REFERENCE_FINDERS: readonly ReferenceFinder[] = [findAgencyReferences];

export async function describeReferences(db: ReadDb, id: string, finders: readonly ReferenceFinder[]): Promise<string[]> {
  const found = await Promise.all(finders.map((find) => find(db, id)));
  return found.flat();
}
