import type { Generated } from 'kysely';
import type { AccountsTables } from '../accounts/accounts.tables.js';
import type { AgenciesTables } from '../agencies/agencies.tables.js';
import type { EvidenceTables } from '../evidence/evidence.tables.js';
import type { OfficeTables } from '../office/office.tables.js';
import type { PlansTables } from '../plan-documents/plan-documents.tables.js';
import type { ReportingTables } from '../reporting/reporting.tables.js';
import type { SearchTables } from '../search/search.tables.js';
import type { TargetsTables } from '../targets/targets.tables.js';
import type { TasksTables } from '../tasks/tasks.tables.js';
import type { UnitsTables } from '../units/units.tables.js';
import type { TitlesTables } from '../titles/titles.tables.js';
import type { TitleImportTables } from '../titles/import-presets.tables.js';
import type { CertificatesTables } from '../certificates/certificates.tables.js';
import type { AnnualReportTables } from '../annual-report/annual-report.tables.js';
import type { BundlesTables } from '../bundles/bundles.tables.js';

export type { SyncColumns } from './table-registry.js';

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

export interface AuditTables {
  auditLog: AuditLogTable;
}

/** Every table of the database: each feature declares its own in `<feature>.tables.ts`. */
export interface DB
  extends AuditTables,
    OfficeTables,
    AccountsTables,
    SearchTables,
    UnitsTables,
    AgenciesTables,
    PlansTables,
    TargetsTables,
    TasksTables,
    ReportingTables,
    EvidenceTables,
    TitlesTables,
    TitleImportTables,
    CertificatesTables,
    AnnualReportTables,
    BundlesTables {}
