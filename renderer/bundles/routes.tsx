import type { RouteObject } from 'react-router';
import { lazyPage } from '../app/lazyPage';

/** Bundles: the received list, sending (export) and receiving (verify, preview, import). */
export const bundlesRoutes: RouteObject[] = [
  { path: '/bundles', ...lazyPage(() => import('./BundlesPage'), 'BundlesPage') },
  { path: '/bundles/send', ...lazyPage(() => import('./SendPage'), 'SendPage') },
  { path: '/bundles/receive', ...lazyPage(() => import('./ReceivePage'), 'ReceivePage') },
];
