/** How a receiving facility's name, status and capacity read in the cabinet. */
import { Badge, Text } from '@mantine/core';
import { fmtDecimal } from '../../lib/format';
import { EntryLink } from '../registers/common';

export function FacilityStatusBadge({ status, organizationSuspended = false }: { status: string; organizationSuspended?: boolean }) {
  if (status === 'suspended') return <Badge color="red" variant="light">Доступ приостановлен</Badge>;
  if (organizationSuspended) return <Badge color="red" variant="light">Доступ организации приостановлен</Badge>;
  return <Badge color="teal" variant="light">Действует</Badge>;
}

export function capacityText(t: string | null, m3: string | null): string {
  const parts = [t ? `${fmtDecimal(t)} т` : null, m3 ? `${fmtDecimal(m3)} м³` : null].filter(Boolean);
  return parts.length ? parts.join(' / ') : '—';
}

/** The facility's name (opening its card) over its register number and address. */
export function FacilityTitle({ f }: { f: { id: string; name: string; number: string; address: string } }) {
  return (
    <>
      <EntryLink to={`/facilities/${f.id}`}>{f.name}</EntryLink>
      <Text size="xs" c="dimmed">
        {f.number} · {f.address}
      </Text>
    </>
  );
}
