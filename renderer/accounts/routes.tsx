import type { RouteObject } from 'react-router';
import { lazyPage } from '../app/lazyPage';

export const accountsRoutes: RouteObject[] = [{ path: '/accounts', ...lazyPage(() => import('./AccountsPage'), 'AccountsPage') }];
