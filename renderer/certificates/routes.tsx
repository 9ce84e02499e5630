import type { RouteObject } from 'react-router';
import { lazyPage } from '../app/lazyPage';

/** Certificates: the register, verification; the printing pages join here. */
export const certificatesRoutes: RouteObject[] = [
  { path: '/certificates', ...lazyPage(() => import('./RegisterPage'), 'RegisterPage') },
  { path: '/certificates/verify', ...lazyPage(() => import('./VerifyPage'), 'VerifyPage') },
  { path: '/certificates/print', ...lazyPage(() => import('./PrintPage'), 'PrintPage') },
  { path: '/certificates/templates', ...lazyPage(() => import('./TemplatePage'), 'TemplatePage') },
];
