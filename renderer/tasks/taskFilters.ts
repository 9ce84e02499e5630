import type { TaskStatus } from '../../shared/plan-model';
import type { TaskFilter } from '../../shared/tasks';

/** The task list's filters, kept in the address so a link (from the home page, a plan) opens them. */
export interface TaskFilterState {
  planId?: string;
  agencyId?: string;
  agencyRole: 'lead' | 'any';
  status: TaskStatus[];
  communeId?: string;
  dueFrom?: string;
  dueTo?: string;
  overdueOnly: boolean;
  assignedOnly: boolean;
}

const opt = (v: string | null) => v || undefined;

export function filtersFromParams(p: URLSearchParams): TaskFilterState {
  return {
    planId: opt(p.get('plan')),
    agencyId: opt(p.get('agency')),
    agencyRole: p.get('role') === 'lead' ? 'lead' : 'any',
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
  if (f.agencyRole === 'lead') p.set('role', 'lead');
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
