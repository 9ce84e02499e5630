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

const FAMILY = ['Nguyễn', 'Trần', 'Lê', 'Phạm', 'Huỳnh', 'Hoàng', 'Võ', 'Vũ', 'Phan', 'Trương', 'Bùi', 'Đặng', 'Đỗ', 'Ngô', 'Hồ', 'Dương'];
const GIVEN = ['Văn An', 'Thị Bình', 'Hữu Cường', 'Ngọc Dung', 'Minh Giang', 'Thanh Hà', 'Kim Hải', 'Quốc Hùng', 'Thu Lan', 'Bảo Ngọc'];

/**
 * `count` people under 50 communes × 20 hamlets of `rootUnitId`, bulk-inserted
 * with the product's columns (setup speed for benches; the measured work is the product's).
 */
export async function insertPersons(ctx: AppContext, rootUnitId: string, count: number): Promise<void> {
  const { inTransaction } = await import('../../main/db/records.js');
  const { createUnitInTx } = await import('../../main/units/index.js');
  const { newId } = await import('../../main/db/ids.js');
  const { foldText } = await import('../../shared/text.js');
  const hamlets: { id: string; communeId: string }[] = [];
  await inTransaction(ctx, async (tx) => {
    for (let c = 0; c < 50; c++) {
      const commune = await createUnitInTx(tx, ctx, { parentId: rootUnitId, code: `X${c}`, name: `Xã ${c}`, type: 'Xã' });
      for (let h = 0; h < 20; h++) hamlets.push({ id: (await createUnitInTx(tx, ctx, { parentId: commune.id, code: `X${c}-${h}`, name: `Ấp ${h}`, type: 'Ấp' })).id, communeId: commune.id });
    }
  });
  const insert = ctx.sqlite.prepare(
    `INSERT INTO titleSubjects (id, originOfficeId, createdAt, updatedAt, rev, kind, name, nameFolded, unitId, communeId, gender, birthYear, idNumber)
     VALUES (?, ?, ?, ?, 1, 'person', ?, ?, ?, ?, ?, ?, ?)`,
  );
  const at = new Date().toISOString();
  const officeId = ctx.officeId();
  ctx.sqlite.transaction(() => {
    for (let n = 0; n < count; n++) {
      const name = `${FAMILY[n % FAMILY.length]} ${GIVEN[(n * 7) % GIVEN.length]}`;
      const hamlet = hamlets[(n * 13) % hamlets.length]!;
      insert.run(newId(), officeId, at, at, name, foldText(name), hamlet.id, hamlet.communeId, n % 2 ? 'nu' : 'nam', 1940 + (n % 60), `0870${String(n).padStart(8, '0')}`);
    }
  })();
}
