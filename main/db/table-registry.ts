/**
 * How a feature declares its tables. Each feature folder has a `<feature>.tables.ts`
 * with the row types and one registration per table; main/db/tables.ts joins them.
 * The audited write path reads cascades and reference checks from here, and
 * bundles read "what travels" from here and nowhere else.
 */

/** Columns of every row that travels in bundles (DESIGN.md, data rules). */
export interface SyncColumns {
  id: string;
  originOfficeId: string;
  createdAt: string;
  updatedAt: string;
  rev: number;
  deletedAt: string | null;
}

export type SyncColumnName = keyof SyncColumns;

/**
 * A column that points at another table's row.
 * - cascade: tombstoning the parent tombstones this row (through the audited path);
 * - restrict: the parent cannot be deleted while a live row points at it; `noun`
 *   names the referring rows in the refusal ("nhiệm vụ", "báo cáo tiến độ");
 * - keep: the pointer may outlive its target (a citation of a deleted plan).
 * `jsonArray` marks a column holding a JSON array of ids.
 */
export interface ParentRef {
  column: string;
  table: string;
  onDelete: 'cascade' | 'restrict' | 'keep';
  noun?: string;
  jsonArray?: boolean;
  /**
   * A polymorphic pointer: this column of the row names the parent's table and
   * `table` is ANY_TABLE (an evidence file points at a plan, a task, a unit …).
   * Cascades then match both the id and the parent's table name.
   */
  tableColumn?: string;
}

/** The `table` of a polymorphic ParentRef, whose row names its parent table in `tableColumn`. */
export const ANY_TABLE = '*';

export interface TableRegistration {
  name: string;
  /** The feature folder that owns the table. */
  feature: string;
  /** Synchronised tables carry SyncColumns and are written only through main/db/records.ts. */
  synced: boolean;
  /** Whether the rows travel in bundles; local tables (audit, search, office) never do. */
  travels: boolean;
  parents: readonly ParentRef[];
  /** The natural unique key of a link row among live rows; saving diffs links by it. */
  linkKey?: readonly string[];
  /**
   * The parent column that says which record a row belongs to, used to name the
   * owner in messages ("3 nhiệm vụ của kế hoạch 4344/KH-UBND").
   */
  ownerColumn?: string;
  /** How a row of this table is named as an owner in messages. */
  label?: (row: Record<string, unknown>) => string;
  /** How the rows travel in bundles (main/bundles); see BundleRules. */
  bundle?: BundleRules;
}

/** What a table tells the bundle code beyond `travels`; nothing here is a list kept in main/bundles. */
export interface BundleRules {
  /** Columns of personal data (citizen-ID numbers): left out of a bundle unless the sender chooses them. */
  personal?: readonly string[];
  /** The year column, or first and last year columns, that place a row in a report's period. */
  period?: readonly [string] | readonly [string, string];
  /** Travels in template bundles (plans and criteria sets sent down to the offices below). */
  template?: boolean;
  /**
   * Columns that identify a row across offices among live rows (a unit by its official code): an
   * incoming row matching a local one under another id is that row, and references to it are rewritten.
   */
  matchBy?: readonly string[];
  /** The column holding the SHA-256 of an evidence file's content: the file travels with the row, or the table stays home when files are left out. */
  files?: string;
  /**
   * Columns holding the commune (the depth-1 unit) above the unit named in another column, e.g.
   * `{ communeId: 'unitId' }`: a commune's own XHHT has its hamlets at depth 1, so the receiver
   * recomputes them from its own unit tree.
   */
  communeOf?: Readonly<Record<string, string>>;
}

/** Checks a feature's registrations against its own row types: every column named must exist. */
export function registerTables<Tables>(feature: string, tables: { [K in keyof Tables & string]: Omit<TableRegistration, 'name' | 'feature'> & {
  parents: readonly (ParentRef & { column: keyof Tables[K] & string })[];
  linkKey?: readonly (keyof Tables[K] & string)[];
  ownerColumn?: keyof Tables[K] & string;
} }): TableRegistration[] {
  return Object.entries(tables).map(([name, registration]) => ({ ...(registration as Omit<TableRegistration, 'name' | 'feature'>), name, feature }));
}
