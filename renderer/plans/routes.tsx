import type { RouteObject } from 'react-router';
import { lazyPage } from '../app/lazyPage';
import './plans.css';

/** The overview, plans, tasks, agencies' work and periodic reports. */
export const plansRoutes: RouteObject[] = [
  { index: true, ...lazyPage(() => import('../home/HomePage'), 'HomePage') },
  { path: '/plans', ...lazyPage(() => import('./PlansPage'), 'PlansPage') },
  { path: '/plans/:id', ...lazyPage(() => import('./detail/PlanDetailPage'), 'PlanDetailPage') },
  { path: '/tasks', ...lazyPage(() => import('../tasks/TasksPage'), 'TasksPage') },
  { path: '/agency-work', ...lazyPage(() => import('../tasks/AgencyWorkPage'), 'AgencyWorkPage') },
  { path: '/reports', ...lazyPage(() => import('../reporting/ReportsPage'), 'ReportsPage') },
];
