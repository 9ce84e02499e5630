import type { RouteObject } from 'react-router';
import { lazyPage } from '../app/lazyPage';

export const agenciesRoutes: RouteObject[] = [{ path: '/agencies', ...lazyPage(() => import('./AgenciesPage'), 'AgenciesPage') }];
