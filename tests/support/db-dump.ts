import type Database from 'better-sqlite3';

/**
 * Every table of the database as text, the way `sqlite3 .dump` shows it: the
 * schema, the user version, then each table's rows in rowid order. Two dumps
 * are equal exactly when no row, column or schema object differs, so a refused
 * import can be shown to have changed nothing. FTS5 tables are dumped through
 * their shadow tables, which hold what the index stores.
 */
export function dumpDatabase(sqlite: Database.Database): string {
  const lines = [`PRAGMA user_version=${String(sqlite.pragma('user_version', { simple: true }))};`];
  const objects = sqlite.prepare("SELECT type, name, sql FROM sqlite_master WHERE sql IS NOT NULL ORDER BY type, name").all() as { type: string; name: string; sql: string }[];
  for (const o of objects) lines.push(`${o.sql};`);
  for (const { name, sql } of objects.filter((o) => o.type === 'table' && !/^CREATE VIRTUAL/i.test(o.sql))) {
    const withoutRowid = /WITHOUT\s+ROWID/i.test(sql);
    const rows = sqlite.prepare(`SELECT * FROM "${name.replaceAll('"', '""')}" ${withoutRowid ? '' : 'ORDER BY rowid'}`).raw().all() as unknown[][];
    for (const row of rows) lines.push(`INSERT INTO "${name}" VALUES(${row.map(literal).join(',')});`);
  }
  return lines.join('\n');
}

function literal(value: unknown): string {
  if (value === null) return 'NULL';
  if (typeof value === 'number' || typeof value === 'bigint') return String(value);
  if (Buffer.isBuffer(value)) return `X'${value.toString('hex')}'`;
  return `'${String(value).replaceAll("'", "''")}'`;
}
