/** Money: hooks over the API (tariffs, VAT rates, acts, invoices, payments). */
import { useQuery } from '@tanstack/react-query';
import { api, call } from '../../api/client';
import type { Ok, Query } from '../../api/types';

export type TariffList = Ok<'/api/tariffs', 'get'>;
export type Tariff = TariffList['items'][number];
export type ApplicableTariff = Ok<'/api/tariffs/applicable', 'get'>['items'][number];
export type ActList = Ok<'/api/acts', 'get'>;
export type Act = ActList['items'][number];
export type InvoiceList = Ok<'/api/invoices', 'get'>;
export type Invoice = InvoiceList['items'][number];
export type PaymentList = Ok<'/api/payments', 'get'>;
export type Payment = PaymentList['items'][number];
export type InvoiceStateKey = Invoice['state'];
export type PaymentMatch = Payment['match'];

export const MONEY_KEY = ['money'] as const;

export function useTariffs(enabled: boolean) {
  return useQuery({ queryKey: [...MONEY_KEY, 'tariffs'], queryFn: () => call(api.GET('/api/tariffs')), enabled });
}
export function useApplicableTariffs(enabled: boolean) {
  return useQuery({ queryKey: [...MONEY_KEY, 'tariffs', 'applicable'], queryFn: () => call(api.GET('/api/tariffs/applicable')), enabled });
}
export function useVatRates() {
  return useQuery({ queryKey: [...MONEY_KEY, 'vat'], queryFn: () => call(api.GET('/api/vat-rates')) });
}
export function useInvoices(q: Query<'/api/invoices', 'get'>) {
  return useQuery({ queryKey: [...MONEY_KEY, 'invoices', q], queryFn: () => call(api.GET('/api/invoices', { params: { query: q } })) });
}
export function useActs(q: Query<'/api/acts', 'get'>) {
  return useQuery({
    queryKey: [...MONEY_KEY, 'acts', q],
    queryFn: () => call(api.GET('/api/acts', { params: { query: q } })),
    // Act files are made by a job a moment after ordering: look again while any is queued.
    refetchInterval: (x) => (x.state.data?.items.some((a) => a.status === 'queued') ? 2000 : false),
  });
}
export function usePayments(q: Query<'/api/payments', 'get'>, enabled = true) {
  return useQuery({ queryKey: [...MONEY_KEY, 'payments', q], queryFn: () => call(api.GET('/api/payments', { params: { query: q } })), enabled });
}

export const INVOICE_STATE_COLOR: Record<InvoiceStateKey, string> = { open: 'blue', partly_paid: 'yellow', paid: 'teal', overdue: 'red' };
export const MATCH_LABEL: Record<PaymentMatch, { label: string; color: string }> = {
  auto: { label: 'Сопоставлен', color: 'teal' },
  manual: { label: 'Сопоставлен вручную', color: 'teal' },
  unmatched: { label: 'Ждёт сопоставления', color: 'orange' },
  ignored: { label: 'Не относится к счетам', color: 'gray' },
};
export const UNIT_LABEL: Record<'m3' | 't', string> = { m3: 'за м³', t: 'за т' };
