import { TitleKind } from '../../shared/titles-criteria.js';
import type { ReadDb } from '../db/records.js';

/** Certificates given for one year's recognitions, per title; a revoked one no longer counts. */
export async function countCertificates(db: ReadDb, year: number): Promise<{ title: TitleKind; count: number }[]> {
  const rows = await db
    .selectFrom('certificates')
    .select(['title', (eb) => eb.fn.countAll<number>().as('count')])
    .where('year', '=', year)
    .where('revokedOn', 'is', null)
    .where('deletedAt', 'is', null)
    .groupBy('title')
    .execute();
  return rows.map((r) => ({ title: TitleKind.parse(r.title), count: Number(r.count) }));
}
