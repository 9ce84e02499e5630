import { registerTables } from '../db/table-registry.js';

export interface OfficeTable {
  id: string;
  name: string;
  code: string;
  level: 'tinh' | 'huyen' | 'xa';
  rootUnitId: string;
  provinceName: string;
  /** JSON array of level names, root level first. */
  levelNames: string;
  publicKey: string;
  createdAt: string;
  updatedAt: string;
}

export interface OfficeTables {
  office: OfficeTable;
}

/** The office row is this installation's identity; a bundle names its sender in bundle.json instead. */
export const officeTables = registerTables<OfficeTables>('office', {
  office: { synced: false, travels: false, parents: [] },
});
