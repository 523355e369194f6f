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

/** Signed-in pages send a signed-out visitor to /sign-in (after the root's one silent refresh from the cookie). */
function requireSignIn() {
  if (!isSignedIn()) throw redirect({ to: '/sign-in' });
}

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
  beforeLoad: requireSignIn,
}).lazy(() => import('./pages/home.lazy').then((page) => page.Route));

// A report: its task list, one task (?task=<code>) or "check your answers" (?view=check), in one page so typed
// answers and their autosave survive moving between tasks.
const reportRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/reports/$id',
  validateSearch: (search: Record<string, unknown>): { task?: string; view?: 'check' } => ({
    ...(typeof search.task === 'string' ? { task: search.task } : {}),
    ...(search.view === 'check' ? { view: 'check' as const } : {}),
  }),
  beforeLoad: requireSignIn,
  loader: ({ params }) => import('./pages/report/report-data').then((data) => data.loadReport(params.id)),
}).lazy(() => import('./pages/report/report.lazy').then((page) => page.Route));

// The review queue (what waits at a stage my roles decide) and one submission's review page.
const reviewQueueRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/review',
  beforeLoad: requireSignIn,
}).lazy(() => import('./pages/review/queue.lazy').then((page) => page.Route));
const reviewRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/review/$id',
  beforeLoad: requireSignIn,
}).lazy(() => import('./pages/review/review.lazy').then((page) => page.Route));

// A report's supporting documents: upload, reuse, and each file's check verdict.
const evidenceRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/reports/$id/evidence',
  beforeLoad: requireSignIn,
}).lazy(() => import('./pages/evidence/evidence.lazy').then((page) => page.Route));

// A coordinator compiles the units' approved inputs into the reporter's one report and settles their disagreements.
const compileRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/compile',
  beforeLoad: requireSignIn,
}).lazy(() => import('./pages/compile/compile.lazy').then((page) => page.Route));

// Administration of cycles and their calendar, and of organisations, people, API tokens and the audit trail; each page
// says plainly when the caller's roles do not use it.
const adminRoutes = [
  createRoute({ getParentRoute: () => rootRoute, path: '/manage/cycles', beforeLoad: requireSignIn }).lazy(() =>
    import('./pages/admin/cycles/cycles.lazy').then((page) => page.Route),
  ),
  createRoute({ getParentRoute: () => rootRoute, path: '/manage/cycles/$cycleId', beforeLoad: requireSignIn }).lazy(() =>
    import('./pages/admin/cycles/cycle.lazy').then((page) => page.Route),
  ),
  createRoute({ getParentRoute: () => rootRoute, path: '/manage/people', beforeLoad: requireSignIn }).lazy(() =>
    import('./pages/admin/people/people.lazy').then((page) => page.Route),
  ),
  createRoute({ getParentRoute: () => rootRoute, path: '/manage/tokens', beforeLoad: requireSignIn }).lazy(() =>
    import('./pages/admin/people/tokens.lazy').then((page) => page.Route),
  ),
  createRoute({ getParentRoute: () => rootRoute, path: '/manage/audit', beforeLoad: requireSignIn }).lazy(() =>
    import('./pages/admin/people/audit.lazy').then((page) => page.Route),
  ),
] as const;

// Who answers what: a coordinator assigns the cycle's items to its units (opened from completeness on a reporter).
const assignmentsRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/manage/assignments',
  validateSearch: (search: Record<string, unknown>): { cycleId?: string; regionCode?: string; organisationId?: string } =>
    Object.fromEntries(
      Object.entries({ cycleId: text(search.cycleId), regionCode: text(search.regionCode), organisationId: text(search.organisationId) }).filter(([, value]) => value !== undefined),
    ),
  beforeLoad: requireSignIn,
}).lazy(() => import('./pages/assignments/assignments.lazy').then((page) => page.Route));

// Nilai: the reporters' current scores in scope, and one score's breakdown, target, gap and history.
const scoresRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/scores',
  beforeLoad: requireSignIn,
}).lazy(() => import('./pages/scores/scores.lazy').then((page) => page.Route));
const scoreRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/scores/$id',
  beforeLoad: requireSignIn,
}).lazy(() => import('./pages/scores/score.lazy').then((page) => page.Route));

// Administration of the scoring frameworks, for national admins: versions, a version (draft tools), a recalculation.
const frameworkRoutes = [
  createRoute({ getParentRoute: () => rootRoute, path: '/manage/frameworks', beforeLoad: requireSignIn }).lazy(() =>
    import('./pages/admin/frameworks/frameworks.lazy').then((page) => page.Route),
  ),
  createRoute({ getParentRoute: () => rootRoute, path: '/manage/frameworks/$id', beforeLoad: requireSignIn }).lazy(() =>
    import('./pages/admin/frameworks/version.lazy').then((page) => page.Route),
  ),
  createRoute({ getParentRoute: () => rootRoute, path: '/manage/recalculations/$id', beforeLoad: requireSignIn }).lazy(() =>
    import('./pages/admin/frameworks/recalculation.lazy').then((page) => page.Route),
  ),
] as const;

// Oversight for the centre and the Kanwil: the dashboard, and a period's reminder ledger with resends by hand.
const dashboardRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/dashboard',
  beforeLoad: requireSignIn,
}).lazy(() => import('./pages/dashboard/dashboard.lazy').then((page) => page.Route));
const remindersRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/reminders',
  beforeLoad: requireSignIn,
}).lazy(() => import('./pages/reminders/reminders.lazy').then((page) => page.Route));

// The public KKP HAM results, open to everyone: the latest decreed year, a chosen year, and one regency's or city's years.
const publicResultsRoute = createRoute({ getParentRoute: () => rootRoute, path: '/results' }).lazy(() =>
  import('./pages/public/results.lazy').then((page) => page.Route),
);
const publicYearRoute = createRoute({ getParentRoute: () => rootRoute, path: '/results/$year' }).lazy(() =>
  import('./pages/public/results.lazy').then((page) => page.YearRoute),
);
const publicRegionRoute = createRoute({ getParentRoute: () => rootRoute, path: '/results/regions/$code' }).lazy(() =>
  import('./pages/public/region.lazy').then((page) => page.Route),
);

// Kelengkapan: which units of a period have reported, for coordinators, the Kanwil, the centre and admins.
// A reminder mail opens it on its period and reporter (packages/domain completenessPageLink); the page starts there.
export interface CompletenessSearch {
  programme?: 'KKP_HAM' | 'RANHAM';
  cycleId?: string;
  periodCode?: string;
  regionCode?: string;
  organisationId?: string;
}
const text = (value: unknown): string | undefined => (typeof value === 'string' && value.length > 0 && value.length <= 64 ? value : undefined);
export function completenessSearchOf(search: Record<string, unknown>): CompletenessSearch {
  return Object.fromEntries(
    Object.entries({
      programme: search.programme === 'KKP_HAM' || search.programme === 'RANHAM' ? search.programme : undefined,
      cycleId: text(search.cycleId),
      periodCode: text(search.periodCode),
      regionCode: text(search.regionCode),
      organisationId: text(search.organisationId),
    }).filter(([, value]) => value !== undefined),
  );
}
const completenessRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/completeness',
  validateSearch: completenessSearchOf,
  beforeLoad: requireSignIn,
}).lazy(() => import('./pages/completeness/completeness.lazy').then((page) => page.Route));

// Mails sent before the report page had its address linked to /submissions/<id>: they open the report.
const oldSubmissionLinkRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/submissions/$id',
  beforeLoad: ({ params }) => {
    throw redirect({ to: '/reports/$id', params: { id: params.id } });
  },
});

// Opened from the invitation and password-reset mails; open to anyone holding the link's token.
const invitationRoute = createRoute({ getParentRoute: () => rootRoute, path: '/account/invitation' }).lazy(() =>
  import('./pages/set-password.lazy').then((page) => page.InvitationRoute),
);
const passwordResetRoute = createRoute({ getParentRoute: () => rootRoute, path: '/account/password-reset' }).lazy(() =>
  import('./pages/set-password.lazy').then((page) => page.PasswordResetRoute),
);

export const router = createRouter({
  routeTree: rootRoute.addChildren([oldSubmissionLinkRoute, publicResultsRoute, publicYearRoute, publicRegionRoute, homeRoute, evidenceRoute, signInRoute, invitationRoute, passwordResetRoute, reportRoute, reviewQueueRoute, reviewRoute, compileRoute, dashboardRoute, remindersRoute, scoresRoute, scoreRoute, completenessRoute, assignmentsRoute, ...adminRoutes, ...frameworkRoutes]),
  defaultPreload: 'intent',
});

declare module '@tanstack/react-router' {
  interface Register {
    router: typeof router;
  }
}
