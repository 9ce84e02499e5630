import { sql, type Kysely } from 'kysely';
import { withSyncColumns } from './sync-columns.js';

/** Certificates: the register per year and title, its reprint log, and the trust list of other offices' keys. */
export async function up(db: Kysely<any>): Promise<void> {
  await withSyncColumns(db.schema.createTable('certificates'))
    .addColumn('recognitionId', 'text', (c) => c.notNull())
    .addColumn('decisionId', 'text', (c) => c.notNull())
    .addColumn('evaluationId', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('registerSeq', 'integer', (c) => c.notNull())
    .addColumn('holderName', 'text', (c) => c.notNull())
    .addColumn('communeName', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('decisionNumber', 'text', (c) => c.notNull())
    .addColumn('decisionDate', 'text', (c) => c.notNull())
    .addColumn('keyId', 'text', (c) => c.notNull())
    .addColumn('issuedBy', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('revokedOn', 'text')
    .addColumn('revokeReason', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('revokedBy', 'text', (c) => c.notNull().defaultTo(''))
    .execute();
  // Over every row, tombstoned or revoked too: a register number is given once per issuing key, year and title.
  await sql`CREATE UNIQUE INDEX certificates_register_number ON certificates (keyId, year, title, registerSeq)`.execute(db);
  // One valid certificate per recognition; a revoked one leaves room for a new one under a new number.
  await sql`CREATE UNIQUE INDEX certificates_live_recognition ON certificates (recognitionId) WHERE deletedAt IS NULL AND revokedOn IS NULL`.execute(db);
  await db.schema.createIndex('certificates_decision').on('certificates').column('decisionId').execute();
  await withSyncColumns(db.schema.createTable('certificateReprints'))
    .addColumn('certificateId', 'text', (c) => c.notNull())
    .addColumn('actor', 'text', (c) => c.notNull())
    .addColumn('reason', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('certificateReprints_certificate').on('certificateReprints').column('certificateId').execute();
  await withSyncColumns(db.schema.createTable('certificateTrustedKeys'))
    .addColumn('keyId', 'text', (c) => c.notNull())
    .addColumn('publicKey', 'text', (c) => c.notNull())
    .addColumn('officeName', 'text', (c) => c.notNull())
    .addColumn('officeCode', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('note', 'text', (c) => c.notNull().defaultTo(''))
    .execute();
  await sql`CREATE UNIQUE INDEX certificateTrustedKeys_live_key ON certificateTrustedKeys (keyId) WHERE deletedAt IS NULL`.execute(db);
}
