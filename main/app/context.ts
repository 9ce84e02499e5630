import type Database from 'better-sqlite3';
import type { Kysely } from 'kysely';
import type { IsoDate } from '../../shared/dates.js';
import type { Role } from '../../shared/op.js';
import { AppError } from '../../shared/errors.js';
import type { DB } from '../db/schema.js';
import type { PdfPrinter } from './printer.js';

export interface Clock {
  now(): Date;
  /** The officer's calendar day. */
  today(): IsoDate;
}

/** Everything a service needs, built once per process by compose(); tests build their own. */
export interface AppContext {
  db: Kysely<DB>;
  sqlite: Database.Database;
  dataDir: string;
  clock: Clock;
  /** Who acts, for the audit log: the OS user of the office PC. */
  actor: string;
  /**
   * The session token a transport (IPC, HTTP) received with the call, or null when none came.
   * Absent for the process's own calls (CLI commands, the demo, tests), which the dispatcher trusts.
   */
  session?: string | null;
  /** The logged-in account making the call; the dispatcher sets it (and `actor` to its login) after checking the session. */
  account?: CallerAccount | null;
  /** The operation being run, for the audit log; the dispatcher sets it for every op. */
  operation?: string;
  /** The office id once the office is set up. */
  officeId(): string;
  /** Called by office setup so later writes carry the new office id. */
  rememberOffice(id: string): void;
  printer: PdfPrinter;
}

export interface CallerAccount {
  id: string;
  login: string;
  name: string;
  role: Role;
}

export function notSetUp(): AppError {
  return new AppError('NOT_SET_UP', 'Cơ quan chưa được thiết lập. Hãy hoàn tất bước thiết lập ban đầu.');
}
