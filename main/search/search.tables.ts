import { registerTables } from '../db/table-registry.js';

export interface SearchIndexTable {
  entity: string;
  recordId: string;
  label: string;
  detail: string;
  folded: string;
}

export interface SearchTables {
  searchIndex: SearchIndexTable;
}

/** Derived from the records it indexes; every office rebuilds its own. */
export const searchTables = registerTables<SearchTables>('search', {
  searchIndex: { synced: false, travels: false, parents: [] },
});
