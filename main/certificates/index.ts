import type { certificatesOps } from '../../shared/certificates.js';
import type { FeatureHandlers } from '../app/handlers.js';
import { inTransaction } from '../db/records.js';
import { exportRegister } from './certificates.export.js';
import { certificatePrintHandlers } from './print-handlers.js';
import { listRegister, listReprints, reprintFromRegister, revokeFromRegister } from './register.js';
import { addTrustedKey, listTrust, removeTrustedKey } from './trust.js';
import { verifyCertificatePayload } from './verify.js';

export { issueCertificates, logReprint, revokeCertificate, type IssuedCertificate } from './register.js';
export { fingerprintOf, keyIdOf, normalisePublicKey, verifyCertificatePayload } from './verify.js';
export { issueDecisionCertificates } from './print.js';
export { adoptTemplatesFile } from './template-store.js';
export { directPrintDocument } from './print-jobs.js';

export const certificatesHandlers: FeatureHandlers<typeof certificatesOps> = {
  ...certificatePrintHandlers,
  'certificates.list': (input, ctx) => listRegister(ctx.db, input),
  'certificates.export': (input, ctx) => exportRegister(ctx.db, input, ctx.clock.today()),
  'certificates.reprints': (input, ctx) => listReprints(ctx.db, input.id),
  'certificates.logReprint': (input, ctx) => inTransaction(ctx, (tx) => reprintFromRegister(tx, ctx, input)),
  'certificates.revoke': (input, ctx) => inTransaction(ctx, (tx) => revokeFromRegister(tx, ctx, input)),
  'certificates.verify': (input, ctx) => verifyCertificatePayload(ctx.db, input.payload),
  'certificates.trustList': (_input, ctx) => listTrust(ctx.db),
  'certificates.trustAdd': (input, ctx) => inTransaction(ctx, (tx) => addTrustedKey(tx, ctx, input)),
  'certificates.trustRemove': (input, ctx) => inTransaction(ctx, (tx) => removeTrustedKey(tx, ctx, input)),
};
export { verifyCertificateCommand } from './verify-command.js';
export { printCertificatesCommand, PrintCertificatesArgs } from './print-command.js';
export { countCertificates } from './certificate-counts.js';
