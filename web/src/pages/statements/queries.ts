import { useQuery } from '@tanstack/react-query';
import { api, call } from '../../api/client';
import type { Statement } from '../../api/types';

export const statementKey = (id: string) => ['statements', 'one', id] as const;

/** GET /api/statements/{id}, polled while it is being generated. */
export function useStatement(id: string | undefined) {
  return useQuery({
    queryKey: statementKey(id ?? ''),
    queryFn: () => call(api.GET('/api/statements/{id}', { params: { path: { id: id! } } })),
    enabled: !!id,
    refetchInterval: (q) => {
      const s = q.state.data?.status;
      return s === 'queued' || s === 'running' ? 1500 : false;
    },
  });
}

export const isFinished = (s?: Statement) => s?.status === 'ready' || s?.status === 'failed';
