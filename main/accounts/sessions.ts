import { randomBytes } from 'node:crypto';
import type Database from 'better-sqlite3';
import { SESSION_IDLE_MINUTES } from '../../shared/accounts.js';

interface Session {
  accountId: string;
  lastSeen: number;
}

/**
 * Sessions live in memory only: a restart logs everyone out, and nothing a
 * session could be replayed from is written to disk. One store per open
 * database, so two apps in one process (tests) keep theirs apart.
 */
const stores = new WeakMap<Database.Database, Map<string, Session>>();

function storeOf(sqlite: Database.Database): Map<string, Session> {
  let store = stores.get(sqlite);
  if (!store) stores.set(sqlite, (store = new Map()));
  return store;
}

const IDLE_MS = SESSION_IDLE_MINUTES * 60_000;

export function openSession(sqlite: Database.Database, accountId: string, now: number): string {
  const token = randomBytes(32).toString('base64url');
  storeOf(sqlite).set(token, { accountId, lastSeen: now });
  return token;
}

/** The account of a live session, which this call keeps alive; an idle one has ended and is forgotten. */
export function touchSession(sqlite: Database.Database, token: string, now: number): string | null {
  const store = storeOf(sqlite);
  const session = store.get(token);
  if (!session) return null;
  if (now - session.lastSeen > IDLE_MS) {
    store.delete(token);
    return null;
  }
  session.lastSeen = now;
  return session.accountId;
}

export function closeSession(sqlite: Database.Database, token: string): boolean {
  return storeOf(sqlite).delete(token);
}

/** Ends every session of an account (deactivated, or its password reset), except `keep` (the caller's own). */
export function closeSessionsOf(sqlite: Database.Database, accountId: string, keep: string | null = null): void {
  const store = storeOf(sqlite);
  for (const [token, session] of store) if (session.accountId === accountId && token !== keep) store.delete(token);
}
