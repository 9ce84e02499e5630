import type { RouteObject } from 'react-router';
import { AgenciesPage } from './AgenciesPage';

export const agenciesRoutes: RouteObject[] = [{ path: '/agencies', element: <AgenciesPage /> }];
