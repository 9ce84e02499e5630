import type Database from 'better-sqlite3';
import { createHash } from 'node:crypto';
import type { BundleKind } from '../../shared/bundles.js';
import { ANY_TABLE, type ParentRef, type TableRegistration } from '../db/table-registry.js';
import { travellingTables } from '../db/tables.js';

/**
 * What travels, read from the table registry only (travels + bundle rules):
 * a feature that registers a travelling table is in every bundle without a
 * line here. Export and import share these rules so they cannot disagree.
 */

export type Row = Record<string, unknown>;

/** Columns whose change alone is no change of content: a row copied to another office keeps its meaning whatever its revision counter says. */
const NOT_CONTENT = new Set(['rev', 'updatedAt']);

/** A parent reference the receiver must be able to resolve: 'keep' pointers may dangle by design. */
export const requiredRefs = (table: TableRegistration): ParentRef[] => table.parents.filter((p) => p.onDelete !== 'keep');

/**
 * The tables of a kind, in registration order (parents before children). A
 * template carries the tables marked `template`; a table whose required
 * parent table is not carried stays home too, or its rows would dangle.
 * Left-out evidence files take the table that points at them along.
 */
export function tablesOfKind(kind: BundleKind, includeFiles = true): TableRegistration[] {
  let chosen = travellingTables().filter((t) => (kind !== 'template' || t.bundle?.template === true) && (includeFiles || !t.bundle?.files));
  for (;;) {
    const names = new Set(chosen.map((t) => t.name));
    const next = chosen.filter((t) => requiredRefs(t).every((p) => p.table === ANY_TABLE || names.has(p.table)));
    if (next.length === chosen.length) return chosen;
    chosen = next;
  }
}

export interface ColumnInfo {
  name: string;
  type: 'text' | 'integer' | 'real';
  notNull: boolean;
  hasDefault: boolean;
}

/** The columns of a table as this database has them (an older or newer office may have fewer or more). */
export function columnsOf(sqlite: Database.Database, table: string): ColumnInfo[] {
  const rows = sqlite.prepare(`SELECT name, type, "notnull" AS "notNull", dflt_value AS dflt, pk FROM pragma_table_info(?)`).all(table) as {
    name: string;
    type: string;
    notNull: number;
    dflt: string | null;
    pk: number;
  }[];
  return rows.map((r) => ({
    name: r.name,
    type: /INT/i.test(r.type) ? 'integer' : /REAL|FLOA|DOUB/i.test(r.type) ? 'real' : 'text',
    notNull: r.notNull === 1 || r.pk === 1,
    hasDefault: r.dflt !== null,
  }));
}

/** The year or period a row belongs to, by the table's registered period columns; null when the table has none. */
export function inPeriod(table: TableRegistration, row: Row, year: number): boolean {
  const period = table.bundle?.period;
  if (!period) return true;
  const first = Number(row[period[0]]);
  const last = period.length === 2 ? Number(row[period[1]]) : first;
  return first <= year && year <= last;
}

/** The ids a reference column holds (a JSON array column holds several). */
export function refValues(ref: ParentRef, row: Row): string[] {
  const value = row[ref.column];
  if (value === null || value === undefined || value === '') return [];
  if (!ref.jsonArray) return [String(value)];
  try {
    const parsed: unknown = JSON.parse(String(value));
    return Array.isArray(parsed) ? parsed.map(String) : [];
  } catch {
    return [];
  }
}

/** The table a reference points into for this row: a polymorphic one names it in the row. */
export function refTable(ref: ParentRef, row: Row): string {
  return ref.table === ANY_TABLE && ref.tableColumn ? String(row[ref.tableColumn]) : ref.table;
}

/**
 * SHA-256 of a row's content over the given columns (the sync counters aside),
 * so "the same row" means the same values whichever office wrote it last.
 */
export function contentHash(row: Row, columns: readonly string[]): string {
  const hash = createHash('sha256');
  for (const column of [...columns].sort()) {
    if (NOT_CONTENT.has(column)) continue;
    hash.update(column);
    hash.update('\u0000');
    hash.update(JSON.stringify(row[column] ?? null));
    hash.update('\u0001');
  }
  return hash.digest('hex');
}

/** The columns whose values differ between two versions of a row (sync counters aside). */
export function differingColumns(mine: Row, theirs: Row, columns: readonly string[]): string[] {
  return columns.filter((c) => !NOT_CONTENT.has(c) && (mine[c] ?? null) !== (theirs[c] ?? null));
}

export const RECORDS_DIR = 'data/records/';
export const FILES_DIR = 'data/files/';
export const BUNDLE_JSON = 'data/bundle.json';
export const recordsPath = (table: string) => `${RECORDS_DIR}${table}.jsonl`;
