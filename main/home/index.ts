import type { homeOps } from '../../shared/plans.js';
import type { FeatureHandlers } from '../app/handlers.js';
import { homeOverview } from './home.service.js';

export const homeHandlers: FeatureHandlers<typeof homeOps> = {
  'home.overview': (_input, ctx) => homeOverview(ctx.db, ctx.clock.today()),
};
