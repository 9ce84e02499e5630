import { useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import type { AgencyDto } from '../../../shared/agencies';
import { compareVietnamese, foldText, matchesFolded } from '../../../shared/text';
import { apiQuery } from '../../components/api';

export interface Option {
  value: string;
  label: string;
}

/** A select's search that ignores diacritics: "phong gd" finds "Phòng GD&ĐT". */
export const foldedSearch = {
  filterOption: (input: string, option?: { label?: unknown }) => matchesFolded(String(option?.label ?? ''), input),
};

export const agencyLabel = (a: AgencyDto) => (a.shortName && a.shortName !== a.name ? `${a.name} (${a.shortName})` : a.name);

export function useAgencies() {
  const query = useQuery(apiQuery('agencies.list', {}));
  return useMemo(() => {
    const list = [...(query.data ?? [])].sort((a, b) => compareVietnamese(a.name, b.name));
    const byId = new Map(list.map((a) => [a.id, a]));
    const options: Option[] = list.map((a) => ({ value: a.id, label: agencyLabel(a) }));
    /** The short name where there is one: tags stay narrow. */
    const shortName = (id: string | null) => {
      const agency = id ? byId.get(id) : undefined;
      return agency ? agency.shortName || agency.name : '';
    };
    const fullName = (id: string | null) => (id ? (byId.get(id)?.name ?? '') : '');
    return { list, byId, options, shortName, fullName, isPending: query.isPending };
  }, [query.data, query.isPending]);
}

/** The office's communes (depth 1 of the unit tree). */
export function useCommunes() {
  const query = useQuery(apiQuery('units.tree', {}));
  return useMemo(() => {
    const communes = (query.data ?? []).filter((u) => u.depth === 1);
    const options: Option[] = communes.map((u) => ({ value: u.id, label: communeName(u) }));
    const nameOf = new Map(communes.map((u) => [u.id, u.name]));
    return { communes, options, nameOf, isPending: query.isPending };
  }, [query.data, query.isPending]);
}

/** "Xã Tân Hộ Cơ", but "Thị trấn Sa Rài" not doubled when the name already starts with its type. */
export function communeName(unit: { type: string; name: string }): string {
  const name = foldText(unit.name);
  const type = foldText(unit.type);
  return type === '' || name.startsWith(type) ? unit.name : `${unit.type} ${unit.name}`;
}
