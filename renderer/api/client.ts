import type { InputOf, OpName, OutputOf } from '../../shared/contract.js';
import { AppError } from '../../shared/errors.js';
import { currentSession, httpTransport, ipcTransport, rememberSession, takeTokenFromLocation, type Transport } from './transport.js';

/** The one place the transport is chosen. */
function pickTransport(): Transport {
  return window.officeBridge ? ipcTransport(window.officeBridge) : httpTransport(takeTokenFromLocation());
}

const transport = pickTransport();

/**
 * Calls one operation of the contract. Failures arrive as AppError with the
 * Vietnamese message and field issues from main.
 */
export async function call<K extends OpName>(op: K, input: InputOf<K>): Promise<OutputOf<K>> {
  const envelope = await transport(op, input);
  // The session ended (idle too long, logged out elsewhere, account deactivated): the app shows the login page.
  if (!envelope.ok && envelope.error.code === 'UNAUTHORIZED' && op !== 'session.login' && currentSession()) {
    rememberSession(null);
    for (const listener of signOutListeners) listener();
  }
  if (!envelope.ok) throw new AppError(envelope.error.code, envelope.error.message, envelope.error.details);
  if (envelope.changed?.length) announceChanges(envelope.changed);
  return envelope.data as OutputOf<K>;
}

const signOutListeners = new Set<() => void>();

/** Hears that the session has ended; returns the unsubscribe. */
export function onSignedOut(listener: () => void): () => void {
  signOutListeners.add(listener);
  return () => signOutListeners.delete(listener);
}

type ChangeListener = (tables: readonly string[]) => void;
const changeListeners = new Set<ChangeListener>();

/** Hears which tables every write changed; the app refreshes what read them. Returns the unsubscribe. */
export function onDataChanged(listener: ChangeListener): () => void {
  changeListeners.add(listener);
  return () => changeListeners.delete(listener);
}

/** For writes that finish outside an op's answer (an import job): says which tables they changed. */
export function announceChanges(tables: readonly string[]): void {
  for (const listener of changeListeners) listener(tables);
}
