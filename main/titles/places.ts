import { AppError } from '../../shared/errors.js';
import type { ReadDb } from '../db/records.js';
import { loadUnitTree } from '../units/index.js';

export interface Place {
  id: string;
  name: string;
  /** "Ấp Chiến Thắng, xã Tân Hộ Cơ" — how lists and the annex name where a subject lives. */
  label: string;
  depth: number;
  /** The commune (depth 1) the unit lies in, or null for the territory itself. */
  communeId: string | null;
}

/** Every live unit with its commune, loaded once per request or import (a territory has hundreds of units, not millions). */
export async function loadPlaces(db: ReadDb): Promise<Map<string, Place>> {
  const tree = await loadUnitTree(db);
  const byId = new Map(tree.map((u) => [u.id, u]));
  const places = new Map<string, Place>();
  for (const unit of tree) {
    let commune: typeof unit | undefined = unit;
    while (commune && commune.depth > 1) commune = commune.parentId ? byId.get(commune.parentId) : undefined;
    const communeId = commune && commune.depth === 1 ? commune.id : null;
    const name = `${unit.type} ${unit.name}`;
    const label = communeId && communeId !== unit.id ? `${name}, ${byId.get(communeId)!.type.toLocaleLowerCase('vi')} ${byId.get(communeId)!.name}` : name;
    places.set(unit.id, { id: unit.id, name, label, depth: unit.depth, communeId });
  }
  return places;
}

/**
 * The places of a few units (a page of a million-person list), read by walking
 * up from them rather than loading the whole tree for every page.
 */
export async function loadPlacesFor(db: ReadDb, unitIds: readonly string[]): Promise<Map<string, Place>> {
  type Row = { id: string; parentId: string | null; name: string; type: string };
  const known = new Map<string, Row>();
  let wanted = [...new Set(unitIds)];
  for (let level = 0; wanted.length > 0 && level < 16; level++) {
    const rows = await db.selectFrom('units').select(['id', 'parentId', 'name', 'type']).where('id', 'in', wanted).where('deletedAt', 'is', null).execute();
    for (const r of rows) known.set(r.id, r);
    wanted = [...new Set(rows.flatMap((r) => (r.parentId && !known.has(r.parentId) ? [r.parentId] : [])))];
  }
  const chainOf = (id: string): Row[] => {
    const chain: Row[] = [];
    for (let u = known.get(id); u && chain.length < 16; u = u.parentId ? known.get(u.parentId) : undefined) chain.unshift(u);
    return chain;
  };
  const places = new Map<string, Place>();
  for (const id of new Set(unitIds)) {
    const chain = chainOf(id);
    const unit = chain.at(-1);
    if (!unit || chain[0]!.parentId !== null) continue;
    const commune = chain[1];
    const name = `${unit.type} ${unit.name}`;
    const label = commune && commune.id !== unit.id ? `${name}, ${commune.type.toLocaleLowerCase('vi')} ${commune.name}` : name;
    places.set(id, { id, name, label, depth: chain.length - 1, communeId: commune?.id ?? null });
  }
  return places;
}

export function placeOf(places: Map<string, Place>, unitId: string, field = 'unitId'): Place {
  const place = places.get(unitId);
  if (!place) throw new AppError('VALIDATION', 'Đơn vị (ấp, xã) không tồn tại hoặc đã bị xóa', { issues: [{ path: [field], message: 'Đơn vị không tồn tại' }] });
  return place;
}
