import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { InputOf, OpName, OutputOf } from '../../shared/contract.js';
import { isoDateFromInstant } from '../../shared/dates.js';
import { AppError, type ErrorPayload } from '../../shared/errors.js';
import type { OfficeSetupInput } from '../../shared/office.js';
import { composeApp } from '../../main/app/compose.js';
import type { Clock } from '../../main/app/context.js';
import { dispatch } from '../../main/app/dispatch.js';

export const TAN_HONG_OFFICE: OfficeSetupInput = {
  name: 'Phòng Giáo dục và Đào tạo huyện Tân Hồng',
  code: '870',
  level: 'huyen',
  territoryName: 'Tân Hồng',
  territoryType: 'Huyện',
  territoryCode: '870',
  provinceName: 'Đồng Tháp',
};

/** A clock the test can move: `clock.set('2022-01-01')`. */
export function movableClock(iso: string): Clock & { set(iso: string): void } {
  let instant = new Date(`${iso}T08:00:00`);
  return {
    now: () => new Date(instant),
    today: () => isoDateFromInstant(instant),
    set: (next) => {
      instant = new Date(`${next}T08:00:00`);
    },
  };
}

/**
 * A real app on a real SQLite file in a fresh temp directory, driven through
 * the same dispatcher IPC and HTTP use.
 */
export async function createTestApp(options: { today?: string; setUp?: boolean } = {}) {
  const dir = mkdtempSync(join(tmpdir(), 'xhht-test-'));
  const clock = movableClock(options.today ?? '2022-01-01');
  const ctx = await composeApp(dir, { clock, actor: 'kiểm thử' });
  async function call<K extends OpName>(op: K, input: InputOf<K>): Promise<OutputOf<K>> {
    const envelope = await dispatch(op, input, ctx);
    if (!envelope.ok) throw new AppError(envelope.error.code, envelope.error.message, envelope.error.details);
    return envelope.data as OutputOf<K>;
  }
  /** Calls an op that must fail and returns its error. */
  async function fail<K extends OpName>(op: K, input: InputOf<K>): Promise<ErrorPayload> {
    const envelope = await dispatch(op, input, ctx);
    if (envelope.ok) throw new Error(`${op} was expected to fail but succeeded`);
    return envelope.error;
  }
  const app = {
    dir,
    ctx,
    clock,
    call,
    fail,
    async close() {
      await ctx.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
  if (options.setUp !== false) await call('office.setup', TAN_HONG_OFFICE);
  return app;
}

export type TestApp = Awaited<ReturnType<typeof createTestApp>>;

/** A logged-in cán bộ's session token, for transports that now carry one beside their token (issue 17). */
export async function officerSession(app: TestApp): Promise<string> {
  const { createAccount } = await import('../../main/accounts/index.js');
  await createAccount(app.ctx, { name: 'Cán bộ kiểm thử', login: 'canbo', role: 'officer', password: 'mat-khau-can-bo' });
  return (await app.call('session.login', { login: 'canbo', password: 'mat-khau-can-bo' })).sessionToken;
}
