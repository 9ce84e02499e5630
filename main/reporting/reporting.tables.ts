import { registerTables, type SyncColumns } from '../db/table-registry.js';

export interface ReportingDutiesTable extends SyncColumns {
  planId: string;
  position: number;
  title: string;
  fromAgencyId: string | null;
  fromNote: string;
  to: string;
  /** JSON Deadline. */
  due: string;
}

export interface ReportReceiptsTable extends SyncColumns {
  dutyId: string;
  periodYear: number;
  receivedOn: string;
  note: string;
}

export interface ReportingTables {
  reportingDuties: ReportingDutiesTable;
  reportReceipts: ReportReceiptsTable;
}

export const reportingTables = registerTables<ReportingTables>('reporting', {
  reportingDuties: {
    synced: true,
    travels: true,
    parents: [
      { column: 'planId', table: 'plans', onDelete: 'cascade' },
      { column: 'fromAgencyId', table: 'agencies', onDelete: 'restrict', noun: 'nghĩa vụ báo cáo' },
    ],
    ownerColumn: 'planId',
  },
  reportReceipts: {
    synced: true,
    travels: true,
    parents: [{ column: 'dutyId', table: 'reportingDuties', onDelete: 'cascade' }],
    linkKey: ['dutyId', 'periodYear'],
    ownerColumn: 'dutyId',
  },
});
