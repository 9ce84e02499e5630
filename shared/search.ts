import { z } from 'zod';
import { query } from './op.js';

export const SearchEntity = z.enum(['unit', 'agency', 'plan', 'task', 'target']);
export type SearchEntity = z.infer<typeof SearchEntity>;
export const SEARCH_ENTITY_LABELS: Record<SearchEntity, string> = {
  unit: 'Đơn vị',
  agency: 'Cơ quan',
  plan: 'Kế hoạch',
  task: 'Nhiệm vụ',
  target: 'Mục tiêu',
};

export const SearchHit = z.object({
  entity: SearchEntity,
  id: z.string(),
  label: z.string(),
  detail: z.string(),
});
export type SearchHit = z.infer<typeof SearchHit>;

export const SearchInput = z.object({
  text: z.string().max(200, 'Từ khóa quá dài'),
  entities: z.array(SearchEntity).optional(),
  limit: z.number().int().min(1).max(100).default(20),
});

export const searchOps = {
  /** Finds records by words typed with or without diacritics: "tan hong" finds "Tân Hồng". */
  'search.query': query(SearchInput, z.array(SearchHit)),
} as const;
