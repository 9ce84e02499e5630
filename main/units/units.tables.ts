import { registerTables, type SyncColumns } from '../db/table-registry.js';

export interface UnitsTable extends SyncColumns {
  parentId: string | null;
  code: string;
  name: string;
  type: string;
}

export interface UnitFiguresTable extends SyncColumns {
  unitId: string;
  year: number;
  households: number;
  clans: number;
  adults: number;
  workingAge: number;
  officials: number;
  organisations: number;
}

export interface UnitEducationTable extends SyncColumns {
  unitId: string;
  year: number;
  literacyLevel: number;
  preschoolUniversal: number;
  primaryLevel: number;
  lowerSecondaryLevel: number;
  learningCentreIT: number;
}

export interface UnitsTables {
  units: UnitsTable;
  unitFigures: UnitFiguresTable;
  unitEducation: UnitEducationTable;
}

export const unitsTables = registerTables<UnitsTables>('units', {
  units: {
    synced: true,
    travels: true,
    parents: [{ column: 'parentId', table: 'units', onDelete: 'restrict', noun: 'đơn vị trực thuộc' }],
    label: (row) => `${String(row.type)} ${String(row.name)}`,
    bundle: { matchBy: ['code'] },
  },
  unitFigures: { synced: true, travels: true, parents: [{ column: 'unitId', table: 'units', onDelete: 'cascade' }], ownerColumn: 'unitId', bundle: { period: ['year'], matchBy: ['unitId', 'year'] } },
  unitEducation: { synced: true, travels: true, parents: [{ column: 'unitId', table: 'units', onDelete: 'cascade' }], ownerColumn: 'unitId', bundle: { period: ['year'], matchBy: ['unitId', 'year'] } },
});
