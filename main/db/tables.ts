import { accountsTables } from '../accounts/accounts.tables.js';
import { agenciesTables } from '../agencies/agencies.tables.js';
import { evidenceTables } from '../evidence/evidence.tables.js';
import { officeTables } from '../office/office.tables.js';
import { plansTables } from '../plan-documents/plan-documents.tables.js';
import { reportingTables } from '../reporting/reporting.tables.js';
import { searchTables } from '../search/search.tables.js';
import { targetsTables } from '../targets/targets.tables.js';
import { tasksTables } from '../tasks/tasks.tables.js';
import { unitsTables } from '../units/units.tables.js';
import { titlesTables } from '../titles/titles.tables.js';
import { titleImportTables } from '../titles/import-presets.tables.js';
import { certificatesTables } from '../certificates/certificates.tables.js';
import { annualReportTables } from '../annual-report/annual-report.tables.js';
import { bundlesTables } from '../bundles/bundles.tables.js';
import { ANY_TABLE, type TableRegistration } from './table-registry.js';

const auditTables: TableRegistration[] = [{ name: 'auditLog', feature: 'db', synced: false, travels: false, parents: [] }];

/**
 * Every table, as its feature registered it. A new feature joins by adding its
 * registrations here and its row types to DB in schema.ts; a test checks that
 * this list and the migrated database name the same tables.
 */
export const TABLES: readonly TableRegistration[] = [
  ...auditTables,
  ...officeTables,
  ...accountsTables,
  ...searchTables,
  ...unitsTables,
  ...agenciesTables,
  ...plansTables,
  ...targetsTables,
  ...tasksTables,
  ...reportingTables,
  ...evidenceTables,
  ...titlesTables,
  ...titleImportTables,
  ...certificatesTables,
  ...annualReportTables,
  ...bundlesTables,
];

const BY_NAME = new Map(TABLES.map((t) => [t.name, t]));

export function tableRegistration(name: string): TableRegistration {
  const registration = BY_NAME.get(name);
  if (!registration) throw new Error(`Bảng "${name}" chưa được đăng ký trong main/db/tables.ts`);
  return registration;
}

/** The registrations whose rows point at `table`, with the column that does. */
export function referrersOf(table: string): { registration: TableRegistration; ref: TableRegistration['parents'][number] }[] {
  return TABLES.flatMap((registration) => registration.parents.filter((ref) => ref.table === table || ref.table === ANY_TABLE).map((ref) => ({ registration, ref })));
}

/** The tables that travel in bundles, in registration order (parents before children). */
export function travellingTables(): TableRegistration[] {
  return TABLES.filter((t) => t.travels);
}
