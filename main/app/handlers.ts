import type { OpName, OutputOf, ParsedInputOf } from '../../shared/contract.js';
import type { AppContext } from './context.js';

export type Handler<K extends OpName> = (input: ParsedInputOf<K>, ctx: AppContext) => Promise<OutputOf<K>>;

/** A handler for every operation of the contract; a missing one fails to compile. */
export type Handlers = { [K in OpName]: Handler<K> };

/** The handlers of one feature: exactly the ops of its contract map. */
export type FeatureHandlers<Ops> = { [K in keyof Ops & OpName]: Handler<K> };
