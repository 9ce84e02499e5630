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
  /** 1: the office sends this report upward ("đã gửi"); 0: the office receives it ("đã nhận"). */
  outgoing: number;
  /** 'none', 'communes' or 'agencies': a group owes it, each member its own report. */
  memberKind: string;
  /** JSON array of chosen member ids; [] with 'communes' means every commune. */
  memberIds: string;
  /** The task this report is, when the plan lists it as a task too: one item, not two. */
  taskId: string | null;
}

/** Retired by migration 0090 (moved to dutyOccurrences); kept because released tables only grow. */
export interface ReportReceiptsTable extends SyncColumns {
  dutyId: string;
  periodYear: number;
  receivedOn: string;
  note: string;
}

/** One report of one occurrence of a duty, from the duty's owner (memberId '') or one member of its group. */
export interface DutyOccurrencesTable extends SyncColumns {
  dutyId: string;
  periodKey: string;
  memberId: string;
  /** The day it was sent (outgoing) or received (incoming). */
  deliveredOn: string;
  note: string;
}

export interface ReportingTables {
  reportingDuties: ReportingDutiesTable;
  reportReceipts: ReportReceiptsTable;
  dutyOccurrences: DutyOccurrencesTable;
}

export const reportingTables = registerTables<ReportingTables>('reporting', {
  reportingDuties: {
    synced: true,
    travels: true,
    parents: [
      { column: 'planId', table: 'plans', onDelete: 'cascade' },
      { column: 'fromAgencyId', table: 'agencies', onDelete: 'restrict', noun: 'nghĩa vụ báo cáo' },
      { column: 'taskId', table: 'tasks', onDelete: 'keep' },
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
  dutyOccurrences: {
    synced: true,
    travels: true,
    parents: [{ column: 'dutyId', table: 'reportingDuties', onDelete: 'cascade' }],
    linkKey: ['dutyId', 'periodKey', 'memberId'],
    ownerColumn: 'dutyId',
  },
});
