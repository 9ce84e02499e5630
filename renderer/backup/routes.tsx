import type { RouteObject } from 'react-router';
import { lazyPage } from '../app/lazyPage';

export const backupRoutes: RouteObject[] = [{ path: '/backup', ...lazyPage(() => import('./BackupPage'), 'BackupPage') }];
