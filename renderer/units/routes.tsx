import type { RouteObject } from 'react-router';
import { lazyPage } from '../app/lazyPage';

const unitsPage = lazyPage(() => import('./UnitsPage'), 'UnitsPage');

export const unitsRoutes: RouteObject[] = [
  { path: '/units', ...unitsPage },
  { path: '/units/:id', ...unitsPage },
];
