import type Database from 'better-sqlite3';
import { foldText } from '../../shared/text.js';
import type { SearchEntry } from './search.service.js';
import type { SearchIndexTable } from './search.tables.js';

/** The index row of an entry: the same folding as indexForSearch, so a bulk import is found exactly as a form-made record. */
export function searchIndexRow(entry: SearchEntry): SearchIndexTable {
  return { recordId: entry.recordId, entity: entry.entity, label: entry.label, detail: entry.detail, folded: foldText(`${entry.label} ${entry.text}`) };
}

/**
 * Adds or refreshes many entries on a plain better-sqlite3 connection (an
 * import worker's own) with one prepared statement, inside the caller's transaction.
 */
export function bulkIndexForSearch(sqlite: Database.Database): (entry: SearchEntry) => void {
  const upsert = sqlite.prepare(
    `INSERT INTO searchIndex (recordId, entity, label, detail, folded) VALUES (@recordId, @entity, @label, @detail, @folded)
     ON CONFLICT(recordId) DO UPDATE SET entity = excluded.entity, label = excluded.label, detail = excluded.detail, folded = excluded.folded`,
  );
  return (entry) => void upsert.run(searchIndexRow(entry));
}
