import { z } from 'zod';

/** Id of a synchronisable row: a UUIDv7, so rows made by different offices never collide. */
export const RecordId = z.string().uuid('Mã bản ghi không hợp lệ');
export type RecordId = z.infer<typeof RecordId>;

/** Columns every row that travels in bundles carries (DESIGN.md, data rules). */
export const SyncRowDto = z.object({
  id: RecordId,
  originOfficeId: z.string(),
  createdAt: z.string(),
  updatedAt: z.string(),
  rev: z.number().int(),
});
export type SyncRowDto = z.infer<typeof SyncRowDto>;

/** Input naming one record, with the revision the editor saw so a stale edit is refused. */
export const RecordRef = z.object({ id: RecordId });
export const RevisedRef = z.object({ id: RecordId, rev: z.number().int().min(1) });
