import { sql } from 'kysely';
import type { SearchEntity, SearchHit } from '../../shared/search.js';
import { foldText, foldedWords } from '../../shared/text.js';
import type { ReadDb, Tx } from '../db/records.js';

export interface SearchEntry {
  entity: SearchEntity;
  recordId: string;
  label: string;
  detail: string;
  /** Every text the record should be found by; folded here. */
  text: string;
}

/** Adds or refreshes a record in the folded search index (same transaction as the record's write). */
export async function indexForSearch(tx: Tx, entry: SearchEntry): Promise<void> {
  const row = { entity: entry.entity, label: entry.label, detail: entry.detail, folded: foldText(`${entry.label} ${entry.text}`) };
  await tx
    .insertInto('searchIndex')
    .values({ recordId: entry.recordId, ...row })
    .onConflict((oc) => oc.column('recordId').doUpdateSet(row))
    .execute();
}

export async function removeFromSearch(tx: Tx, recordId: string): Promise<void> {
  await tx.deleteFrom('searchIndex').where('recordId', '=', recordId).execute();
}

/**
 * Finds records whose folded text has every query word as a word prefix:
 * "tan hong" → "Tân Hồng", "hoi khuyen hoc" → "Hội Khuyến học".
 */
export async function searchRecords(db: ReadDb, text: string, limit: number, entities?: SearchEntity[]): Promise<SearchHit[]> {
  const words = foldedWords(text).filter((w) => /^[a-z0-9]+$/.test(w));
  if (words.length === 0) return [];
  const match = words.map((w) => `"${w}"*`).join(' ');
  const entityFilter = entities && entities.length > 0 ? sql`AND s.entity IN (${sql.join(entities)})` : sql``;
  const { rows } = await sql<{ entity: string; recordId: string; label: string; detail: string }>`
    SELECT s.entity, s.recordId, s.label, s.detail
    FROM searchFts f JOIN searchIndex s ON s.rowid = f.rowid
    WHERE searchFts MATCH ${match} ${entityFilter}
    ORDER BY bm25(searchFts), s.label LIMIT ${limit}`.execute(db);
  return rows.map((r) => ({ entity: r.entity as SearchEntity, id: r.recordId, label: r.label, detail: r.detail }));
}
