import { sql, type Kysely } from 'kysely';

/** The office, the audit log and the folded search index. */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('office')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('code', 'text', (c) => c.notNull())
    .addColumn('level', 'text', (c) => c.notNull())
    .addColumn('rootUnitId', 'text', (c) => c.notNull())
    .addColumn('provinceName', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('levelNames', 'text', (c) => c.notNull())
    .addColumn('publicKey', 'text', (c) => c.notNull())
    .addColumn('createdAt', 'text', (c) => c.notNull())
    .addColumn('updatedAt', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('auditLog')
    .addColumn('seq', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('actor', 'text', (c) => c.notNull())
    .addColumn('operation', 'text', (c) => c.notNull())
    .addColumn('entity', 'text', (c) => c.notNull())
    .addColumn('recordId', 'text', (c) => c.notNull())
    .addColumn('before', 'text')
    .addColumn('after', 'text')
    .execute();
  await db.schema.createIndex('auditLog_record').on('auditLog').columns(['recordId', 'seq']).execute();
  // One row per searchable record; the FTS5 table indexes its folded text and is kept in step by triggers.
  await db.schema
    .createTable('searchIndex')
    .addColumn('recordId', 'text', (c) => c.primaryKey())
    .addColumn('entity', 'text', (c) => c.notNull())
    .addColumn('label', 'text', (c) => c.notNull())
    .addColumn('detail', 'text', (c) => c.notNull())
    .addColumn('folded', 'text', (c) => c.notNull())
    .execute();
  await sql`CREATE VIRTUAL TABLE searchFts USING fts5(folded, content='searchIndex', content_rowid='rowid', tokenize='unicode61')`.execute(db);
  await sql`CREATE TRIGGER searchIndex_ai AFTER INSERT ON searchIndex BEGIN
    INSERT INTO searchFts(rowid, folded) VALUES (new.rowid, new.folded); END`.execute(db);
  await sql`CREATE TRIGGER searchIndex_ad AFTER DELETE ON searchIndex BEGIN
    INSERT INTO searchFts(searchFts, rowid, folded) VALUES ('delete', old.rowid, old.folded); END`.execute(db);
  await sql`CREATE TRIGGER searchIndex_au AFTER UPDATE ON searchIndex BEGIN
    INSERT INTO searchFts(searchFts, rowid, folded) VALUES ('delete', old.rowid, old.folded);
    INSERT INTO searchFts(rowid, folded) VALUES (new.rowid, new.folded); END`.execute(db);
}
