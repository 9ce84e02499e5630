import type { RouteObject } from 'react-router';
import { lazyPage } from '../app/lazyPage';

export const settingsRoutes: RouteObject[] = [{ path: '/settings', ...lazyPage(() => import('./SettingsPage'), 'SettingsPage') }];
