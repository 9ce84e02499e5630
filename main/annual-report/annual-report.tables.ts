import { registerTables } from '../db/table-registry.js';

/** The office's one yearly-report template: its wording as JSON (AnnualReportTemplate). */
export interface AnnualReportTemplatesTable {
  id: string;
  body: string;
  updatedAt: string;
}

export interface AnnualReportTables {
  annualReportTemplates: AnnualReportTemplatesTable;
}

export const annualReportTables = registerTables<AnnualReportTables>('annual-report', {
  annualReportTemplates: { synced: false, travels: false, parents: [] },
});
