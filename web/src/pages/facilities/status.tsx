/** How a receiving facility's status and capacity read in the cabinet. */
import { Badge } from '@mantine/core';
import { fmtDecimal } from '../../lib/format';

export function FacilityStatusBadge({ status, organizationSuspended = false }: { status: string; organizationSuspended?: boolean }) {
  if (status === 'suspended') return <Badge color="red" variant="light">Доступ приостановлен</Badge>;
  if (organizationSuspended) return <Badge color="red" variant="light">Доступ организации приостановлен</Badge>;
  return <Badge color="teal" variant="light">Действует</Badge>;
}

export function capacityText(t: string | null, m3: string | null): string {
  const parts = [t ? `${fmtDecimal(t)} т` : null, m3 ? `${fmtDecimal(m3)} м³` : null].filter(Boolean);
  return parts.length ? parts.join(' / ') : '—';
}
