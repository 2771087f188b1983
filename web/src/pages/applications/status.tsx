/** Status badges of applications (seed 002: На рассмотрении / Одобрено / Отклонено / Требуется дополнение). */
import { Badge } from '@mantine/core';
import type { ApplicationStatus } from '../../api/types';

export const STATUS: Record<ApplicationStatus, { label: string; color: string }> = {
  draft: { label: 'Черновик', color: 'gray' },
  submitted: { label: 'На рассмотрении', color: 'blue' },
  needs_info: { label: 'Требуется дополнение', color: 'orange' },
  approved: { label: 'Одобрено', color: 'teal' },
  rejected: { label: 'Отклонено', color: 'red' },
  withdrawn: { label: 'Отозвано заявителем', color: 'gray' },
};

export function StatusBadge({ status, size = 'md' }: { status: ApplicationStatus; size?: 'sm' | 'md' | 'lg' }) {
  const s = STATUS[status];
  return (
    <Badge color={s.color} variant="light" size={size} style={{ whiteSpace: 'nowrap' }}>
      {s.label}
    </Badge>
  );
}

export const KIND_LABEL: Record<string, string> = {
  permit: 'Выдача разрешения',
  amendment: 'Внесение изменений в разрешение',
};
