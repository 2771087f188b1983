/** Applications: hooks over the API and the request helpers the pages share. */
import { keepPreviousData, useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { api, call } from '../../api/client';
import type { ApplicationStatus } from '../../api/types';

export const appKey = (id: string) => ['applications', 'one', id] as const;

export function useApplication(id: string) {
  return useQuery({ queryKey: appKey(id), queryFn: () => call(api.GET('/api/applications/{id}', { params: { path: { id } } })) });
}

export function useReference() {
  return useQuery({ queryKey: ['applications', 'reference'], queryFn: () => call(api.GET('/api/applications/reference')), staleTime: 3_600_000 });
}

export function useMyApplications(status: ApplicationStatus | null) {
  return useInfiniteQuery({
    queryKey: ['applications', 'mine', status],
    initialPageParam: undefined as string | undefined,
    queryFn: ({ pageParam }) => call(api.GET('/api/applications', { params: { query: { status: status ?? undefined, cursor: pageParam, limit: 50 } } })),
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    placeholderData: keepPreviousData,
  });
}

export interface QueueFilters {
  status?: ApplicationStatus;
  age?: 'overdue' | 'due_today' | 'due_soon' | 'in_time';
  district?: string;
  assignee?: string;
  applicantInn?: string;
}

export function useQueue(f: QueueFilters) {
  return useInfiniteQuery({
    queryKey: ['applications', 'queue', f],
    initialPageParam: undefined as string | undefined,
    queryFn: ({ pageParam }) => call(api.GET('/api/operator/applications', { params: { query: { ...(f as any), cursor: pageParam, limit: 50 } } })),
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    placeholderData: keepPreviousData,
    refetchInterval: 30_000,
  });
}

export function useHistory(id: string) {
  return useQuery({ queryKey: ['applications', 'history', id], queryFn: () => call(api.GET('/api/applications/{id}/history', { params: { path: { id } } })) });
}

export function useMessages(id: string, enabled: boolean) {
  return useQuery({
    queryKey: ['applications', 'messages', id],
    queryFn: () => call(api.GET('/api/applications/{id}/messages', { params: { path: { id } } })),
    enabled,
    refetchInterval: 20_000,
  });
}

export function useFacilityOptions(wasteCode: string | null) {
  return useQuery({
    queryKey: ['applications', 'facility-options', wasteCode],
    queryFn: () => call(api.GET('/api/applications/facility-options', { params: { query: { wasteCode: wasteCode ?? undefined } } })),
    enabled: !!wasteCode,
    staleTime: 60_000,
  });
}

export function useFkko() {
  return useQuery({ queryKey: ['fkko'], queryFn: () => call(api.GET('/api/fkko', { params: { query: {} } })), staleTime: 3_600_000 });
}

export function useSpecialists(enabled: boolean) {
  return useQuery({ queryKey: ['operator', 'specialists'], queryFn: () => call(api.GET('/api/operator/specialists')), enabled, staleTime: 300_000 });
}

export function usePermitVersions(id: string) {
  return useQuery({
    queryKey: ['permits', 'versions', id],
    queryFn: () => call(api.GET('/api/permits/{id}/versions', { params: { path: { id } } })),
    // The signed PDF is made in the background right after a decision.
    refetchInterval: (q) => (q.state.data?.items.some((v) => !v.pdf) ? 3000 : false),
  });
}
