import type { Kysely } from 'kysely';

/** Office accounts (issue 17): local, so they exist before the office is set up. */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('accounts')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('login', 'text', (c) => c.notNull().unique())
    .addColumn('role', 'text', (c) => c.notNull())
    .addColumn('active', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('passwordHash', 'text', (c) => c.notNull())
    .addColumn('failedLogins', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('lockedUntil', 'text')
    .addColumn('lastLoginAt', 'text')
    .addColumn('createdAt', 'text', (c) => c.notNull())
    .addColumn('updatedAt', 'text', (c) => c.notNull())
    .addColumn('rev', 'integer', (c) => c.notNull().defaultTo(1))
    .execute();
  // The journal filters by person and by date.
  await db.schema.createIndex('auditLog_actor').on('auditLog').columns(['actor', 'seq']).execute();
  await db.schema.createIndex('auditLog_at').on('auditLog').columns(['at']).execute();
}
