import { AppError } from '../../shared/errors.js';
import { foldText } from '../../shared/text.js';
import type { ReadDb } from '../db/records.js';
import type { PlanReferencesTable, PlansTable } from './plan-documents.tables.js';

export async function loadLivePlan(db: ReadDb, id: string): Promise<PlansTable> {
  const row = await db.selectFrom('plans').selectAll().where('id', '=', id).where('deletedAt', 'is', null).executeTakeFirst();
  if (!row) throw new AppError('NOT_FOUND', 'Không tìm thấy kế hoạch (có thể đã bị xóa).');
  return row;
}

/** Live plans, newest period first then by title. */
export async function listLivePlanRows(db: ReadDb): Promise<PlansTable[]> {
  const rows = await db.selectFrom('plans').selectAll().where('deletedAt', 'is', null).execute();
  return rows.sort((a, b) => b.periodStart - a.periodStart || a.title.localeCompare(b.title, 'vi'));
}

/** Plans whose work is still followed: live and not replaced by a later plan. */
export async function listFollowedPlanRows(db: ReadDb): Promise<PlansTable[]> {
  return (await listLivePlanRows(db)).filter((p) => p.status !== 'superseded');
}

export function loadReferenceRows(db: ReadDb, planId: string): Promise<PlanReferencesTable[]> {
  return db.selectFrom('planReferences').selectAll().where('planId', '=', planId).where('deletedAt', 'is', null).orderBy('position').execute();
}

/** Document numbers compare folded: "278/KH-UBND" = "278/kh-ubnd". */
export function sameNumber(a: string | null, b: string | null): boolean {
  return a !== null && b !== null && foldText(a) !== '' && foldText(a) === foldText(b);
}

/** The live plan with a document number, other than the given one. */
export async function findPlanByNumber(db: ReadDb, number: string | null, exceptId: string | null): Promise<PlansTable | null> {
  if (!number) return null;
  const rows = await listLivePlanRows(db);
  return rows.find((p) => p.id !== exceptId && sameNumber(p.number, number)) ?? null;
}

