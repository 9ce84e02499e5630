import type Database from 'better-sqlite3';
import type { ExportOptions } from '../../../shared/bundles.js';
import { ANY_TABLE, type TableRegistration } from '../../db/table-registry.js';
import { inPeriod, refTable, refValues, requiredRefs, tablesOfKind, type Row } from '../travel.js';

/**
 * The rows a bundle carries, table by table in registration order (parents
 * first): every row of the kind's tables, tombstones included so deletions
 * travel, limited to the period where a table has one. A row whose required
 * parent stayed home stays home too (the tasks of a plan of another period),
 * so the receiver never gets a row it must reject. Personal columns are left
 * out unless chosen.
 */

export interface CollectedTable {
  table: TableRegistration;
  /** Personal columns left out of every row of this table. */
  leftOut: string[];
  rows(): IterableIterator<Row>;
}

export interface Collection {
  tables: CollectedTable[];
  /** Content hashes of the evidence files the kept rows hold, filled as the rows are read. */
  files: Set<string>;
}

export function collectRecords(sqlite: Database.Database, options: ExportOptions): Collection {
  const tables = tablesOfKind(options.kind, options.includeFiles);
  const carried = new Set(tables.map((t) => t.name));
  const year = options.period === null ? null : Number(options.period);
  // Only the ids left out are remembered: a sync of a million people keeps none.
  const dropped = new Map<string, Set<string>>(tables.map((t) => [t.name, new Set<string>()]));
  const files = new Set<string>();

  const keeps = (table: TableRegistration, row: Row): boolean => {
    if (year !== null && !inPeriod(table, row, year)) return false;
    for (const ref of requiredRefs(table)) {
      const target = refTable(ref, row);
      if (ref.table === ANY_TABLE && !carried.has(target)) return false;
      const gone = dropped.get(target);
      if (gone && gone.size > 0 && refValues(ref, row).some((id) => gone.has(id))) return false;
    }
    return true;
  };

  return {
    files,
    tables: tables.map((table) => {
      const leftOut = options.includePersonalData ? [] : [...(table.bundle?.personal ?? [])];
      const fileColumn = table.bundle?.files;
      return {
        table,
        leftOut,
        *rows() {
          // rowid order is insertion order: a unit's parent was stored before it, so the receiver meets parents first.
          for (const raw of sqlite.prepare(`SELECT * FROM "${table.name}" ORDER BY rowid`).iterate() as IterableIterator<Row>) {
            if (!keeps(table, raw)) {
              dropped.get(table.name)!.add(String(raw.id));
              continue;
            }
            for (const column of leftOut) delete raw[column];
            // A file in the trash stays home; its row travels, as the receiver's trash entry.
            if (fileColumn && raw.deletedAt === null) files.add(String(raw[fileColumn]));
            yield raw;
          }
        },
      };
    }),
  };
}
