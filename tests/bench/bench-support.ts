import type { AppContext } from '../../main/app/context.js';
import type { Tx } from '../../main/db/records.js';
import { saveFiguresInTx } from '../../main/units/index.js';

/** Ten years of plausible figures for one unit, written through the units service. */
export async function upsertYearlyFigures(tx: Tx, ctx: AppContext, unitId: string, years: number, random: () => number): Promise<void> {
  const households = 200 + Math.floor(random() * 800);
  for (let i = 0; i < years; i++) {
    const h = Math.round(households * (1 + i * 0.01));
    await saveFiguresInTx(tx, ctx, { unitId, year: 2016 + i, households: h, clans: Math.round(h / 90), adults: h * 3, workingAge: Math.round(h * 2.3), officials: Math.round(h / 40), organisations: Math.round(h / 250) });
  }
}
