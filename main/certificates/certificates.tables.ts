import { TITLE_LABELS, type TitleKind } from '../../shared/titles-criteria.js';
import { registerTables, type SyncColumns } from '../db/table-registry.js';

/**
 * One row per certificate given: the register of a year and title is the set
 * of rows with that year and title. A row is never tombstoned and its
 * registerSeq never changes, so a number, once given, stays taken.
 */
export interface CertificatesTable extends SyncColumns {
  /** The titleDecisionEntries row (one recognised subject in one decision). */
  recognitionId: string;
  decisionId: string;
  evaluationId: string;
  title: string;
  year: number;
  registerSeq: number;
  /** As printed and signed on the first issue; a later rename of the subject does not change a given certificate. */
  holderName: string;
  communeName: string;
  decisionNumber: string;
  decisionDate: string;
  /** Hex key id of the office key that signed it, so a revocation travels to other offices with the row. */
  keyId: string;
  issuedBy: string;
  revokedOn: string | null;
  revokeReason: string;
  revokedBy: string;
}

/** Who reprinted which certificate, when and why (lost, damaged …). */
export interface CertificateReprintsTable extends SyncColumns {
  certificateId: string;
  actor: string;
  reason: string;
}

/** Other offices' public keys, entered by hand after comparing the fingerprint (signed bundles will fill it later). */
export interface CertificateTrustedKeysTable extends SyncColumns {
  keyId: string;
  /** Base64 SPKI DER of the Ed25519 public key. */
  publicKey: string;
  officeName: string;
  officeCode: string;
  note: string;
}

/**
 * An office's wording of one title's certificate (the fields of shared
 * CertificateTemplate); a title without a row prints the default wording.
 */
export interface CertificateTemplatesTable extends SyncColumns {
  title: string;
  superiorBody: string;
  issuingBody: string;
  heading: string;
  lead: string;
  achievement: string;
  signerTitle: string;
  signerName: string;
  place: string;
}

export interface CertificatesTables {
  certificates: CertificatesTable;
  certificateReprints: CertificateReprintsTable;
  certificateTrustedKeys: CertificateTrustedKeysTable;
  certificateTemplates: CertificateTemplatesTable;
}

export const certificatesTables = registerTables<CertificatesTables>('certificates', {
  certificates: {
    synced: true,
    travels: true,
    // A withdrawn decision does not unmake a given certificate: it is revoked, and its number stays taken.
    parents: [
      { column: 'recognitionId', table: 'titleDecisionEntries', onDelete: 'keep' },
      { column: 'decisionId', table: 'titleDecisions', onDelete: 'keep' },
      { column: 'evaluationId', table: 'titleEvaluations', onDelete: 'keep' },
    ],
    label: (row) => `giấy công nhận số ${String(row.registerSeq)}/${String(row.year)}`,
    bundle: { period: ['year'] },
  },
  certificateReprints: {
    synced: true,
    travels: true,
    parents: [{ column: 'certificateId', table: 'certificates', onDelete: 'cascade' }],
    ownerColumn: 'certificateId',
  },
  certificateTrustedKeys: { synced: true, travels: false, parents: [], label: (row) => `khóa của ${String(row.officeName)}` },
  // Travels with the register, so whoever receives an office's certificates also has the words they were printed in.
  certificateTemplates: { synced: true, travels: true, parents: [], label: (row) => `mẫu giấy công nhận “${TITLE_LABELS[row.title as TitleKind] ?? String(row.title)}”` },
});
