import { ANY_TABLE, registerTables, type SyncColumns } from '../db/table-registry.js';

/**
 * One attachment relation for every record kind: a row names the record by
 * (recordTable, recordId) and the content by its SHA-256; the bytes live once
 * in the store however many rows point at them.
 */
export interface EvidenceFilesTable extends SyncColumns {
  recordTable: string;
  recordId: string;
  sha256: string;
  /** The original name, NFC. */
  name: string;
  /** Sniffed from the content. */
  mime: string;
  size: number;
  /** Who attached it; createdAt says when. */
  addedBy: string;
  /** Set when the officer emptied this trash entry; the content may then have left the disk. */
  purgedAt: string | null;
}

/** Local settings of the store (the size limit); they never travel. */
export interface EvidenceSettingsTable {
  key: string;
  value: string;
}

export interface EvidenceTables {
  evidenceFiles: EvidenceFilesTable;
  evidenceSettings: EvidenceSettingsTable;
}

export const evidenceTables = registerTables<EvidenceTables>('evidence', {
  evidenceFiles: {
    synced: true,
    travels: true,
    // Any record kind can carry files; deleting the record sends its files to the trash with it.
    parents: [{ column: 'recordId', table: ANY_TABLE, tableColumn: 'recordTable', onDelete: 'cascade' }],
    bundle: { files: 'sha256' },
  },
  evidenceSettings: { synced: false, travels: false, parents: [] },
});
