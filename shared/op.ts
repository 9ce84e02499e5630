import type { z } from 'zod';

/** One operation of the contract: the schema its input must pass and the shape of its output. */
export interface OpSpec<I extends z.ZodType = z.ZodType, O extends z.ZodType = z.ZodType> {
  input: I;
  output: O;
  /** A query changes nothing; a mutation writes in one transaction with an audit row. */
  kind: 'query' | 'mutation';
}

export const query = <I extends z.ZodType, O extends z.ZodType>(input: I, output: O): OpSpec<I, O> => ({ input, output, kind: 'query' });
export const mutation = <I extends z.ZodType, O extends z.ZodType>(input: I, output: O): OpSpec<I, O> => ({
  input,
  output,
  kind: 'mutation',
});
