import type { RouteObject } from 'react-router';
import { TitlesPage } from './TitlesPage';

export const titlesRoutes: RouteObject[] = [{ path: '/titles', element: <TitlesPage /> }];
