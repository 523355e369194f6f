import { createRootRoute, createRoute, createRouter, redirect } from '@tanstack/react-router';
import { Layout } from './app/layout';
import { isSignedIn, restoreSessionOnce } from './auth/session';

/**
 * Code-based routes, each page in its own chunk (lazy), so the first load carries only the frame and the router.
 * Signed-in pages send a signed-out visitor to /sign-in, after one silent refresh from the cookie.
 */
const rootRoute = createRootRoute({
  component: Layout,
  beforeLoad: () => restoreSessionOnce(),
});

const signInRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/sign-in',
  beforeLoad: () => {
    if (isSignedIn()) throw redirect({ to: '/' });
  },
}).lazy(() => import('./pages/sign-in.lazy').then((page) => page.Route));

const homeRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/',
  beforeLoad: () => {
    if (!isSignedIn()) throw redirect({ to: '/sign-in' });
  },
}).lazy(() => import('./pages/home.lazy').then((page) => page.Route));

export const router = createRouter({
  routeTree: rootRoute.addChildren([homeRoute, signInRoute]),
  defaultPreload: 'intent',
});

declare module '@tanstack/react-router' {
  interface Register {
    router: typeof router;
  }
}
