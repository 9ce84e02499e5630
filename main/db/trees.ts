import type { Kysely } from 'kysely';
import { AppError } from '../../shared/errors.js';
import { MAX_TREE_DEPTH, depthOf, subtreeHeight, wouldCreateCycle } from '../../shared/tree-rules.js';
import type { ReadDb, SyncTableName } from './records.js';

export interface TreePlacement {
  table: SyncTableName;
  /** Limits the tree to one plan's rows, for instance; empty for the whole table. */
  scope?: Record<string, string>;
  /** The row being placed; null for a new one. */
  id: string | null;
  parentId: string | null;
  /** How a message names the rows ("đơn vị", "mục tiêu"). */
  noun: string;
}

/**
 * Refuses a parent that would close a loop of any length, or a tree deeper
 * than MAX_TREE_DEPTH, for every tree of the app (units, targets, tasks).
 * One query loads the live parent links; the walk is pure and bounded, so a
 * corrupt chain already stored cannot hang the transaction.
 */
export async function assertTreePlacement(db: ReadDb, placement: TreePlacement): Promise<void> {
  if (placement.parentId === null) return;
  let query = (db as unknown as Kysely<any>).selectFrom(placement.table).select(['id', 'parentId']).where('deletedAt', 'is', null);
  for (const [column, value] of Object.entries(placement.scope ?? {})) query = query.where(column, '=', value);
  const rows = (await query.execute()) as { id: string; parentId: string | null }[];
  const parents = new Map(rows.map((r) => [r.id, r.parentId]));
  const children = new Map<string, string[]>();
  for (const r of rows) if (r.parentId !== null) children.set(r.parentId, [...(children.get(r.parentId) ?? []), r.id]);
  const refuse = (message: string) => {
    throw new AppError('VALIDATION', message, { issues: [{ path: ['parentId'], message }] });
  };
  if (!parents.has(placement.parentId)) refuse(`Không tìm thấy ${placement.noun} cha (có thể đã bị xóa).`);
  if (placement.id !== null && wouldCreateCycle((id) => parents.get(id), placement.id, placement.parentId)) {
    refuse(`Không thể đặt một ${placement.noun} vào chính nó hoặc vào ${placement.noun} trực thuộc của nó.`);
  }
  const below = placement.id === null ? 0 : subtreeHeight((id) => children.get(id) ?? [], placement.id);
  const depth = depthOf((id) => parents.get(id), placement.parentId) + 1 + below;
  if (depth > MAX_TREE_DEPTH) {
    refuse(`Cây ${placement.noun} sẽ sâu quá ${MAX_TREE_DEPTH} cấp; hãy đặt ở cấp cao hơn.`);
  }
}
