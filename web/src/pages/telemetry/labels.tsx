/** How a trip seen on a track stands, as a badge. */
import { Badge } from '@mantine/core';

export const OUTCOME_LABELS = {
  recorded: 'Сформирован по трекеру',
  linked: 'Подтверждает заявленный',
  review: 'На проверке',
} as const;

export const CHECK_LABELS = {
  confirmed: 'Подтверждены треком',
  unsupported: 'Трек не подтверждает',
  no_data: 'Нет данных трекера',
} as const;

export function OutcomeBadge({ d }: { d: { outcome: keyof typeof OUTCOME_LABELS; kind: string; openReviews: number } }) {
  if (d.kind === 'dump_outside') return <Badge color="red" variant="light">Кузов поднят вне объектов приёма</Badge>;
  const color = d.outcome === 'review' ? (d.openReviews > 0 ? 'orange' : 'gray') : d.outcome === 'linked' ? 'blue' : 'teal';
  return (
    <Badge color={color} variant="light">
      {OUTCOME_LABELS[d.outcome]}
    </Badge>
  );
}
