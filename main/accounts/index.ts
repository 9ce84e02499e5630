import { accountsOps } from '../../shared/accounts.js';
import { auditOps } from '../../shared/audit.js';
import type { FeatureHandlers } from '../app/handlers.js';
import { changeOwnPassword, createAccount, createFirstAdmin, currentSession, listAccounts, logIn, logOut, resetPassword, updateAccount } from './accounts.service.js';
import { exportJournal, journal, recordHistory } from './journal.service.js';

export { accountOfSession, createAccount, recoverAdmin, refusalFor } from './accounts.service.js';

export const accountsHandlers: FeatureHandlers<typeof accountsOps> = {
  'session.current': (_input, ctx) => currentSession(ctx),
  'session.login': (input, ctx) => logIn(ctx, input),
  'session.logout': async (_input, ctx) => logOut(ctx),
  'accounts.createFirstAdmin': (input, ctx) => createFirstAdmin(ctx, input),
  'accounts.list': (_input, ctx) => listAccounts(ctx.db),
  'accounts.create': (input, ctx) => createAccount(ctx, input),
  'accounts.update': (input, ctx) => updateAccount(ctx, input),
  'accounts.resetPassword': (input, ctx) => resetPassword(ctx, input),
  'accounts.changeOwnPassword': (input, ctx) => changeOwnPassword(ctx, input),
};

export const auditHandlers: FeatureHandlers<typeof auditOps> = {
  'audit.history': (input, ctx) => recordHistory(ctx.db, input.recordId),
  'audit.journal': (input, ctx) => journal(ctx.db, input),
  'audit.exportJournal': (input, ctx) => exportJournal(ctx.db, input, ctx.clock.today()),
};
export { AdminArgs, ResetAdminArgs, createAdminFromArgs, createDemoAdmin, demoCredentialsLine, DEMO_ADMIN, resetAdminWithKey } from './accounts-cli.js';
