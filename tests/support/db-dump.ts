import type Database from 'better-sqlite3';

/**
 * Every table of the database as text, the way `sqlite3 .dump` shows it: the
 * schema, the user version, then each table's rows in rowid order. Two dumps
 * are equal exactly when no row, column or schema object differs, so a refused
 * import can be shown to have changed nothing. FTS5 tables are dumped through
 * their shadow tables, which hold what the index stores.
 *
 * `without` leaves out the rows of a log table (bundlesReceived), its audit
 * rows, and the audit log's counter in sqlite_sequence (it counts those audit
 * rows too): a refusal that writes only its log row then dumps the same data.
 */
export function dumpDatabase(sqlite: Database.Database, options: { without?: string[] } = {}): string {
  const without = new Set(options.without ?? []);
  const kept = (table: string, row: unknown[], columns: string[]): boolean => {
    if (without.size === 0) return true;
    if (table === 'auditLog') return !without.has(String(row[columns.indexOf('entity')]));
    if (table === 'sqlite_sequence') return row[0] !== 'auditLog';
    return true;
  };
  const lines = [`PRAGMA user_version=${String(sqlite.pragma('user_version', { simple: true }))};`];
  const objects = sqlite.prepare("SELECT type, name, sql FROM sqlite_master WHERE sql IS NOT NULL ORDER BY type, name").all() as { type: string; name: string; sql: string }[];
  for (const o of objects) lines.push(`${o.sql};`);
  for (const { name, sql } of objects.filter((o) => o.type === 'table' && !/^CREATE VIRTUAL/i.test(o.sql) && !without.has(o.name))) {
    const withoutRowid = /WITHOUT\s+ROWID/i.test(sql);
    const statement = sqlite.prepare(`SELECT * FROM "${name.replaceAll('"', '""')}" ${withoutRowid ? '' : 'ORDER BY rowid'}`).raw();
    const columns = statement.columns().map((c) => c.name);
    for (const row of statement.all() as unknown[][]) if (kept(name, row, columns)) lines.push(`INSERT INTO "${name}" VALUES(${row.map(literal).join(',')});`);
  }
  return lines.join('\n');
}

function literal(value: unknown): string {
  if (value === null) return 'NULL';
  if (typeof value === 'number' || typeof value === 'bigint') return String(value);
  if (Buffer.isBuffer(value)) return `X'${value.toString('hex')}'`;
  return `'${String(value).replaceAll("'", "''")}'`;
}
