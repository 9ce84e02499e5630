import type { FigureValues } from '../../shared/units.js';
import type { AppContext } from '../app/context.js';
import { issueDecisionCertificates } from '../certificates/index.js';
import { inTransaction } from '../db/records.js';
import { attachDemoEvidence } from '../evidence/index.js';
import { setUpOffice } from '../office/index.js';
import { loadDemoTitles } from '../titles/index.js';
import { loadDemoPlans } from '../plans/index.js';
import { createUnitInTx, saveEducation, saveFigures } from '../units/index.js';
import { DEMO_COMMUNES, DEMO_OFFICE, DEMO_YEARS, demoEducation } from './demo-territory.js';

/** Figures that grow a little each year and keep their proportions (adults ≈ 2.9 per household). */
export function demoFigures(households: number, year: number, seed: number): FigureValues {
  const growth = 1 + (year - 2021) * 0.012;
  const h = Math.round(households * growth);
  const jitter = (n: number) => Math.round(n * (0.95 + ((seed * 7919 + year * 104729) % 100) / 1000));
  return {
    households: h,
    clans: jitter(Math.max(8, Math.round(h / 90))),
    adults: jitter(Math.round(h * 2.9)),
    workingAge: jitter(Math.round(h * 2.3)),
    officials: jitter(Math.max(4, Math.round(h / 40))),
    organisations: jitter(Math.max(2, Math.round(h / 250))),
  };
}

/**
 * A realistic office to explore: huyện Tân Hồng with its 9 xã, thị trấn and
 * their ấp, khóm, five years of figures and education status, the usual
 * agencies, the Tân Hồng plan with some progress, and a year of learning
 * titles whose recognition decision has its certificates in the register.
 *
 * All or nothing: every step joins one transaction, so a process killed
 * part-way leaves no office (only, perhaps, the key setup reuses next time),
 * and the next `demo` or `serve --demo` starts again instead of serving half a territory.
 */
export async function loadDemo(ctx: AppContext, onProgress: (step: string) => void = () => {}): Promise<void> {
  // The audit names the demo as the operation that wrote these rows.
  await inTransaction(ctx, (tx) => loadDemoSteps({ ...ctx, db: tx, operation: ctx.operation ?? 'demo' }, onProgress));
}

async function loadDemoSteps(ctx: AppContext, onProgress: (step: string) => void): Promise<void> {
  onProgress('Thiết lập cơ quan');
  const office = await setUpOffice(ctx, DEMO_OFFICE);
  onProgress('Tạo xã, thị trấn và ấp, khóm');
  const communeIds = await inTransaction(ctx, async (tx) => {
    const ids: string[] = [];
    for (const commune of DEMO_COMMUNES) {
      const unit = await createUnitInTx(tx, ctx, { parentId: office.rootUnitId, code: commune.code, name: commune.name, type: commune.type });
      ids.push(unit.id);
      for (const [i, hamlet] of commune.hamlets.entries()) {
        const [type, ...rest] = hamlet.split(' ');
        await createUnitInTx(tx, ctx, { parentId: unit.id, code: `${commune.code}-${String(i + 1).padStart(2, '0')}`, name: rest.join(' '), type: type ?? 'Ấp' });
      }
    }
    return ids;
  });
  onProgress('Nhập số liệu hằng năm');
  for (const [index, commune] of DEMO_COMMUNES.entries()) {
    for (const year of DEMO_YEARS) {
      await saveFigures(ctx, { unitId: communeIds[index]!, year, ...demoFigures(commune.households, year, index) });
      await saveEducation(ctx, { unitId: communeIds[index]!, year, ...demoEducation(index, year) });
    }
  }
  onProgress('Nạp kế hoạch Tân Hồng');
  await loadDemoPlans(ctx);
  await attachDemoEvidence(ctx);
  onProgress('Tạo chu kỳ xét danh hiệu học tập năm 2025 của hai xã');
  const { decisionId } = await loadDemoTitles(ctx);
  if (decisionId) {
    onProgress('Cấp số vào sổ giấy công nhận theo quyết định công nhận');
    await issueDecisionCertificates(ctx, decisionId);
  }
}
