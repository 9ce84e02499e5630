import { reportingOps } from '../../shared/reporting.js';
import type { FeatureHandlers } from '../app/handlers.js';
import { createDuty, deleteDuty, listDuties, updateDuty } from './duties.service.js';
import { listExpectedReports, markDelivered, unmarkDelivered } from './expected-reports.js';

export { createDutyInTx, listDuties, type DutyWrite } from './duties.service.js';
export { settleDemoOccurrences } from './demo-occurrences.js';
export { listExpectedReports, markDelivered } from './expected-reports.js';

export const reportingHandlers: FeatureHandlers<typeof reportingOps> = {
  'reporting.createDuty': (input, ctx) => createDuty(ctx, input),
  'reporting.updateDuty': (input, ctx) => updateDuty(ctx, input),
  'reporting.deleteDuty': (input, ctx) => deleteDuty(ctx, input),
  'reporting.duties': (input, ctx) => listDuties(ctx.db, input.planId),
  'reporting.expected': (input, ctx) => listExpectedReports(ctx.db, ctx.clock.today(), input),
  'reporting.markDelivered': (input, ctx) => markDelivered(ctx, input),
  'reporting.unmarkDelivered': (input, ctx) => unmarkDelivered(ctx, input),
};
