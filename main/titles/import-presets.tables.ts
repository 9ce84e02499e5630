import { registerTables } from '../db/table-registry.js';

/** A column mapping saved by the office for one kind of titles list. */
export interface TitleImportPresetsTable {
  id: string;
  kind: string;
  name: string;
  /** JSON Mapping: field → header. */
  columns: string;
  updatedAt: string;
}

export interface TitleImportTables {
  titleImportPresets: TitleImportPresetsTable;
}

export const titleImportTables = registerTables<TitleImportTables>('titles', {
  titleImportPresets: { synced: false, travels: false, parents: [] },
});
