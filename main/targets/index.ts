import { targetsOps } from '../../shared/targets.js';
import type { FeatureHandlers } from '../app/handlers.js';
import { communeProgress } from './commune-progress.js';
import { listTargets } from './target-list.js';
import { exportTargets } from './targets.export.js';
import { createTarget, deleteTarget, recordActual, updateTarget } from './targets.service.js';

export { communeProgress } from './commune-progress.js';
export { countTargetsByPlan, listTargets, listTargetsOfPlans } from './target-list.js';
export { createTargetInTx, recordActual, type TargetWrite } from './targets.service.js';

export const targetsHandlers: FeatureHandlers<typeof targetsOps> = {
  'targets.create': (input, ctx) => createTarget(ctx, input),
  'targets.update': (input, ctx) => updateTarget(ctx, input),
  'targets.delete': (input, ctx) => deleteTarget(ctx, input),
  'targets.recordActual': (input, ctx) => recordActual(ctx, input),
  'targets.list': (input, ctx) => listTargets(ctx.db, input.planId, ctx.clock.today()),
  'targets.export': (input, ctx) => exportTargets(ctx.db, input.planId, ctx.clock.today()),
  'targets.communeProgress': (input, ctx) => communeProgress(ctx.db, ctx.clock.today(), input.planId),
};
