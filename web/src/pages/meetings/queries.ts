/** Owners' general meetings: queries and shared helpers of the pages. */
import { useQuery } from '@tanstack/react-query';
import { api, call } from '../../api/client';
import type { Ok } from '../../api/types';

export type Meeting = Ok<'/api/meetings/{id}', 'get'>;
export type MeetingListItem = Ok<'/api/meetings', 'get'>['items'][number];
export type Register = Ok<'/api/meetings/{id}/register', 'get'>;
export type House = Ok<'/api/houses', 'get'>['items'][number];

export const meetingKey = (id: string) => ['meetings', id] as const;

export function useMeeting(id: string, poll = false) {
  return useQuery({
    queryKey: meetingKey(id),
    queryFn: () => call(api.GET('/api/meetings/{id}', { params: { path: { id } } })),
    refetchInterval: (q) => {
      const d = q.state.data;
      const queued = !!d && Object.values(d.documents).some((x) => x.status === 'queued');
      return poll || queued || d?.gis.status === 'sending' ? 2000 : false;
    },
  });
}

export function useMeetings(status: 'in_progress' | 'completed' | 'all') {
  return useQuery({ queryKey: ['meetings', 'list', status], queryFn: () => call(api.GET('/api/meetings', { params: { query: { status } } })) });
}

export function useHouses() {
  return useQuery({ queryKey: ['houses'], queryFn: () => call(api.GET('/api/houses')) });
}

/** An ISO instant → the value of a datetime-local input in Moscow time («2026-05-04T13:45»). */
export function toMoscowInput(iso: string | null): string {
  if (!iso) return '';
  const d = new Date(new Date(iso).getTime() + 3 * 3600_000);
  return d.toISOString().slice(0, 16);
}

/** A datetime-local value, read as Moscow time → ISO instant (or null). */
export function fromMoscowInput(v: string): string | null {
  if (!v) return null;
  const d = new Date(`${v}:00+03:00`);
  return Number.isNaN(d.getTime()) ? null : d.toISOString();
}

/** '1234.50' → «1 234,50» */
export function fmtArea(v: string): string {
  const [i, f = '00'] = v.split('.');
  return `${i.replace(/\B(?=(\d{3})+(?!\d))/g, '\u00A0')},${f.padEnd(2, '0')}`;
}
