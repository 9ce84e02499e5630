import type { z } from 'zod';

/**
 * - query: changes nothing;
 * - mutation: the dispatcher runs it in one transaction, and every row it changes leaves an audit row;
 * - job: starts long work (an import of 100,000 rows) off the request thread and answers at once with
 *   a job id; the work writes in its own single transaction, audited like a mutation, and is followed
 *   and cancelled through query ops.
 */
export type OpKind = 'query' | 'mutation' | 'job';

/**
 * Who may run an op, from most to least trusted:
 * - admin (quản trị): accounts, office settings, keys, backups, and everything an officer may do;
 * - officer (cán bộ): enters and changes plans, territory, titles, evidence, prints;
 * - viewer (xem): reads only.
 */
export const ROLES = ['admin', 'officer', 'viewer'] as const;
export type Role = (typeof ROLES)[number];

export const ROLE_LABELS: Record<Role, string> = { admin: 'Quản trị', officer: 'Cán bộ', viewer: 'Xem' };

/**
 * What an op needs: a role, or 'public' for the few ops that must answer before anyone has logged
 * in (the login itself, the first-run setup that creates the administrator, the office status the
 * login page shows). The dispatcher reads nothing else to decide.
 */
export type OpAccess = Role | 'public';

const RANK: Record<Role, number> = { admin: 3, officer: 2, viewer: 1 };

/** True when an account of role `has` may run an op declared with `needs`. */
export function roleAllows(has: Role | null, needs: OpAccess): boolean {
  if (needs === 'public') return true;
  return has !== null && RANK[has] >= RANK[needs];
}

/** One operation of the contract: the schema its input must pass, the shape of its output, and who may run it. */
export interface OpSpec<I extends z.ZodType = z.ZodType, O extends z.ZodType = z.ZodType, K extends OpKind = OpKind> {
  input: I;
  output: O;
  kind: K;
  role: OpAccess;
}

/** Reading is open to every account unless the op says otherwise (printing, staging files, secrets). */
export const query = <I extends z.ZodType, O extends z.ZodType>(input: I, output: O, role: OpAccess = 'viewer'): OpSpec<I, O, 'query'> => ({ input, output, kind: 'query', role });
/** A change must say who may make it: there is no default, so a new mutation without a role fails typecheck. */
export const mutation = <I extends z.ZodType, O extends z.ZodType>(input: I, output: O, role: OpAccess): OpSpec<I, O, 'mutation'> => ({ input, output, kind: 'mutation', role });
export const job = <I extends z.ZodType, O extends z.ZodType>(input: I, output: O, role: OpAccess): OpSpec<I, O, 'job'> => ({ input, output, kind: 'job', role });
