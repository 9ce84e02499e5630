import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contract, type OpName } from '../../shared/contract.js';
import { ROLES, roleAllows, type OpAccess, type Role } from '../../shared/op.js';
import { createAccount } from '../../main/accounts/index.js';
import type { AppContext } from '../../main/app/context.js';
import { dispatch } from '../../main/app/dispatch.js';
import { loadDemo } from '../../main/demo/demo.service.js';
import { createTestApp, type TestApp } from '../support/test-app.js';
import { WRITE_CASES, type WritingOpName } from './mutation-inputs.js';

const OPS = Object.keys(contract) as OpName[];
const PASSWORD = 'mat-khau-kiem-thu';

/** Callers as the transports make them: a session token, or none at all. */
type Caller = Role | 'anonymous';

/** Creates one account per role (once per app) and logs each in through the dispatcher, as the login page does. */
async function sessionsFor(app: TestApp): Promise<Record<Caller, AppContext>> {
  const contexts: Partial<Record<Caller, AppContext>> = { anonymous: { ...app.ctx, session: null } };
  for (const role of ROLES) {
    const login = `thu-${role}`;
    if (!(await app.ctx.db.selectFrom('accounts').select('id').where('login', '=', login).executeTakeFirst())) {
      await createAccount(app.ctx, { name: `Người thử ${role}`, login, role, password: PASSWORD });
    }
    const envelope = await dispatch('session.login', { login, password: PASSWORD }, { ...app.ctx, session: null });
    if (!envelope.ok) throw new Error(`login ${login}: ${envelope.error.message}`);
    contexts[role] = { ...app.ctx, session: (envelope.data as { sessionToken: string }).sessionToken };
  }
  return contexts as Record<Caller, AppContext>;
}

const changesSoFar = (app: TestApp) => app.ctx.sqlite.prepare('SELECT total_changes()').pluck().get() as number;

/** Every table's rows, for the one full before/after comparison. */
function dump(app: TestApp): string {
  const tables = app.ctx.sqlite.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE 'searchFts%' ORDER BY name").pluck().all() as string[];
  return JSON.stringify(tables.map((t) => [t, app.ctx.sqlite.prepare(`SELECT * FROM "${t}"`).all()]));
}

/** The least trusted caller an op's declaration lets in. */
const leastAllowed = (needs: OpAccess): Caller => (needs === 'public' ? 'anonymous' : needs);

describe('every op checks the caller role declared next to it in the contract', () => {
  let demo: TestApp;
  let callers: Record<Caller, AppContext>;
  beforeAll(async () => {
    demo = await createTestApp({ today: '2026-11-25', setUp: false });
    await loadDemo(demo.ctx);
    callers = await sessionsFor(demo);
  }, 180_000);
  afterAll(() => demo.close());

  it('declares a role on every op, and a mutation or job never declares it by default', () => {
    for (const op of OPS) expect(['public', ...ROLES], op).toContain(contract[op].role);
    // Settings, keys, backups and accounts are the administrator's; the first administrator and one's own password are not.
    for (const op of OPS.filter((o) => /^(accounts|backup)\./.test(o) || /\.(saveSettings)$/.test(o) || o === 'office.update')) {
      if (op !== 'accounts.createFirstAdmin' && op !== 'accounts.changeOwnPassword') expect(`${op}:${contract[op].role}`).toBe(`${op}:admin`);
    }
  });

  const refusals = OPS.flatMap((op) => (['anonymous', ...ROLES] as Caller[]).filter((c) => !roleAllows(c === 'anonymous' ? null : c, contract[op].role)).map((caller) => [op, caller] as const));

  it('has refusals to check for most ops', () => expect(refusals.length).toBeGreaterThan(OPS.length));

  it('refuses every caller below the declared role, in Vietnamese, changing nothing', async () => {
    const before = dump(demo);
    const wrong: string[] = [];
    for (const [op, caller] of refusals) {
      const changes = changesSoFar(demo);
      // A valid input would do, but the refusal comes first: an empty one proves the input is never looked at.
      const envelope = await dispatch(op, {}, callers[caller]);
      const expected = caller === 'anonymous' ? 'UNAUTHORIZED' : 'FORBIDDEN';
      if (envelope.ok || envelope.error.code !== expected) wrong.push(`${op} as ${caller}: ${JSON.stringify(envelope)}`);
      else if (!/không được làm việc này|chưa đăng nhập/.test(envelope.error.message)) wrong.push(`${op} as ${caller}: message ${envelope.error.message}`);
      if (changesSoFar(demo) !== changes) wrong.push(`${op} as ${caller}: the database changed`);
    }
    expect(wrong).toEqual([]);
    expect(dump(demo) === before, 'the database is row for row what it was').toBe(true);
  }, 120_000);

  it('lets every read op past the role check for its least trusted caller', async () => {
    const refused: string[] = [];
    // Electron's file dialog and a full re-hash of the evidence store are not for a role test.
    for (const op of OPS.filter((o) => contract[o].kind === 'query' && !/^evidence\.(chooseFiles|openCopy|verify)$/.test(o))) {
      // Only the role check is under test: a query given {} may fail its input validation, never its role check.
      const envelope = await dispatch(op, {}, callers[leastAllowed(contract[op].role)]);
      if (!envelope.ok && ['FORBIDDEN', 'UNAUTHORIZED'].includes(envelope.error.code)) refused.push(`${op}: ${envelope.error.message}`);
    }
    expect(refused).toEqual([]);
  }, 120_000);

  const writing = OPS.filter((op): op is WritingOpName => contract[op].kind !== 'query');

  it.each(writing)('%s runs for its least trusted allowed caller', async (op) => {
    const writeCase = WRITE_CASES[op] as (typeof WRITE_CASES)[WritingOpName];
    const app = writeCase.fresh ? await createTestApp({ today: '2026-11-25', setUp: writeCase.fresh === 'office' }) : demo;
    try {
      // An op on the caller's own account brings its own session, of an account of the least trusted role.
      const own = writeCase.session ? { ...app.ctx, session: await writeCase.session(app) } : null;
      const input = await writeCase.input(app);
      const caller = leastAllowed(contract[op].role);
      const ctx = own ?? (caller === 'anonymous' ? { ...app.ctx, session: null } : (app === demo ? callers : await sessionsFor(app))[caller]);
      const envelope = await dispatch(op, input, ctx);
      expect(envelope.ok ? 'ok' : JSON.stringify(envelope.error)).toBe('ok');
      if (envelope.ok && writeCase.settle) await writeCase.settle(app, envelope.data);
    } finally {
      if (app !== demo) await app.close();
    }
  }, 120_000);
});
