import type { AppContext } from '../app/context.js';
import { DEFAULT_MAX_BYTES } from '../../shared/evidence.js';
import { attachStaged } from './evidence.service.js';
import { makePdf, makePng } from './demo-files.js';
import { storeOf } from './store.js';

/** Demo evidence: the plan's signed document and, on its first tasks, a report and a photo. */
export async function attachDemoEvidence(ctx: AppContext): Promise<void> {
  const plan = await ctx.db.selectFrom('plans').select(['id', 'number', 'title']).where('deletedAt', 'is', null).orderBy('createdAt').executeTakeFirst();
  if (!plan) return;
  const store = storeOf(ctx.dataDir);
  const stage = (bytes: Buffer, name: string) => store.receive([bytes], name, DEFAULT_MAX_BYTES);
  const planPdf = await stage(makePdf([`KE HOACH ${plan.number ?? ''}`, plan.title.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/[đĐ]/g, 'd'), '', 'Ban chinh co chu ky va dau (ban quet).']), `Kế hoạch ${plan.number ?? ''} (bản ký).pdf`.replace(/\//g, '-'));
  await attachStaged(ctx, { recordTable: 'plans', recordId: plan.id, files: [{ stagedId: planPdf.stagedId, name: planPdf.name }] });
  const tasks = await ctx.db.selectFrom('tasks').select(['id', 'number']).where('planId', '=', plan.id).where('deletedAt', 'is', null).orderBy('position').limit(3).execute();
  for (const [i, task] of tasks.entries()) {
    const report = await stage(makePdf([`BAO CAO KET QUA NHIEM VU ${task.number}`, 'Bien ban kiem tra thuc hien nhiem vu nam 2023.', `So lop hoc cong dong: ${12 + i * 3}`]), `Báo cáo kết quả nhiệm vụ ${task.number || i + 1}.pdf`);
    const photo = await stage(makePng(640, 400, i), `Ảnh lớp học cộng đồng ${i + 1}.png`);
    await attachStaged(ctx, { recordTable: 'tasks', recordId: task.id, files: [report, photo].map((f) => ({ stagedId: f.stagedId, name: f.name })) });
  }
}
