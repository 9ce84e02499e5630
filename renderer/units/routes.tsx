import type { RouteObject } from 'react-router';
import { UnitsPage } from './UnitsPage';

export const unitsRoutes: RouteObject[] = [
  { path: '/units', element: <UnitsPage /> },
  { path: '/units/:id', element: <UnitsPage /> },
];
