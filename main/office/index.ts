import { officeOps } from '../../shared/office.js';
import type { FeatureHandlers } from '../app/handlers.js';
import { loadOffice, setUpOffice, updateOffice } from './office.service.js';

export { loadOffice, setUpOffice } from './office.service.js';
export { signWithOfficeKey, verifyOfficeSignature } from './office.keys.js';

export const officeHandlers: FeatureHandlers<typeof officeOps> = {
  'office.status': async (_input, ctx) => ({ office: await loadOffice(ctx.db) }),
  'office.setup': (input, ctx) => setUpOffice(ctx, input),
  'office.update': (input, ctx) => updateOffice(ctx, input),
};
