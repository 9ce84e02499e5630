import type { z } from 'zod';

/**
 * - query: changes nothing;
 * - mutation: the dispatcher runs it in one transaction, and every row it changes leaves an audit row;
 * - job: starts long work (an import of 100,000 rows) off the request thread and answers at once with
 *   a job id; the work writes in its own single transaction, audited like a mutation, and is followed
 *   and cancelled through query ops.
 */
export type OpKind = 'query' | 'mutation' | 'job';

/** One operation of the contract: the schema its input must pass and the shape of its output. */
export interface OpSpec<I extends z.ZodType = z.ZodType, O extends z.ZodType = z.ZodType, K extends OpKind = OpKind> {
  input: I;
  output: O;
  kind: K;
}

export const query = <I extends z.ZodType, O extends z.ZodType>(input: I, output: O): OpSpec<I, O, 'query'> => ({ input, output, kind: 'query' });
export const mutation = <I extends z.ZodType, O extends z.ZodType>(input: I, output: O): OpSpec<I, O, 'mutation'> => ({ input, output, kind: 'mutation' });
export const job = <I extends z.ZodType, O extends z.ZodType>(input: I, output: O): OpSpec<I, O, 'job'> => ({ input, output, kind: 'job' });
