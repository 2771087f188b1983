/** A trip seen on a truck's track: what became of it, and its route on the map with the site's and the facility's boundaries. */
import { Link, useParams } from 'react-router-dom';
import { Alert, Anchor, Breadcrumbs, Card, Grid, Group, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { api, call } from '../../api/client';
import { ErrorAlert, Loading, PageTitle } from '../../components/PageState';
import { TileMap, polygonsOf } from '../../components/TileMap';
import { fmtDateTime } from '../../lib/format';
import { Field } from '../registers/common';
import { OutcomeBadge } from './labels';

const SITE_COLOR = '#1c7ed6';
const FACILITY_COLOR = '#2f9e44';
const TRACK_COLOR = '#c2255c';

export function DetectionPage() {
  const { id = '' } = useParams();
  const q = useQuery({
    queryKey: ['telemetry', 'detection', id],
    queryFn: () => call(api.GET('/api/telemetry/detections/{id}', { params: { path: { id: Number(id) } } })),
    enabled: /^\d+$/.test(id),
  });
  if (!/^\d+$/.test(id)) return <ErrorAlert error={new Error('Рейс по данным трекера не найден')} />;
  if (q.isPending) return <Loading label="Загрузка трека…" />;
  if (q.isError) return <ErrorAlert error={q.error} title="Не удалось открыть рейс по данным трекера" />;
  const d = q.data;
  const positions = [
    ...d.track.map((p) => [p.longitude, p.latitude]),
    ...polygonsOf(d.siteBoundary).flat(2),
    ...polygonsOf(d.facilityBoundary).flat(2),
    [d.unloadLongitude, d.unloadLatitude],
  ];
  const raised = d.track.filter((p) => p.bodyRaised === true);
  return (
    <>
      <Breadcrumbs mb="xs" aria-label="Путь">
        <Anchor component={Link} to="/telemetry" size="sm">
          Трекеры
        </Anchor>
        <Text size="sm" c="dimmed">
          Рейс № {d.id}
        </Text>
      </Breadcrumbs>
      <PageTitle subtitle={`${d.plate}: ${d.siteName} → ${d.facilityName ?? 'вне объектов приёма'}`} right={<OutcomeBadge d={d} />}>
        Рейс по данным трекера № {d.id}
      </PageTitle>
      {d.reasons.length > 0 && (
        <Alert color={d.openReviews > 0 ? 'orange' : 'gray'} mb="md" title={d.openReviews > 0 ? 'На проверке у оператора' : 'Проверка закрыта'}>
          <Stack gap={4}>
            {d.reasons.map((r, i) => (
              <Text key={i} size="sm">
                {r}
              </Text>
            ))}
          </Stack>
        </Alert>
      )}
      <Card component="section" aria-label="Сведения о рейсе" mb="lg">
        <Grid gutter="md">
          <Field label="Транспортное средство">{d.plate}</Field>
          <Field label="Перевозчик">{d.carrierName}</Field>
          <Field label="Пробег, км">{d.distanceKm === null ? '—' : d.distanceKm.toLocaleString('ru-RU')}</Field>
          <Field label="Погрузка: выезд с объекта образования">
            {fmtDateTime(d.loadedAt)}, {d.siteName}
          </Field>
          <Field label="Подъём кузова">
            {fmtDateTime(d.unloadedAt)}, {d.facilityName ?? `вне объектов приёма (${d.unloadLatitude.toFixed(5)}, ${d.unloadLongitude.toFixed(5)})`}
          </Field>
          <Field label="Рейс в системе">
            {d.tripId === null ? 'не сформирован' : d.tripSource === 'telemetry' ? `№ ${d.tripId}, сформирован по данным трекера` : `№ ${d.tripId}, заявлен перевозчиком — подтверждён треком`}
          </Field>
        </Grid>
      </Card>
      <Card component="section" aria-label="Маршрут на карте">
        <Title order={2} size="h4" mb="sm">
          Маршрут
        </Title>
        {d.track.length ? (
          <TileMap
            label={`Маршрут ${d.plate}: ${d.track.length} точек трека, границы объекта образования и объекта приёма`}
            fit={positions}
            shapes={[
              { kind: 'area', geometry: d.siteBoundary, color: SITE_COLOR, label: `Объект образования: ${d.siteName}`, className: 'map-area map-site' },
              { kind: 'area', geometry: d.facilityBoundary, color: FACILITY_COLOR, label: `Объект приёма: ${d.facilityName ?? ''}`, className: 'map-area map-facility' },
              { kind: 'line', positions: d.track.map((t) => [t.longitude, t.latitude]), color: TRACK_COLOR, label: 'Трек', className: 'map-track' },
              ...raised.map((t) => ({ kind: 'point' as const, at: [t.longitude, t.latitude], color: '#f08c00', label: 'Кузов поднят', className: 'map-raised' })),
              { kind: 'point', at: [d.unloadLongitude, d.unloadLatitude], color: '#e8590c', label: 'Подъём кузова', className: 'map-unload', radius: 9, hollow: true },
            ]}
          />
        ) : (
          <Text size="sm" c="dimmed">
            Точек трека нет
          </Text>
        )}
        <Group gap="lg" mt="xs" wrap="wrap">
          <Legend color={SITE_COLOR}>объект образования</Legend>
          <Legend color={FACILITY_COLOR}>объект приёма</Legend>
          <Legend color={TRACK_COLOR}>трек</Legend>
          <Legend color="#f08c00">кузов поднят</Legend>
        </Group>
      </Card>
    </>
  );
}

function Legend({ color, children }: { color: string; children: string }) {
  return (
    <Group gap={6} wrap="nowrap">
      <span aria-hidden="true" style={{ display: 'inline-block', width: 14, height: 14, borderRadius: 3, background: color }} />
      <Text size="xs">{children}</Text>
    </Group>
  );
}
