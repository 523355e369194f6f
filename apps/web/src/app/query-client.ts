import { QueryClient } from '@tanstack/react-query';

/**
 * The app's one query cache, shared by the pages' hooks and the routes' loaders (which start a page's reads while its
 * code is still loading). One retry: on a slow connection a single dropped request should not show an error, but a
 * refusal should show fast.
 */
export const queryClient = new QueryClient({ defaultOptions: { queries: { retry: 1, staleTime: 30_000 } } });
