/** Reports: hooks over the API. */
import { useQuery } from '@tanstack/react-query';
import { api, call } from '../../api/client';
import type { Ok } from '../../api/types';

export type ReportCard = Ok<'/api/reports/{id}', 'get'>;
export type ReportList = Ok<'/api/reports', 'get'>;
export type FilerList = Ok<'/api/operator/reports', 'get'>;
export type Totals = Ok<'/api/operator/reports/totals', 'get'>;
export type OperatorKind = 'facility_monthly' | 'tp2_waste';

export const reportKey = (id: string) => ['reports', 'one', id] as const;

export function useReports() {
  return useQuery({ queryKey: ['reports', 'mine'], queryFn: () => call(api.GET('/api/reports')) });
}

export function useReport(id: string) {
  return useQuery({
    queryKey: reportKey(id),
    queryFn: () => call(api.GET('/api/reports/{id}', { params: { path: { id } } })),
    // The signed PDF is made by a job a moment after sending: look again until every version has it.
    refetchInterval: (q) => (q.state.data?.versions.some((v) => !v.pdf) ? 2000 : false),
  });
}

export function useFilers(kind: OperatorKind, period: string) {
  return useQuery({ queryKey: ['reports', 'filers', kind, period], queryFn: () => call(api.GET('/api/operator/reports', { params: { query: { kind, period } } })), enabled: /^\d{4}(-\d{2})?$/.test(period) });
}

export function useTotals(kind: OperatorKind, period: string) {
  return useQuery({ queryKey: ['reports', 'totals', kind, period], queryFn: () => call(api.GET('/api/operator/reports/totals', { params: { query: { kind, period } } })), enabled: /^\d{4}(-\d{2})?$/.test(period) });
}
