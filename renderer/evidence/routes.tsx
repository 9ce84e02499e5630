import type { RouteObject } from 'react-router';
import { lazyPage } from '../app/lazyPage';

export const evidenceRoutes: RouteObject[] = [{ path: '/evidence', ...lazyPage(() => import('./EvidenceStorePage'), 'EvidenceStorePage') }];
