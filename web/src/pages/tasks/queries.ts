import { useQuery } from '@tanstack/react-query';
import { api, call } from '../../api/client';

export const tasksKey = (status: 'open' | 'done' | 'all' = 'open') => ['tasks', status] as const;

export function useTasks(status: 'open' | 'done' | 'all' = 'open', refetchInterval?: number) {
  return useQuery({
    queryKey: tasksKey(status),
    queryFn: () => call(api.GET('/api/tasks', { params: { query: { status } } })),
    refetchInterval,
  });
}

export function useTask(id: string) {
  return useQuery({
    queryKey: ['tasks', 'one', id],
    queryFn: () => call(api.GET('/api/tasks/{id}', { params: { path: { id } } })),
  });
}
