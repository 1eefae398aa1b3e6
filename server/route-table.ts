import type { Router } from 'express';

/** One route a router serves, with the prefix it is mounted at: `{ method: 'GET', path: '/v1/library/people/:id' }`. */
export interface MountedRoute {
  method: string;
  path: string;
}

interface RouteLayer {
  route?: { path: unknown; methods: Record<string, boolean> };
  /** A nested router mounted with `router.use(path, nested)`. */
  handle?: { stack?: unknown };
  rawPath?: unknown;
}

/**
 * The routes the given routers declare (their own `get`/`post`/… routes and those of routers mounted inside them;
 * middleware is not a route), read from express's route stack, so a security suite covers a route the day it is
 * added.
 */
export function routeTable(mounts: readonly (readonly [prefix: string, router: Router])[]): MountedRoute[] {
  return mounts.flatMap(([prefix, router]) => routesOf(prefix, router.stack as RouteLayer[]));
}

function routesOf(prefix: string, stack: readonly RouteLayer[]): MountedRoute[] {
  return stack.flatMap((layer) => {
    const nested = layer.handle?.stack;
    if (layer.route === undefined) {
      return Array.isArray(nested) && typeof layer.rawPath === 'string'
        ? routesOf(`${prefix}${layer.rawPath}`, nested as RouteLayer[])
        : [];
    }
    const { path, methods } = layer.route;
    if (typeof path !== 'string') return [];
    return Object.keys(methods)
      .filter((method) => method !== '_all')
      .map((method) => ({ method: method.toUpperCase(), path: `${prefix}${path}` }));
  });
}
