import type { Generated } from 'kysely';
import type { PlansTables } from './tables/plans.tables.js';

/** Columns of every row that travels in bundles (DESIGN.md, data rules). */
export interface SyncColumns {
  id: string;
  originOfficeId: string;
  createdAt: string;
  updatedAt: string;
  rev: number;
  deletedAt: string | null;
}

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

export interface AuditLogTable {
  seq: Generated<number>;
  at: string;
  actor: string;
  operation: string;
  entity: string;
  recordId: string;
  before: string | null;
  after: string | null;
}

export interface SearchIndexTable {
  entity: string;
  recordId: string;
  label: string;
  detail: string;
  folded: string;
}

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

export interface AgenciesTable extends SyncColumns {
  name: string;
  shortName: string;
  kind: 'chuyen_mon' | 'doan_the' | 'ubnd_xa' | 'khac';
  contact: string;
}

export interface CoreTables {
  office: OfficeTable;
  auditLog: AuditLogTable;
  searchIndex: SearchIndexTable;
  units: UnitsTable;
  unitFigures: UnitFiguresTable;
  unitEducation: UnitEducationTable;
  agencies: AgenciesTable;
}

/** Every table of the database; a feature adds its tables through its own interface. */
export interface DB extends CoreTables, PlansTables {}
