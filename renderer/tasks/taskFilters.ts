import type { TaskStatus } from '../../shared/plan-model';
import { AgencyRole, type TaskFilter } from '../../shared/tasks';

/** The task list's filters, kept in the address so a link (from the home page, a plan) opens them. */
export interface TaskFilterState {
  planId?: string;
  agencyId?: string;
  agencyRole: AgencyRole;
  status: TaskStatus[];
  communeId?: string;
  dueFrom?: string;
  dueTo?: string;
  overdueOnly: boolean;
  assignedOnly: boolean;
}

const opt = (v: string | null) => v || undefined;

/** A role the address does not name (or names wrongly) reads as "any", so an old or mistyped link still opens the list. */
function roleOf(value: string | null): AgencyRole {
  const parsed = AgencyRole.safeParse(value);
  return parsed.success ? parsed.data : 'any';
}

export function filtersFromParams(p: URLSearchParams): TaskFilterState {
  return {
    planId: opt(p.get('plan')),
    agencyId: opt(p.get('agency')),
    agencyRole: roleOf(p.get('role')),
    status: (p.get('status') ?? '').split(',').filter(Boolean) as TaskStatus[],
    communeId: opt(p.get('commune')),
    dueFrom: opt(p.get('from')),
    dueTo: opt(p.get('to')),
    overdueOnly: p.get('overdue') === '1',
    assignedOnly: p.get('all') !== '1',
  };
}

export function paramsFromFilters(f: TaskFilterState): URLSearchParams {
  const p = new URLSearchParams();
  const put = (key: string, value: string | undefined) => value && p.set(key, value);
  put('plan', f.planId);
  put('agency', f.agencyId);
  if (f.agencyRole !== 'any') p.set('role', f.agencyRole);
  if (f.status.length) p.set('status', f.status.join(','));
  put('commune', f.communeId);
  put('from', f.dueFrom);
  put('to', f.dueTo);
  if (f.overdueOnly) p.set('overdue', '1');
  if (!f.assignedOnly) p.set('all', '1');
  return p;
}

export function toTaskFilter(f: TaskFilterState): TaskFilter {
  return {
    planId: f.planId,
    agencyId: f.agencyId,
    agencyRole: f.agencyRole,
    status: f.status.length ? f.status : undefined,
    communeId: f.communeId,
    dueFrom: f.dueFrom,
    dueTo: f.dueTo,
    overdueOnly: f.overdueOnly,
    assignedOnly: f.assignedOnly,
  };
}
