/** The operator's support contacts (GET /api/support): in the cabinet's footer and in error states. */
import { Anchor, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { api, call } from '../api/client';

export function useSupport() {
  return useQuery({ queryKey: ['help', 'support'], queryFn: () => call(api.GET('/api/support')), staleTime: Infinity, retry: false });
}

const telHref = (phone: string) => `tel:${phone.replace(/[^\d+]/g, '')}`;

/** «Служба поддержки: телефон, e-mail» — nothing while unknown. */
export function SupportContacts({ prefix = 'Служба поддержки', size = 'sm' }: { prefix?: string; size?: 'xs' | 'sm' }) {
  const support = useSupport();
  const s = support.data;
  if (!s || (!s.phone && !s.email)) return null;
  return (
    <Text size={size} data-testid="support-contacts">
      {prefix}:{' '}
      {s.phone && (
        <Anchor href={telHref(s.phone)} inherit>
          {s.phone}
        </Anchor>
      )}
      {s.phone && s.email && ', '}
      {s.email && (
        <Anchor href={`mailto:${s.email}`} inherit>
          {s.email}
        </Anchor>
      )}
    </Text>
  );
}
