import type { ComponentType } from 'react';
import type { RouteObject } from 'react-router';

/**
 * A page loaded on first visit, so each page is its own chunk and the app
 * opens without downloading every page. Usage:
 * `{ path: '/plans', ...lazyPage(() => import('./PlansPage'), 'PlansPage') }`.
 */
export function lazyPage<M, K extends keyof M & string>(load: () => Promise<M>, name: K): Pick<RouteObject, 'lazy'> {
  return { lazy: async () => ({ Component: (await load())[name] as ComponentType }) };
}
