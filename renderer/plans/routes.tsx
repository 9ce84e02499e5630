import type { RouteObject } from 'react-router';
import { HomePage } from '../home/HomePage';
import { ReportsPage } from '../reporting/ReportsPage';
import { AgencyWorkPage } from '../tasks/AgencyWorkPage';
import { TasksPage } from '../tasks/TasksPage';
import { PlanDetailPage } from './detail/PlanDetailPage';
import { PlansPage } from './PlansPage';
import './plans.css';

/** The overview, plans, tasks, agencies' work and periodic reports. */
export const plansRoutes: RouteObject[] = [
  { index: true, element: <HomePage /> },
  { path: '/plans', element: <PlansPage /> },
  { path: '/plans/:id', element: <PlanDetailPage /> },
  { path: '/tasks', element: <TasksPage /> },
  { path: '/agency-work', element: <AgencyWorkPage /> },
  { path: '/reports', element: <ReportsPage /> },
];
