import { registerTables } from '../db/table-registry.js';

/**
 * The people who may use this XHHT. Local: accounts never travel in bundles
 * (another office has its own people), so the table exists before the office
 * does — the administrator is created first. Changes are audited by hand, with
 * the password hash and lock counters left out of the audit rows.
 */
export interface AccountsTable {
  id: string;
  name: string;
  /** Lower case, unique. */
  login: string;
  role: 'admin' | 'officer' | 'viewer';
  /** 1 or 0: an inactive account cannot log in and its sessions end. */
  active: number;
  /** "scrypt$N$r$p$salt$hash" (base64 parts): see passwords.ts. */
  passwordHash: string;
  /** Failed logins since the last success or lock. */
  failedLogins: number;
  lockedUntil: string | null;
  lastLoginAt: string | null;
  createdAt: string;
  updatedAt: string;
  rev: number;
}

export interface AccountsTables {
  accounts: AccountsTable;
}

export const accountsTables = registerTables<AccountsTables>('accounts', {
  accounts: { synced: false, travels: false, parents: [] },
});
