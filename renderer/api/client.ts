import type { InputOf, OpName, OutputOf } from '../../shared/contract.js';
import { AppError } from '../../shared/errors.js';
import { httpTransport, ipcTransport, takeTokenFromLocation, type Transport } from './transport.js';

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
  if (!envelope.ok) throw new AppError(envelope.error.code, envelope.error.message, envelope.error.details);
  return envelope.data as OutputOf<K>;
}
