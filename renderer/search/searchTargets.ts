import type { SearchEntity, SearchHit } from '../../shared/search';
import { SEARCH_ENTITY_LABELS } from '../../shared/search';

/** Where choosing a hit goes. Target hits carry only their own id, so they open the plan list. */
export function pathOfHit(hit: Pick<SearchHit, 'entity' | 'id'>): string {
  const id = encodeURIComponent(hit.id);
  switch (hit.entity) {
    case 'unit':
      return `/units/${id}`;
    case 'agency':
      return `/agencies?focus=${id}`;
    case 'plan':
      return `/plans/${id}`;
    case 'task':
      return `/tasks?focus=${id}`;
    case 'target':
      return '/plans';
  }
}

const ENTITY_ORDER: SearchEntity[] = ['unit', 'agency', 'plan', 'task', 'target'];

export const optionValueOf = (hit: SearchHit) => `${hit.entity}:${hit.id}`;

/** Hits grouped under their entity label, in a fixed order, keeping the ranking inside each group. */
export function groupHits(hits: SearchHit[]): { entity: SearchEntity; label: string; hits: SearchHit[] }[] {
  return ENTITY_ORDER.map((entity) => ({ entity, label: SEARCH_ENTITY_LABELS[entity], hits: hits.filter((h) => h.entity === entity) })).filter(
    (group) => group.hits.length > 0,
  );
}
