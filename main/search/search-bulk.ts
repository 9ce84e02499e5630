import type Database from 'better-sqlite3';
import { foldText } from '../../shared/text.js';
import type { SearchEntry } from './search.service.js';
import type { SearchIndexTable } from './search.tables.js';

/** The index row of an entry: the same folding as indexForSearch, so a bulk import is found exactly as a form-made record. */
export function searchIndexRow(entry: SearchEntry): SearchIndexTable {
  return { recordId: entry.recordId, entity: entry.entity, label: entry.label, detail: entry.detail, folded: foldText(`${entry.label} ${entry.text}`) };
}

/** Entries per statement: the FTS trigger flushes its pending terms once per statement, so one entry per statement cost four times as much. */
const BATCH = 200;
const COLUMNS = ['recordId', 'entity', 'label', 'detail', 'folded'] as const;

export interface BulkSearchIndex {
  add(entry: SearchEntry): void;
  /** Writes the entries still waiting; call it before the commit. */
  flush(): void;
}

/**
 * Adds or refreshes many entries on a plain better-sqlite3 connection (an
 * import worker's own), BATCH at a time by one statement, inside the caller's
 * transaction. A fresh one after a rollback: it may hold entries of what was rolled back.
 */
export function bulkIndexForSearch(sqlite: Database.Database): BulkSearchIndex {
  const upsert = (rows: number) =>
    sqlite.prepare(
      `INSERT INTO searchIndex (${COLUMNS.join(', ')}) VALUES ${Array.from({ length: rows }, () => '(?, ?, ?, ?, ?)').join(', ')}
       ON CONFLICT(recordId) DO UPDATE SET entity = excluded.entity, label = excluded.label, detail = excluded.detail, folded = excluded.folded`,
    );
  const one = upsert(1);
  const many = upsert(BATCH);
  let pending: unknown[] = [];
  const flush = () => {
    const values = pending;
    pending = [];
    if (values.length === BATCH * COLUMNS.length) many.run(values);
    else for (let i = 0; i < values.length; i += COLUMNS.length) one.run(values.slice(i, i + COLUMNS.length));
  };
  return {
    add(entry) {
      const row = searchIndexRow(entry);
      for (const column of COLUMNS) pending.push(row[column]);
      if (pending.length === BATCH * COLUMNS.length) flush();
    },
    flush,
  };
}
