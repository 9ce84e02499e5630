import { chmodSync, mkdirSync } from 'node:fs';
import { userInfo } from 'node:os';
import { join, resolve } from 'node:path';
import { adoptTemplatesFile } from '../certificates/index.js';
import { openDatabase } from '../db/database.js';
import { chromiumPrinter } from '../printing/chromium-printer.js';
import { systemClock } from './clock.js';
import { lockDataDir } from './data-dir-lock.js';
import { notSetUp, type AppContext, type Clock } from './context.js';
import type { PdfPrinter } from './printer.js';

export interface ComposeOptions {
  clock?: Clock;
  printer?: PdfPrinter;
  actor?: string;
}

export const DATABASE_FILE = 'xhht.sqlite';

/** Opens the data directory (creating it) and builds the context every transport shares. */
export async function composeApp(dataDir: string, options: ComposeOptions = {}): Promise<AppContext & { close(): Promise<void> }> {
  const dir = resolve(dataDir);
  // A folder we create is the OS user's alone, whatever the umask; one the user chose keeps its permissions.
  if (mkdirSync(dir, { recursive: true, mode: 0o700 }) !== undefined) chmodSync(dir, 0o700);
  const lock = lockDataDir(dir);
  const { db, sqlite, close } = await openDatabase(join(dir, DATABASE_FILE)).catch((error: unknown) => {
    lock.release();
    throw error;
  });
  const ownPrinter = options.printer ? null : chromiumPrinter();
  const office = await db.selectFrom('office').select('id').executeTakeFirst();
  let officeId = office?.id ?? '';
  const ctx: AppContext & { close(): Promise<void> } = {
    db,
    sqlite,
    dataDir: dir,
    clock: options.clock ?? systemClock,
    actor: options.actor ?? safeUserName(),
    officeId: () => {
      if (!officeId) throw notSetUp();
      return officeId;
    },
    rememberOffice: (id) => {
      officeId = id;
    },
    printer: options.printer ?? ownPrinter!,
    close: async () => {
      await ownPrinter?.close();
      await close();
      lock.release();
    },
  };
  // Certificate wording kept in a file before migration 0190 moves into its table once; a bad file does not stop the start.
  await adoptTemplatesFile({ ...ctx, operation: 'certificate-templates-file' }).catch((error: unknown) => console.error(`[xhht] ${error instanceof Error ? error.message : String(error)}`));
  return ctx;
}

function safeUserName(): string {
  try {
    return userInfo().username || 'cán bộ';
  } catch {
    return 'cán bộ';
  }
}
