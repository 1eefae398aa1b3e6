import type { Router } from 'express';

/** One route a router serves, with the prefix it is mounted at: `{ method: 'GET', path: '/v1/library/people/:id' }`. */
export interface MountedRoute {
  method: string;
  path: string;
}

interface RouteLayer {
  route?: { path: unknown; methods: Record<string, boolean> };
}

/**
 * The routes the given routers declare (their own `get`/`post`/… routes; middleware is not a route), read from
 * express's route stack, so a security suite covers a route the day it is added.
 */
export function routeTable(mounts: readonly (readonly [prefix: string, router: Router])[]): MountedRoute[] {
  return mounts.flatMap(([prefix, router]) =>
    (router.stack as RouteLayer[]).flatMap((layer) => {
      const route = layer.route;
      if (route === undefined || typeof route.path !== 'string') return [];
      const path = `${prefix}${route.path}`;
      return Object.keys(route.methods)
        .filter((method) => method !== '_all')
        .map((method) => ({ method: method.toUpperCase(), path }));
    }),
  );
}
