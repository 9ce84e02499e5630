import { reportingOps } from '../../shared/reporting.js';
import type { FeatureHandlers } from '../app/handlers.js';
import { createDuty, deleteDuty, listDuties, updateDuty } from './duties.service.js';
import { listExpectedReports, markReceived, unmarkReceived } from './expected-reports.js';

export { createDutyInTx, listDuties, type DutyWrite } from './duties.service.js';
export { listExpectedReports, markReceived } from './expected-reports.js';

export const reportingHandlers: FeatureHandlers<typeof reportingOps> = {
  'reporting.createDuty': (input, ctx) => createDuty(ctx, input),
  'reporting.updateDuty': (input, ctx) => updateDuty(ctx, input),
  'reporting.deleteDuty': (input, ctx) => deleteDuty(ctx, input),
  'reporting.duties': (input, ctx) => listDuties(ctx.db, input.planId),
  'reporting.expected': (input, ctx) => listExpectedReports(ctx.db, ctx.clock.today(), input),
  'reporting.markReceived': (input, ctx) => markReceived(ctx, input),
  'reporting.unmarkReceived': (input, ctx) => unmarkReceived(ctx, input),
};
