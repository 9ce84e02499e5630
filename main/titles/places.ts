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

export function placeOf(places: Map<string, Place>, unitId: string, field = 'unitId'): Place {
  const place = places.get(unitId);
  if (!place) throw new AppError('VALIDATION', 'Đơn vị (ấp, xã) không tồn tại hoặc đã bị xóa', { issues: [{ path: [field], message: 'Đơn vị không tồn tại' }] });
  return place;
}
