/** Data of the «Загрузки» page: the journal and one upload's progress (types from the generated OpenAPI schema). */
import { useQuery } from '@tanstack/react-query';
import { api, call } from '../../api/client';
import type { Ok } from '../../api/types';

/** An upload as GET /api/uploads/{id} returns it. */
export type Upload = Ok<'/api/uploads/{id}', 'get'>;

export const isFinished = (u: Upload) => u.status === 'done' || u.status === 'refused' || u.status === 'failed';

export function useUploads(after: string | undefined, pageSize: number) {
  return useQuery({
    queryKey: ['uploads', after ?? '', pageSize],
    queryFn: () => call(api.GET('/api/uploads', { params: { query: { ...(after ? { after } : {}), pageSize } } })),
    refetchInterval: (q) => (q.state.data?.items.some((u) => !isFinished(u)) ? 2000 : false),
  });
}

export function useUpload(id: string | null) {
  return useQuery({
    queryKey: ['upload', id],
    enabled: id !== null,
    queryFn: () => call(api.GET('/api/uploads/{id}', { params: { path: { id: id! } } })),
    refetchInterval: (q) => (q.state.data && isFinished(q.state.data) ? false : 1000),
  });
}
