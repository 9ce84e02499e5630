import { agenciesOps } from '../../shared/agencies.js';
import type { FeatureHandlers } from '../app/handlers.js';
import { exportAgencies } from './agencies.export.js';
import { createAgency, deleteAgency, listAgencies, updateAgency } from './agencies.service.js';

export { createAgencyInTx, listAgencies } from './agencies.service.js';
export { assertAssignment, LEAD_IS_COORDINATOR } from './assignment.js';

export const agenciesHandlers: FeatureHandlers<typeof agenciesOps> = {
  'agencies.list': (_input, ctx) => listAgencies(ctx.db),
  'agencies.export': (input, ctx) => exportAgencies(ctx.db, input, ctx.clock.today()),
  'agencies.create': (input, ctx) => createAgency(ctx, input),
  'agencies.update': (input, ctx) => updateAgency(ctx, input),
  'agencies.delete': (input, ctx) => deleteAgency(ctx, input),
};
