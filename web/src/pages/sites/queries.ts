import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api, call, isNotFound } from '../../api/client';
import type { Query, Statement } from '../../api/types';

export function useSites(after: string | undefined, pageSize = 50, filter: { q?: string; archived?: boolean } = {}) {
  return useQuery({
    queryKey: ['sites', 'list', after, pageSize, filter],
    queryFn: () => call(api.GET('/api/sites', { params: { query: { after, pageSize, ...filter } } })),
    placeholderData: keepPreviousData,
  });
}

export function useSite(id: string) {
  return useQuery({ queryKey: ['sites', 'one', id], queryFn: () => call(api.GET('/api/sites/{id}', { params: { path: { id } } })) });
}

export function usePermit(id: string) {
  return useQuery({ queryKey: ['permits', 'one', id], queryFn: () => call(api.GET('/api/permits/{id}', { params: { path: { id } } })) });
}

export function useTrips(q: Query<'/api/trips', 'get'>) {
  return useQuery({
    queryKey: ['trips', q],
    queryFn: () => call(api.GET('/api/trips', { params: { query: q } })),
    placeholderData: keepPreviousData,
  });
}

/** The site's statements (the latest 200); `null` when the server answers 404 (a server without the statements feature). */
export function useSiteStatements(siteId: string) {
  return useQuery({
    queryKey: ['statements', 'site', siteId],
    queryFn: async (): Promise<Statement[] | null> => {
      try {
        const r = await call(api.GET('/api/sites/{id}/statements', { params: { path: { id: siteId }, query: { pageSize: 200 } } }));
        return r.items;
      } catch (e) {
        if (isNotFound(e)) return null;
        throw e;
      }
    },
    refetchInterval: (query) => (query.state.data?.some((s) => s.status === 'queued' || s.status === 'running') ? 3000 : false),
  });
}
