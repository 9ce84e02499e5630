import type { RouteObject } from 'react-router';
import { lazyPage } from '../app/lazyPage';

export const auditRoutes: RouteObject[] = [{ path: '/audit', ...lazyPage(() => import('./JournalPage'), 'JournalPage') }];
