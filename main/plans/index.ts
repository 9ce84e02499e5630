import type { planDocumentOps, templatesOps } from '../../shared/plans.js';
import type { FeatureHandlers } from '../app/handlers.js';
import { printAssignments } from './assignment-table.service.js';
import { createComponent, createPlan, deleteComponent, deletePlan, updateComponent, updatePlan } from '../plan-documents/index.js';
import { getPlanDetail } from './plan-detail.js';
import { listPlanSummaries, loadPlanDto } from './plan-dto.js';
import { listBundledTemplates } from './template-files.js';
import { exportTemplate } from './template-export.js';
import { importBundledTemplate, importTemplateFile } from './templates.service.js';

export { loadDemoPlans } from './demo-plans.js';

export const plansHandlers: FeatureHandlers<typeof planDocumentOps> = {
  'plans.list': (_input, ctx) => listPlanSummaries(ctx.db, ctx.clock.today()),
  'plans.get': (input, ctx) => getPlanDetail(ctx.db, input.id, ctx.clock.today()),
  'plans.create': async (input, ctx) => loadPlanDto(ctx.db, (await createPlan(ctx, input)).id),
  'plans.update': async (input, ctx) => loadPlanDto(ctx.db, (await updatePlan(ctx, input)).id),
  'plans.delete': (input, ctx) => deletePlan(ctx, input),
  'plans.createComponent': (input, ctx) => createComponent(ctx, input),
  'plans.updateComponent': (input, ctx) => updateComponent(ctx, input),
  'plans.deleteComponent': (input, ctx) => deleteComponent(ctx, input),
  'plans.printAssignments': (input, ctx) => printAssignments(ctx, input.id),
};

export const templatesHandlers: FeatureHandlers<typeof templatesOps> = {
  'templates.list': async () => listBundledTemplates(),
  'templates.importBundled': (input, ctx) => importBundledTemplate(ctx, input.name),
  'templates.importFile': (input, ctx) => importTemplateFile(ctx, input.fileName, input.content),
  'templates.export': (input, ctx) => exportTemplate(ctx.db, input.id, ctx.clock.today()),
};
