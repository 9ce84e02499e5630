// A child process for tests/first-run/setup-race.test.ts: opens a data folder
// WITHOUT the data-folder lock (so the setup service's own race safety is what
// is tested), says "ready", waits for a line on stdin, sets up the office —
// through the dispatcher (`dispatch`) or by calling the service as `init` and
// `demo` do (`service`) — and prints the outcome as one JSON line.
import { createInterface } from 'node:readline';
import { join } from 'node:path';
import { systemClock } from '../../main/app/clock.js';
import { DATABASE_FILE } from '../../main/app/compose.js';
import { notSetUp, type AppContext } from '../../main/app/context.js';
import { dispatch, toAppError } from '../../main/app/dispatch.js';
import { openDatabase } from '../../main/db/database.js';
import { setUpOffice } from '../../main/office/index.js';
import { OfficeSetupInput } from '../../shared/office.js';
import { TAN_HONG_OFFICE } from './test-app.js';

const [dir, via] = process.argv.slice(2) as [string, 'dispatch' | 'service'];
const { db, sqlite, close } = await openDatabase(join(dir, DATABASE_FILE));
let officeId = '';
const ctx: AppContext = {
  db,
  sqlite,
  dataDir: dir,
  clock: systemClock,
  actor: `tiến trình ${process.pid}`,
  officeId: () => {
    if (!officeId) throw notSetUp();
    return officeId;
  },
  rememberOffice: (id) => {
    officeId = id;
  },
  printer: { printToPdf: () => Promise.reject(new Error('no printing in this child')) },
};
process.stdout.write('ready\n');
await new Promise((resolve) => createInterface({ input: process.stdin }).once('line', resolve));
const result = via === 'dispatch' ? await dispatch('office.setup', TAN_HONG_OFFICE, ctx) : await setUpOffice(ctx, OfficeSetupInput.parse(TAN_HONG_OFFICE)).then(() => ({ ok: true }) as const, (error: unknown) => ({ ok: false, error: toAppError(error) }) as const);
process.stdout.write(`${JSON.stringify(result.ok ? { ok: true } : { ok: false, code: result.error.code, message: result.error.message })}\n`);
await close();
process.exit(0);
