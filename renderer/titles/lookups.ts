import { useQuery } from '@tanstack/react-query';
import { apiQuery } from '../components/api';

/** Communes (depth 1) and every unit with a readable label ("Ấp Chiến Thắng — xã Tân Hộ Cơ") for pickers. */
export function useUnitOptions() {
  const tree = useQuery(apiQuery('units.tree', {}));
  const units = tree.data ?? [];
  const byId = new Map(units.map((u) => [u.id, u]));
  const communeOf = (id: string | null): (typeof units)[number] | undefined => {
    let unit = id ? byId.get(id) : undefined;
    while (unit && unit.depth > 1) unit = unit.parentId ? byId.get(unit.parentId) : undefined;
    return unit?.depth === 1 ? unit : undefined;
  };
  const communes = units.filter((u) => u.depth === 1).map((u) => ({ value: u.id, label: `${u.type} ${u.name}` }));
  const places = units
    .filter((u) => u.depth >= 1)
    .map((u) => {
      const commune = communeOf(u.id);
      const suffix = commune && commune.id !== u.id ? ` — ${commune.type.toLocaleLowerCase('vi')} ${commune.name}` : '';
      return { value: u.id, label: `${u.type} ${u.name}${suffix}`, depth: u.depth };
    });
  return { communes, places, loading: tree.isPending };
}

export const YEAR_OPTIONS = Array.from({ length: 12 }, (_, i) => 2020 + i).map((y) => ({ value: y, label: `Năm ${y}` }));
