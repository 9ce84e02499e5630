import type { RouteObject } from 'react-router';
import { lazyPage } from '../app/lazyPage';

export const annualReportRoutes: RouteObject[] = [{ path: '/annual-report', ...lazyPage(() => import('./AnnualReportPage'), 'AnnualReportPage') }];
