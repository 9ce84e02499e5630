import type { SearchEntry } from '../search/index.js';
import type { UnitsTable } from './units.tables.js';

/**
 * How a unit is found: by its own name and code (the chain above is shown,
 * not searched, or "tan" would find every hamlet); the territory is also
 * found by its province. `ancestors` runs from the parent up to the root.
 */
export function unitSearchEntry(
  unit: Pick<UnitsTable, 'id' | 'code' | 'name' | 'type' | 'parentId'>,
  ancestors: readonly Pick<UnitsTable, 'name' | 'type'>[],
  provinceName: string,
): SearchEntry {
  const province = provinceName ? `tỉnh ${provinceName}` : '';
  const detail = [...ancestors.map((a) => `${a.type} ${a.name}`), province].filter(Boolean).join(', ');
  const text = unit.parentId === null ? `${unit.code} ${province}` : unit.code;
  return { entity: 'unit', recordId: unit.id, label: `${unit.type} ${unit.name}`, detail, text };
}
