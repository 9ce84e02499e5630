import { sql, type Kysely } from 'kysely';

/**
 * The natural keys of link rows, unique among live rows, so an assignment
 * keeps one identity across edits and an import cannot make a second lead.
 * Rows written before this migration never held live duplicates (links were
 * tombstoned before re-insertion), but a hand-edited file might: the later
 * duplicate is tombstoned first so the index can be built.
 */
const LINK_KEYS: [table: string, columns: string[]][] = [
  ['taskAgencies', ['taskId', 'agencyId', 'role']],
  ['taskCommunes', ['taskId', 'unitId']],
  ['planReferences', ['planId', 'relation', 'citation']],
  ['reportReceipts', ['dutyId', 'periodYear']],
];

export async function up(db: Kysely<any>): Promise<void> {
  const now = new Date().toISOString();
  for (const [table, columns] of LINK_KEYS) {
    const key = sql.join(columns.map((c) => sql.ref(c)));
    await sql`UPDATE ${sql.table(table)} SET deletedAt = ${now}, updatedAt = ${now}, rev = rev + 1
      WHERE deletedAt IS NULL AND rowid NOT IN (SELECT min(rowid) FROM ${sql.table(table)} WHERE deletedAt IS NULL GROUP BY ${key})`.execute(db);
    await sql`CREATE UNIQUE INDEX ${sql.ref(`${table}_live_key`)} ON ${sql.table(table)} (${key}) WHERE deletedAt IS NULL`.execute(db);
  }
  await sql`UPDATE taskAgencies SET deletedAt = ${now}, updatedAt = ${now}, rev = rev + 1
    WHERE deletedAt IS NULL AND role = 'lead' AND rowid NOT IN (SELECT min(rowid) FROM taskAgencies WHERE deletedAt IS NULL AND role = 'lead' GROUP BY taskId)`.execute(db);
  await sql`CREATE UNIQUE INDEX taskAgencies_one_lead ON taskAgencies (taskId) WHERE deletedAt IS NULL AND role = 'lead'`.execute(db);
}
