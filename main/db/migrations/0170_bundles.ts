import type { Kysely } from 'kysely';

/** Bundles (issue 15): the log of bundles received and the content hashes last exchanged per peer office. */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('bundlesReceived')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('bundleId', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('senderOfficeId', 'text', (c) => c.notNull())
    .addColumn('senderCode', 'text', (c) => c.notNull())
    .addColumn('senderName', 'text', (c) => c.notNull())
    .addColumn('fingerprint', 'text', (c) => c.notNull())
    .addColumn('receivedAt', 'text', (c) => c.notNull())
    .addColumn('result', 'text', (c) => c.notNull())
    .addColumn('summary', 'text', (c) => c.notNull())
    .addColumn('forced', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('actor', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('bundlesReceived_bundle').on('bundlesReceived').columns(['bundleId', 'result']).execute();
  await db.schema
    .createTable('bundlePeerHashes')
    .addColumn('peerOfficeId', 'text', (c) => c.notNull())
    .addColumn('entity', 'text', (c) => c.notNull())
    .addColumn('rowId', 'text', (c) => c.notNull())
    .addColumn('hash', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('bundlePeerHashes_pk', ['peerOfficeId', 'entity', 'rowId'])
    .execute();
}
