import type { RouteObject } from 'react-router';
import { accountsRoutes } from '../accounts/routes';
import { agenciesRoutes } from '../agencies/routes';
import { auditRoutes } from '../audit/routes';
import { backupRoutes } from '../backup/routes';
import { annualReportRoutes } from '../annual-report/routes';
import { bundlesRoutes } from '../bundles/routes';
import { evidenceRoutes } from '../evidence/routes';
import { plansRoutes } from '../plans/routes';
import { settingsRoutes } from '../settings/routes';
import { titlesRoutes } from '../titles/routes';
import { certificatesRoutes } from '../certificates/routes';
import { lazyPage } from './lazyPage';
import { unitsRoutes } from '../units/routes';
import { NotFoundPage } from './NotFoundPage';

const isHomeRoute = (route: RouteObject) => route.index === true || route.path === '/' || route.path === '';

/** `/` shows the units page until a feature (the plans overview) claims it. */
const homeFallback: RouteObject[] = plansRoutes.some(isHomeRoute) ? [] : [{ index: true, ...lazyPage(() => import('../units/UnitsPage'), 'UnitsPage') }];

/** Children of the layout route; each feature owns its own array. */
export const appRoutes: RouteObject[] = [
  ...plansRoutes,
  ...homeFallback,
  ...unitsRoutes,
  ...agenciesRoutes,
  ...evidenceRoutes,
  ...titlesRoutes,
  ...certificatesRoutes,
  ...settingsRoutes,
  ...backupRoutes,
  ...annualReportRoutes,
  ...bundlesRoutes,
  ...auditRoutes,
  ...accountsRoutes,
  { path: '*', element: <NotFoundPage /> },
];
